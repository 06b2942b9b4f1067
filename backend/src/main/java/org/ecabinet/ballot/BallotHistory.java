package org.ecabinet.ballot;

import java.util.Optional;

import org.axonframework.eventhandling.DomainEventMessage;
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
        BallotView view = new BallotView();
        boolean any = false;
        for (DomainEventMessage<?> event : history.eventsUpTo(ballotId, point)) {
            if (event.getPayload() instanceof BallotEvent ballotEvent) {
                BallotFold.apply(view, ballotEvent, event.getTimestamp());
                view.version = event.getSequenceNumber();
                view.updatedAt = event.getTimestamp();
                any = true;
            }
        }
        return any ? Optional.of(view) : Optional.empty();
    }
}
