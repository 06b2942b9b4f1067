package org.ecabinet.benchmark;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.bson.Document;
import org.ecabinet.CabinetApplication;
import org.ecabinet.identity.CabinetUser;
import org.ecabinet.identity.TestUsers;
import org.ecabinet.identity.Users;
import org.ecabinet.signing.DemoSigning;
import org.ecabinet.signing.RemoteSigning;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;

/**
 * Signed ballot answers accepted per second through the HTTP API, with {@code members} members answering at
 * once (one client thread each), and the latency of each answer: the whole client flow (content to sign,
 * remote signing with the PIN, submission) and the submission alone (the backend verifies the CMS signature
 * and the signer before it stores the answer). A raw driver {@code insertOne} of documents of the same size,
 * with as many threads, is the baseline of the same run. The whole backend runs in this JVM on a fresh
 * embedded store:
 *
 * <pre>mvn -q -pl backend test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.ecabinet.benchmark.BallotBenchmark [-Dmembers=50] [-Dballots=20]</pre>
 */
public final class BallotBenchmark {

    /** The size of one submission's body (answers and base64 CMS signature): the raw baseline writes documents this big. */
    static final AtomicInteger SUBMISSION_SIZE = new AtomicInteger();

    public static void main(String[] args) throws Exception {
        int memberCount = Integer.getInteger("members", 50);
        int ballotCount = Integer.getInteger("ballots", 20);
        var data = Files.createTempDirectory("ecabinet-ballot-benchmark-");
        System.out.printf("Ballot benchmark: %d members each answer %d ballots (%,d signed answers), store %s%n",
                memberCount, ballotCount, memberCount * ballotCount, data);
        try (ConfigurableApplicationContext backend = new SpringApplicationBuilder(CabinetApplication.class).run(
                "--server.port=0", "--cabinet.mongodb.data-directory=" + data, "--cabinet.mongodb.uri=", "--spring.profiles.active=demo", "--logging.level.root=WARN")) {
            String base = "http://127.0.0.1:" + backend.getEnvironment().getProperty("local.server.port");
            List<String> members = members(backend, memberCount);
            Map<String, String> tokens = new ConcurrentHashMap<>();
            for (String user : concat(members, "secretariat")) {
                tokens.put(user, Http.token(base, user));
            }
            List<String> ballots = issue(base, tokens, members, ballotCount);

            ConcurrentLinkedQueue<Long> flow = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<Long> submission = new ConcurrentLinkedQueue<>();
            AtomicLong accepted = new AtomicLong();
            AtomicInteger next = new AtomicInteger();
            long total = (long) memberCount * ballotCount;
            double answersPerSecond = Measure.timed("signed answers", total, () -> Measure.parallel(memberCount, () -> {
                String member = members.get(next.getAndIncrement());
                for (String ballotId : ballots) {
                    try {
                        answer(base, tokens.get(member), ballotId, flow, submission);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    accepted.incrementAndGet();
                }
            }), accepted::get);

            MongoCollection<Document> raw = backend.getBean(MongoClient.class).getDatabase("ecabinet").getCollection("benchmark_raw");
            Document sample = new Document("payload", "x".repeat(SUBMISSION_SIZE.get()));
            AtomicLong inserted = new AtomicLong();
            double rawPerSecond = Measure.timed("raw inserts", total, () -> Measure.parallel(memberCount, () -> {
                while (inserted.getAndIncrement() < total) {
                    raw.insertOne(new Document(sample));
                }
            }), inserted::get);

            System.out.println();
            System.out.printf("SIGNED ANSWERS through HTTP, %d concurrent members: %,.0f accepted/s (%,d answers)%n",
                    memberCount, answersPerSecond, accepted.get());
            System.out.printf("  latency of the whole client flow (content-to-sign + remote signing + submit): p50 %s, p99 %s%n",
                    Http.millis(flow, 50), Http.millis(flow, 99));
            System.out.printf("  latency of the submission alone (signature verified, event stored):           p50 %s, p99 %s%n",
                    Http.millis(submission, 50), Http.millis(submission, 99));
            System.out.printf("RAW insertOne of a %,d-byte document, %d threads: %,.0f/s; answers/raw = %.2f%n",
                    SUBMISSION_SIZE.get(), memberCount, rawPerSecond, answersPerSecond / rawPerSecond);
        }
        System.exit(0); // the embedded store's and JobRunr's threads would keep exec:java waiting
    }

    /** The demo cabinet has 27 members; the rest are added, with signing certificates, for the benchmark. */
    private static List<String> members(ConfigurableApplicationContext backend, int count) {
        Users users = backend.getBean(Users.class);
        RemoteSigning signing = backend.getBean(RemoteSigning.class);
        List<String> members = new ArrayList<>(users.cabinetMembers().stream().map(CabinetUser::id).limit(count).toList());
        for (int i = members.size() + 1; members.size() < count; i++) {
            CabinetUser added = TestUsers.addMember(users, "bench%02d".formatted(i), 1000 + i);
            signing.issueCredential(added.id(), added.displayName(), DemoSigning.PIN.toCharArray());
            members.add(added.id());
        }
        return members;
    }

    private static List<String> issue(String base, Map<String, String> tokens, List<String> members, int count) throws Exception {
        List<String> ballots = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            JsonNode created = Http.call("POST", base + "/api/ballots", tokens.get("secretariat"), Map.of(
                    "subject", "Phiếu thử tải " + (i + 1), "draftIds", List.of(),
                    "questions", List.of("Đồng ý thông qua dự thảo?", "Đồng ý thời điểm có hiệu lực?"),
                    "eligibleMembers", members, "deadline", Instant.now().plus(Duration.ofDays(1)).toString()), 201);
            ballots.add(created.get("id").asText());
        }
        for (String ballotId : ballots) {
            while (Http.send("GET", base + "/api/ballots/" + ballotId, tokens.get(members.get(0)), null).statusCode() != 200) {
                Thread.sleep(50); // the ballot's view is written just after the command
            }
        }
        return ballots;
    }

    private static void answer(String base, String token, String ballotId, ConcurrentLinkedQueue<Long> flow,
                               ConcurrentLinkedQueue<Long> submission) throws Exception {
        List<Map<String, Object>> answers = List.of(Map.of("questionId", "q1", "choice", "AGREE"),
                Map.of("questionId", "q2", "choice", "OTHER_OPINION", "comment", "Đề nghị lùi thời điểm có hiệu lực."));
        long start = System.nanoTime();
        JsonNode content = Http.call("POST", base + "/api/ballots/" + ballotId + "/answers/content-to-sign", token, Map.of("answers", answers), 200);
        JsonNode signature = Http.call("POST", base + "/api/signing/cms", token,
                Map.of("content", content.get("content").asText(), "pin", DemoSigning.PIN), 200);
        Map<String, Object> signed = Map.of("answers", answers, "signature", signature.get("signature").asText());
        SUBMISSION_SIZE.set(Http.JSON.writeValueAsBytes(signed).length);
        long submit = System.nanoTime();
        Http.call("PUT", base + "/api/ballots/" + ballotId + "/answers/mine", token, signed, 204);
        long end = System.nanoTime();
        flow.add(end - start);
        submission.add(end - submit);
    }

    private static List<String> concat(List<String> list, String one) {
        List<String> all = new ArrayList<>(list);
        all.add(one);
        return all;
    }
}
