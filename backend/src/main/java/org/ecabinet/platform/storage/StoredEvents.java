package org.ecabinet.platform.storage;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.stream.LongStream;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;

/**
 * The event store as it is stored, read-only, in global order: what the audit needs beyond Axon's view
 * of events (global indexes, the stored hash chain, the bytes as stored).
 */
@Component
public class StoredEvents {


    /**
     * One event as stored; {@code recomputedHash} is its hash computed now from the stored fields, {@code mac}
     * the authentication code its writer gave its hash.
     */
    public record StoredEvent(long global, String aggregateId, String aggregateType, long sequence, String eventId,
                              String timestamp, String payloadType, String payloadRevision, String payload, String metaData,
                              String prevHash, String hash, String mac, String recomputedHash) {

        public Instant instant() {
            return DateTimeUtils.parseInstant(timestamp);
        }

        /** The payload type without its package: {@code SessionScheduled}. */
        public String eventType() {
            return payloadType == null ? "" : payloadType.substring(payloadType.lastIndexOf('.') + 1);
        }
    }

    /**
     * The events of one aggregate appended together, stored whole or not at all. {@code problem} names what
     * makes a stored document unreadable (a missing field, a wrong type): it then has no events.
     */
    public record Commit(long firstGlobal, long lastGlobal, String aggregateId, Instant timestamp, List<StoredEvent> events, String problem) {

        public boolean malformed() {
            return problem != null;
        }
    }

    private static final int WINDOW = 1000;

    private final MongoCollection<Document> commits;
    private final MongoCollection<Document> counters;
    private final MongoCollection<Document> unused;
    private final boolean naturalOrderIsIdOrder;
    private final LongSupplier allocated;

    /** In the application: the engine says how far it allocated (the embedded store's counter is kept in memory). */
    @org.springframework.beans.factory.annotation.Autowired
    StoredEvents(MongoDatabase database, StorageProperties properties, EventStorageEngine engine) {
        this(database, properties.embedded(), allocationOf(engine));
    }

    private static LongSupplier allocationOf(EventStorageEngine engine) {
        return engine instanceof GaplessMongoEventStorageEngine gapless ? gapless::allocated : null;
    }

    /** On a store whose counter document is kept by its writers (tests, tools). */
    public StoredEvents(MongoDatabase database, boolean embedded) {
        this(database, embedded, null);
    }

    private StoredEvents(MongoDatabase database, boolean embedded, LongSupplier allocated) {
        this.commits = database.getCollection(GaplessMongoEventStorageEngine.COMMITS);
        this.counters = database.getCollection(GaplessMongoEventStorageEngine.COUNTERS);
        this.unused = database.getCollection(GaplessMongoEventStorageEngine.UNUSED);
        this.naturalOrderIsIdOrder = embedded;
        this.allocated = allocated != null ? allocated : () -> IndexAllocator.next(counters);
    }

    /** The next global index to be handed out: every index below it was given to a writer. */
    public long allocated() {
        return allocated.getAsLong();
    }

    /** The highest global index that holds an event, or -1: below {@link #allocated()} when the last writers failed. */
    public long lastStored() {
        for (long to = allocated() - 1; to >= 0; to -= WINDOW) {
            List<Long> ids = LongStream.rangeClosed(Math.max(0, to - WINDOW + 1), to).boxed().toList();
            Optional<Long> last = commits.find(in(CommitFields.LAST_GLOBAL, ids)).projection(new Document(CommitFields.LAST_GLOBAL, 1)).into(new ArrayList<>()).stream()
                    .map(d -> StoredNumbers.longOf(d, CommitFields.LAST_GLOBAL)).max(Long::compare);
            if (last.isPresent()) {
                return last.get();
            }
        }
        return -1;
    }

    /** The aggregate a request under this idempotency key ({@link CommitFields#REQUEST_KEY}) changed, if any of it was stored. */
    public Optional<String> changedBy(String requestKey) {
        return Optional.ofNullable(commits.find(eq(CommitFields.REQUEST_KEY, requestKey)).first()).map(d -> d.getString(CommitFields.AGGREGATE_ID));
    }

    /** Every commit, in global order, read as the iteration goes. */
    public Iterable<Commit> commits() {
        return inGlobalOrder(commits.find().batchSize(1000)).map(StoredEvents::commit);
    }

    /**
     * The stored commits from {@code firstGlobal} on, in global order, as far as the first window of
     * indexes that holds any (up to {@code head}). By {@code _id} look-ups, which every MongoDB answers from
     * its primary key.
     */
    public List<Commit> commitsFrom(long firstGlobal, long head) {
        List<Document> found = new ArrayList<>();
        for (long from = firstGlobal; found.isEmpty() && from <= head; from += WINDOW) {
            List<Long> ids = LongStream.rangeClosed(from, Math.min(head, from + WINDOW - 1)).boxed().toList();
            commits.find(in(CommitFields.LAST_GLOBAL, ids)).into(found);
        }
        return found.stream().sorted(Comparator.comparingLong(d -> StoredNumbers.longOf(d, CommitFields.LAST_GLOBAL))).map(StoredEvents::commit).toList();
    }

    /** Whether every index from {@code from} up to (not including) {@code to} is known never to hold an event (its write was refused). */
    public boolean knownUnused(long from, long to) {
        List<Long> starts = LongStream.range(from, to).boxed().toList();
        java.util.Map<Long, Long> ranges = new java.util.HashMap<>();
        unused.find(in("_id", starts)).forEach(d -> ranges.put(StoredNumbers.longOf(d, "_id"), StoredNumbers.longOf(d, "last")));
        long next = from;
        while (next < to && ranges.containsKey(next)) {
            next = ranges.get(next) + 1;
        }
        return next >= to;
    }

    /** The event stored under global index {@code global}, if any. */
    public Optional<StoredEvent> at(long global) {
        // A commit is keyed by its last index and is never larger than a few events.
        List<Long> ids = LongStream.range(global, global + 64).boxed().toList();
        return commits.find(in(CommitFields.LAST_GLOBAL, ids)).into(new ArrayList<>()).stream()
                .map(StoredEvents::commit)
                .flatMap(c -> c.events().stream())
                .filter(e -> e.global() == global)
                .findFirst();
    }

    /** The last sequence number of an aggregate's events at or before global index {@code global}. */
    public Optional<Long> sequenceAt(String aggregateId, long global) {
        return commits.find(and(eq(CommitFields.AGGREGATE_ID, aggregateId), Filters.lte(CommitFields.FIRST_GLOBAL, global))).into(new ArrayList<>()).stream()
                .flatMap(d -> commit(d).events().stream())
                .filter(e -> e.global() <= global)
                .map(StoredEvent::sequence)
                .max(Long::compare);
    }

    /** What to select from the global timeline; every part is optional. */
    public record TimelineFilter(Instant from, Instant to, String aggregateType, String aggregateId, String eventType,
                                 java.util.function.Predicate<StoredEvent> also) {
    }

    /** Up to {@code limit} events after global index {@code after} that pass the filter, in global order. */
    public List<StoredEvent> timeline(TimelineFilter filter, long after, int limit) {
        List<Bson> query = new ArrayList<>();
        query.add(gt(CommitFields.LAST_GLOBAL, after));
        // A commit's time is its first event's; the events of one commit are stamped within one unit of work.
        if (filter.from() != null) {
            query.add(gte(CommitFields.TIMESTAMP_MILLIS, filter.from().toEpochMilli() - 60_000));
        }
        if (filter.to() != null) {
            query.add(lt(CommitFields.TIMESTAMP_MILLIS, filter.to().toEpochMilli()));
        }
        if (filter.aggregateType() != null) {
            query.add(eq(CommitFields.AGGREGATE_TYPE, filter.aggregateType()));
        }
        if (filter.aggregateId() != null) {
            query.add(eq(CommitFields.AGGREGATE_ID, filter.aggregateId()));
        }
        List<StoredEvent> page = new ArrayList<>();
        for (Document d : inGlobalOrder(commits.find(and(query)).batchSize(200))) {
            for (StoredEvent event : commit(d).events()) {
                Instant at = event.instant();
                if ((filter.from() == null || !at.isBefore(filter.from())) && (filter.to() == null || at.isBefore(filter.to()))
                        && (filter.eventType() == null || filter.eventType().equals(event.eventType()))
                        && (filter.also() == null || filter.also().test(event)) && event.global() > after) {
                    page.add(event);
                    if (page.size() == limit) {
                        return page;
                    }
                }
            }
        }
        return page;
    }

    private FindIterable<Document> inGlobalOrder(FindIterable<Document> find) {
        // The embedded store keeps documents in a map sorted by _id: its natural order needs no sort.
        return naturalOrderIsIdOrder ? find : find.sort(Sorts.ascending(CommitFields.LAST_GLOBAL));
    }

    /** A stored commit as read; never throws: a document of another shape is a commit with a problem and no events. */
    private static Commit commit(Document d) {
        long last = d.get(CommitFields.LAST_GLOBAL) instanceof Number n ? n.longValue() : -1;
        try {
            long first = d.get(CommitFields.FIRST_GLOBAL) == null ? last : StoredNumbers.longOf(d, CommitFields.FIRST_GLOBAL);
            String aggregateId = d.getString(CommitFields.AGGREGATE_ID);
            String aggregateType = d.getString(CommitFields.AGGREGATE_TYPE);
            if (last < 0 || !(d.get(CommitFields.EVENTS) instanceof List<?> stored)) {
                throw new StoredNumbers.MalformedDocument("A commit needs a numeric _id and a list of events.");
            }
            List<StoredEvent> events = new ArrayList<>();
            for (Object element : stored) {
                if (!(element instanceof Document e)) {
                    throw new StoredNumbers.MalformedDocument("An event of the commit is not a document.");
                }
                events.add(new StoredEvent(StoredNumbers.longOf(e, CommitFields.GLOBAL), aggregateId, aggregateType, StoredNumbers.longOf(e, CommitFields.SEQUENCE),
                        e.getString(CommitFields.EVENT_ID), e.getString(CommitFields.TIMESTAMP), e.getString(CommitFields.PAYLOAD_TYPE), e.getString(CommitFields.PAYLOAD_REVISION),
                        e.getString(CommitFields.PAYLOAD), e.getString(CommitFields.META_DATA), e.getString(CommitFields.PREVIOUS_HASH), e.getString(CommitFields.HASH), e.getString(CommitFields.MAC),
                        EventHash.of(aggregateId, e)));
            }
            Instant at = d.get(CommitFields.TIMESTAMP_MILLIS) == null ? null : Instant.ofEpochMilli(StoredNumbers.longOf(d, CommitFields.TIMESTAMP_MILLIS));
            return new Commit(first, last, aggregateId, at, events, null);
        } catch (RuntimeException malformed) { // ClassCastException of a field of another type included
            return new Commit(last, last, d.get(CommitFields.AGGREGATE_ID) instanceof String id ? id : null, null, List.of(),
                    "The document stored under global index " + last + " is malformed: " + malformed.getMessage());
        }
    }
}
