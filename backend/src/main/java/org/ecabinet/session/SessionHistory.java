package org.ecabinet.session;

import java.util.Optional;

import org.axonframework.eventhandling.DomainEventMessage;
import org.ecabinet.events.session.SessionEvent;
import org.ecabinet.platform.storage.PointInTime;
import org.springframework.stereotype.Component;

/**
 * A session as it was at a past point, rebuilt from the event store (not from the live projection), so
 * that an auditor sees what the store proves.
 */
@Component
class SessionHistory {

    private final PointInTime history;

    SessionHistory(PointInTime history) {
        this.history = history;
    }

    Optional<SessionRoom> asOf(String sessionId, PointInTime.Point point) {
        SessionRoom room = new SessionRoom();
        boolean any = false;
        for (DomainEventMessage<?> event : history.eventsUpTo(sessionId, point)) {
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
