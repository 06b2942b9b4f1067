package org.ecabinet.events.session;

import org.axonframework.serialization.Revision;

/** An item was taken off the agenda. */
@Revision("1")
public record AgendaItemRemoved(String sessionId, String itemId) implements SessionEvent {
}
