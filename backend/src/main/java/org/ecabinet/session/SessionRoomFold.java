package org.ecabinet.session;

import java.util.ArrayList;
import java.util.List;

import org.ecabinet.events.session.*;

/**
 * What each session event does to a {@link SessionRoom}: the one definition of the room, used by the
 * live projection and by point-in-time views rebuilt from the events.
 */
final class SessionRoomFold {

    private SessionRoomFold() {
    }

    /** Applies the event, which happened {@code at}; a {@link SessionScheduled} needs a fresh room. */
    static void apply(SessionRoom room, SessionEvent event, java.time.Instant at) {
        if (event instanceof SessionScheduled e) {
            room.sessionId = e.sessionId();
            room.title = e.title();
            room.kind = e.kind();
            room.startsAt = e.startsAt();
            room.location = e.location();
            room.online = e.online();
            room.status = SessionStatus.SCHEDULED;
            room.chairId = e.chairId();
            room.members = new ArrayList<>(e.members());
            room.quorum = (e.members().size() * 2 + 2) / 3;
        } else if (event instanceof SessionRescheduled e) {
            room.startsAt = e.startsAt();
            room.location = e.location();
            room.online = e.online();
        } else if (event instanceof SessionCancelled e) {
            room.status = SessionStatus.CANCELLED;
            room.cancellationReason = e.reason();
        } else if (event instanceof AgendaItemAdded e) {
            SessionRoom.AgendaItem item = new SessionRoom.AgendaItem();
            item.itemId = e.itemId();
            item.title = e.title();
            item.presentingAgency = e.presentingAgency();
            room.agenda.add(item);
        } else if (event instanceof AgendaItemRemoved e) {
            room.agenda.removeIf(i -> i.itemId.equals(e.itemId()));
        } else if (event instanceof AgendaReordered e) {
            room.agenda = e.itemIds().stream()
                    .map(id -> room.item(id).orElseThrow())
                    .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
        } else if (event instanceof PaperAttached e) {
            room.item(e.itemId()).orElseThrow().papers
                    .add(new SessionRoom.Paper(e.paperId(), e.fileName(), e.sha256(), e.size()));
        } else if (event instanceof GuestsInvited e) {
            e.userIds().stream()
                    .filter(id -> !room.guests.contains(id))
                    .forEach(room.guests::add);
        } else if (event instanceof SessionPublished e) {
            room.status = SessionStatus.PUBLISHED;
            room.published = true;
        } else if (event instanceof PositionRecorded e) {
            List<SessionRoom.MemberPosition> positions = room.item(e.itemId()).orElseThrow().positions;
            positions.removeIf(p -> p.memberId().equals(e.memberId()));
            positions.add(new SessionRoom.MemberPosition(e.memberId(), e.position(), e.comment()));
        } else if (event instanceof AbsenceDeclared e) {
            room.absences.removeIf(a -> a.memberId().equals(e.memberId()));
            room.absences.add(new SessionRoom.Absence(e.memberId(), e.delegate(), e.reason()));
        } else if (event instanceof AbsenceWithdrawn e) {
            room.absences.removeIf(a -> a.memberId().equals(e.memberId()));
        } else if (event instanceof MemberCheckedIn e) {
            room.absences.removeIf(a -> a.memberId().equals(e.memberId()));
            room.checkedIn.add(e.memberId());
        } else if (event instanceof SessionOpened e) {
            room.status = SessionStatus.OPENED;
            room.openedAt = at;
        } else if (event instanceof ItemsAdoptedWithoutDiscussion e) {
            e.itemIds()
                    .forEach(id -> room.item(id).orElseThrow().outcome = "ADOPTED_WITHOUT_DISCUSSION");
        } else if (event instanceof VoteOpened e) {
            SessionRoom.Vote vote = new SessionRoom.Vote();
            vote.open = true;
            room.item(e.itemId()).orElseThrow().vote = vote;
        } else if (event instanceof VoteCast e) {
            SessionRoom.Vote vote = room.item(e.itemId()).orElseThrow().vote;
            vote.ballots.removeIf(b -> b.memberId().equals(e.memberId()));
            vote.ballots.add(new SessionRoom.Ballot(e.memberId(), e.choice()));
            vote.votesFor = count(vote, VoteChoice.FOR);
            vote.votesAgainst = count(vote, VoteChoice.AGAINST);
            vote.abstentions = count(vote, VoteChoice.ABSTAIN);
        } else if (event instanceof VoteClosed e) {
            SessionRoom.AgendaItem item = room.item(e.itemId()).orElseThrow();
            item.vote.open = false;
            item.vote.votesFor = e.votesFor();
            item.vote.votesAgainst = e.votesAgainst();
            item.vote.abstentions = e.abstentions();
            item.vote.passed = e.passed();
            item.outcome = e.passed() ? "PASSED" : "REJECTED";
        } else if (event instanceof ConclusionRecorded e) {
            room.item(e.itemId()).orElseThrow().conclusion = e.text();
        } else if (event instanceof SessionClosed e) {
            room.status = SessionStatus.CLOSED;
            room.closedAt = at;
        } else if (event instanceof MinutesSigned e) {
            room.minutes = new SessionRoom.Minutes(e.documentId(), e.fileName(), e.sha256(), e.size(), e.signedBy());
        }
    }

    private static int count(SessionRoom.Vote vote, VoteChoice choice) {
        return (int) vote.ballots.stream().filter(b -> b.choice() == choice).count();
    }
}
