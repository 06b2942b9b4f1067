package org.ecabinet.session;

import static com.mongodb.client.model.Filters.eq;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.bson.Document;
import org.ecabinet.events.session.SessionEvent;
import org.ecabinet.events.session.SessionScheduled;
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
 * Keeps one {@link SessionRoom} document per session in {@code session_rooms}, folded by
 * {@link SessionRoomFold}, and tells subscribers (the live session room) after every change. A tracking
 * processor feeds it, so it can be reset and rebuilt.
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
    void on(SessionEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        SessionRoom room = event instanceof SessionScheduled ? new SessionRoom() : handle(new FindSessionRoom(event.sessionId()));
        SessionRoomFold.apply(room, event);
        room.version = version;
        room.updatedAt = at;
        try {
            Document document = Document.parse(json.writeValueAsString(room)).append("_id", room.sessionId);
            rooms.replaceOne(eq("_id", room.sessionId), document, new ReplaceOptions().upsert(true));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        updates.emit(FindSessionRoom.class, q -> q.sessionId().equals(room.sessionId), room);
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

    private SessionRoom read(Document document) {
        try {
            document.remove("_id");
            return json.readValue(document.toJson(), SessionRoom.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable session room " + document.get("sessionId"), e);
        }
    }
}
