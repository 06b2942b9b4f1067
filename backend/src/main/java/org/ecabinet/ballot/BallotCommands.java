package org.ecabinet.ballot;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ecabinet.events.ballot.BallotQuestion;
import org.ecabinet.events.ballot.DraftDocument;
import org.ecabinet.events.ballot.QuestionAnswer;

/**
 * What can be asked of an {@link OpinionBallot}. {@code now} is the server's clock when the request came in;
 * the acting member is always the authenticated user.
 */
final class BallotCommands {

    private BallotCommands() {
    }

    record IssueBallot(@TargetAggregateIdentifier String ballotId, String subject, List<DraftDocument> drafts,
                       List<BallotQuestion> questions, List<String> eligibleMembers, String chairId, Instant deadline,
                       List<Duration> reminders, Instant now) {
    }

    record ExtendDeadline(@TargetAggregateIdentifier String ballotId, Instant deadline, String reason, List<Duration> reminders, Instant now) {
    }

    record WithdrawBallot(@TargetAggregateIdentifier String ballotId, String reason) {
    }

    record CloseBallot(@TargetAggregateIdentifier String ballotId) {
    }

    /** {@code signature}: base64 CMS over the canonical form of exactly these answers ({@link AnswerCanonicalForm}). */
    record SubmitAnswer(@TargetAggregateIdentifier String ballotId, String memberId, List<QuestionAnswer> answers, String signature,
                        Instant now) {
        SubmitAnswer withNow(Instant at) {
            return new SubmitAnswer(ballotId, memberId, answers, signature, at);
        }
    }

    record PublishResult(@TargetAggregateIdentifier String ballotId, String reportId, String fileName, String sha256, long size,
                         String signedBy) {
    }
}
