package org.ecabinet.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

import org.bson.Document;
import org.ecabinet.support.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

/**
 * The embedded store runs in a separate JVM, eight writers insert as fast as they can, and the JVM is
 * killed with SIGKILL mid-load. After a restart on the same files, every insert that had been
 * acknowledged must be there. The plain H2 backend is measured the same way, for comparison.
 */
class KillDashNineDurabilityTest {

    static final Pattern LISTENING = Pattern.compile("LISTENING (\\S+)");

    record Outcome(int acknowledged, int lost, double insertsPerSecond) {
    }

    @Test
    void noAcknowledgedWriteIsLostWhenTheStoreIsKilled(@TempDir Path dir) throws Exception {
        Outcome durable = loadKillAndCount(EmbeddedMongo.class, dir.resolve("durable"));
        Outcome plain = loadKillAndCount(PlainH2Server.class, dir.resolve("plain"));
        System.out.printf("kill -9 durability: durable backend acknowledged %d, lost %d, %.0f inserts/s; "
                        + "plain H2 backend acknowledged %d, lost %d, %.0f inserts/s%n",
                durable.acknowledged(), durable.lost(), durable.insertsPerSecond(),
                plain.acknowledged(), plain.lost(), plain.insertsPerSecond());
        assertThat(durable.acknowledged()).isGreaterThan(500);
        assertThat(durable.lost()).isZero();
    }

    private static Outcome loadKillAndCount(Class<?> server, Path dir) throws Exception {
        Files.createDirectories(dir);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        double rate;
        try (ChildJvm store = ChildJvm.start(server, LISTENING, dir.resolve("first.log"), dir.toString())) {
            String uri = store.awaitReady(Duration.ofSeconds(60)).group(1);
            try (MongoClient client = MongoClients.create(uri + "/?retryWrites=false&serverSelectionTimeoutMS=2000")) {
                MongoCollection<Document> collection = client.getDatabase("durability").getCollection("writes");
                AtomicBoolean running = new AtomicBoolean(true);
                ExecutorService writers = Executors.newFixedThreadPool(8);
                for (int w = 0; w < 8; w++) {
                    int writer = w;
                    writers.submit(() -> {
                        for (int i = 0; running.get(); i++) {
                            String id = writer + "-" + i;
                            try {
                                collection.insertOne(new Document("_id", id).append("payload", "x".repeat(200)));
                                acknowledged.add(id);
                            } catch (RuntimeException e) {
                                return;
                            }
                        }
                    });
                }
                long start = System.nanoTime();
                // At least 3 s, and enough acknowledged writes to mean something even on a loaded machine.
                Thread.sleep(3000);
                while (acknowledged.size() < 600 && System.nanoTime() - start < 30_000_000_000L) {
                    Thread.sleep(100);
                }
                rate = acknowledged.size() / ((System.nanoTime() - start) / 1e9);
                store.kill();
                running.set(false);
                writers.shutdown();
                writers.awaitTermination(30, TimeUnit.SECONDS);
            }
        }
        try (ChildJvm store = ChildJvm.start(server, LISTENING, dir.resolve("second.log"), dir.toString())) {
            String uri = store.awaitReady(Duration.ofSeconds(60)).group(1);
            try (MongoClient client = MongoClients.create(uri)) {
                MongoCollection<Document> collection = client.getDatabase("durability").getCollection("writes");
                Set<String> present = ConcurrentHashMap.newKeySet();
                collection.find().projection(new Document("_id", 1)).forEach(d -> present.add(d.getString("_id")));
                List<String> lost = acknowledged.stream().filter(id -> !present.contains(id)).toList();
                return new Outcome(acknowledged.size(), lost.size(), rate);
            }
        }
    }
}
