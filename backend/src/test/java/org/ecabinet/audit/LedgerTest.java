package org.ecabinet.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.ecabinet.platform.secrets.MasterKey;
import org.ecabinet.platform.cluster.Lease;
import org.ecabinet.platform.storage.EmbeddedMongo;
import org.ecabinet.platform.storage.EventAuthenticity;
import org.ecabinet.platform.storage.EventHash;
import org.ecabinet.platform.storage.EventStoreIntegrity;
import org.ecabinet.platform.storage.EventStoreIntegrity.Finding;
import org.ecabinet.platform.storage.EventStoreIntegrity.Kind;
import org.ecabinet.platform.storage.GaplessMongoEventStorageEngine;
import org.ecabinet.platform.storage.StoredEvents;
import org.ecabinet.support.MutableClock;
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
    /** This test's system key: events appended through the engine carry a MAC under it, as the backend's do. */
    static final EventAuthenticity AUTHENTICITY = new EventAuthenticity(MasterKey.generate(), 0);

    EmbeddedMongo mongo;
    MongoClient client;
    MongoDatabase database;
    MongoCollection<Document> commits;
    GaplessMongoEventStorageEngine engine;
    StoredEvents store;
    MutableClock clock = new MutableClock();
    Path exports;

    @BeforeEach
    void start() throws Exception {
        mongo = EmbeddedMongo.start(dir.resolve("store"), false);
        client = MongoClients.create(mongo.connectionString());
        database = client.getDatabase("ledger");
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        engine = GaplessMongoEventStorageEngine.builder().database(database).eventSerializer(serializer).snapshotSerializer(serializer)
                .authenticity(AUTHENTICITY).build();
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
        return ledger(checkpointEvents, false);
    }

    Ledger ledger(long checkpointEvents, boolean acceptRollback) {
        return new Ledger(store, AUTHENTICITY, new LeafLog(database), new CheckpointStore(database, exports), DIGEST_NOTARY,
                new LedgerProperties(checkpointEvents, Duration.ofHours(1), Duration.ofSeconds(60), Duration.ofSeconds(1), exports, acceptRollback), clock, lease("node-a"));
    }

    /** The ledger's lease as node {@code node} holds it (ten seconds' term, on this test's clock). */
    Lease lease(String node) {
        return new Lease(database, "ledger", node, Duration.ofSeconds(10), clock);
    }

    LedgerVerification verification() {
        return new LedgerVerification(new EventStoreIntegrity(store, AUTHENTICITY), new LeafLog(database), new CheckpointStore(database, exports), DIGEST_NOTARY);
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
        assertThat(new CheckpointStore(database, exports).all().checkpoints()).extracting(Checkpoint::treeSize).containsExactly(4L, 8L);
        ledger.checkpoint();

        assertThat(ledger.size()).isEqualTo(11);
        List<byte[]> expected = new ArrayList<>();
        store.commits().forEach(c -> c.events().forEach(e -> expected.add(LedgerLeaf.of(e.global(), EventHash.recompute(e)))));
        assertThat(new LeafLog(database).leaves(0, 11)).usingElementComparator(java.util.Arrays::compare).containsExactlyElementsOf(expected);
        List<Checkpoint> checkpoints = new CheckpointStore(database, exports).all().checkpoints();
        assertThat(checkpoints).extracting(Checkpoint::treeSize).containsExactly(4L, 8L, 11L);
        for (Checkpoint checkpoint : checkpoints) {
            assertThat(checkpoint.rootHash()).isEqualTo(HexFormat.of().formatHex(MerkleTree.root(expected, (int) checkpoint.treeSize())));
        }
        assertThat(new CheckpointStore(database, exports).exported().checkpoints()).extracting(Checkpoint::statement)
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

    Ledger ledgerOn(String node) {
        return new Ledger(store, AUTHENTICITY, new LeafLog(database), new CheckpointStore(database, exports), DIGEST_NOTARY,
                new LedgerProperties(1000, Duration.ofHours(1), Duration.ofSeconds(60), Duration.ofSeconds(1), exports, false), clock, lease(node));
    }

    @Test
    void ofTwoNodesOnlyTheLeaseHolderFoldsAndWhenItDiesTheOtherContinuesWhereItStopped() {
        appendHistory();
        Ledger a = ledgerOn("node-a");
        Ledger b = ledgerOn("node-b");
        a.foldAndCheckpoint();
        a.checkpoint();
        b.foldAndCheckpoint();
        assertThat(b.size()).as("node b reads how far node a folded").isEqualTo(11);

        engine.appendEvents(event("session-A", 4));
        b.foldAndCheckpoint();
        assertThat(new LeafLog(database).frontier().size()).as("node a holds the lease: node b folds nothing").isEqualTo(11);

        clock.advance(Duration.ofSeconds(11)); // node a died: its lease runs out
        b.foldAndCheckpoint();
        b.checkpoint();
        assertThat(b.size()).isEqualTo(12);
        assertThat(new CheckpointStore(database, exports).all().checkpoints()).extracting(Checkpoint::treeSize).containsExactly(11L, 12L);
        assertThat(verification().verify(n -> { }).intact()).isTrue();
    }

    @Test
    void aNodeThatPausedPastItsLeaseFindsTheOtherNodesProgressAndWritesNothingOverIt() {
        appendHistory();
        Ledger a = ledgerOn("node-a");
        a.foldAndCheckpoint();
        clock.advance(Duration.ofSeconds(11)); // node a pauses
        engine.appendEvents(event("session-A", 4));
        Ledger b = ledgerOn("node-b");
        b.foldAndCheckpoint(); // takes the lease over
        assertThat(b.size()).isEqualTo(12);
        clock.advance(Duration.ofSeconds(11)); // now node b pauses, and node a wakes up believing its frontier of 11
        engine.appendEvents(event("session-A", 5));
        List<byte[]> leavesBefore = new LeafLog(database).leaves(0, 12);

        a.foldAndCheckpoint();
        assertThat(new LeafLog(database).leaves(0, 12)).usingElementComparator(java.util.Arrays::compare).containsExactlyElementsOf(leavesBefore);
        assertThat(a.size()).as("node a read node b's progress instead of writing over it").isEqualTo(12);
        a.foldAndCheckpoint();
        a.checkpoint();
        assertThat(a.size()).isEqualTo(13);
        assertThat(verification().verify(n -> { }).intact()).isTrue();
    }

    @Test
    void twoCheckpointsOfOneTreeSizeWithDifferentRootsAreNamedAFork() throws Exception {
        appendHistory();
        Ledger ledger = ledger(1000);
        ledger.foldAndCheckpoint();
        ledger.checkpoint();
        Checkpoint kept = new CheckpointStore(database, exports).latest().orElseThrow();
        // A second writer's checkpoint of the same size reached the exported files with another root.
        String forkedRoot = "00".repeat(32);
        String statement = Checkpoint.statementOf(kept.treeSize(), HexFormat.of().parseHex(forkedRoot), kept.time());
        Checkpoint forked = new Checkpoint(kept.treeSize(), forkedRoot, kept.time(), statement,
                DIGEST_NOTARY.seal(statement.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                DIGEST_NOTARY.stamp(Ledger.sha256(statement.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        new CheckpointStore(client.getDatabase("elsewhere"), exports).save(forked);

        assertThat(verification().verify(n -> { }).checkpointProblems()).extracting(LedgerVerification.CheckpointProblem::detail)
                .anyMatch(detail -> detail.contains("the ledger forked"));
        assertThatThrownBy(() -> new CheckpointStore(database, null).save(forked)).hasMessageContaining("The ledger forked");
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
                event.getString("payload"), forged.metaData(), forged.prevHash(), null, null, null));
        commits.updateOne(Filters.eq("_id", lastOfA.getLong("_id")),
                Updates.combine(Updates.set("events.0.payload", event.getString("payload")), Updates.set("events.0.hash", forgedHash)));

        var report = verification().verify(n -> { });
        assertThat(report.chains().findings()).as("the forger recomputed the hash, but has no key for its MAC")
                .extracting(Finding::kind, Finding::aggregateId, Finding::sequence).containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.FORGED, "session-A", 3L));
        assertThat(report.ledgerFindings()).extracting(Finding::kind, Finding::aggregateId, Finding::sequence)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.ALTERED, "session-A", 3L));
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
        Ledger rebuilt = new Ledger(store, AUTHENTICITY, new LeafLog(database), new CheckpointStore(database, null), DIGEST_NOTARY,
                new LedgerProperties(1000, Duration.ofHours(1), Duration.ofSeconds(60), Duration.ofSeconds(1), null, false), clock, lease("node-a"));
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
        InclusionProofs proofs = new InclusionProofs(store, AUTHENTICITY, new LeafLog(database), new CheckpointStore(database, exports), ledger);
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

    @Test
    void anEventAppendedAtTheEndWithCorrectHashesAndABumpedCounterIsForgedAndNeverFoldedOrProved() {
        appendHistory();
        foldAndCheckpoint();
        Document last = commitOf("session-C", 2);
        Document lastEvent = last.getList("events", Document.class).get(2);
        Document appended = new Document(lastEvent).append("global", 11L).append("sequence", 3L).append("eventId", "forged-1")
                .append("payload", "{\"what\":\"a decision nobody took\"}").append("prevHash", lastEvent.getString("hash"));
        appended.put("hash", EventHash.recompute(new StoredEvents.StoredEvent(11, "session-C", "CabinetSession", 3, "forged-1",
                appended.getString("timestamp"), appended.getString("payloadType"), appended.getString("payloadRevision"),
                appended.getString("payload"), appended.getString("metaData"), appended.getString("prevHash"), null, null, null)));
        commits.insertOne(new Document("_id", 11L).append("firstGlobal", 11L).append("aggregateId", "session-C")
                .append("aggregateType", "CabinetSession").append("firstSequence", 3L).append("lastSequence", 3L)
                .append("timestampMillis", last.getLong("timestampMillis")).append("events", List.of(appended)));
        database.getCollection("event_counters").updateOne(Filters.eq("_id", "global"), Updates.inc("next", 1L));

        var report = verification().verify(n -> { });
        assertThat(report.chains().findings()).extracting(Finding::kind, Finding::global)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.FORGED, 11L));
        Ledger ledger = ledger(1000);
        ledger.foldAndCheckpoint();
        assertThat(ledger.size()).as("the ledger stops before the forged event").isEqualTo(11);
        assertThatThrownBy(() -> new InclusionProofs(store, AUTHENTICITY, new LeafLog(database), new CheckpointStore(database, exports), ledger).of(11))
                .isInstanceOf(org.ecabinet.platform.RuleViolation.class).hasMessageContaining("not written by this system");
    }

    @Test
    void aStoreRestoredFromAnOlderBackupIsRefusedAtStartUpUnlessTheRollbackIsAccepted() throws Exception {
        for (long s = 0; s < 4; s++) {
            engine.appendEvents(event("session-A", s));
            engine.appendEvents(event("session-B", s));
        }
        ledger(4).foldAndCheckpoint();
        stop();
        copyTree(dir.resolve("store"), dir.resolve("backup"));
        start();
        engine.appendEvents(event("session-C", 0), event("session-C", 1), event("session-C", 2));
        Ledger later = ledger(4);
        later.foldAndCheckpoint();
        later.checkpoint();
        stop();
        deleteTree(dir.resolve("store"));
        copyTree(dir.resolve("backup"), dir.resolve("store"));
        start();

        assertThatThrownBy(() -> ledger(4)).isInstanceOf(org.ecabinet.platform.StartupRefused.class)
                .hasMessageContaining("behind its latest exported checkpoint").hasMessageContaining("covers 11").hasMessageContaining("holds 8");

        clock.advance(Duration.ofMinutes(1));
        Ledger accepted = ledger(4, true);
        try (var files = Files.list(exports)) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted().toList())
                    .contains("checkpoint-000000000004.json", "checkpoint-000000000008.json").noneMatch(name -> name.contains("000000000011"));
        }
        engine.appendEvents(event("session-D", 0));
        accepted.foldAndCheckpoint();
        accepted.checkpoint();
        assertThat(verification().verify(n -> { }).intact()).as("the restored store verifies against what remains exported").isTrue();
        assertThat(ledger(4).size()).as("and starts again without the override").isEqualTo(9);
    }

    private static void copyTree(Path from, Path to) throws Exception {
        try (var files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(from.relativize(file).toString()));
            }
        }
    }

    private static void deleteTree(Path root) throws Exception {
        try (var files = Files.walk(root)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    @Test
    void aStoreWhoseHistoryDiffersFromTheExportedCheckpointIsRefused() {
        appendHistory();
        foldAndCheckpoint();
        database = client.getDatabase("rewritten");
        engine = GaplessMongoEventStorageEngine.builder().database(database).eventSerializer(JacksonSerializer.defaultSerializer())
                .snapshotSerializer(JacksonSerializer.defaultSerializer()).authenticity(AUTHENTICITY).build();
        for (long s = 0; s < 11; s++) {
            engine.appendEvents(event("session-Z", s));
        }
        store = new StoredEvents(database, true);
        foldUnexported();

        assertThatThrownBy(() -> ledger(1000)).isInstanceOf(org.ecabinet.platform.StartupRefused.class)
                .hasMessageContaining("differs from its latest exported checkpoint");
    }

    @Test
    void aMalformedCheckpointIsAFindingAndStopsNothing() {
        appendHistory();
        foldAndCheckpoint();
        database.getCollection("ledger_checkpoints").insertOne(new Document("_id", 5000L).append("statement", 42));
        database.getCollection("ledger_checkpoints").insertOne(new Document("_id", "odd").append("seal", "x"));

        Ledger restarted = ledger(1000);
        assertThat(restarted.size()).isEqualTo(11);
        var report = verification().verify(n -> { });
        assertThat(report.intact()).isFalse();
        assertThat(report.checkpointProblems()).extracting(LedgerVerification.CheckpointProblem::treeSize).contains(5000L, -1L);
    }

    @Test
    void numbersRewrittenAs32BitIntegersAreTheSameNumbersAndAFieldOfAnotherTypeIsMalformed() {
        appendHistory();
        foldAndCheckpoint();
        Document first = commits.find(Filters.eq("_id", 0L)).first();
        commits.updateOne(Filters.eq("_id", 0L), Updates.combine(Updates.set("firstGlobal", 0), Updates.set("events.0.global", 0),
                Updates.set("events.0.sequence", 0), Updates.set("timestampMillis", first.getLong("timestampMillis"))));
        assertThat(verification().verify(n -> { }).intact()).as("an int32 0 is the number 0").isTrue();

        commits.updateOne(Filters.eq("_id", 1L), Updates.set("events.0.sequence", "zero"));
        var report = verification().verify(n -> { });
        assertThat(report.chains().findings()).extracting(Finding::kind, Finding::global)
                .contains(org.assertj.core.groups.Tuple.tuple(Kind.MALFORMED, 1L));
    }

    @Test
    void exportedCheckpointFilesDeletedAreAFinding() throws Exception {
        appendHistory();
        foldAndCheckpoint();
        try (var files = Files.list(exports)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        var report = verification().verify(n -> { });
        assertThat(report.intact()).isFalse();
        assertThat(report.checkpointProblems()).extracting(LedgerVerification.CheckpointProblem::detail)
                .anyMatch(detail -> detail.contains("no exported file"));
    }

    @Test
    void aCheckpointStoredButNotExportedBeforeItsNodeStoppedIsExportedByTheNodeThatFoldsNext() throws Exception {
        appendHistory();
        Ledger killed = ledger(4);
        killed.foldAndCheckpoint();
        killed.checkpoint();
        deleteExported(11); // the node was killed between storing checkpoint 11 and exporting it
        assertThat(verification().verify(n -> { }).intact()).isFalse();

        ledger(4).foldAndCheckpoint(); // the node restarted, or another took the lease over

        assertThat(new CheckpointStore(database, exports).exported().checkpoints()).extracting(Checkpoint::treeSize).containsExactly(4L, 8L, 11L);
        assertThat(verification().verify(n -> { }).intact()).isTrue();
    }

    @Test
    void filesRemovedBehindTheNewestExportAndACheckpointNotSealedHereAreReportedNotExported() throws Exception {
        appendHistory();
        Ledger ledger = ledger(4);
        ledger.foldAndCheckpoint();
        ledger.checkpoint();
        deleteExported(8);
        deleteExported(11);
        database.getCollection("ledger_checkpoints").updateOne(Filters.eq("_id", 11L), Updates.set("seal", new org.bson.types.Binary(new byte[32])));

        ledger(4).foldAndCheckpoint();

        assertThat(new CheckpointStore(database, exports).exported().checkpoints()).extracting(Checkpoint::treeSize).containsExactly(4L);
        assertThat(verification().verify(n -> { }).checkpointProblems())
                .extracting(LedgerVerification.CheckpointProblem::treeSize, LedgerVerification.CheckpointProblem::detail)
                .contains(org.assertj.core.groups.Tuple.tuple(8L, NO_EXPORTED_FILE), org.assertj.core.groups.Tuple.tuple(11L, NO_EXPORTED_FILE));
    }

    static final String NO_EXPORTED_FILE = "The database's checkpoint has no exported file: the files were deleted, or the checkpoint was added to the database alone.";

    private void deleteExported(long treeSize) throws Exception {
        try (var files = Files.list(exports)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("checkpoint-%012d.".formatted(treeSize))).toList()) {
                Files.delete(file);
            }
        }
    }

    /** The ledger of a store that was never exported here: what a restored or rewritten store brings along. */
    void foldUnexported() {
        Ledger ledger = new Ledger(store, AUTHENTICITY, new LeafLog(database), new CheckpointStore(database, null), DIGEST_NOTARY,
                new LedgerProperties(1000, Duration.ofHours(1), Duration.ofSeconds(60), Duration.ofSeconds(1), null, false), clock, lease("node-a"));
        ledger.foldAndCheckpoint();
        ledger.checkpoint();
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
}
