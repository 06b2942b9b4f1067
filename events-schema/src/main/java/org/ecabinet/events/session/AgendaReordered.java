package org.ecabinet.events.session;

import java.util.List;

import org.axonframework.serialization.Revision;

/** The agenda got a new order; {@code itemIds} lists every item once. */
@Revision("1")
public record AgendaReordered(String sessionId, List<String> itemIds) implements SessionEvent {
    public AgendaReordered {
        itemIds = List.copyOf(itemIds);
    }
}
