package org.ecabinet.events.ballot;

import java.time.Instant;
import java.util.List;

import org.axonframework.serialization.Revision;

/** The secretariat issued a ballot; {@code eligibleMembers} is frozen here and is the base of every majority. */
@Revision("1")
public record BallotIssued(String ballotId, String subject, List<DraftDocument> drafts, List<BallotQuestion> questions,
                           List<String> eligibleMembers, String chairId, Instant deadline) implements BallotEvent {
    public BallotIssued {
        drafts = List.copyOf(drafts);
        questions = List.copyOf(questions);
        eligibleMembers = List.copyOf(eligibleMembers);
    }
}
