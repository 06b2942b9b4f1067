package org.ecabinet.events.session;

import org.axonframework.serialization.Revision;

/** The papers became visible to the invitees. */
@Revision("1")
public record SessionPublished(String sessionId) implements SessionEvent {
}
