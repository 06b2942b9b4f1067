package org.ecabinet.ballot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.ecabinet.events.ballot.BallotQuestion;
import org.ecabinet.events.ballot.CloseReason;
import org.ecabinet.events.ballot.DraftDocument;
import org.ecabinet.events.ballot.QuestionAnswer;
import org.ecabinet.events.ballot.QuestionResult;

/**
 * The query model of one ballot: what it asks, who answered what (latest version), the live tally, and the
 * published report. Kept in {@code ballot_views}; rebuilt from events at will.
 */
public class BallotView {

    public String ballotId;
    public String subject;
    public BallotStatus status;
    public Instant issuedAt;
    public Instant deadline;
    public List<DraftDocument> drafts = new ArrayList<>();
    public List<BallotQuestion> questions = new ArrayList<>();
    public List<String> eligibleMembers = new ArrayList<>();
    public String chairId;
    public List<MemberAnswer> answers = new ArrayList<>();
    public List<QuestionResult> results = new ArrayList<>();
    public CloseReason closeReason;
    public Instant closedAt;
    public String withdrawalReason;
    public List<String> deadlineExtensions = new ArrayList<>();
    public List<String> remindersSent = new ArrayList<>();
    public Report report;
    public long version;
    public Instant updatedAt;

    /** The latest answer of one member; every earlier version stays in the event history. */
    public static class MemberAnswer {
        public String memberId;
        public int version;
        public List<QuestionAnswer> answers = new ArrayList<>();
        public Instant signingTime;
        public String certificateSha256;
        public Instant submittedAt;
    }

    public record Report(String reportId, String fileName, String sha256, long size, String signedBy) {
    }

    /**
     * This view as one member may see it before the close: their own answer only, no tally. A new object:
     * the view itself is shared by every subscriber of a live stream, and must not become one member's.
     */
    BallotView forMember(String memberId) {
        BallotView copy = new BallotView();
        copy.ballotId = ballotId;
        copy.subject = subject;
        copy.status = status;
        copy.issuedAt = issuedAt;
        copy.deadline = deadline;
        copy.drafts = List.copyOf(drafts);
        copy.questions = List.copyOf(questions);
        copy.eligibleMembers = List.copyOf(eligibleMembers);
        copy.chairId = chairId;
        copy.answers = answers.stream().filter(a -> a.memberId.equals(memberId)).toList();
        copy.results = List.of();
        copy.closeReason = closeReason;
        copy.closedAt = closedAt;
        copy.withdrawalReason = withdrawalReason;
        copy.deadlineExtensions = List.copyOf(deadlineExtensions);
        copy.remindersSent = List.copyOf(remindersSent);
        copy.report = report;
        copy.version = version;
        copy.updatedAt = updatedAt;
        return copy;
    }

    Optional<MemberAnswer> answerOf(String memberId) {
        return answers.stream().filter(a -> a.memberId.equals(memberId)).findFirst();
    }

    boolean isEligible(String memberId) {
        return eligibleMembers.contains(memberId);
    }
}
