package org.ecabinet.events.session;

import org.axonframework.serialization.Revision;

/** A member will be absent; a named deputy may attend in their place without a vote. */
@Revision("1")
public record AbsenceDeclared(String sessionId, String memberId, String delegate, String reason) implements SessionEvent {
}
