package org.ecabinet.events.ballot;

import java.util.List;

import org.axonframework.serialization.Revision;

/** The ballot closed, with the result of every question counted against all eligible members. */
@Revision("1")
public record BallotClosed(String ballotId, CloseReason reason, List<QuestionResult> results) implements BallotEvent {
    public BallotClosed {
        results = List.copyOf(results);
    }
}
