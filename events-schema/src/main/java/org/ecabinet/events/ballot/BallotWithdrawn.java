package org.ecabinet.events.ballot;

import org.axonframework.serialization.Revision;

/** The secretariat withdrew the ballot before it closed; answers given so far count for nothing. */
@Revision("1")
public record BallotWithdrawn(String ballotId, String reason) implements BallotEvent {
}
