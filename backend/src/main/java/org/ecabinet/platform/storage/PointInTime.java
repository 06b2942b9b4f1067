package org.ecabinet.platform.storage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebInputException;

/**
 * An aggregate's events up to a point in its past (an instant, one of its sequence numbers, or a global
 * index of the store), read from the event store, so that a view rebuilt from them shows what the store
 * proves rather than what a projection holds.
 */
@Component
public class PointInTime {

    /** Exactly one of the three is given. */
    public record Point(Instant at, Long sequence, Long global) {

        public static Point of(Instant at, Long sequence, Long global) {
            int given = (at == null ? 0 : 1) + (sequence == null ? 0 : 1) + (global == null ? 0 : 1);
            if (given != 1) {
                throw new ServerWebInputException("Give exactly one of 'at' (an instant), 'sequence' (of this aggregate) or 'global' (index of the store).");
            }
            if ((sequence != null && sequence < 0) || (global != null && global < 0)) {
                throw new ServerWebInputException("'sequence' and 'global' are not negative.");
            }
            return new Point(at, sequence, global);
        }
    }

    private final EventStore events;
    private final StoredEvents store;

    PointInTime(EventStore events, StoredEvents store) {
        this.events = events;
        this.store = store;
    }

    /** What one event does to a view being rebuilt. */
    public interface Fold<V> {
        void apply(V view, DomainEventMessage<?> event);
    }

    /** A view rebuilt by {@code fold} from the aggregate's events up to the point; empty when it did not exist yet. */
    public <V> java.util.Optional<V> rebuild(String aggregateId, Point point, java.util.function.Supplier<V> empty, Fold<V> fold) {
        List<DomainEventMessage<?>> events = eventsUpTo(aggregateId, point);
        if (events.isEmpty()) {
            return java.util.Optional.empty();
        }
        V view = empty.get();
        events.forEach(event -> fold.apply(view, event));
        return java.util.Optional.of(view);
    }

    /** The aggregate's events up to the point, oldest first; empty when it did not exist yet. */
    public List<DomainEventMessage<?>> eventsUpTo(String aggregateId, Point point) {
        Long lastSequence = point.sequence();
        if (point.global() != null) {
            lastSequence = store.sequenceAt(aggregateId, point.global()).orElse(-1L);
        }
        List<DomainEventMessage<?>> upTo = new ArrayList<>();
        // From sequence 0: readEvents(id) would start at the latest snapshot.
        var stream = events.readEvents(aggregateId, 0);
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if ((point.at() != null && event.getTimestamp().isAfter(point.at())) || (lastSequence != null && event.getSequenceNumber() > lastSequence)) {
                break;
            }
            upTo.add(event);
        }
        return upTo;
    }
}
