package org.ecabinet.events.session;

import org.axonframework.serialization.Revision;

/** A member checked in for the session. */
@Revision("1")
public record MemberCheckedIn(String sessionId, String memberId) implements SessionEvent {
}
