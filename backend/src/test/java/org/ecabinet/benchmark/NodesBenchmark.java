package org.ecabinet.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.bson.Document;
import org.ecabinet.platform.storage.EmbeddedMongo;
import org.ecabinet.support.BackendNode;
import org.ecabinet.support.ChildJvm;
import org.ecabinet.support.NodeClient;

import com.mongodb.client.MongoClients;

/**
 * Commands per second and their 99th percentile with one and with two backend nodes on the shared store (the embedded
 * store in a process of its own), and what an {@code Idempotency-Key} costs per command; against a raw baseline in the
 * same run: single-document inserts into the same store at the same concurrency. The commands are members' check-ins
 * to published sessions (27 per session), sent by {@code threads} clients:
 *
 * <pre>mvn -q -pl backend test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.ecabinet.benchmark.NodesBenchmark [-Dthreads=8] [-Dsessions=20] [-Dfsync=false]</pre>
 */
public final class NodesBenchmark {

    private static final Pattern LISTENING = Pattern.compile("LISTENING (\\S+)");

    public static void main(String[] args) {
        try {
            run();
        } catch (Throwable failed) {
            failed.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    record Result(String what, int commands, double perSecond, double meanMillis, double p99Millis) {
        void print(double rawPerSecond) {
            System.out.printf("  %-34s %5d in total: %,7.0f/s (%.2f × raw)  mean %6.1f ms  p99 %6.1f ms%n",
                    what, commands, perSecond, perSecond / rawPerSecond, meanMillis, p99Millis);
        }
    }

    private static void run() throws Exception {
        int threads = Integer.getInteger("threads", 8);
        int sessions = Integer.getInteger("sessions", 20);
        Path dir = Files.createTempDirectory("ecabinet-nodes-benchmark-");
        System.out.printf("Nodes benchmark: %d clients, %d check-ins per phase, %d cores, files in %s%n", threads, sessions * 27,
                Runtime.getRuntime().availableProcessors(), dir);
        String fsync = System.getProperty("fsync", "true"); // every write forced to the disk, as the shared-store script runs it
        try (ChildJvm store = ChildJvm.start(EmbeddedMongo.class, LISTENING, dir.resolve("store.log"), dir.resolve("store").toString(), fsync)) {
            String uri = store.awaitReady(Duration.ofSeconds(60)).group(1);
            Result raw = rawInserts(uri, threads, sessions * 27);
            System.out.println("Starting node a…");
            try (BackendNode a = BackendNode.start("a", uri, dir)) {
                NodeClient client = new NodeClient();
                List<String> members = IntStream.rangeClosed(1, 27).mapToObj(i -> i == 1 ? "thutuong" : "member%02d".formatted(i)).toList();
                Map<String, String> tokens = new java.util.HashMap<>();
                for (String user : members) {
                    tokens.put(user, client.signIn(a.url(), user));
                }
                tokens.put("secretariat", client.signIn(a.url(), "secretariat"));
                checkIns("warm-up (one node)", client, tokens, members, List.of(a), threads, Math.max(2, sessions / 4), true);
                Result oneNoKey = checkIns("one node, no key", client, tokens, members, List.of(a), threads, sessions, false);
                Result oneKey = checkIns("one node, Idempotency-Key", client, tokens, members, List.of(a), threads, sessions, true);
                System.out.println("Starting node b…");
                try (BackendNode b = BackendNode.start("b", uri, dir)) {
                    checkIns("warm-up (two nodes)", client, tokens, members, List.of(a, b), threads, Math.max(2, sessions / 4), true);
                    Result two = checkIns("two nodes, Idempotency-Key", client, tokens, members, List.of(a, b), threads, sessions, true);
                    System.out.printf("%nResults (%d clients; raw: one insert of a small document into the same store):%n", threads);
                    raw.print(raw.perSecond());
                    oneNoKey.print(raw.perSecond());
                    oneKey.print(raw.perSecond());
                    two.print(raw.perSecond());
                    System.out.printf("  the key's check costs %.1f ms per command (mean, %.0f%% of the command); two nodes give %.2f × one node's rate%n",
                            oneKey.meanMillis() - oneNoKey.meanMillis(), 100 * (oneKey.meanMillis() - oneNoKey.meanMillis()) / oneNoKey.meanMillis(),
                            two.perSecond() / oneKey.perSecond());
                }
            }
        }
    }

    /** The baseline: what the store itself takes, one small document per insert, from as many clients. */
    private static Result rawInserts(String uri, int threads, int total) throws Exception {
        try (var mongo = MongoClients.create(uri)) {
            var scratch = mongo.getDatabase("benchmark").getCollection("raw");
            AtomicInteger next = new AtomicInteger();
            return timed("raw store insert", total, threads, () -> {
                int i = next.getAndIncrement();
                if (i >= total) {
                    return false;
                }
                scratch.insertOne(new Document("_id", i).append("memberId", "member05").append("at", Instant.now().toString()));
                return true;
            });
        }
    }

    /** Every member checks in to each of {@code sessions} new sessions; clients spread the check-ins over the nodes. */
    private static Result checkIns(String what, NodeClient client, Map<String, String> tokens, List<String> members, List<BackendNode> nodes,
                                   int threads, int sessions, boolean keyed) throws Exception {
        List<String[]> work = new ArrayList<>();
        for (int s = 0; s < sessions; s++) {
            String session = publishedSession(client, nodes.get(0), tokens.get("secretariat"));
            members.forEach(member -> work.add(new String[] {member, session}));
        }
        Collections.shuffle(work);
        AtomicInteger next = new AtomicInteger();
        return timed(what, work.size(), threads, () -> {
            int i = next.getAndIncrement();
            if (i >= work.size()) {
                return false;
            }
            String[] checkIn = work.get(i);
            var answer = client.send(nodes.get(i % nodes.size()).url(), "POST", "/api/sessions/" + checkIn[1] + "/check-in", tokens.get(checkIn[0]), null,
                    keyed ? UUID.randomUUID().toString() : null);
            if (answer.status() != 204) {
                throw new IllegalStateException("check-in answered " + answer.status() + ": " + answer.body());
            }
            return true;
        });
    }

    private static String publishedSession(NodeClient client, BackendNode node, String token) throws Exception {
        String session = client.send(node.url(), "POST", "/api/sessions", token, Map.of("title", "Phiên họp đo " + UUID.randomUUID(), "kind", "REGULAR",
                "startsAt", Instant.now().plus(Duration.ofDays(1)).toString(), "location", "Hà Nội", "online", false), null).body().get("id").asText();
        client.send(node.url(), "POST", "/api/sessions/" + session + "/agenda", token, Map.of("title", "Báo cáo", "presentingAgency", "Bộ Tài chính"), null);
        client.send(node.url(), "POST", "/api/sessions/" + session + "/publish", token, null, null);
        return session;
    }

    interface Step {
        /** One unit of work; false when there is none left. */
        boolean run() throws Exception;
    }

    private static Result timed(String what, int total, int threads, Step step) throws Exception {
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        var progress = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r);
            t.setDaemon(true);
            return t;
        });
        progress.scheduleAtFixedRate(() -> System.out.printf("  %s: %d / %d%n", what, latencies.size(), total), 5, 5, TimeUnit.SECONDS);
        long start = System.nanoTime();
        Measure.parallel(threads, () -> {
            try {
                while (true) {
                    long began = System.nanoTime();
                    if (!step.run()) {
                        return;
                    }
                    latencies.add(System.nanoTime() - began);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        progress.shutdownNow();
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        double mean = sorted.stream().mapToLong(Long::longValue).average().orElse(0) / 1e6;
        double p99 = sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(sorted.size() * 0.99) - 1)) / 1e6;
        Result result = new Result(what, sorted.size(), sorted.size() / seconds, mean, p99);
        System.out.printf("  %s: %d in %.1f s%n", what, sorted.size(), seconds);
        return result;
    }
}
