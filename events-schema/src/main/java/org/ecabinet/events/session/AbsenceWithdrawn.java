package org.ecabinet.events.session;

import org.axonframework.serialization.Revision;

/** A member who declared an absence will attend after all. */
@Revision("1")
public record AbsenceWithdrawn(String sessionId, String memberId) implements SessionEvent {
}
