package org.ecabinet.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.ecabinet.support.MutableClock;
import org.ecabinet.support.EmbeddedStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

/** The storage engine's contract, in the manner of Axon's own storage-engine tests, on the embedded store. */
class GaplessMongoEventStorageEngineTest {

    record Happened(String what) {
    }

    @RegisterExtension
    final EmbeddedStore store = new EmbeddedStore();
    MongoDatabase database;
    GaplessMongoEventStorageEngine engine;
    MutableClock clock = new MutableClock(Instant.now());

    @BeforeEach
    void start() {
        database = store.database("engine-test");
        engine = engine(10);
    }

    GaplessMongoEventStorageEngine engine(int gapCleaningThreshold) {
        return engine(gapCleaningThreshold, false);
    }

    GaplessMongoEventStorageEngine engine(int gapCleaningThreshold, boolean inMemoryCounter) {
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        GaplessMongoEventStorageEngine built = GaplessMongoEventStorageEngine.builder().database(database)
                .eventSerializer(serializer).snapshotSerializer(serializer).batchSize(5).inMemoryCounter(inMemoryCounter)
                .gapCleaningThreshold(gapCleaningThreshold).gapTimeout(Duration.ofSeconds(60)).clock(clock).build();
        built.ensureIndexes();
        return built;
    }

    static DomainEventMessage<Happened> event(String aggregate, long sequence) {
        return new GenericDomainEventMessage<>("Thing", aggregate, sequence, new Happened(aggregate + "#" + sequence));
    }

    @Test
    void storesAndReadsAnAggregatesStreamInOrder() {
        engine.appendEvents(event("a", 0), event("a", 1));
        engine.appendEvents(event("b", 0));
        engine.appendEvents(event("a", 2));

        assertThat(engine.readEvents("a").asStream().map(e -> ((Happened) e.getPayload()).what()))
                .containsExactly("a#0", "a#1", "a#2");
        assertThat(engine.readEvents("a", 1).asStream().map(DomainEventMessage::getSequenceNumber)).containsExactly(1L, 2L);
        assertThat(engine.lastSequenceNumberFor("a")).contains(2L);
        assertThat(engine.lastSequenceNumberFor("nobody")).isEmpty();
    }

    @Test
    void theInMemoryStreamIndexOfTheEmbeddedStoreSeesCommitsFromBeforeAndAfterItWasBuilt() {
        engine.appendEvents(event("a", 0), event("a", 1));
        engine.appendEvents(event("b", 0));
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        GaplessMongoEventStorageEngine indexed = GaplessMongoEventStorageEngine.builder().database(database)
                .eventSerializer(serializer).snapshotSerializer(serializer).inMemoryStreamIndex(true).build();

        assertThat(indexed.readEvents("a").asStream().map(DomainEventMessage::getSequenceNumber)).containsExactly(0L, 1L);
        indexed.appendEvents(event("a", 2), event("a", 3));
        indexed.appendEvents(event("a", 4));
        assertThat(indexed.readEvents("a", 3).asStream().map(DomainEventMessage::getSequenceNumber)).containsExactly(3L, 4L);
        assertThat(indexed.lastSequenceNumberFor("a")).contains(4L);
        assertThat(indexed.lastSequenceNumberFor("nobody")).isEmpty();
        assertThatThrownBy(() -> indexed.appendEvents(event("a", 4))).isInstanceOf(ConcurrencyException.class);
        assertThat(indexed.readEvents("a").asStream().count()).isEqualTo(5);
        assertThat(indexed.readEvents("b").asStream().count()).isEqualTo(1);
    }

    @Test
    void oneCommitIsOneDocumentSoItIsStoredWholeOrNotAtAll() {
        engine.appendEvents(event("a", 0), event("a", 1), event("a", 2));
        assertThat(database.getCollection(GaplessMongoEventStorageEngine.COMMITS).countDocuments()).isEqualTo(1);
    }

    @Test
    void aSecondWriterOfTheSameSequenceIsRefusedAndNothingOfItIsStored() {
        engine.appendEvents(event("a", 0), event("a", 1));
        assertThatThrownBy(() -> engine.appendEvents(event("a", 1), event("a", 2))).isInstanceOf(ConcurrencyException.class);
        assertThat(engine.readEvents("a").asStream().count()).isEqualTo(2);
    }

    @Test
    void aWriterWhoseRangeOverlapsAStoredOneIsRefused() {
        engine.appendEvents(event("a", 0), event("a", 1), event("a", 2));
        assertThatThrownBy(() -> engine.appendEvents(event("a", 2), event("a", 3))).isInstanceOf(ConcurrencyException.class);
        assertThatThrownBy(() -> engine.appendEvents(event("a", 1))).isInstanceOf(ConcurrencyException.class);
    }

    @Test
    void trackingFollowsTheGlobalOrderWithStrictlyIncreasingIndexes() {
        engine.appendEvents(event("a", 0));
        engine.appendEvents(event("b", 0), event("b", 1));
        engine.appendEvents(event("a", 1));

        List<TrackedEventMessage<?>> all = readAll(null);
        assertThat(all).extracting(e -> ((Happened) e.getPayload()).what()).containsExactly("a#0", "b#0", "b#1", "a#1");
        assertThat(all).extracting(e -> ((GapAwareTrackingToken) e.trackingToken()).getIndex()).containsExactly(0L, 1L, 2L, 3L);
        assertThat(readAll(all.get(1).trackingToken())).extracting(e -> ((Happened) e.getPayload()).what()).containsExactly("b#1", "a#1");
        assertThat(readAll(engine.createTailToken())).hasSize(4);
        assertThat(readAll(engine.createHeadToken())).isEmpty();
    }

    @Test
    void anEventThatBecomesVisibleLateIsDeliveredLateNotSkipped() {
        engine.appendEvents(event("a", 0));
        long lateIndex = allocateWithoutWriting(); // a slow writer holds index 1
        engine.appendEvents(event("b", 0));

        List<TrackedEventMessage<?>> first = readAll(null);
        assertThat(first).extracting(e -> ((Happened) e.getPayload()).what()).containsExactly("a#0", "b#0");
        GapAwareTrackingToken token = (GapAwareTrackingToken) first.get(1).trackingToken();
        assertThat(token.getGaps()).containsExactly(lateIndex);

        writeLate(lateIndex, "slow", 0);
        List<TrackedEventMessage<?>> then = readAll(token);
        assertThat(then).extracting(e -> ((Happened) e.getPayload()).what()).containsExactly("slow#0");
        assertThat(((GapAwareTrackingToken) then.get(0).trackingToken()).getGaps()).isEmpty();
    }

    @Test
    void aWindowOfIndexesStillBeingWrittenDoesNotHideLaterEvents() {
        engine.appendEvents(event("a", 0));
        for (int i = 0; i < 12; i++) {
            allocateWithoutWriting(); // more than one batch of in-flight indexes
        }
        engine.appendEvents(event("b", 0));
        assertThat(readAll(null)).extracting(e -> ((Happened) e.getPayload()).what()).containsExactly("a#0", "b#0");
    }

    @Test
    void gapsWhoseWriterFailedAreDroppedAfterTheTimeout() {
        engine.appendEvents(event("a", 0));
        for (int i = 0; i < 12; i++) {
            allocateWithoutWriting();
        }
        engine.appendEvents(event("b", 0));
        engine.appendEvents(event("c", 0));
        TrackingToken token = readAll(null).get(1).trackingToken();
        assertThat(((GapAwareTrackingToken) token).getGaps()).hasSize(12);

        assertThat(gapsAfterReading(token)).as("too young to give up").hasSize(12);
        clock.advance(Duration.ofMinutes(2));
        assertThat(gapsAfterReading(token)).isEmpty();
    }

    @Test
    void aNewerSnapshotReplacesAnOlderOneButNotTheOtherWayRound() {
        engine.storeSnapshot(new GenericDomainEventMessage<>("Thing", "a", 10, new Happened("snapshot@10")));
        engine.storeSnapshot(new GenericDomainEventMessage<>("Thing", "a", 5, new Happened("snapshot@5")));
        assertThat(engine.readSnapshot("a")).get().extracting(m -> ((Happened) m.getPayload()).what()).isEqualTo("snapshot@10");
        engine.storeSnapshot(new GenericDomainEventMessage<>("Thing", "a", 20, new Happened("snapshot@20")));
        assertThat(engine.readSnapshot("a")).get().extracting(DomainEventMessage::getSequenceNumber).isEqualTo(20L);
        assertThat(engine.readSnapshot("b")).isEmpty();
    }

    @Test
    void aTokenAtAnInstantStartsWithTheFirstEventFromThen() {
        engine.appendEvents(new GenericDomainEventMessage<>("Thing", "a", 0, new Happened("old"), org.axonframework.messaging.MetaData.emptyInstance(),
                "e-old", Instant.parse("2026-01-01T00:00:00Z")));
        engine.appendEvents(new GenericDomainEventMessage<>("Thing", "a", 1, new Happened("new"), org.axonframework.messaging.MetaData.emptyInstance(),
                "e-new", Instant.parse("2026-06-01T00:00:00Z")));
        TrackingToken from = engine.createTokenAt(Instant.parse("2026-03-01T00:00:00Z"));
        assertThat(readAll(from)).extracting(e -> ((Happened) e.getPayload()).what()).containsExactly("new");
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "sorted by the store: {0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
    void aReaderFarBehindCatchesUpThroughOneCursorInOrderAndWithoutSkipping(boolean sorted) throws Exception {
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        engine = GaplessMongoEventStorageEngine.builder().database(database).eventSerializer(serializer)
                .snapshotSerializer(serializer).batchSize(50).catchUpDistance(100).sortedCatchUp(sorted).build();
        engine.ensureIndexes();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int w = 0; w < 4; w++) {
            String aggregate = "w" + w;
            pool.submit(() -> {
                for (int s = 0; s < 300; s++) {
                    engine.appendEvents(event(aggregate, s));
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        allocateWithoutWriting(); // one writer failed: a gap in the middle of the catch-up

        for (int w = 0; w < 4; w++) {
            engine.appendEvents(event("w" + w, 300));
        }
        List<TrackedEventMessage<?>> all = readAll(null);
        assertThat(all).hasSize(1204);
        assertThat(all.stream().map(e -> ((Happened) e.getPayload()).what()).distinct().count()).isEqualTo(1204);
        for (int w = 0; w < 4; w++) {
            String aggregate = "w" + w;
            assertThat(all.stream().filter(e -> ((DomainEventMessage<?>) e).getAggregateIdentifier().equals(aggregate))
                    .map(e -> ((DomainEventMessage<?>) e).getSequenceNumber()))
                    .as("each aggregate's events in order").isSorted().hasSize(301);
        }
        assertThat(all.stream().map(e -> ((GapAwareTrackingToken) e.trackingToken()).getIndex())).isSorted();

        engine.appendEvents(event("late", 0));
        assertThat(readAll(all.get(all.size() - 1).trackingToken())).extracting(e -> ((Happened) e.getPayload()).what())
                .containsExactly("late#0");
    }

    /** The embedded store's counter in memory, its document written a moment later: a crash may leave the document behind. */
    @Test
    void theInMemoryCounterCountsOnPastTheStoredCommitsWhenItsDocumentFellBehind() {
        engine = engine(10, true);
        engine.appendEvents(event("a", 0), event("a", 1));
        engine.appendEvents(event("b", 0));
        var counters = database.getCollection(GaplessMongoEventStorageEngine.COUNTERS);
        counters.replaceOne(Filters.eq("_id", "global"), new Document("_id", "global").append("next", 1L)); // as if killed before it was written

        GaplessMongoEventStorageEngine restarted = engine(10, true);
        assertThat(IndexAllocator.next(counters)).as("the document, moved at start").isEqualTo(3);
        restarted.appendEvents(event("c", 0));

        assertThat(restarted.readEvents(null, false).map(e -> ((GapAwareTrackingToken) e.trackingToken()).getIndex()).toList())
                .containsExactly(0L, 1L, 2L, 3L);
        assertThat(restarted.readEvents("c").asStream().count()).isEqualTo(1);
    }

    @ParameterizedTest(name = "counter in memory: {0}")
    @ValueSource(booleans = {false, true})
    void concurrentWritersNeverMakeATrackingReaderSkipAnEvent(boolean inMemoryCounter) throws Exception {
        engine = engine(10, inMemoryCounter);
        int writers = 8;
        int perWriter = 150;
        Set<String> delivered = ConcurrentHashMap.newKeySet();
        List<String> duplicates = new ArrayList<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        for (int w = 0; w < writers; w++) {
            String aggregate = "writer-" + w;
            pool.submit(() -> {
                try {
                    for (int s = 0; s < perWriter; s++) {
                        engine.appendEvents(event(aggregate, s));
                    }
                } catch (Throwable e) {
                    failures.add(e);
                    writing.set(false);
                }
            });
        }
        pool.shutdown();
        Thread reader = new Thread(() -> {
            TrackingToken token = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while ((writing.get() || delivered.size() < writers * perWriter) && System.nanoTime() < deadline) {
                List<TrackedEventMessage<?>> batch = readAll(token);
                for (TrackedEventMessage<?> e : batch) {
                    if (!delivered.add(((Happened) e.getPayload()).what())) {
                        synchronized (duplicates) {
                            duplicates.add(((Happened) e.getPayload()).what());
                        }
                    }
                    token = e.trackingToken();
                }
            }
        });
        reader.start();
        assertThat(pool.awaitTermination(120, TimeUnit.SECONDS)).isTrue();
        assertThat(failures).isEmpty();
        writing.set(false);
        reader.join(60_000);
        assertThat(reader.isAlive()).as("the reader caught up").isFalse();
        assertThat(duplicates).isEmpty();
        assertThat(delivered).hasSize(writers * perWriter);
    }

    private List<TrackedEventMessage<?>> readAll(TrackingToken from) {
        return engine.readEvents(from, false).collect(Collectors.toList());
    }

    private java.util.SortedSet<Long> gapsAfterReading(TrackingToken token) {
        engine.appendEvents(event("probe-" + System.nanoTime(), 0));
        List<TrackedEventMessage<?>> events = readAll(token);
        return ((GapAwareTrackingToken) events.get(events.size() - 1).trackingToken()).getGaps();
    }

    /** What a writer does before it stores: take an index. */
    private long allocateWithoutWriting() {
        Document counter = database.getCollection(GaplessMongoEventStorageEngine.COUNTERS)
                .findOneAndUpdate(Filters.eq("_id", "global"), Updates.inc("next", 1L));
        return counter.getLong("next");
    }

    /** The slow writer finally stores its commit under the index it was given (in the engine's own layout). */
    private void writeLate(long index, String aggregate, long sequence) {
        MongoDatabase scratch = store.database("scratch-" + System.nanoTime());
        GaplessMongoEventStorageEngine.builder().database(scratch).eventSerializer(JacksonSerializer.defaultSerializer())
                .snapshotSerializer(JacksonSerializer.defaultSerializer()).build()
                .appendEvents(event(aggregate, sequence));
        Document commit = scratch.getCollection(GaplessMongoEventStorageEngine.COMMITS).find().first();
        commit.put("_id", index);
        commit.put("firstGlobal", index);
        commit.getList("events", Document.class).get(0).put("global", index);
        database.getCollection(GaplessMongoEventStorageEngine.COMMITS).insertOne(commit);
    }
}
