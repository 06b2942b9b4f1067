package org.ecabinet.events.session;

import org.axonframework.serialization.Revision;

/** The session was cancelled before it opened. */
@Revision("1")
public record SessionCancelled(String sessionId, String reason) implements SessionEvent {
}
