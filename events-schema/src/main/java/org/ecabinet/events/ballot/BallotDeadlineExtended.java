package org.ecabinet.events.ballot;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** The secretariat moved the deadline later, saying why. */
@Revision("1")
public record BallotDeadlineExtended(String ballotId, Instant deadline, String reason) implements BallotEvent {
}
