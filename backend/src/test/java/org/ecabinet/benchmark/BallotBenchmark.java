package org.ecabinet.benchmark;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;

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

import org.ecabinet.platform.AggregateLocks;

/**
 * Signed ballot answers through the HTTP API, {@code members} members answering the same ballot at once (one
 * client thread each; one more member is consulted and never answers, so the ballot stays open and the others
 * keep amending their answers). Two phases, each warmed up before it is measured:
 * <ol>
 * <li>submission of answers the members signed beforehand: the backend verifies each CMS signature and its
 * signer, and stores the answer;</li>
 * <li>the whole client flow: content to sign, remote signing with the PIN, submission.</li>
 * </ol>
 * A raw driver {@code insertOne} of documents of the submission's size, with as many threads, is the baseline
 * of the same run; an authenticated request that does nothing shows what the web stack alone costs. The whole backend runs in this JVM on a fresh embedded store; the CPU per answer printed is
 * the process's less the client threads'.
 *
 * <pre>mvn -q -pl backend test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.ecabinet.benchmark.BallotBenchmark [-Dmembers=50] [-Dwarmup=15] [-Dseconds=20]</pre>
 *
 * ({@code -Dflow=false} skips the whole-flow phase, to profile the submission alone.)
 */
public final class BallotBenchmark {

    /** Each member signs this many different answers before the submission phase, and submits them in turn. */
    private static final int VARIANTS = 3;

    public static void main(String[] args) throws Exception {
        int memberCount = Integer.getInteger("members", 50);
        Duration warmUp = Duration.ofSeconds(Integer.getInteger("warmup", 15));
        Duration measurement = Duration.ofSeconds(Integer.getInteger("seconds", 20));
        var data = Files.createTempDirectory("ecabinet-ballot-benchmark-");
        System.out.printf("Ballot benchmark: %d members answering one ballot, %d s warm-up and %d s measured per phase, %d cores, store %s%n",
                memberCount, warmUp.toSeconds(), measurement.toSeconds(), Runtime.getRuntime().availableProcessors(), data);
        try (ConfigurableApplicationContext backend = new SpringApplicationBuilder(CabinetApplication.class).run(
                "--server.port=0", "--cabinet.mongodb.data-directory=" + data, "--cabinet.mongodb.uri=", "--spring.profiles.active=demo", "--logging.level.root=WARN")) {
            String base = "http://127.0.0.1:" + backend.getEnvironment().getProperty("local.server.port");
            List<String> consulted = members(backend, memberCount + 1);
            List<String> members = consulted.subList(0, memberCount);
            Map<String, String> tokens = new ConcurrentHashMap<>();
            for (String user : consulted) {
                tokens.put(user, Http.token(base, user));
            }
            String secretariat = Http.token(base, "secretariat");
            LockWaits locks = new LockWaits(backend.getBean(AggregateLocks.class));

            String presigned = issue(base, secretariat, consulted, members.get(0), tokens);
            Map<String, List<Map<String, Object>>> signed = new ConcurrentHashMap<>();
            for (String member : members) {
                List<Map<String, Object>> variants = new ArrayList<>();
                for (int v = 0; v < VARIANTS; v++) {
                    variants.add(sign(base, tokens.get(member), presigned, answers(v)));
                }
                signed.put(member, variants);
            }
            int size = Http.JSON.writeValueAsBytes(signed.get(members.get(0)).get(0)).length;
            AtomicIntegerArray turns = new AtomicIntegerArray(memberCount);
            locks.mark();
            Phase submission = Phase.run("submission of signed answers", memberCount, warmUp, measurement, thread -> {
                String member = members.get(thread);
                Http.call("PUT", base + "/api/ballots/" + presigned + "/answers/mine", tokens.get(member),
                        signed.get(member).get(turns.getAndIncrement(thread) % VARIANTS), 204);
            });
            String submissionLocks = locks.since();

            if (!Boolean.parseBoolean(System.getProperty("flow", "true"))) {
                System.out.println("SUBMISSION " + submission.line());
                System.out.println("  " + submissionLocks);
                System.exit(0);
            }
            String answered = issue(base, secretariat, consulted, members.get(0), tokens);
            locks.mark();
            Phase flow = Phase.run("whole flow (content to sign, remote signing with PIN, submission)", memberCount, warmUp, measurement,
                    thread -> {
                        String token = tokens.get(members.get(thread));
                        Http.call("PUT", base + "/api/ballots/" + answered + "/answers/mine", token,
                                sign(base, token, answered, answers(turns.getAndIncrement(thread) % VARIANTS)), 204);
                    });
            String flowLocks = locks.since();

            Phase request = Phase.run("authenticated request that does nothing (GET /api/auth/me)", memberCount, warmUp, measurement,
                    thread -> Http.call("GET", base + "/api/auth/me", tokens.get(members.get(thread)), null, 200));

            MongoCollection<Document> raw = backend.getBean(MongoClient.class).getDatabase("ecabinet").getCollection("benchmark_raw");
            Document sample = new Document("payload", "x".repeat(size));
            Phase inserts = Phase.run("raw insertOne of a %,d-byte document".formatted(size), memberCount, warmUp, measurement,
                    thread -> raw.insertOne(new Document(sample)));

            System.out.println();
            System.out.println("SUBMISSION " + submission.line());
            System.out.printf("  %s; ratio to raw insertOne %.2f (target ≥ 0.50), p99 %.0f ms (target < 100 ms)%n",
                    submissionLocks, submission.perSecond() / inserts.perSecond(), submission.millis(99));
            System.out.println("FLOW       " + flow.line());
            System.out.printf("  %s (target: p99 ≤ 10 ms); backend CPU per answer %.1f ms (target ≤ 10 ms), p99 %.0f ms (target < 250 ms)%n",
                    flowLocks, flow.cpuMillisPerOperation(), flow.millis(99));
            System.out.println("REQUEST    " + request.line());
            System.out.println("RAW        " + inserts.line());
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

    private static String issue(String base, String secretariat, List<String> consulted, String reader, Map<String, String> tokens) throws Exception {
        String ballotId = Http.call("POST", base + "/api/ballots", secretariat, Map.of(
                "subject", "Phiếu thử tải", "draftIds", List.of(),
                "questions", List.of("Đồng ý thông qua dự thảo?", "Đồng ý thời điểm có hiệu lực?"),
                "eligibleMembers", consulted, "deadline", Instant.now().plus(Duration.ofDays(1)).toString()), 201).get("id").asText();
        while (Http.send("GET", base + "/api/ballots/" + ballotId, tokens.get(reader), null).statusCode() != 200) {
            Thread.sleep(50); // the ballot's view is written just after the command
        }
        return ballotId;
    }

    private static List<Map<String, Object>> answers(int variant) {
        return List.of(Map.of("questionId", "q1", "choice", "AGREE"),
                Map.of("questionId", "q2", "choice", "OTHER_OPINION", "comment", "Đề nghị lùi thời điểm có hiệu lực " + (variant + 1) + " tháng."));
    }

    /** The member's signed answers, through the API as the web client does it: content to sign, then remote signing. */
    private static Map<String, Object> sign(String base, String token, String ballotId, List<Map<String, Object>> answers) throws Exception {
        JsonNode content = Http.call("POST", base + "/api/ballots/" + ballotId + "/answers/content-to-sign", token, Map.of("answers", answers), 200);
        JsonNode signature = Http.call("POST", base + "/api/signing/cms", token,
                Map.of("content", content.get("content").asText(), "pin", DemoSigning.PIN), 200);
        return Map.of("answers", answers, "signature", signature.get("signature").asText());
    }
}
