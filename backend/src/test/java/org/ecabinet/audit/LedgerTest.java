package org.ecabinet.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.ecabinet.platform.storage.EmbeddedMongo;
import org.ecabinet.platform.storage.EventHash;
import org.ecabinet.platform.storage.EventStoreIntegrity;
import org.ecabinet.platform.storage.EventStoreIntegrity.Finding;
import org.ecabinet.platform.storage.EventStoreIntegrity.Kind;
import org.ecabinet.platform.storage.GaplessMongoEventStorageEngine;
import org.ecabinet.platform.storage.StoredEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

/**
 * The ledger folds the store into a Merkle tree and checkpoints it; the verification names what changed
 * since, including what hash chains alone cannot see: a stream's last events removed, a whole stream
 * removed, an event rewritten with recomputed hashes, an event put into an index recorded as unused.
 * The seal here is a stand-in (a digest); real seals and time-stamps are checked with OpenSSL in
 * {@code LedgerApiTest}.
 */
class LedgerTest {

    record Decided(String what) {
    }

    /** Seal = SHA-256 of "seal" + content; stamp = SHA-256 of "stamp" + digest: each fails for other bytes. */
    static final Notary DIGEST_NOTARY = new Notary() {
        @Override
        public byte[] seal(byte[] content) {
            return digest("seal", content);
        }

        @Override
        public String checkSeal(byte[] content, byte[] seal) {
            return java.util.Arrays.equals(seal, digest("seal", content)) ? null : "seal mismatch";
        }

        @Override
        public byte[] stamp(byte[] sha256) {
            return digest("stamp", sha256);
        }

        @Override
        public String checkStamp(byte[] token, byte[] sha256) {
            return java.util.Arrays.equals(token, digest("stamp", sha256)) ? null : "stamp mismatch";
        }

        private byte[] digest(String what, byte[] bytes) {
            var sha = MerkleTree.sha256();
            sha.update(what.getBytes());
            return sha.digest(bytes);
        }
    };

    @TempDir
    Path dir;
    EmbeddedMongo mongo;
    MongoClient client;
    MongoDatabase database;
    MongoCollection<Document> commits;
    GaplessMongoEventStorageEngine engine;
    StoredEvents store;
    MovableClock clock = new MovableClock();
    Path exports;

    @BeforeEach
    void start() throws Exception {
        mongo = EmbeddedMongo.start(dir.resolve("store"), false);
        client = MongoClients.create(mongo.connectionString());
        database = client.getDatabase("ledger");
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        engine = GaplessMongoEventStorageEngine.builder().database(database).eventSerializer(serializer).snapshotSerializer(serializer).build();
        engine.ensureIndexes();
        store = new StoredEvents(database, true);
        commits = database.getCollection("event_commits");
        exports = Files.createDirectories(dir.resolve("exported"));
    }

    @AfterEach
    void stop() {
        client.close();
        mongo.close();
    }

    Ledger ledger(long checkpointEvents) {
        return new Ledger(store, new LeafLog(database), new CheckpointStore(database, exports), DIGEST_NOTARY,
                new LedgerProperties(checkpointEvents, Duration.ofHours(1), Duration.ofSeconds(60), Duration.ofSeconds(1), exports), clock);
    }

    LedgerVerification verification() {
        return new LedgerVerification(new EventStoreIntegrity(store), new LeafLog(database), new CheckpointStore(database, exports), DIGEST_NOTARY);
    }

    /** Sessions A and B take turns (4 events each), then C appends 3 events in one commit: 11 indexes. */
    void appendHistory() {
        for (long s = 0; s < 4; s++) {
            engine.appendEvents(event("session-A", s));
            engine.appendEvents(event("session-B", s));
        }
        engine.appendEvents(event("session-C", 0), event("session-C", 1), event("session-C", 2));
    }

    static GenericDomainEventMessage<Decided> event(String aggregate, long sequence) {
        return new GenericDomainEventMessage<>("CabinetSession", aggregate, sequence, new Decided(aggregate + " step " + sequence));
    }

    @Test
    void everyIndexBecomesALeafAndCheckpointsStateTheRootOfTheStore() {
        appendHistory();
        Ledger ledger = ledger(4);
        ledger.foldAndCheckpoint();
        assertThat(new CheckpointStore(database, exports).all()).extracting(Checkpoint::treeSize).containsExactly(4L, 8L);
        ledger.checkpoint();

        assertThat(ledger.size()).isEqualTo(11);
        List<byte[]> expected = new ArrayList<>();
        store.commits().forEach(c -> c.events().forEach(e -> expected.add(LedgerLeaf.of(e.global(), EventHash.recompute(e)))));
        assertThat(new LeafLog(database).leaves(0, 11)).usingElementComparator(java.util.Arrays::compare).containsExactlyElementsOf(expected);
        List<Checkpoint> checkpoints = new CheckpointStore(database, exports).all();
        assertThat(checkpoints).extracting(Checkpoint::treeSize).containsExactly(4L, 8L, 11L);
        for (Checkpoint checkpoint : checkpoints) {
            assertThat(checkpoint.rootHash()).isEqualTo(HexFormat.of().formatHex(MerkleTree.root(expected, (int) checkpoint.treeSize())));
        }
        assertThat(new CheckpointStore(database, exports).exported()).extracting(Checkpoint::statement)
                .containsExactlyElementsOf(checkpoints.stream().map(Checkpoint::statement).toList());
        assertThat(verification().verify(n -> { }).intact()).isTrue();
    }

    @Test
    void anIndexStillBeingWrittenHoldsTheLedgerBackUntilItsWriterMustHaveFailed() {
        engine.appendEvents(event("session-A", 0));
        database.getCollection("event_counters").updateOne(Filters.eq("_id", "global"), Updates.inc("next", 1L)); // index 1: a writer that never stores
        engine.appendEvents(event("session-A", 1));
        Ledger ledger = ledger(1000);

        ledger.foldAndCheckpoint();
        assertThat(ledger.size()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(61));
        ledger.foldAndCheckpoint();
        assertThat(ledger.size()).isEqualTo(3);
        assertThat(new LeafLog(database).leaves(1, 2).get(0)).isEqualTo(LedgerLeaf.unused(1));
    }

    @Test
    void anIndexWhoseWriteWasRefusedIsFoldedAtOnceAsUnused() {
        engine.appendEvents(event("session-A", 0));
        engine.appendEvents(event("session-A", 1));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.appendEvents(event("session-A", 1)))
                .isInstanceOf(org.axonframework.modelling.command.ConcurrencyException.class); // index 2 refused
        engine.appendEvents(event("session-A", 2));
        Ledger ledger = ledger(1000);

        ledger.foldAndCheckpoint(); // no clock advance: the refusal was recorded, nothing to wait for
        assertThat(ledger.size()).isEqualTo(4);
        assertThat(new LeafLog(database).leaves(2, 3).get(0)).isEqualTo(LedgerLeaf.unused(2));
        ledger.checkpoint();
        assertThat(verification().verify(n -> { }).intact()).isTrue();
    }

    @Test
    void aRestartedLedgerContinuesWhereItStopped() {
        appendHistory();
        Ledger first = ledger(1000);
        first.foldAndCheckpoint();
        engine.appendEvents(event("session-A", 4));

        Ledger second = ledger(1000);
        assertThat(second.size()).isEqualTo(11);
        second.foldAndCheckpoint();
        second.checkpoint();
        List<byte[]> all = new LeafLog(database).leaves(0, 12);
        assertThat(new CheckpointStore(database, exports).latest().orElseThrow().rootHash())
                .isEqualTo(HexFormat.of().formatHex(MerkleTree.root(all, 12)));
        assertThat(verification().verify(n -> { }).intact()).isTrue();
    }

    @Test
    void theLastEventsOfAStreamRemovedAreNamedThoughNoChainBreaks() {
        appendHistory();
        ledger(4).foldAndCheckpoint();
        long lastOfB = commitOf("session-B", 3).getLong("_id");
        commits.deleteOne(Filters.eq("_id", lastOfB));

        var report = verification().verify(n -> { });
        assertThat(report.chains().intact()).as("a chain alone cannot see a removed tail").isTrue();
        assertThat(report.intact()).isFalse();
        assertThat(report.firstProblem()).extracting(Finding::kind, Finding::global).containsExactly(Kind.MISSING, lastOfB);
        assertThat(report.checkpointProblems()).isNotEmpty();
    }

    @Test
    void aWholeStreamRemovedIsNamed() {
        appendHistory();
        foldAndCheckpoint();
        commits.deleteMany(Filters.eq("aggregateId", "session-C"));

        var report = verification().verify(n -> { });
        assertThat(report.intact()).isFalse();
        assertThat(report.ledgerFindings()).extracting(Finding::kind, Finding::global)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.MISSING, 8L), org.assertj.core.groups.Tuple.tuple(Kind.MISSING, 9L),
                        org.assertj.core.groups.Tuple.tuple(Kind.MISSING, 10L));
    }

    @Test
    void anEventRewrittenWithARecomputedHashIsNamed() {
        appendHistory();
        foldAndCheckpoint();
        Document lastOfA = commitOf("session-A", 3);
        Document event = lastOfA.getList("events", Document.class).get(0);
        event.put("payload", "{\"what\":\"a different decision\"}");
        var forged = store.at(event.getLong("global")).orElseThrow();
        String forgedHash = EventHash.recompute(new StoredEvents.StoredEvent(forged.global(), forged.aggregateId(), forged.aggregateType(),
                forged.sequence(), forged.eventId(), forged.timestamp(), forged.payloadType(), forged.payloadRevision(),
                event.getString("payload"), forged.metaData(), forged.prevHash(), null, null));
        commits.updateOne(Filters.eq("_id", lastOfA.getLong("_id")),
                Updates.combine(Updates.set("events.0.payload", event.getString("payload")), Updates.set("events.0.hash", forgedHash)));

        var report = verification().verify(n -> { });
        assertThat(report.chains().intact()).as("the forger recomputed the hash").isTrue();
        assertThat(report.firstProblem()).extracting(Finding::kind, Finding::aggregateId, Finding::sequence)
                .containsExactly(Kind.ALTERED, "session-A", 3L);
    }

    @Test
    void anEventPutWhereTheLedgerRecordedNothingIsNamed() {
        engine.appendEvents(event("session-A", 0));
        database.getCollection("event_counters").updateOne(Filters.eq("_id", "global"), Updates.inc("next", 1L));
        engine.appendEvents(event("session-A", 1));
        clock.advance(Duration.ofSeconds(61));
        foldAndCheckpoint();
        Document copy = commits.find(Filters.eq("_id", 0L)).first();
        Document smuggled = new Document(copy).append("_id", 1L).append("firstGlobal", 1L).append("aggregateId", "session-X");
        Document event = new Document(copy.getList("events", Document.class).get(0)).append("global", 1L);
        smuggled.put("events", List.of(event));
        event.put("hash", EventHash.recompute(store.commitsFrom(0, 0).get(0).events().get(0)));
        commits.insertOne(smuggled);

        var report = verification().verify(n -> { });
        assertThat(report.ledgerFindings()).extracting(Finding::kind, Finding::global)
                .contains(org.assertj.core.groups.Tuple.tuple(Kind.INSERTED, 1L));
    }

    @Test
    void rewritingTheLedgerInTheDatabaseToo_isCaughtByTheExportedCheckpoints() {
        appendHistory();
        foldAndCheckpoint();
        commits.deleteMany(Filters.eq("aggregateId", "session-C"));
        // The forger rebuilds the leaves and re-checkpoints in the database (with the system's key, which the database holds).
        for (String collection : List.of("ledger_leaves", "ledger_state", "ledger_checkpoints")) {
            database.getCollection(collection).deleteMany(new Document());
        }
        Ledger rebuilt = new Ledger(store, new LeafLog(database), new CheckpointStore(database, null), DIGEST_NOTARY,
                new LedgerProperties(1000, Duration.ofHours(1), Duration.ofSeconds(60), Duration.ofSeconds(1), null), clock);
        rebuilt.foldAndCheckpoint();
        rebuilt.checkpoint();

        var report = verification().verify(n -> { });
        assertThat(report.chains().intact()).isTrue();
        assertThat(report.ledgerFindings()).isEmpty();
        assertThat(report.intact()).isFalse();
        assertThat(report.checkpointProblems()).extracting(LedgerVerification.CheckpointProblem::treeSize).contains(11L);
    }

    @Test
    void aCheckpointWhoseStatementWasEditedFailsItsSeal() throws Exception {
        appendHistory();
        foldAndCheckpoint();
        Path statement;
        try (var files = Files.list(exports)) {
            statement = files.filter(f -> f.toString().endsWith(".json")).findFirst().orElseThrow();
        }
        Files.writeString(statement, Files.readString(statement).replace("\"treeSize\":11", "\"treeSize\":12"));

        var problems = verification().verify(n -> { }).checkpointProblems();
        assertThat(problems).extracting(LedgerVerification.CheckpointProblem::detail)
                .anyMatch(d -> d.contains("seal does not hold")).anyMatch(d -> d.contains("missing from the database"));
    }

    @Test
    void proofsFromStoredChunkRootsEqualProofsFromAllLeaves() {
        LeafLog log = new LeafLog(database);
        List<byte[]> all = new ArrayList<>();
        Frontier frontier = new Frontier();
        java.util.Random random = new java.util.Random(7);
        for (int batch = 0; batch < 7; batch++) { // appended in uneven batches, as the ledger folds
            List<byte[]> added = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                byte[] leaf = new byte[32];
                random.nextBytes(leaf);
                added.add(leaf);
                frontier.append(leaf);
            }
            log.append(all.size(), added, frontier);
            all.addAll(added);
        }
        for (int size : new int[] {1, 1024, 1025, 2048, 2500, 3072, 3500}) {
            MerkleTree.Subtrees chunked = log.subtrees(size);
            for (int index : new int[] {0, 1, 1023, 1024, 2047, 2048, 2049, 3071, 3072, 3499}) {
                if (index < size) {
                    assertThat(MerkleTree.inclusionPath(index, size, chunked)).as("leaf %d of %d", index, size)
                            .usingElementComparator(java.util.Arrays::compare).containsExactlyElementsOf(MerkleTree.inclusionPath(all, index, size));
                }
            }
        }
    }

    @Test
    void everyEventHasAnInclusionProofThatChecksOfflineAndFailsForAnotherEvent() {
        appendHistory();
        Ledger ledger = ledger(1000);
        InclusionProofs proofs = new InclusionProofs(store, new LeafLog(database), new CheckpointStore(database, exports), ledger);
        for (long global = 0; global < 11; global++) {
            InclusionProof proof = proofs.of(global);
            assertThat(proof.treeSize()).isEqualTo(11);
            assertThat(ProofCheck.check(proof, List.of()).subList(0, 2)).allMatch(ProofCheck.Step::holds);
        }
        InclusionProof proof = proofs.of(3);
        var other = store.at(4).orElseThrow();
        InclusionProof swapped = new InclusionProof(proof.format(), other, 3, proof.treeSize(), proof.auditPath(), proof.statement(),
                proof.seal(), proof.timeStamp());
        assertThat(ProofCheck.check(swapped, List.of()).get(1).holds()).isFalse();
    }

    void foldAndCheckpoint() {
        Ledger ledger = ledger(1000);
        ledger.foldAndCheckpoint();
        ledger.checkpoint();
    }

    private Document commitOf(String aggregate, long sequence) {
        return commits.find(Filters.and(Filters.eq("aggregateId", aggregate), Filters.lte("firstSequence", sequence),
                Filters.gte("lastSequence", sequence))).first();
    }

    static final class MovableClock extends Clock {
        private Instant now = Instant.now();

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
