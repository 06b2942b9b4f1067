package org.ecabinet.ui.ballot;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The backend's ballot API as this UI reads it. */
public final class BallotModels {

    private BallotModels() {
    }

    public record BallotSummary(String ballotId, String subject, String status, Instant deadline, int questions, int eligible,
                                int answered, boolean awaitingMyAnswer, boolean resultPublished) {
    }

    public record Ballot(String ballotId, String subject, String status, Instant issuedAt, Instant deadline, List<Draft> drafts,
                         List<Question> questions, List<String> eligibleMembers, List<MemberAnswer> answers,
                         List<QuestionResult> results, String closeReason, Instant closedAt, String withdrawalReason,
                         Report report, long version) {

        public boolean isEligible(String userId) {
            return eligibleMembers.contains(userId);
        }

        public Optional<MemberAnswer> answerOf(String userId) {
            return answers.stream().filter(a -> a.memberId().equals(userId)).findFirst();
        }

        public Optional<QuestionResult> resultOf(String questionId) {
            return results.stream().filter(r -> r.questionId().equals(questionId)).findFirst();
        }

        public boolean isOpen() {
            return "OPEN".equals(status);
        }
    }

    public record Draft(String documentId, String fileName, String sha256, long size) {
    }

    public record Question(String questionId, String text) {
    }

    public record Answer(String questionId, String choice, String comment) {
    }

    public record MemberAnswer(String memberId, int version, List<Answer> answers, Instant signingTime, String certificateSha256,
                               Instant submittedAt) {
    }

    public record QuestionResult(String questionId, int agree, int disagree, int otherOpinion, int notAnswered, boolean passed) {
    }

    public record Report(String reportId, String fileName, String sha256, long size, String signedBy) {
    }

    /** What the secretariat fills in to issue a ballot. */
    public record NewBallot(String subject, List<String> draftIds, List<String> questions, Instant deadline) {
    }
}
