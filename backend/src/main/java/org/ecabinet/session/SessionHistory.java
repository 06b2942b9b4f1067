package org.ecabinet.session;

import java.util.Optional;

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
        return history.rebuild(sessionId, point, SessionRoom::new, (room, event) -> {
            if (event.getPayload() instanceof SessionEvent e) {
                SessionRoomFold.apply(room, e, event.getTimestamp());
                room.version = event.getSequenceNumber();
                room.updatedAt = event.getTimestamp();
            }
        });
    }
}
