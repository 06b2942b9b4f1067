package org.ecabinet.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.ecabinet.events.session.Position;
import org.ecabinet.events.session.SessionKind;
import org.ecabinet.events.session.VoteChoice;


/**
 * The query model of one session, as the session room shows it and as lists summarise it. Kept in the
 * {@code session_rooms} collection and rebuilt from events at will.
 */
public class SessionRoom {

    public String sessionId;
    public String title;
    public SessionKind kind;
    public Instant startsAt;
    public String location;
    public boolean online;
    public SessionStatus status;
    public boolean published;
    public String chairId;
    public List<String> members = new ArrayList<>();
    public List<String> guests = new ArrayList<>();
    public int quorum;
    public List<AgendaItem> agenda = new ArrayList<>();
    public List<String> checkedIn = new ArrayList<>();
    public List<Absence> absences = new ArrayList<>();
    public String cancellationReason;
    /** When the chair really opened and closed the session (the schedule says only when it was meant to start). */
    public Instant openedAt;
    public Instant closedAt;
    /** The signed minutes, once the secretariat has signed them after the close. */
    public Minutes minutes;
    public long version;
    public Instant updatedAt;

    public static class AgendaItem {
        public String itemId;
        public String title;
        public String presentingAgency;
        public List<Paper> papers = new ArrayList<>();
        public List<MemberPosition> positions = new ArrayList<>();
        public Vote vote;
        /** ADOPTED_WITHOUT_DISCUSSION, PASSED or REJECTED once decided. */
        public String outcome;
        public String conclusion;
    }

    public record Paper(String paperId, String fileName, String sha256, long size) {
    }

    public record MemberPosition(String memberId, Position position, String comment) {
    }

    public record Minutes(String documentId, String fileName, String sha256, long size, String signedBy) {
    }

    public record Absence(String memberId, String delegate, String reason) {
    }

    public static class Vote {
        public boolean open;
        public List<Ballot> ballots = new ArrayList<>();
        public int votesFor;
        public int votesAgainst;
        public int abstentions;
        public Boolean passed;
    }

    public record Ballot(String memberId, VoteChoice choice) {
    }

    Optional<AgendaItem> item(String itemId) {
        return agenda.stream().filter(i -> i.itemId.equals(itemId)).findFirst();
    }

    boolean isInvited(String userId) {
        return members.contains(userId) || guests.contains(userId);
    }
}
