package org.ecabinet.events.session;

import org.axonframework.serialization.Revision;

/** A member present cast (or changed) a vote while the vote was open. */
@Revision("1")
public record VoteCast(String sessionId, String itemId, String memberId, VoteChoice choice) implements SessionEvent {
}
