package org.ecabinet.audit;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.json.JacksonSerializer;
import org.ecabinet.platform.storage.EmbeddedMongo;
import org.ecabinet.platform.storage.EventStoreIntegrity;
import org.ecabinet.platform.storage.GaplessMongoEventStorageEngine;
import org.ecabinet.platform.storage.StoredEvents;

import com.mongodb.client.MongoClients;

/**
 * The ledger over a store of {@code events} events (in aggregates of 20), on the embedded store: how fast it
 * folds the store into its tree with a checkpoint every 1,000 indexes, how fast the whole verification
 * (chains, leaves, checkpoint roots) reads it back, and how long one inclusion proof takes. The seal here is
 * a digest stand-in: what is measured is the ledger, not the signing.
 *
 * <pre>mvn -q -pl backend test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.ecabinet.audit.LedgerBenchmark [-Devents=200000]</pre>
 */
public final class LedgerBenchmark {

    record Happened(String what) {
    }

    public static void main(String[] args) throws Exception {
        int events = Integer.getInteger("events", 200_000);
        var dir = Files.createTempDirectory("ecabinet-ledger-bench-");
        try (EmbeddedMongo mongo = EmbeddedMongo.start(dir, false); var client = MongoClients.create(mongo.connectionString())) {
            var database = client.getDatabase("ledger_bench");
            JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
            var engine = GaplessMongoEventStorageEngine.builder().database(database).eventSerializer(serializer).snapshotSerializer(serializer)
                    .inMemoryStreamIndex(true).sortedCatchUp(false).authenticity(LedgerTest.AUTHENTICITY).build();
            engine.ensureIndexes();
            System.out.printf("Ledger benchmark: %,d events on the embedded store (%s)%n", events, dir);
            AtomicLong appended = new AtomicLong();
            rate("appended", events, appended, () -> {
                for (int a = 0; appended.get() < events; a++) {
                    List<EventMessage<?>> commit = new ArrayList<>();
                    for (int s = 0; s < 20 && appended.get() + commit.size() < events; s++) {
                        commit.add(new GenericDomainEventMessage<>("Bench", "agg-" + a, s, new Happened("step " + s + " of " + a)));
                    }
                    for (EventMessage<?> event : commit) {
                        engine.appendEvents(event);
                        appended.incrementAndGet();
                    }
                }
            });

            StoredEvents store = new StoredEvents(database, true);
            LeafLog leaves = new LeafLog(database);
            CheckpointStore checkpoints = new CheckpointStore(database, dir.resolve("exported"));
            LedgerProperties properties = new LedgerProperties(1000, Duration.ofHours(1), Duration.ofSeconds(60), Duration.ofSeconds(1), null, false);
            Ledger ledger = new Ledger(store, LedgerTest.AUTHENTICITY, leaves, checkpoints, LedgerTest.DIGEST_NOTARY, properties, Clock.systemUTC(),
                    new org.ecabinet.platform.cluster.Lease(database, "ledger", "benchmark", java.time.Duration.ofSeconds(10), Clock.systemUTC()));
            AtomicLong folded = new AtomicLong();
            double foldRate = rate("folded into the ledger", events, folded, () -> {
                ledger.foldAndCheckpoint();
                folded.set(ledger.size());
            }, () -> folded.set(ledger.size()));

            LedgerVerification verification = new LedgerVerification(new EventStoreIntegrity(store, LedgerTest.AUTHENTICITY), leaves, checkpoints, LedgerTest.DIGEST_NOTARY);
            AtomicLong verified = new AtomicLong();
            LedgerVerification.Report[] report = new LedgerVerification.Report[1];
            double verifyRate = rate("verified", events, verified, () -> report[0] = verification.verify(verified::set));

            long start = System.nanoTime();
            InclusionProof proof = new InclusionProofs(store, LedgerTest.AUTHENTICITY, leaves, checkpoints, ledger).of(events / 2);
            double proofMillis = (System.nanoTime() - start) / 1e6;

            System.out.println();
            System.out.printf("LEDGER FOLD (leaf per index, frontier, leaves stored, checkpoint every 1,000): %,.0f events/s; %d checkpoints%n",
                    foldRate, checkpoints.all().checkpoints().size());
            System.out.printf("VERIFICATION (hash chains + every leaf + every checkpoint root): %,.0f events/s; intact: %s%n",
                    verifyRate, report[0].intact());
            System.out.printf("INCLUSION PROOF of event %,d in a tree of %,d: %.0f ms, %d hashes in the path%n",
                    events / 2, proof.treeSize(), proofMillis, proof.auditPath().size());
        }
        System.exit(0);
    }

    interface Work {
        void run() throws Exception;
    }

    private static double rate(String what, long total, AtomicLong done, Work work) throws Exception {
        return rate(what, total, done, work, () -> { });
    }

    /** Runs the work, printing progress every five seconds, and returns units per second. */
    private static double rate(String what, long total, AtomicLong done, Work work, Runnable poll) throws Exception {
        long start = System.nanoTime();
        var progress = Executors.newSingleThreadScheduledExecutor();
        progress.scheduleAtFixedRate(() -> {
            poll.run();
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("  %s: %,d / %,d, %,.0f/s%n", what, done.get(), total, done.get() / seconds);
        }, 5, 5, TimeUnit.SECONDS);
        try {
            work.run();
        } finally {
            progress.shutdownNow();
        }
        return total / ((System.nanoTime() - start) / 1e9);
    }
}
