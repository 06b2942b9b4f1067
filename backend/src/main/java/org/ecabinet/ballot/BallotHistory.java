package org.ecabinet.ballot;

import java.util.Optional;

import org.ecabinet.events.ballot.BallotEvent;
import org.ecabinet.platform.storage.PointInTime;
import org.springframework.stereotype.Component;

/** A ballot as it was at a past point, rebuilt from its events by the projection's own fold. */
@Component
class BallotHistory {

    private final PointInTime history;

    BallotHistory(PointInTime history) {
        this.history = history;
    }

    Optional<BallotView> asOf(String ballotId, PointInTime.Point point) {
        return history.rebuild(ballotId, point, BallotView::new, (view, event) -> {
            if (event.getPayload() instanceof BallotEvent e) {
                BallotFold.apply(view, e, event.getTimestamp());
                view.version = event.getSequenceNumber();
                view.updatedAt = event.getTimestamp();
            }
        });
    }
}
