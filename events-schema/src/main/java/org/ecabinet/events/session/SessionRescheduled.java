package org.ecabinet.events.session;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** The session was postponed or moved before it opened. */
@Revision("1")
public record SessionRescheduled(String sessionId, Instant startsAt, String location, boolean online, String reason) implements SessionEvent {
}
