package org.ecabinet.ui.session;

import java.time.Instant;
import java.util.List;

/** The backend's session API as this UI reads it. */
public final class SessionModels {

    private SessionModels() {
    }

    public record SessionSummary(String sessionId, String title, String kind, Instant startsAt, String location,
                                 boolean online, String status, int agendaItems, boolean invited) {
    }

    public record SessionRoom(String sessionId, String title, String kind, Instant startsAt, String location, boolean online,
                              String status, boolean published, String chairId, List<String> members, List<String> guests,
                              int quorum, List<AgendaItem> agenda, List<String> checkedIn, List<Absence> absences,
                              String cancellationReason, Instant openedAt, Instant closedAt, Minutes minutes, long version) {

        public SessionRoom {
            guests = guests == null ? List.of() : guests;
            absences = absences == null ? List.of() : absences;
            checkedIn = checkedIn == null ? List.of() : checkedIn;
        }

        public boolean isMember(String userId) {
            return members.contains(userId);
        }

        public boolean isChair(String userId) {
            return userId.equals(chairId);
        }

        public boolean is(String state) {
            return status.equals(state);
        }

        /** Before the opening: positions, absences and the agenda may still change. */
        public boolean beforeOpening() {
            return is("SCHEDULED") || is("PUBLISHED");
        }

        public java.util.Optional<Absence> absenceOf(String userId) {
            return absences.stream().filter(a -> a.memberId().equals(userId)).findFirst();
        }

        /** The item whose vote is open, if any: one at a time. */
        public java.util.Optional<AgendaItem> underVote() {
            return agenda.stream().filter(i -> i.vote() != null && i.vote().open()).findFirst();
        }

        /** Members who have not recorded a position on this item (nor declared an absence). */
        public List<String> withoutPosition(AgendaItem item) {
            return members.stream().filter(m -> item.positions().stream().noneMatch(p -> p.memberId().equals(m)))
                    .filter(m -> absenceOf(m).isEmpty()).toList();
        }

        /** Items nobody objected to nor asked to discuss, not yet decided: the chair may adopt them together. */
        public List<AgendaItem> adoptableAsABlock() {
            return agenda.stream().filter(i -> i.outcome() == null && (i.vote() == null || !i.vote().open())
                    && i.count("OBJECT") == 0 && i.count("WISH_TO_DISCUSS") == 0).toList();
        }
    }

    public record Minutes(String documentId, String fileName, String sha256, long size, String signedBy) {
    }

    public record AgendaItem(String itemId, String title, String presentingAgency, List<Paper> papers,
                             List<MemberPosition> positions, Vote vote, String outcome, String conclusion) {
        public long count(String position) {
            return positions.stream().filter(p -> p.position().equals(position)).count();
        }
    }

    public record Paper(String paperId, String fileName, String sha256, long size) {
    }

    public record MemberPosition(String memberId, String position, String comment) {
    }

    public record Absence(String memberId, String delegate, String reason) {
    }

    public record Vote(boolean open, List<Ballot> ballots, int votesFor, int votesAgainst, int abstentions, Boolean passed) {

        public Vote {
            ballots = ballots == null ? List.of() : ballots;
        }

        public java.util.Optional<String> choiceOf(String memberId) {
            return ballots.stream().filter(b -> b.memberId().equals(memberId)).map(Ballot::choice).findFirst();
        }
    }

    public record Ballot(String memberId, String choice) {
    }

    /** What the secretariat fills in to schedule a session (the form binds to it); the time is Hanoi time. */
    public record Schedule(String title, String kind, java.time.LocalDateTime startsAt, String location, boolean online) {
    }
}
