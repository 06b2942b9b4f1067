package org.ecabinet.events.session;

import java.util.List;

import org.axonframework.serialization.Revision;

/** The chair adopted, as a block, items on which no member objected. */
@Revision("1")
public record ItemsAdoptedWithoutDiscussion(String sessionId, List<String> itemIds) implements SessionEvent {
    public ItemsAdoptedWithoutDiscussion {
        itemIds = List.copyOf(itemIds);
    }
}
