package org.ecabinet.platform.storage;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.bson.Document;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;

/**
 * Axon's event storage on MongoDB with a gapless global order, without transactions.
 *
 * <p>Every event gets a global index from one counter ({@code $inc} by the size of the commit), and the
 * events of one aggregate in one commit are written as ONE document whose {@code _id} is the LAST global
 * index of the commit: it is stored whole or not at all. A unique multikey index on (aggregate, the
 * sequence number of every event) refuses a second writer of any sequence: {@code ConcurrencyException}.
 *
 * <p>Tracking processors follow the global index with Axon's {@link GapAwareTrackingToken}: an index that
 * was handed out but is not (yet) stored is a gap, looked up again on every read until it is filled or
 * its neighbour is older than the gap timeout (its writer failed). So an event that becomes visible late
 * is delivered late, never skipped. The stream is read by {@code _id} look-ups of the next window of
 * indexes and of the gaps, which uses the primary key on every MongoDB, the embedded one included.
 * Keying a commit by its last index means a token that stopped inside a commit still finds the rest.
 */
public class GaplessMongoEventStorageEngine extends BatchingEventStorageEngine {

    static final String COMMITS = "event_commits";
    static final String SNAPSHOTS = "event_snapshots";
    static final String COUNTERS = "event_counters";
    static final String UNUSED = "event_unused_indexes";
    private static final int NEIGHBOUR_REACH = 64;

    private final MongoCollection<Document> commits;
    private final MongoCollection<Document> snapshots;
    private final MongoCollection<Document> unused;
    private final int maxGapOffset;
    private final int gapCleaningThreshold;
    private final Duration gapTimeout;
    private final Clock clock;
    private final boolean sortedCatchUp;
    private final StreamIndex streams;
    private final ChainHeads heads;
    private final CommitCodec codec;
    private final long catchUpDistance;
    private final IndexAllocator allocator;

    protected GaplessMongoEventStorageEngine(Builder builder) {
        super(builder);
        this.commits = builder.database.getCollection(COMMITS);
        this.snapshots = builder.database.getCollection(SNAPSHOTS);
        MongoCollection<Document> counters = builder.database.getCollection(COUNTERS);
        this.unused = builder.database.getCollection(UNUSED);
        this.maxGapOffset = builder.maxGapOffset;
        this.gapCleaningThreshold = builder.gapCleaningThreshold;
        this.gapTimeout = builder.gapTimeout;
        this.clock = builder.clock;
        this.sortedCatchUp = builder.sortedCatchUp;
        this.streams = new StreamIndex(commits, builder.inMemoryStreamIndex);
        this.heads = new ChainHeads(streams);
        this.codec = new CommitCodec(builder.authenticity);
        this.catchUpDistance = builder.catchUpDistance;
        this.allocator = new IndexAllocator(counters, builder.inMemoryCounter ? InMemoryCounter.recover(counters, commits) : null);
    }

    public static Builder builder() {
        return new Builder();
    }

    public void ensureIndexes() {
        commits.createIndex(Indexes.ascending(CommitFields.AGGREGATE_ID, CommitFields.EVENTS_SEQUENCE), new IndexOptions().unique(true).name("one-writer-per-sequence"));
        commits.createIndex(Indexes.ascending(CommitFields.AGGREGATE_ID, CommitFields.FIRST_SEQUENCE), new IndexOptions().name("stream"));
        commits.createIndex(Indexes.ascending(CommitFields.TIMESTAMP_MILLIS), new IndexOptions().name("by-time"));
        commits.createIndex(Indexes.ascending(CommitFields.REQUEST_KEY), new IndexOptions().sparse(true).name("by-request"));
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        List<List<EventMessage<?>>> byAggregate = groupConsecutiveByAggregate(events);
        long global = allocator.allocate(events.size());
        List<Document> documents = new ArrayList<>();
        for (List<EventMessage<?>> commit : byAggregate) {
            EventMessage<?> first = commit.get(0);
            documents.add(codec.commit(commit, global, heads.before(CommitCodec.aggregateId(first), CommitCodec.sequence(first)), serializer));
            global += commit.size();
        }
        try {
            if (documents.size() == 1) {
                commits.insertOne(documents.get(0));
            } else {
                commits.insertMany(documents, new InsertManyOptions().ordered(true));
            }
        } catch (MongoException e) {
            heads.forget(documents);
            recordUnused(e, documents);
            handlePersistenceException(e, failedEvent(e, byAggregate));
            return;
        }
        heads.stored(documents);
        streams.inserted(documents);
    }

    /**
     * A commit refused for a duplicate key was not stored, and neither were the commits after it in the same
     * ordered insert: their indexes will never hold an event. Saying so lets the ledger pass them at once
     * instead of waiting out the gap timeout. Any other failure leaves the outcome unknown, so nothing is said.
     */
    private void recordUnused(MongoException e, List<Document> documents) {
        if (!isDuplicateKey(e)) {
            return;
        }
        int firstRefused = e instanceof MongoBulkWriteException bulk && !bulk.getWriteErrors().isEmpty() ? bulk.getWriteErrors().get(0).getIndex() : 0;
        List<Document> ranges = documents.subList(firstRefused, documents.size()).stream()
                .map(d -> new Document("_id", StoredNumbers.longOf(d, CommitFields.FIRST_GLOBAL)).append("last", StoredNumbers.longOf(d, CommitFields.LAST_GLOBAL))).toList();
        try {
            unused.insertMany(ranges, new InsertManyOptions().ordered(false));
        } catch (MongoException notRecorded) {
            // Only an optimisation: readers fall back to the gap timeout.
        }
    }

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        Document event = CommitCodec.event(snapshot, snapshot.getSequenceNumber(), -1, serializer);
        Document document = new Document("_id", snapshot.getAggregateIdentifier())
                .append("aggregateType", snapshot.getType())
                .append("event", event);
        try {
            // Only a newer snapshot replaces the stored one; an older one hits the unique _id and is dropped.
            snapshots.replaceOne(and(eq("_id", snapshot.getAggregateIdentifier()), lt("event.sequence", snapshot.getSequenceNumber())),
                    document, new ReplaceOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        Document snapshot = snapshots.find(eq("_id", aggregateIdentifier)).first();
        if (snapshot == null) {
            return Stream.empty();
        }
        return Stream.of(CommitCodec.domainEntry(snapshot.getString("aggregateType"), aggregateIdentifier, snapshot.get("event", Document.class)));
    }

    @Override
    protected List<? extends DomainEventData<?>> fetchDomainEvents(String aggregateIdentifier, long firstSequenceNumber, int batchSize) {
        List<DomainEventData<?>> events = new ArrayList<>();
        streams.commitsOf(aggregateIdentifier, firstSequenceNumber)
                .forEach(commit -> CommitCodec.eventsOf(commit).stream()
                        .filter(e -> StoredNumbers.longOf(e, CommitFields.SEQUENCE) >= firstSequenceNumber)
                        .forEach(e -> events.add(CommitCodec.domainEntry(commit.getString(CommitFields.AGGREGATE_TYPE), aggregateIdentifier, e))));
        return events;
    }

    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        GapAwareTrackingToken token = (GapAwareTrackingToken) lastToken;
        if (token != null && token.getGaps().size() > gapCleaningThreshold) {
            token = cleanGaps(token);
        }
        long index = token == null ? -1 : token.getIndex();
        long head = allocated() - 1;
        List<Long> ids = new ArrayList<>(token == null ? List.of() : token.getGaps());
        List<Document> found = new ArrayList<>();
        // A window may hold only indexes still being written or lost: then look further, up to the head.
        // Commits are keyed by their last index, so the window finds the commit in which the token stopped.
        for (long from = index + 1; found.isEmpty() && (from <= head || !ids.isEmpty()); from += batchSize) {
            long to = Math.min(head, from + batchSize - 1);
            LongStream.rangeClosed(from, to).forEach(ids::add);
            commits.find(in(CommitFields.LAST_GLOBAL, ids)).into(found);
            ids.clear();
        }
        found.sort(Comparator.comparingLong(d -> StoredNumbers.longOf(d, CommitFields.LAST_GLOBAL)));
        Tracker tracker = new Tracker(token);
        List<TrackedEventData<?>> result = new ArrayList<>();
        found.forEach(commit -> result.addAll(tracker.deliver(commit)));
        return result;
    }

    /**
     * A reader far behind the head (a replay, a new projection) is served by one cursor over the rest of
     * the store instead of one query per batch; near the head, the batched look-ups above take over.
     */
    @Override
    protected Stream<? extends TrackedEventData<?>> readEventData(TrackingToken lastToken, boolean mayBlock) {
        GapAwareTrackingToken token = (GapAwareTrackingToken) lastToken;
        long index = token == null ? -1 : token.getIndex();
        if (allocated() - 1 - index < catchUpDistance) {
            return super.readEventData(lastToken, mayBlock);
        }
        List<Document> gapFills = token == null || token.getGaps().isEmpty() ? new ArrayList<>()
                : commits.find(in(CommitFields.LAST_GLOBAL, new ArrayList<>(token.getGaps()))).into(new ArrayList<>());
        gapFills.sort(Comparator.comparingLong(d -> StoredNumbers.longOf(d, CommitFields.LAST_GLOBAL)));
        var rest = commits.find(gt(CommitFields.LAST_GLOBAL, index)).batchSize(1000);
        // The embedded store keeps documents in a map sorted by _id: its natural order needs no sort.
        MongoCursor<Document> cursor = (sortedCatchUp ? rest.sort(Sorts.ascending(CommitFields.LAST_GLOBAL)) : rest).cursor();
        Iterator<Document> commitsInOrder = Stream.concat(gapFills.stream(),
                StreamSupport.stream(Spliterators.spliteratorUnknownSize(cursor, Spliterator.ORDERED), false)).iterator();
        Tracker tracker = new Tracker(token);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(commitsInOrder, Spliterator.ORDERED), false)
                .flatMap(commit -> tracker.deliver(commit).stream())
                .onClose(cursor::close);
    }

    /** Turns stored commits into tracked events, advancing the gap-aware token event by event. */
    private final class Tracker {
        private GapAwareTrackingToken token;

        Tracker(GapAwareTrackingToken token) {
            this.token = token;
        }

        List<TrackedEventData<?>> deliver(Document commit) {
            List<TrackedEventData<?>> delivered = new ArrayList<>();
            for (Document event : CommitCodec.eventsOf(commit)) {
                long global = StoredNumbers.longOf(event, CommitFields.GLOBAL);
                if (token != null && global <= token.getIndex() && !token.getGaps().contains(global)) {
                    continue; // already delivered
                }
                token = token == null
                        ? GapAwareTrackingToken.newInstance(global, LongStream.range(0, global).boxed().toList())
                        : token.advanceTo(global, maxGapOffset);
                delivered.add(new TrackedDomainEventData<>(token,
                        CommitCodec.domainEntry(commit.getString(CommitFields.AGGREGATE_TYPE), commit.getString(CommitFields.AGGREGATE_ID), event)));
            }
            return delivered;
        }
    }

    /**
     * Gives up on gaps whose writer must have failed: the event stored right after a run of gaps is older
     * than the gap timeout, and writers store what they were given an index for within that time.
     */
    private GapAwareTrackingToken cleanGaps(GapAwareTrackingToken token) {
        SortedSet<Long> gaps = token.getGaps();
        List<Long> afterRuns = gaps.stream().map(g -> g + 1).filter(next -> !gaps.contains(next)).toList();
        // The commit that starts right after a run of gaps ends within NEIGHBOUR_REACH indexes of it.
        List<Long> ids = afterRuns.stream().flatMap(next -> LongStream.range(next, next + NEIGHBOUR_REACH).boxed()).distinct().toList();
        Map<Long, Document> byFirstIndex = new HashMap<>();
        commits.find(in(CommitFields.LAST_GLOBAL, ids)).forEach(d -> byFirstIndex.put(StoredNumbers.longOf(d, CommitFields.FIRST_GLOBAL), d));
        Instant deadline = clock.instant().minus(gapTimeout);
        GapAwareTrackingToken cleaned = token;
        for (long next : afterRuns) {
            Document neighbour = byFirstIndex.get(next);
            if (neighbour == null || !Instant.ofEpochMilli(StoredNumbers.longOf(neighbour, CommitFields.TIMESTAMP_MILLIS)).isBefore(deadline)) {
                break;
            }
            cleaned = cleaned.withGapsTruncatedAt(next);
        }
        return cleaned;
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return Optional.ofNullable(streams.lastCommitOf(aggregateIdentifier)).map(d -> StoredNumbers.longOf(d, CommitFields.LAST_SEQUENCE));
    }

    @Override
    public TrackingToken createTailToken() {
        return GapAwareTrackingToken.newInstance(-1, List.of());
    }

    @Override
    public TrackingToken createHeadToken() {
        return GapAwareTrackingToken.newInstance(allocated() - 1, List.of());
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        Document first = commits.find(gte(CommitFields.TIMESTAMP_MILLIS, dateTime.toEpochMilli())).sort(Sorts.ascending(CommitFields.LAST_GLOBAL)).limit(1).first();
        return first == null ? createHeadToken() : GapAwareTrackingToken.newInstance(StoredNumbers.longOf(first, CommitFields.FIRST_GLOBAL) - 1, List.of());
    }

    /** The next global index that will be handed out: every index below it was given to a writer. */
    long allocated() {
        return allocator.next();
    }

    private static List<List<EventMessage<?>>> groupConsecutiveByAggregate(List<? extends EventMessage<?>> events) {
        List<List<EventMessage<?>>> groups = new ArrayList<>();
        String current = null;
        for (EventMessage<?> event : events) {
            String aggregate = CommitCodec.aggregateId(event);
            if (groups.isEmpty() || !aggregate.equals(current) || !(event instanceof DomainEventMessage<?>)) {
                groups.add(new ArrayList<>());
                current = aggregate;
            }
            groups.get(groups.size() - 1).add(event);
        }
        return groups;
    }

    private static EventMessage<?> failedEvent(MongoException e, List<List<EventMessage<?>>> commits) {
        if (e instanceof MongoBulkWriteException bulk && !bulk.getWriteErrors().isEmpty()) {
            return commits.get(bulk.getWriteErrors().get(0).getIndex()).get(0);
        }
        return commits.get(0).get(0);
    }

    static boolean isDuplicateKey(Exception e) {
        if (e instanceof MongoWriteException write) {
            return write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
        }
        if (e instanceof MongoBulkWriteException bulk) {
            return bulk.getWriteErrors().stream().anyMatch(err -> ErrorCategory.fromErrorCode(err.getCode()) == ErrorCategory.DUPLICATE_KEY);
        }
        return false;
    }

    public static class Builder extends BatchingEventStorageEngine.Builder {
        private MongoDatabase database;
        private int maxGapOffset = 10_000;
        private int gapCleaningThreshold = 250;
        private Duration gapTimeout = Duration.ofSeconds(60);
        private Clock clock = Clock.systemUTC();
        private boolean sortedCatchUp = true;
        private boolean inMemoryStreamIndex = false;
        private boolean inMemoryCounter = false;
        private long catchUpDistance = 5_000;
        private EventAuthenticity authenticity;

        Builder() {
            persistenceExceptionResolver(GaplessMongoEventStorageEngine::isDuplicateKey);
        }

        public Builder database(MongoDatabase database) {
            this.database = database;
            return this;
        }

        public Builder gapTimeout(Duration gapTimeout) {
            this.gapTimeout = gapTimeout;
            return this;
        }

        public Builder gapCleaningThreshold(int threshold) {
            this.gapCleaningThreshold = threshold;
            return this;
        }

        /** False only for a store whose natural order is the _id order (the embedded H2 one). */
        public Builder sortedCatchUp(boolean sorted) {
            this.sortedCatchUp = sorted;
            return this;
        }

        /** Only for a store that this process alone writes to and whose queries all scan (the embedded one). */
        public Builder inMemoryStreamIndex(boolean inMemory) {
            this.inMemoryStreamIndex = inMemory;
            return this;
        }

        /**
         * Only for a store that this process alone writes to (the embedded one): global indexes are counted in
         * memory, with no store write under a JVM-wide lock; the counter document follows a moment later.
         */
        public Builder inMemoryCounter(boolean inMemory) {
            this.inMemoryCounter = inMemory;
            return this;
        }

        /** How far behind the head a reader must be to be served by one cursor. */
        public Builder catchUpDistance(long distance) {
            this.catchUpDistance = distance;
            return this;
        }

        /** Gives every stored event a MAC of its hash; without it (engine tests only) events carry none. */
        public Builder authenticity(EventAuthenticity authenticity) {
            this.authenticity = authenticity;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        @Override
        public Builder snapshotSerializer(Serializer snapshotSerializer) {
            super.snapshotSerializer(snapshotSerializer);
            return this;
        }

        @Override
        public Builder eventSerializer(Serializer eventSerializer) {
            super.eventSerializer(eventSerializer);
            return this;
        }

        @Override
        public Builder upcasterChain(org.axonframework.serialization.upcasting.event.EventUpcaster upcasterChain) {
            super.upcasterChain(upcasterChain);
            return this;
        }

        @Override
        public Builder batchSize(int batchSize) {
            super.batchSize(batchSize);
            return this;
        }

        public GaplessMongoEventStorageEngine build() {
            if (database == null) {
                throw new org.axonframework.common.AxonConfigurationException("The MongoDatabase is required");
            }
            return new GaplessMongoEventStorageEngine(this);
        }
    }
}
