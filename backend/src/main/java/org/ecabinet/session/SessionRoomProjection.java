package org.ecabinet.session;

import java.time.Instant;
import java.util.List;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.ecabinet.events.session.SessionEvent;
import org.ecabinet.events.session.SessionScheduled;
import org.ecabinet.session.SessionQueries.FindSessionRoom;
import org.ecabinet.session.SessionQueries.ListSessionRooms;
import org.ecabinet.platform.storage.ViewProjection;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;

/**
 * Keeps one {@link SessionRoom} document per session in {@code session_rooms}, folded by
 * {@link SessionRoomFold}, and tells subscribers (the live session room) after every change. A tracking
 * processor feeds it, so it can be reset and rebuilt.
 */
@Component
@ProcessingGroup(SessionRoomProjection.PROCESSING_GROUP)
class SessionRoomProjection extends ViewProjection<SessionRoom> {

    static final String COLLECTION = "session_rooms";
    static final String PROCESSING_GROUP = "session-room";

    SessionRoomProjection(MongoDatabase database, ObjectMapper json, QueryUpdateEmitter updates) {
        super(PROCESSING_GROUP, COLLECTION, SessionRoom.class, database, json, updates, new LiveQuery<>(FindSessionRoom.class, FindSessionRoom::sessionId));
    }

    @EventHandler
    void on(SessionEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        SessionRoom stored = handle(new FindSessionRoom(event.sessionId()));
        if (shows(stored, version)) {
            return; // folded already, by a node that died before it stored its token
        }
        SessionRoom room = event instanceof SessionScheduled ? new SessionRoom() : stored;
        SessionRoomFold.apply(room, event, at);
        room.version = version;
        room.updatedAt = at;
        publish(room.sessionId, room);
    }

    @Override
    protected long version(SessionRoom room) {
        return room.version;
    }

    @QueryHandler
    SessionRoom handle(FindSessionRoom query) {
        return find(query.sessionId());
    }

    @QueryHandler
    List<SessionRoom> handle(ListSessionRooms query) {
        return all(Sorts.descending("startsAt"));
    }
}
