package org.ecabinet.session;

import static com.mongodb.client.model.Filters.eq;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.bson.Document;
import org.ecabinet.events.session.AbsenceDeclared;
import org.ecabinet.events.session.AgendaItemAdded;
import org.ecabinet.events.session.AgendaItemRemoved;
import org.ecabinet.events.session.AgendaReordered;
import org.ecabinet.events.session.ConclusionRecorded;
import org.ecabinet.events.session.GuestsInvited;
import org.ecabinet.events.session.ItemsAdoptedWithoutDiscussion;
import org.ecabinet.events.session.MemberCheckedIn;
import org.ecabinet.events.session.PaperAttached;
import org.ecabinet.events.session.PositionRecorded;
import org.ecabinet.events.session.SessionCancelled;
import org.ecabinet.events.session.SessionClosed;
import org.ecabinet.events.session.SessionEvent;
import org.ecabinet.events.session.SessionOpened;
import org.ecabinet.events.session.SessionPublished;
import org.ecabinet.events.session.SessionRescheduled;
import org.ecabinet.events.session.SessionScheduled;
import org.ecabinet.events.session.VoteCast;
import org.ecabinet.events.session.VoteClosed;
import org.ecabinet.events.session.VoteOpened;
import org.ecabinet.session.SessionQueries.FindSessionRoom;
import org.ecabinet.session.SessionQueries.ListSessionRooms;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;

/**
 * Folds session events into one {@link SessionRoom} document per session and tells subscribers (the live
 * session room) after every change. A tracking processor feeds it, so it can be reset and rebuilt.
 */
@Component
@ProcessingGroup(SessionRoomProjection.PROCESSING_GROUP)
class SessionRoomProjection {

    static final String PROCESSING_GROUP = "session-room";

    private final MongoCollection<Document> rooms;
    private final ObjectMapper json;
    private final QueryUpdateEmitter updates;

    SessionRoomProjection(MongoDatabase database, ObjectMapper json, QueryUpdateEmitter updates) {
        this.rooms = database.getCollection("session_rooms");
        this.json = json;
        this.updates = updates;
    }

    @EventHandler
    void on(SessionScheduled event, @SequenceNumber long version, @Timestamp Instant at) {
        SessionRoom room = new SessionRoom();
        room.sessionId = event.sessionId();
        room.title = event.title();
        room.kind = event.kind();
        room.startsAt = event.startsAt();
        room.location = event.location();
        room.online = event.online();
        room.status = SessionStatus.SCHEDULED;
        room.chairId = event.chairId();
        room.members = new ArrayList<>(event.members());
        room.quorum = (event.members().size() * 2 + 2) / 3;
        save(room, version, at);
    }

    @EventHandler
    void on(SessionRescheduled event, @SequenceNumber long version, @Timestamp Instant at) {
        change(event, version, at, room -> {
            room.startsAt = event.startsAt();
            room.location = event.location();
            room.online = event.online();
        });
    }

    @EventHandler
    void on(SessionCancelled event, @SequenceNumber long version, @Timestamp Instant at) {
        change(event, version, at, room -> {
            room.status = SessionStatus.CANCELLED;
            room.cancellationReason = event.reason();
        });
    }

    @EventHandler
    void on(AgendaItemAdded event, @SequenceNumber long version, @Timestamp Instant at) {
        change(event, version, at, room -> {
            SessionRoom.AgendaItem item = new SessionRoom.AgendaItem();
            item.itemId = event.itemId();
            item.title = event.title();
            item.presentingAgency = event.presentingAgency();
            room.agenda.add(item);
        });
    }

    @EventHandler
    void on(AgendaItemRemoved event, @SequenceNumber long version, @Timestamp Instant at) {
        change(event, version, at, room -> room.agenda.removeIf(i -> i.itemId.equals(event.itemId())));
    }

    @EventHandler
    void on(AgendaReordered event, @SequenceNumber long version, @Timestamp Instant at) {
        change(event, version, at, room -> room.agenda = event.itemIds().stream()
                .map(id -> room.item(id).orElseThrow())
                .collect(java.util.stream.Collectors.toCollection(ArrayList::new)));
    }

    @EventHandler
    void on(PaperAttached event, @SequenceNumber long version, @Timestamp Instant at) {
        change(event, version, at, room -> room.item(event.itemId()).orElseThrow().papers
                .add(new SessionRoom.Paper(event.paperId(), event.fileName(), event.sha256(), event.size())));
    }

    @EventHandler
    void on(GuestsInvited event, @SequenceNumber long version, @Timestamp Instant at) {
        change(event, version, at, room -> event.userIds().stream()
                .filter(id -> !room.guests.contains(id))
                .forEach(room.guests::add));
    }

    @EventHandler
    void on(SessionPublished event, @SequenceNumber long version, @Timestamp Instant at) {
        change(event, version, at, room -> {
            room.status = SessionStatus.PUBLISHED;
            room.published = true;
        });
    }

    @EventHandler
    void on(PositionRecorded event, @SequenceNumber long version, @Timestamp Instant at) {
        change(event, version, at, room -> {
            List<SessionRoom.MemberPosition> positions = room.item(event.itemId()).orElseThrow().positions;
            positions.removeIf(p -> p.memberId().equals(event.memberId()));
            positions.add(new SessionRoom.MemberPosition(event.memberId(), event.position(), event.comment()));
        });
    }

    @EventHandler
    void on(AbsenceDeclared event, @SequenceNumber long version, @Timestamp Instant at) {
        change(event, version, at, room -> {
            room.absences.removeIf(a -> a.memberId().equals(event.memberId()));
            room.absences.add(new SessionRoom.Absence(event.memberId(), event.delegate(), event.reason()));
        });
    }

    @EventHandler
    void on(MemberCheckedIn event, @SequenceNumber long version, @Timestamp Instant at) {
        change(event, version, at, room -> {
            room.absences.removeIf(a -> a.memberId().equals(event.memberId()));
            room.checkedIn.add(event.memberId());
        });
    }

    @EventHandler
    void on(SessionOpened event, @SequenceNumber long version, @Timestamp Instant at) {
        change(event, version, at, room -> room.status = SessionStatus.OPENED);
    }

    @EventHandler
    void on(ItemsAdoptedWithoutDiscussion event, @SequenceNumber long version, @Timestamp Instant at) {
        change(event, version, at, room -> event.itemIds()
                .forEach(id -> room.item(id).orElseThrow().outcome = "ADOPTED_WITHOUT_DISCUSSION"));
    }

    @EventHandler
    void on(VoteOpened event, @SequenceNumber long version, @Timestamp Instant at) {
        change(event, version, at, room -> {
            SessionRoom.Vote vote = new SessionRoom.Vote();
            vote.open = true;
            room.item(event.itemId()).orElseThrow().vote = vote;
        });
    }

    @EventHandler
    void on(VoteCast event, @SequenceNumber long version, @Timestamp Instant at) {
        change(event, version, at, room -> {
            SessionRoom.Vote vote = room.item(event.itemId()).orElseThrow().vote;
            vote.ballots.removeIf(b -> b.memberId().equals(event.memberId()));
            vote.ballots.add(new SessionRoom.Ballot(event.memberId(), event.choice()));
            vote.votesFor = count(vote, org.ecabinet.events.session.VoteChoice.FOR);
            vote.votesAgainst = count(vote, org.ecabinet.events.session.VoteChoice.AGAINST);
            vote.abstentions = count(vote, org.ecabinet.events.session.VoteChoice.ABSTAIN);
        });
    }

    @EventHandler
    void on(VoteClosed event, @SequenceNumber long version, @Timestamp Instant at) {
        change(event, version, at, room -> {
            SessionRoom.AgendaItem item = room.item(event.itemId()).orElseThrow();
            item.vote.open = false;
            item.vote.votesFor = event.votesFor();
            item.vote.votesAgainst = event.votesAgainst();
            item.vote.abstentions = event.abstentions();
            item.vote.passed = event.passed();
            item.outcome = event.passed() ? "PASSED" : "REJECTED";
        });
    }

    @EventHandler
    void on(ConclusionRecorded event, @SequenceNumber long version, @Timestamp Instant at) {
        change(event, version, at, room -> room.item(event.itemId()).orElseThrow().conclusion = event.text());
    }

    @EventHandler
    void on(SessionClosed event, @SequenceNumber long version, @Timestamp Instant at) {
        change(event, version, at, room -> room.status = SessionStatus.CLOSED);
    }

    @ResetHandler
    void reset() {
        rooms.drop();
    }

    @QueryHandler
    SessionRoom handle(FindSessionRoom query) {
        Document document = rooms.find(eq("_id", query.sessionId())).first();
        return document == null ? null : read(document);
    }

    @QueryHandler
    List<SessionRoom> handle(ListSessionRooms query) {
        List<SessionRoom> all = new ArrayList<>();
        rooms.find().sort(Sorts.descending("startsAt")).forEach(d -> all.add(read(d)));
        return all;
    }

    private static int count(SessionRoom.Vote vote, org.ecabinet.events.session.VoteChoice choice) {
        return (int) vote.ballots.stream().filter(b -> b.choice() == choice).count();
    }

    private void change(SessionEvent event, long version, Instant at, Consumer<SessionRoom> change) {
        SessionRoom room = handle(new FindSessionRoom(event.sessionId()));
        change.accept(room);
        save(room, version, at);
    }

    private void save(SessionRoom room, long version, Instant at) {
        room.version = version;
        room.updatedAt = at;
        try {
            Document document = Document.parse(json.writeValueAsString(room)).append("_id", room.sessionId);
            rooms.replaceOne(eq("_id", room.sessionId), document,
                    new ReplaceOptions().upsert(true));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        updates.emit(FindSessionRoom.class, q -> q.sessionId().equals(room.sessionId), room);
    }

    private SessionRoom read(Document document) {
        try {
            document.remove("_id");
            return json.readValue(document.toJson(), SessionRoom.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable session room " + document.get("_id"), e);
        }
    }
}
