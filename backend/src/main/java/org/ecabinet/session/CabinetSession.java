package org.ecabinet.session;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.ecabinet.events.session.AbsenceDeclared;
import org.ecabinet.events.session.AbsenceWithdrawn;
import org.ecabinet.events.session.AgendaItemAdded;
import org.ecabinet.events.session.AgendaItemRemoved;
import org.ecabinet.events.session.AgendaReordered;
import org.ecabinet.events.session.ConclusionRecorded;
import org.ecabinet.events.session.GuestsInvited;
import org.ecabinet.events.session.ItemsAdoptedWithoutDiscussion;
import org.ecabinet.events.session.MemberCheckedIn;
import org.ecabinet.events.session.MinutesSigned;
import org.ecabinet.events.session.PaperAttached;
import org.ecabinet.events.session.Position;
import org.ecabinet.events.session.PositionRecorded;
import org.ecabinet.events.session.SessionCancelled;
import org.ecabinet.events.session.SessionClosed;
import org.ecabinet.events.session.SessionOpened;
import org.ecabinet.events.session.SessionPublished;
import org.ecabinet.events.session.SessionRescheduled;
import org.ecabinet.events.session.SessionScheduled;
import org.ecabinet.events.session.VoteCast;
import org.ecabinet.events.session.VoteChoice;
import org.ecabinet.events.session.VoteClosed;
import org.ecabinet.events.session.VoteOpened;
import org.ecabinet.platform.AggregateLocks;
import org.ecabinet.platform.NotFound;
import org.ecabinet.platform.NotPermitted;
import org.ecabinet.platform.RuleViolation;
import org.ecabinet.session.SessionCommands.AddAgendaItem;
import org.ecabinet.session.SessionCommands.AdoptItemsWithoutDiscussion;
import org.ecabinet.session.SessionCommands.AttachPaper;
import org.ecabinet.session.SessionCommands.AttachSignedMinutes;
import org.ecabinet.session.SessionCommands.CancelSession;
import org.ecabinet.session.SessionCommands.CastVote;
import org.ecabinet.session.SessionCommands.CheckIn;
import org.ecabinet.session.SessionCommands.CloseSession;
import org.ecabinet.session.SessionCommands.CloseVote;
import org.ecabinet.session.SessionCommands.DeclareAbsence;
import org.ecabinet.session.SessionCommands.InviteGuests;
import org.ecabinet.session.SessionCommands.OpenSession;
import org.ecabinet.session.SessionCommands.OpenVote;
import org.ecabinet.session.SessionCommands.PublishSession;
import org.ecabinet.session.SessionCommands.RecordConclusion;
import org.ecabinet.session.SessionCommands.RecordPosition;
import org.ecabinet.session.SessionCommands.RemoveAgendaItem;
import org.ecabinet.session.SessionCommands.ReorderAgenda;
import org.ecabinet.session.SessionCommands.RescheduleSession;
import org.ecabinet.session.SessionCommands.ScheduleSession;
import org.ecabinet.session.SessionCommands.WithdrawAbsence;

/**
 * A meeting of the cabinet (phiên họp Chính phủ): scheduled, published to its invitees, opened with a
 * quorum, run item by item, closed; or cancelled before it opens.
 *
 * <p>Quorum and majority count ALL members of the roster frozen at scheduling, not those present:
 * the session opens with at least two thirds of them checked in, and an item passes when more than
 * half of them vote for it (on exactly half, the chair's side prevails).
 */
@Aggregate(snapshotTriggerDefinition = "sessionSnapshotTrigger", lockFactory = AggregateLocks.BEAN)
public class CabinetSession {

    @AggregateIdentifier
    private String sessionId;
    private SessionStatus status;
    private String chairId;
    private Set<String> members;
    private final Map<String, Item> agenda = new LinkedHashMap<>();
    private final Set<String> checkedIn = new HashSet<>();
    private final Set<String> absent = new HashSet<>();
    private String itemUnderVote;
    private final Map<String, VoteChoice> ballots = new HashMap<>();
    private boolean minutesSigned;

    /** What the aggregate needs to know of an agenda item to enforce the rules. */
    private static final class Item {
        final String title; // to name the item in a refusal, never its id
        final Map<String, Position> positions = new HashMap<>();
        boolean decided;

        Item(String title) {
            this.title = title;
        }

        // Value equality lets Axon's test fixture compare the state built by sourcing with the live one.
        @Override
        public boolean equals(Object other) {
            return other instanceof Item item && item.decided == decided && item.positions.equals(positions) && item.title.equals(title);
        }

        @Override
        public int hashCode() {
            return (positions.hashCode() * 31 + Boolean.hashCode(decided)) * 31 + title.hashCode();
        }
    }

    protected CabinetSession() {
        // for Axon
    }

    @CommandHandler
    CabinetSession(ScheduleSession command) {
        if (command.members().isEmpty()) {
            throw new RuleViolation("A session needs the cabinet roster: there are no members.");
        }
        if (!command.members().contains(command.chairId())) {
            throw new RuleViolation("The chair must be a member of the cabinet.");
        }
        apply(new SessionScheduled(command.sessionId(), command.title(), command.kind(), command.startsAt(),
                command.location(), command.online(), command.chairId(), command.members()));
    }

    @CommandHandler
    void handle(RescheduleSession command) {
        requireBeforeOpening("postpone");
        apply(new SessionRescheduled(sessionId, command.startsAt(), command.location(), command.online(), command.reason()));
    }

    @CommandHandler
    void handle(CancelSession command) {
        requireBeforeOpening("cancel");
        apply(new SessionCancelled(sessionId, command.reason()));
    }

    @CommandHandler
    void handle(AddAgendaItem command) {
        requireBeforeOpening("change the agenda of");
        if (agenda.containsKey(command.itemId())) {
            throw new RuleViolation("The agenda already has item " + command.itemId() + ".");
        }
        apply(new AgendaItemAdded(sessionId, command.itemId(), command.title(), command.presentingAgency()));
    }

    @CommandHandler
    void handle(RemoveAgendaItem command) {
        requireBeforeOpening("change the agenda of");
        item(command.itemId());
        apply(new AgendaItemRemoved(sessionId, command.itemId()));
    }

    @CommandHandler
    void handle(ReorderAgenda command) {
        requireBeforeOpening("change the agenda of");
        if (command.itemIds().size() != agenda.size() || !new HashSet<>(command.itemIds()).equals(agenda.keySet())) {
            throw new RuleViolation("A new order must list every agenda item exactly once.");
        }
        apply(new AgendaReordered(sessionId, command.itemIds()));
    }

    @CommandHandler
    void handle(AttachPaper command) {
        requireBeforeOpening("attach papers to");
        item(command.itemId());
        apply(new PaperAttached(sessionId, command.itemId(), command.paperId(), command.fileName(), command.sha256(), command.size()));
    }

    @CommandHandler
    void handle(InviteGuests command) {
        requireBeforeOpening("invite guests to");
        List<String> newGuests = command.userIds().stream().distinct().filter(id -> !members.contains(id)).toList();
        if (!newGuests.isEmpty()) {
            apply(new GuestsInvited(sessionId, newGuests));
        }
    }

    @CommandHandler
    void handle(PublishSession command) {
        if (status != SessionStatus.SCHEDULED) {
            throw new RuleViolation("session.not-scheduled", "Only a scheduled session can be published; this one is " + status + ".");
        }
        if (agenda.isEmpty()) {
            throw new RuleViolation("session.no-agenda", "A session without an agenda cannot be published.");
        }
        apply(new SessionPublished(sessionId));
    }

    @CommandHandler
    void handle(RecordPosition command) {
        requireMember(command.memberId());
        if (status != SessionStatus.PUBLISHED) {
            throw new RuleViolation("session.positions-closed", "Positions are recorded after publication and before the opening; the session is " + status + ".");
        }
        item(command.itemId());
        if (command.position() != Position.AGREE && isBlank(command.comment())) {
            throw new RuleViolation("session.comment-required", "Say why: a comment is required to object or to ask for discussion.");
        }
        apply(new PositionRecorded(sessionId, command.itemId(), command.memberId(), command.position(), command.comment()));
    }

    @CommandHandler
    void handle(DeclareAbsence command) {
        requireMember(command.memberId());
        requireBeforeOpening("declare an absence from");
        if (checkedIn.contains(command.memberId())) {
            throw new RuleViolation("session.already-checked-in", "You have already checked in.");
        }
        apply(new AbsenceDeclared(sessionId, command.memberId(), command.delegate(), command.reason()));
    }

    @CommandHandler
    void handle(WithdrawAbsence command) {
        requireMember(command.memberId());
        requireBeforeOpening("withdraw an absence from");
        if (!absent.contains(command.memberId())) {
            throw new RuleViolation("session.no-absence", "You have not declared an absence from this session.");
        }
        apply(new AbsenceWithdrawn(sessionId, command.memberId()));
    }

    @CommandHandler
    void handle(CheckIn command) {
        requireMember(command.memberId());
        if (status != SessionStatus.PUBLISHED && status != SessionStatus.OPENED) {
            throw new RuleViolation("session.check-in-closed", "Check-in is possible once the session is published and until it closes; it is " + status + ".");
        }
        if (!checkedIn.contains(command.memberId())) {
            apply(new MemberCheckedIn(sessionId, command.memberId()));
        }
    }

    @CommandHandler
    void handle(OpenSession command) {
        requireChair(command.chairId());
        if (status != SessionStatus.PUBLISHED) {
            throw new RuleViolation("session.not-published", "Only a published session can be opened; this one is " + status + ".");
        }
        int present = checkedIn.size();
        if (present * 3 < members.size() * 2) {
            throw new RuleViolation("session.no-quorum", "No quorum: %d of %d members checked in, at least %d needed."
                    .formatted(present, members.size(), quorum()));
        }
        apply(new SessionOpened(sessionId, present, members.size()));
    }

    @CommandHandler
    void handle(AdoptItemsWithoutDiscussion command) {
        requireChair(command.chairId());
        requireOpened();
        if (command.itemIds().isEmpty()) {
            throw new RuleViolation("session.nothing-to-adopt", "Name at least one item to adopt.");
        }
        for (String itemId : command.itemIds()) {
            Item item = undecidedItem(itemId);
            if (item.positions.values().stream().anyMatch(p -> p != Position.AGREE)) {
                throw new RuleViolation("session.item-needs-discussion", "Item " + itemId + " has objections or requests to discuss: it needs a discussion.",
                        naming(itemId));
            }
            if (itemId.equals(itemUnderVote)) {
                throw new RuleViolation("session.item-under-vote", "Item " + itemId + " is being voted on.", naming(itemId));
            }
        }
        apply(new ItemsAdoptedWithoutDiscussion(sessionId, command.itemIds().stream().distinct().toList()));
    }

    @CommandHandler
    void handle(OpenVote command) {
        requireChair(command.chairId());
        requireOpened();
        undecidedItem(command.itemId());
        if (itemUnderVote != null) {
            throw new RuleViolation("session.vote-open", "The vote on item " + itemUnderVote + " is still open.", naming(itemUnderVote));
        }
        apply(new VoteOpened(sessionId, command.itemId()));
    }

    @CommandHandler
    void handle(CastVote command) {
        requireMember(command.memberId());
        requireOpened();
        item(command.itemId());
        if (!command.itemId().equals(itemUnderVote)) {
            throw new RuleViolation("session.no-open-vote", "There is no open vote on item " + command.itemId() + ".", naming(command.itemId()));
        }
        if (!checkedIn.contains(command.memberId())) {
            throw new RuleViolation("session.not-checked-in", "Only members who checked in can vote.");
        }
        apply(new VoteCast(sessionId, command.itemId(), command.memberId(), command.choice()));
    }

    @CommandHandler
    void handle(CloseVote command) {
        requireChair(command.chairId());
        requireOpened();
        item(command.itemId());
        if (!command.itemId().equals(itemUnderVote)) {
            throw new RuleViolation("session.no-open-vote", "There is no open vote on item " + command.itemId() + ".", naming(command.itemId()));
        }
        int votesFor = count(VoteChoice.FOR);
        int total = members.size();
        boolean passed = votesFor * 2 > total || (votesFor * 2 == total && ballots.get(chairId) == VoteChoice.FOR);
        apply(new VoteClosed(sessionId, command.itemId(), votesFor, count(VoteChoice.AGAINST), count(VoteChoice.ABSTAIN),
                total, passed));
    }

    @CommandHandler
    void handle(RecordConclusion command) {
        requireChair(command.chairId());
        requireOpened();
        item(command.itemId());
        apply(new ConclusionRecorded(sessionId, command.itemId(), command.text()));
    }

    @CommandHandler
    void handle(CloseSession command) {
        requireChair(command.chairId());
        requireOpened();
        if (itemUnderVote != null) {
            throw new RuleViolation("session.vote-open", "Close the vote on item " + itemUnderVote + " first.", naming(itemUnderVote));
        }
        apply(new SessionClosed(sessionId));
    }

    @CommandHandler
    void handle(AttachSignedMinutes command) {
        if (status != SessionStatus.CLOSED) {
            throw new RuleViolation("session.not-closed", "Minutes are signed after the session closes; it is " + status + ".");
        }
        if (minutesSigned) {
            throw new RuleViolation("session.minutes-signed", "The minutes of this session have already been signed.");
        }
        apply(new MinutesSigned(sessionId, command.documentId(), command.fileName(), command.sha256(), command.size(), command.signedBy()));
    }

    @EventSourcingHandler
    void on(SessionScheduled event) {
        sessionId = event.sessionId();
        status = SessionStatus.SCHEDULED;
        chairId = event.chairId();
        members = Set.copyOf(event.members());
    }

    @EventSourcingHandler
    void on(SessionCancelled event) {
        status = SessionStatus.CANCELLED;
    }

    @EventSourcingHandler
    void on(AgendaItemAdded event) {
        agenda.put(event.itemId(), new Item(event.title()));
    }

    @EventSourcingHandler
    void on(AgendaItemRemoved event) {
        agenda.remove(event.itemId());
    }

    @EventSourcingHandler
    void on(AgendaReordered event) {
        Map<String, Item> reordered = new LinkedHashMap<>();
        event.itemIds().forEach(id -> reordered.put(id, agenda.get(id)));
        agenda.clear();
        agenda.putAll(reordered);
    }

    @EventSourcingHandler
    void on(SessionPublished event) {
        status = SessionStatus.PUBLISHED;
    }

    @EventSourcingHandler
    void on(PositionRecorded event) {
        agenda.get(event.itemId()).positions.put(event.memberId(), event.position());
    }

    @EventSourcingHandler
    void on(AbsenceDeclared event) {
        absent.add(event.memberId());
    }

    @EventSourcingHandler
    void on(AbsenceWithdrawn event) {
        absent.remove(event.memberId());
    }

    @EventSourcingHandler
    void on(MemberCheckedIn event) {
        checkedIn.add(event.memberId());
        absent.remove(event.memberId());
    }

    @EventSourcingHandler
    void on(SessionOpened event) {
        status = SessionStatus.OPENED;
    }

    @EventSourcingHandler
    void on(ItemsAdoptedWithoutDiscussion event) {
        event.itemIds().forEach(id -> agenda.get(id).decided = true);
    }

    @EventSourcingHandler
    void on(VoteOpened event) {
        itemUnderVote = event.itemId();
        ballots.clear();
    }

    @EventSourcingHandler
    void on(VoteCast event) {
        ballots.put(event.memberId(), event.choice());
    }

    @EventSourcingHandler
    void on(VoteClosed event) {
        agenda.get(event.itemId()).decided = true;
        itemUnderVote = null;
        ballots.clear();
    }

    @EventSourcingHandler
    void on(SessionClosed event) {
        status = SessionStatus.CLOSED;
    }

    @EventSourcingHandler
    void on(MinutesSigned event) {
        minutesSigned = true;
    }

    private int quorum() {
        return (members.size() * 2 + 2) / 3;
    }

    private int count(VoteChoice choice) {
        return (int) ballots.values().stream().filter(choice::equals).count();
    }

    private Item item(String itemId) {
        Item item = agenda.get(itemId);
        if (item == null) {
            throw new NotFound("The agenda has no item " + itemId + ".");
        }
        return item;
    }

    /** The arguments of a refusal about an item: its title, as the user knows it. */
    private Map<String, String> naming(String itemId) {
        return Map.of("item", agenda.get(itemId).title);
    }

    private Item undecidedItem(String itemId) {
        Item item = item(itemId);
        if (item.decided) {
            throw new RuleViolation("session.item-decided", "Item " + itemId + " has already been decided.", naming(itemId));
        }
        return item;
    }

    private void requireBeforeOpening(String action) {
        if (!status.beforeOpening()) {
            throw new RuleViolation("session.wrong-state", "Cannot " + action + " a session that is " + status + ".");
        }
    }

    private void requireOpened() {
        if (status != SessionStatus.OPENED) {
            throw new RuleViolation("session.not-in-progress", "The session is not in progress; it is " + status + ".");
        }
    }

    private void requireMember(String userId) {
        if (!members.contains(userId)) {
            throw new NotPermitted("Only members of the cabinet roster of this session may do this.");
        }
    }

    private void requireChair(String userId) {
        if (!chairId.equals(userId)) {
            throw new NotPermitted("Only the chair of this session may do this.");
        }
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
