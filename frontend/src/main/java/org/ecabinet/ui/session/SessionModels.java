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
                              long version) {
        public boolean isMember(String userId) {
            return members.contains(userId);
        }
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

    public record Vote(boolean open, int votesFor, int votesAgainst, int abstentions, Boolean passed) {
    }
}
