package org.ecabinet.ballot;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.ecabinet.ballot.BallotCommands.*;
import org.ecabinet.events.ballot.*;
import org.ecabinet.platform.AggregateLocks;
import org.ecabinet.platform.NotPermitted;
import org.ecabinet.platform.RuleViolation;
import org.ecabinet.signing.VerificationReport;

/**
 * A written consultation of cabinet members (phiếu lấy ý kiến): issued with drafts, questions, the frozen
 * list of eligible members and a deadline; answered by each member with a signed answer that may be amended
 * until close; closed at the deadline, when everyone answered, or by the secretariat; or withdrawn.
 *
 * <p>The deadline and the reminders are Axon deadlines kept by JobRunr in MongoDB, so they survive restarts:
 * a deadline that passed while the backend was down fires when it comes back. The open-source JobRunr cannot
 * cancel deadlines by scope, so none is cancelled: each carries the deadline it was scheduled for and is
 * ignored when the ballot has moved on (closed, withdrawn, or extended to another deadline).
 */
@Aggregate(cache = "ballotCache", snapshotTriggerDefinition = "ballotSnapshotTrigger", lockFactory = AggregateLocks.BEAN)
public class OpinionBallot {

    static final String CLOSING = "ballot-closing";
    static final String REMINDER = "ballot-reminder";

    @AggregateIdentifier
    private String ballotId;
    private boolean open;
    private boolean closed;
    private boolean resultPublished;
    private Instant deadline;
    private String chairId;
    private List<String> eligible;
    private List<BallotQuestion> questions;
    private List<String> draftHashes;
    private final Map<String, List<QuestionAnswer>> latestAnswers = new HashMap<>();
    private final Map<String, Integer> versions = new HashMap<>();

    protected OpinionBallot() {
        // for Axon
    }

    @CommandHandler
    OpinionBallot(IssueBallot command, DeadlineManager deadlines) {
        if (command.questions().isEmpty()) {
            throw new RuleViolation("ballot.no-question", "A ballot needs at least one question.");
        }
        if (command.eligibleMembers().isEmpty()) {
            throw new RuleViolation("ballot.no-members", "A ballot needs eligible members.");
        }
        if (!command.deadline().isAfter(command.now())) {
            throw new RuleViolation("ballot.deadline-in-past", "The deadline must be in the future.");
        }
        apply(new BallotIssued(command.ballotId(), command.subject(), command.drafts(), command.questions(),
                command.eligibleMembers(), command.chairId(), command.deadline()));
        // Events applied in a constructor reach the event sourcing handlers only after it returns.
        schedule(deadlines, command.deadline(), command.reminders(), command.now());
    }

    @CommandHandler
    void handle(ExtendDeadline command, DeadlineManager deadlines) {
        requireOpen("extend");
        if (!command.deadline().isAfter(deadline)) {
            throw new RuleViolation("ballot.extension-not-later", "An extension must move the deadline later than " + deadline + ".",
                    Map.of("deadline", deadline));
        }
        apply(new BallotDeadlineExtended(ballotId, command.deadline(), command.reason()));
        schedule(deadlines, command.deadline(), command.reminders(), command.now());
    }

    @CommandHandler
    void handle(WithdrawBallot command) {
        requireOpen("withdraw");
        apply(new BallotWithdrawn(ballotId, command.reason()));
    }

    @CommandHandler
    void handle(CloseBallot command) {
        requireOpen("close");
        close(CloseReason.SECRETARIAT);
    }

    @CommandHandler
    void handle(SubmitAnswer command, SignatureCheck signatures) {
        if (!eligible.contains(command.memberId())) {
            throw new NotPermitted("You are not among the members consulted by this ballot.");
        }
        requireOpen("answer");
        if (command.now().isAfter(deadline)) {
            throw new RuleViolation("ballot.deadline-passed", "The deadline for answers passed at " + deadline + ".", Map.of("deadline", deadline));
        }
        checkAnswers(command.answers());
        String canonical = AnswerCanonicalForm.of(ballotId, command.memberId(), draftHashes, command.answers());
        VerificationReport report = signatures.verify(AnswerCanonicalForm.bytes(canonical), decode(command.signature()));
        if (!report.passed()) {
            throw new RuleViolation("ballot.signature-refused", "The signature was not accepted: " + report.message() + " (" + report.subIndication() + ")");
        }
        if (!command.memberId().equals(report.signerUserId())) {
            throw new NotPermitted("The signing certificate does not belong to you.");
        }
        apply(new AnswerSubmitted(ballotId, command.memberId(), versions.getOrDefault(command.memberId(), 0) + 1,
                command.answers(), canonical, command.signature(), report.certificateSha256(), report.signingTime()));
        if (latestAnswers.keySet().containsAll(eligible)) {
            close(CloseReason.ALL_ANSWERED);
        }
    }

    @CommandHandler
    void handle(PublishResult command) {
        if (!closed) {
            throw new RuleViolation("ballot.not-closed", "The result is published after the ballot closes.");
        }
        if (resultPublished) {
            throw new RuleViolation("ballot.result-published", "The result has already been published.");
        }
        apply(new BallotResultPublished(ballotId, command.reportId(), command.fileName(), command.sha256(), command.size(), command.signedBy()));
    }

    @DeadlineHandler(deadlineName = CLOSING)
    void deadlinePassed(Instant scheduledFor) {
        if (open && scheduledFor.equals(deadline)) {
            close(CloseReason.DEADLINE);
        }
    }

    /** What a reminder deadline carries: how long before which deadline it was meant to remind. */
    record Reminder(String before, Instant deadline) {
    }

    @DeadlineHandler(deadlineName = REMINDER)
    void reminderDue(Reminder reminder) {
        if (!open || !reminder.deadline().equals(deadline)) {
            return;
        }
        List<String> pending = eligible.stream().filter(m -> !latestAnswers.containsKey(m)).toList();
        if (!pending.isEmpty()) {
            apply(new BallotReminderDue(ballotId, reminder.before(), pending));
        }
    }

    private void close(CloseReason reason) {
        apply(new BallotClosed(ballotId, reason, Tally.count(questions, eligible, chairId, latestAnswers)));
    }

    private static void schedule(DeadlineManager deadlines, Instant closesAt, List<Duration> reminders, Instant now) {
        deadlines.schedule(closesAt, CLOSING, closesAt);
        for (Duration before : reminders) {
            Instant at = closesAt.minus(before);
            if (at.isAfter(now)) {
                deadlines.schedule(at, REMINDER, new Reminder(before.toString(), closesAt));
            }
        }
    }

    private void checkAnswers(List<QuestionAnswer> answers) {
        Set<String> expected = new HashSet<>(questions.stream().map(BallotQuestion::questionId).toList());
        Set<String> given = new HashSet<>();
        for (QuestionAnswer answer : answers) {
            if (!expected.contains(answer.questionId())) {
                throw new RuleViolation("ballot.unknown-question", "This ballot has no question " + answer.questionId() + ".");
            }
            if (!given.add(answer.questionId())) {
                throw new RuleViolation("ballot.question-twice", "Question " + answer.questionId() + " is answered twice.", numbering(answer));
            }
            if (answer.choice() != AnswerChoice.AGREE && (answer.comment() == null || answer.comment().isBlank())) {
                throw new RuleViolation("ballot.comment-required",
                        "A comment is required when you disagree or give another opinion (question " + answer.questionId() + ").", numbering(answer));
            }
        }
        if (!given.equals(expected)) {
            throw new RuleViolation("ballot.unanswered-question", "Every question must be answered.");
        }
    }

    /** The arguments of a refusal about an answer: the question's number on the ballot, as the member reads it. */
    private Map<String, Integer> numbering(QuestionAnswer answer) {
        return Map.of("question", questions.stream().map(BallotQuestion::questionId).toList().indexOf(answer.questionId()) + 1);
    }

    private void requireOpen(String action) {
        if (!open) {
            throw new RuleViolation(closed ? "ballot.closed" : "ballot.withdrawn", "Cannot " + action + " a ballot that is " + (closed ? "closed" : "withdrawn") + ".");
        }
    }

    private static byte[] decode(String signature) {
        try {
            return Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            throw new RuleViolation("The signature is not valid base64.");
        }
    }

    @EventSourcingHandler
    void on(BallotIssued event) {
        ballotId = event.ballotId();
        open = true;
        deadline = event.deadline();
        chairId = event.chairId();
        eligible = event.eligibleMembers();
        questions = event.questions();
        draftHashes = event.drafts().stream().map(DraftDocument::sha256).toList();
    }

    @EventSourcingHandler
    void on(BallotDeadlineExtended event) {
        deadline = event.deadline();
    }

    @EventSourcingHandler
    void on(BallotWithdrawn event) {
        open = false;
    }

    @EventSourcingHandler
    void on(AnswerSubmitted event) {
        latestAnswers.put(event.memberId(), new ArrayList<>(event.answers()));
        versions.put(event.memberId(), event.version());
    }

    @EventSourcingHandler
    void on(BallotClosed event) {
        open = false;
        closed = true;
    }

    @EventSourcingHandler
    void on(BallotResultPublished event) {
        resultPublished = true;
    }
}
