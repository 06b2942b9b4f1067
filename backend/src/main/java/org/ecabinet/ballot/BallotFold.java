package org.ecabinet.ballot;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ecabinet.events.ballot.*;

/** What each ballot event does to a {@link BallotView}: used by the projection and by point-in-time views. */
final class BallotFold {

    private BallotFold() {
    }

    static void apply(BallotView view, BallotEvent event, Instant at) {
        if (event instanceof BallotIssued e) {
            view.ballotId = e.ballotId();
            view.subject = e.subject();
            view.status = BallotStatus.OPEN;
            view.issuedAt = at;
            view.deadline = e.deadline();
            view.drafts = new java.util.ArrayList<>(e.drafts());
            view.questions = new java.util.ArrayList<>(e.questions());
            view.eligibleMembers = new java.util.ArrayList<>(e.eligibleMembers());
            view.chairId = e.chairId();
            view.results = tally(view);
        } else if (event instanceof BallotDeadlineExtended e) {
            view.deadlineExtensions.add(view.deadline + " → " + e.deadline() + ": " + e.reason());
            view.deadline = e.deadline();
        } else if (event instanceof BallotWithdrawn e) {
            view.status = BallotStatus.WITHDRAWN;
            view.withdrawalReason = e.reason();
        } else if (event instanceof AnswerSubmitted e) {
            BallotView.MemberAnswer answer = view.answerOf(e.memberId()).orElseGet(() -> {
                BallotView.MemberAnswer created = new BallotView.MemberAnswer();
                created.memberId = e.memberId();
                view.answers.add(created);
                return created;
            });
            answer.version = e.version();
            answer.answers = new java.util.ArrayList<>(e.answers());
            answer.signingTime = e.signingTime();
            answer.certificateSha256 = e.certificateSha256();
            answer.submittedAt = at;
            view.results = tally(view);
        } else if (event instanceof BallotReminderDue e) {
            view.remindersSent.add(e.reminder());
        } else if (event instanceof BallotClosed e) {
            view.status = BallotStatus.CLOSED;
            view.closeReason = e.reason();
            view.closedAt = at;
            view.results = new java.util.ArrayList<>(e.results());
        } else if (event instanceof BallotResultPublished e) {
            view.report = new BallotView.Report(e.reportId(), e.fileName(), e.sha256(), e.size(), e.signedBy());
        }
    }

    private static List<QuestionResult> tally(BallotView view) {
        Map<String, List<QuestionAnswer>> latest = new HashMap<>();
        view.answers.forEach(a -> latest.put(a.memberId, a.answers));
        return new java.util.ArrayList<>(Tally.count(view.questions, view.eligibleMembers, view.chairId, latest));
    }
}
