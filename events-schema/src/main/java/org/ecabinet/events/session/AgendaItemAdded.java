package org.ecabinet.events.session;

import org.axonframework.serialization.Revision;

/** An item was added at the end of the agenda. */
@Revision("1")
public record AgendaItemAdded(String sessionId, String itemId, String title, String presentingAgency) implements SessionEvent {
}
