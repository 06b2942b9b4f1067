package org.ecabinet.platform.storage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

import org.bson.Document;
import org.springframework.stereotype.Component;

import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;

/**
 * Recomputes every event's hash and every stream's chain, in global order, and names what does not fit:
 * an event whose stored bytes changed (ALTERED), a stream that skips sequence numbers (MISSING), an
 * event that does not chain to the event stored before it (INSERTED), a commit out of its global place
 * (REORDERED).
 *
 * <p>What chains alone cannot show: the removal of a stream's last events, or of a whole stream, and a
 * forger who rewrites a stream's tail with recomputed hashes. That takes the ledger's signed
 * checkpoints kept outside the database.
 */
@Component
public class EventStoreIntegrity {

    public enum Kind { ALTERED, MISSING, INSERTED, REORDERED }

    public record Finding(Kind kind, long global, String aggregateId, long sequence, String detail) {
    }

    /** {@code unusedIndexes}: global indexes given to writers that stored nothing (failed writes, or deleted commits). */
    public record Report(boolean intact, long commits, long events, long unusedIndexes, Finding firstProblem, List<Finding> findings) {
    }

    private static final int MAX_FINDINGS = 100;
    private record Head(long sequence, String hash) {
    }

    private final MongoCollection<Document> commits;
    private final boolean naturalOrderIsIdOrder;

    EventStoreIntegrity(MongoDatabase database, StorageProperties properties) {
        this.commits = database.getCollection(GaplessMongoEventStorageEngine.COMMITS);
        this.naturalOrderIsIdOrder = properties.embedded();
    }

    public Report verify(LongConsumer progress) {
        Map<String, Head> heads = new HashMap<>();
        List<Finding> findings = new ArrayList<>();
        long commitCount = 0;
        long eventCount = 0;
        long unused = 0;
        long previousLast = -1;
        FindIterable<Document> all = commits.find().batchSize(1000);
        for (Document commit : naturalOrderIsIdOrder ? all : all.sort(Sorts.ascending("_id"))) {
            commitCount++;
            long last = commit.getLong("_id");
            long first = commit.get("firstGlobal", Long.class) == null ? last : commit.getLong("firstGlobal");
            String aggregateId = commit.getString("aggregateId");
            List<Document> events = commit.getList("events", Document.class);
            if (first > previousLast + 1) {
                unused += first - previousLast - 1;
            }
            if (first <= previousLast || events.isEmpty() || events.get(0).getLong("global") != first
                    || events.get(events.size() - 1).getLong("global") != last || last - first + 1 != events.size()) {
                add(findings, new Finding(Kind.REORDERED, last, aggregateId, -1,
                        "The commit stored under global index " + last + " does not hold the events of that place."));
            }
            previousLast = Math.max(previousLast, last);
            for (Document event : events) {
                eventCount++;
                check(aggregateId, event, heads, findings);
            }
            if (commitCount % 10_000 == 0) {
                progress.accept(eventCount);
            }
        }
        progress.accept(eventCount);
        return new Report(findings.isEmpty(), commitCount, eventCount, unused, findings.isEmpty() ? null : findings.get(0), findings);
    }

    private static void check(String aggregateId, Document event, Map<String, Head> heads, List<Finding> findings) {
        long global = event.getLong("global");
        long sequence = event.getLong("sequence");
        String stored = event.getString("hash");
        if (stored == null || !stored.equals(EventHash.of(aggregateId, event))) {
            add(findings, new Finding(Kind.ALTERED, global, aggregateId, sequence, "The stored event does not match its hash."));
        }
        Head head = heads.get(aggregateId);
        long expected = head == null ? 0 : head.sequence() + 1;
        if (sequence > expected) {
            add(findings, new Finding(Kind.MISSING, global, aggregateId, sequence,
                    "Sequence numbers " + expected + " to " + (sequence - 1) + " of this stream are missing."));
        } else if (sequence < expected) {
            add(findings, new Finding(Kind.REORDERED, global, aggregateId, sequence,
                    "Sequence " + sequence + " comes after sequence " + (expected - 1) + " of the same stream."));
        } else if (!String.valueOf(event.getString("prevHash")).equals(head == null ? EventHash.GENESIS : head.hash())) {
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
