package org.ecabinet.events.session;

import org.axonframework.serialization.Revision;

/** The chair closed the vote; an item passes when more than half of all members vote for it, and on an exact half the chair's side wins. */
@Revision("1")
public record VoteClosed(String sessionId, String itemId, int votesFor, int votesAgainst, int abstentions, int members, boolean passed) implements SessionEvent {
}
