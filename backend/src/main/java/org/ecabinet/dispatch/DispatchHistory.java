package org.ecabinet.dispatch;

import java.util.Optional;

import org.ecabinet.events.dispatch.DispatchEvent;
import org.ecabinet.platform.storage.PointInTime;
import org.springframework.stereotype.Component;

/** A document as it was at a past point, rebuilt from its events by the projection's own fold. */
@Component
class DispatchHistory {

    private final PointInTime history;

    DispatchHistory(PointInTime history) {
        this.history = history;
    }

    Optional<DocumentView> asOf(String documentId, PointInTime.Point point) {
        return history.rebuild(documentId, point, DocumentView::new, (view, event) -> {
            if (event.getPayload() instanceof DispatchEvent e) {
                DispatchFold.apply(view, e, event.getTimestamp());
                view.version = event.getSequenceNumber();
                view.updatedAt = event.getTimestamp();
            }
        });
    }
}
