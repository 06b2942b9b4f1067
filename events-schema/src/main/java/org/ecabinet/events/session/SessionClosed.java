package org.ecabinet.events.session;

import org.axonframework.serialization.Revision;

/** The chair closed the session. */
@Revision("1")
public record SessionClosed(String sessionId) implements SessionEvent {
}
