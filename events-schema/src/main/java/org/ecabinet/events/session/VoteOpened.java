package org.ecabinet.events.session;

import org.axonframework.serialization.Revision;

/** The chair opened the vote on an item. */
@Revision("1")
public record VoteOpened(String sessionId, String itemId) implements SessionEvent {
}
