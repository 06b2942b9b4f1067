package org.ecabinet.events.session;

import org.axonframework.serialization.Revision;

/** The chair recorded the conclusion on an item. */
@Revision("1")
public record ConclusionRecorded(String sessionId, String itemId, String text) implements SessionEvent {
}
