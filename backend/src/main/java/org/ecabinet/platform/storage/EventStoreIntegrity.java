package org.ecabinet.platform.storage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

import org.springframework.stereotype.Component;


/**
 * Recomputes every event's hash and every stream's chain, in global order, and names what does not fit:
 * an event whose stored bytes changed (ALTERED), a stream that skips sequence numbers (MISSING), an
 * event that does not chain to the event stored before it (INSERTED), a commit out of its global place
 * (REORDERED), an event without a MAC that holds (FORGED), a document that is not a commit (MALFORMED).
 *
 * <p>What chains alone cannot show: the removal of a stream's last events, or of a whole stream, and a
 * forger who rewrites a stream's tail with recomputed hashes. That takes the ledger's signed
 * checkpoints kept outside the database.
 */
@Component
public class EventStoreIntegrity {

    /** FORGED: an event whose MAC does not hold, written by someone without the key; MALFORMED: a document not of our shape. */
    public enum Kind { ALTERED, MISSING, INSERTED, REORDERED, FORGED, MALFORMED }

    public record Finding(Kind kind, long global, String aggregateId, long sequence, String detail) {
    }

    /** {@code unusedIndexes}: global indexes given to writers that stored nothing (failed writes, or deleted commits). */
    public record Report(boolean intact, long commits, long events, long unusedIndexes, Finding firstProblem, List<Finding> findings) {
    }

    /** Sees every global index in order, up to the last stored one: an event, or an index that holds none. */
    public interface IndexVisitor {
        void stored(StoredEvents.StoredEvent event);

        void unused(long global);
    }

    private static final int MAX_FINDINGS = 100;
    private record Head(long sequence, String hash) {
    }

    private final StoredEvents store;
    private final EventAuthenticity authenticity;

    public EventStoreIntegrity(StoredEvents store, EventAuthenticity authenticity) {
        this.store = store;
        this.authenticity = authenticity;
    }

    public Report verify(LongConsumer progress) {
        return verify(progress, null);
    }

    public Report verify(LongConsumer progress, IndexVisitor visitor) {
        Map<String, Head> heads = new HashMap<>();
        List<Finding> findings = new ArrayList<>();
        long commitCount = 0;
        long eventCount = 0;
        long unused = 0;
        long previousLast = -1;
        for (StoredEvents.Commit commit : store.commits()) {
            commitCount++;
            if (commit.malformed()) {
                add(findings, new Finding(Kind.MALFORMED, commit.lastGlobal(), commit.aggregateId(), -1, commit.problem()));
                continue;
            }
            long first = commit.firstGlobal();
            long last = commit.lastGlobal();
            List<StoredEvents.StoredEvent> events = commit.events();
            for (long g = previousLast + 1; g < first; g++) {
                unused++;
                if (visitor != null) {
                    visitor.unused(g);
                }
            }
            if (first <= previousLast || events.isEmpty() || events.get(0).global() != first
                    || events.get(events.size() - 1).global() != last || last - first + 1 != events.size()) {
                add(findings, new Finding(Kind.REORDERED, last, commit.aggregateId(), -1,
                        "The commit stored under global index " + last + " does not hold the events of that place."));
            }
            previousLast = Math.max(previousLast, last);
            for (StoredEvents.StoredEvent event : events) {
                eventCount++;
                check(event, heads, findings);
                if (visitor != null) {
                    visitor.stored(event);
                }
            }
            if (commitCount % 10_000 == 0) {
                progress.accept(eventCount);
            }
        }
        progress.accept(eventCount);
        return new Report(findings.isEmpty(), commitCount, eventCount, unused, findings.isEmpty() ? null : findings.get(0), findings);
    }

    private void check(StoredEvents.StoredEvent event, Map<String, Head> heads, List<Finding> findings) {
        String aggregateId = event.aggregateId();
        long global = event.global();
        long sequence = event.sequence();
        String stored = event.hash();
        if (stored == null || !stored.equals(event.recomputedHash())) {
            add(findings, new Finding(Kind.ALTERED, global, aggregateId, sequence, "The stored event does not match its hash."));
        } else if (!authenticity.holds(event)) {
            add(findings, new Finding(Kind.FORGED, global, aggregateId, sequence,
                    "The event's authentication code does not hold: it was not written by this system."));
        }
        Head head = heads.get(aggregateId);
        long expected = head == null ? 0 : head.sequence() + 1;
        if (sequence > expected) {
            add(findings, new Finding(Kind.MISSING, global, aggregateId, sequence,
                    "Sequence numbers " + expected + " to " + (sequence - 1) + " of this stream are missing."));
        } else if (sequence < expected) {
            add(findings, new Finding(Kind.REORDERED, global, aggregateId, sequence,
                    "Sequence " + sequence + " comes after sequence " + (expected - 1) + " of the same stream."));
        } else if (!String.valueOf(event.prevHash()).equals(head == null ? EventHash.GENESIS : head.hash())) {
            add(findings, new Finding(Kind.INSERTED, global, aggregateId, sequence,
                    "The event does not chain to the event stored before it in its stream."));
        }
        heads.put(aggregateId, new Head(sequence, stored));
    }

    private static void add(List<Finding> findings, Finding finding) {
        if (findings.size() < MAX_FINDINGS) {
            findings.add(finding);
        }
    }
}
