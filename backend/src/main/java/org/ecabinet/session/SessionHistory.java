package org.ecabinet.session;

import java.time.Instant;
import java.util.Optional;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.ecabinet.events.session.SessionEvent;
import org.springframework.stereotype.Component;

/**
 * A session as it was at a past instant or after a given event, rebuilt from the event store (not from
 * the live projection), so that an auditor sees what the store proves.
 */
@Component
class SessionHistory {

    private final EventStore events;

    SessionHistory(EventStore events) {
        this.events = events;
    }

    Optional<SessionRoom> asOf(String sessionId, Instant instant, Long sequence) {
        SessionRoom room = new SessionRoom();
        boolean any = false;
        var stream = events.readEvents(sessionId);
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if ((instant != null && event.getTimestamp().isAfter(instant)) || (sequence != null && event.getSequenceNumber() > sequence)) {
                break;
            }
            if (event.getPayload() instanceof SessionEvent sessionEvent) {
                SessionRoomFold.apply(room, sessionEvent);
                room.version = event.getSequenceNumber();
                room.updatedAt = event.getTimestamp();
                any = true;
            }
        }
        return any ? Optional.of(room) : Optional.empty();
    }
}
