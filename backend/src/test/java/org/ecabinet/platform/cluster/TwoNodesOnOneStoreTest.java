package org.ecabinet.platform.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.bson.Document;
import org.ecabinet.platform.pdf.TextPdf;
import org.ecabinet.platform.storage.EmbeddedMongo;
import org.ecabinet.support.BackendNode;
import org.ecabinet.support.ChildJvm;
import org.ecabinet.support.NodeClient;
import org.ecabinet.support.NodeClient.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

/**
 * Two backend processes on one shared store (the embedded store in a process of its own, reached by its URI as a
 * replica set would be): members' commands spread over both nodes are each applied once; a member following a
 * session on one node sees a check-in made on the other within a second; and when one node is killed (SIGKILL) under
 * load, clients that retry on the other with the same Idempotency-Key lose nothing acknowledged and double nothing,
 * the survivor takes the ledger over, a deadline that falls while the node is dead fires once, and the store's
 * integrity holds. The phases share the processes (starting a node takes most of the time), in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesOnOneStoreTest {

    private static final Pattern LISTENING = Pattern.compile("LISTENING (\\S+)");
    private static final String SECRETARIAT = "secretariat";
    private static final String AUDITOR = "auditor";
    private static final String PIN = "123456";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Path dir;
    private ChildJvm store;
    private MongoClient storeClient;
    private MongoDatabase db;
    private BackendNode a;
    private BackendNode b;
    private final NodeClient client = new NodeClient();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        this.dir = dir;
        store = ChildJvm.start(EmbeddedMongo.class, LISTENING, dir.resolve("store.log"), dir.resolve("store").toString(), "true");
        String uri = store.awaitReady(Duration.ofSeconds(60)).group(1);
        a = BackendNode.start("a", uri, dir); // first, alone: it seeds the demo data and creates the master key
        b = BackendNode.start("b", uri, dir);
        storeClient = MongoClients.create(uri);
        db = storeClient.getDatabase("ecabinet");
        List<String> users = new ArrayList<>(List.of(SECRETARIAT, AUDITOR));
        users.addAll(members());
        for (int i = 0; i < users.size(); i++) {
            tokens.put(users.get(i), client.signIn(i % 2 == 0 ? a.url() : b.url(), users.get(i))); // a token of one node serves on the other
        }
    }

    @AfterAll
    void stop() throws Exception {
        for (AutoCloseable closeable : new AutoCloseable[] {b, a, storeClient, store}) {
            if (closeable != null) {
                closeable.close();
            }
        }
    }

    static List<String> members() {
        return IntStream.rangeClosed(1, 27).mapToObj(i -> i == 1 ? "thutuong" : "member%02d".formatted(i)).toList();
    }

    @Test
    @Order(1)
    void commandsSpreadOverBothNodesAreEachAppliedOnce() throws Exception {
        String session = publishedSession(a);
        String ballot = issueBallot(b, Instant.now().plus(Duration.ofHours(1)), members());
        Map<String, Map<String, Object>> answers = signedAnswers(ballot);

        List<Action> actions = new ArrayList<>();
        for (int i = 0; i < 27; i++) {
            String member = members().get(i);
            actions.add(new Action(member, "POST", "/api/sessions/" + session + "/check-in", null, i % 2));
            actions.add(new Action(member, "PUT", "/api/ballots/" + ballot + "/answers/mine", answers.get(member), (i + 1) % 2));
        }
        List<Answer> outcomes = runAll(actions, null);

        assertThat(outcomes).allMatch(Answer::ok);
        assertThat(eventsOf(session, "MemberCheckedIn")).hasSize(27);
        assertThat(eventsOf(ballot, "AnswerSubmitted")).hasSize(27);
        JsonNode room = awaitView(b, "/api/sessions/" + session, r -> r.get("checkedIn").size() == 27);
        assertThat(room.get("checkedIn")).hasSize(27);
        JsonNode view = awaitView(a, "/api/ballots/" + ballot, v -> v.get("answers").size() == 27);
        assertThat(view.get("answers").findValuesAsText("version")).as("each answer once").containsOnly("1");
        System.out.printf("TWO-NODES spread: 54 commands on one ballot and one session from both nodes, lost races sent again: %s%n",
                racesLost());
    }

    /** How often the nodes sent a command again after it lost a race for its aggregate, and the most times one was, as their logs say. */
    private String racesLost() throws IOException {
        Pattern retry = Pattern.compile("lost a race for its aggregate.*\\((\\d+) of \\d+\\)");
        List<Integer> attempts = new ArrayList<>();
        for (String node : List.of("a", "b")) {
            try (var lines = Files.lines(dir.resolve("node-" + node + ".log"))) {
                lines.map(retry::matcher).filter(Matcher::find).forEach(m -> attempts.add(Integer.parseInt(m.group(1))));
            }
        }
        return "%d retries, at most %d for one command".formatted(attempts.size(), attempts.stream().mapToInt(Integer::intValue).max().orElse(0));
    }

    @Test
    @Order(2)
    void aMemberFollowingASessionOnOneNodeSeesACheckInMadeOnTheOtherWithinOneSecond() throws Exception {
        String session = publishedSession(a);
        BackendNode projecting = runsProjection("session-room");
        BackendNode follower = projecting == a ? b : a; // the node whose own projection does not tell it
        Follower following = new Follower(session, follower, null);
        await().atMost(Duration.ofSeconds(10)).until(() -> !following.states.isEmpty());

        List<Long> latencies = new ArrayList<>();
        for (String member : members().subList(0, 5)) {
            Answer checkedIn = send(projecting, member, "POST", "/api/sessions/" + session + "/check-in", null, UUID.randomUUID().toString());
            long acknowledged = System.nanoTime();
            assertThat(checkedIn.status()).isEqualTo(204);
            await().atMost(Duration.ofSeconds(5)).until(() -> following.latestCheckedIn().contains(member));
            latencies.add((following.arrivalOf(member) - acknowledged) / 1_000_000);
        }
        following.close();
        System.out.printf("TWO-NODES live: check-in on node %s seen by a follower on node %s after %s ms%n", projecting.name(), follower.name(), latencies);
        assertThat(Collections.max(latencies)).isLessThan(1000);
    }

    @Test
    @Order(3)
    void aReplayAskedForOnTheNodeThatDoesNotRunTheProjectionIsRunByTheOtherAndFollowedOnTheFirst() throws Exception {
        BackendNode running = runsProjection("ballot-views");
        BackendNode asked = running == a ? b : a;
        String auditor = client.signIn(asked.url(), "auditor");
        long askedAt = System.nanoTime();
        Answer requested = client.send(asked.url(), "POST", "/api/audit/replays/ballot-views", auditor, null, UUID.randomUUID().toString());
        assertThat(requested.status()).as(requested.body().toString()).isEqualTo(202);
        assertThat(requested.body().get("state").asText()).isEqualTo("REQUESTED");

        List<String> states = new ArrayList<>();
        long runningAfter = -1;
        JsonNode last = null;
        try (var lines = client.follow(asked.url(), "/api/audit/replays/ballot-views/stream", auditor, null)) {
            for (var line = lines.iterator(); line.hasNext(); ) {
                String next = line.next();
                if (next.startsWith("data:")) {
                    last = JSON.readTree(next.substring("data:".length()));
                    states.add(last.get("state").asText());
                    if (runningAfter < 0 && states.get(states.size() - 1).equals("RUNNING")) {
                        runningAfter = (System.nanoTime() - askedAt) / 1_000_000;
                    }
                }
            }
        }
        System.out.printf("TWO-NODES replay: asked on node %s, taken by node %s, running after %d ms, states seen on node %s: %s%n",
                asked.name(), running.name(), runningAfter, asked.name(), states.stream().distinct().toList());
        assertThat(last).isNotNull();
        assertThat(last.get("state").asText()).as(last.toString()).isEqualTo("FINISHED");
        assertThat(last.get("differences")).isEmpty();
        assertThat(states).contains("RUNNING");
        assertThat(db.getCollection("audit_replays").find(Filters.eq("_id", "ballot-views")).first().getString("runner"))
                .as("run by the node that runs the projection").startsWith(running.pid() + "@");
    }

    @Test
    @Order(4)
    void killingANodeUnderLoadLosesNothingAcknowledgedAndAppliesNothingTwice() throws Exception {
        String session = publishedSession(a);
        String ballot = issueBallot(a, Instant.now().plus(Duration.ofHours(1)), members());
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        String closingBallot = issueBallot(a, deadline, List.of("member05")); // its deadline falls while node a is dead
        Map<String, Map<String, Object>> answers = signedAnswers(ballot);
        Follower following = new Follower(session, a, b);
        await().atMost(Duration.ofSeconds(10)).until(() -> !following.states.isEmpty());
        String ledgerHolder = db.getCollection("cluster_leases").find(Filters.eq("_id", "ledger")).first().getString("holder");

        List<Action> actions = new ArrayList<>();
        for (int i = 0; i < 27; i++) {
            String member = members().get(i);
            actions.add(new Action(member, "PUT", "/api/ballots/" + ballot + "/answers/mine", answers.get(member), i % 2));
            actions.add(new Action(member, "POST", "/api/sessions/" + session + "/check-in", null, (i + 1) % 2));
        }
        long[] killedAt = new long[1];
        List<Answer> outcomes = runAll(actions, acknowledged -> {
            if (acknowledged == 18) { // a third of the way: node a dies with requests in flight
                killedAt[0] = System.nanoTime();
                a.kill();
            }
        });

        long acknowledged = outcomes.stream().filter(Answer::ok).count();
        long answersPresent = eventsOf(ballot, "AnswerSubmitted").size();
        long checkInsPresent = eventsOf(session, "MemberCheckedIn").size();
        long duplicates = answersPresent - eventsOf(ballot, "AnswerSubmitted").stream().distinct().count()
                + checkInsPresent - eventsOf(session, "MemberCheckedIn").stream().distinct().count();
        assertThat(a.alive()).isFalse();
        assertThat(acknowledged).isEqualTo(54);
        assertThat(answersPresent).isEqualTo(27);
        assertThat(checkInsPresent).isEqualTo(27);
        assertThat(duplicates).isZero();
        JsonNode view = awaitView(b, "/api/ballots/" + ballot, v -> v.get("answers").size() == 27);
        assertThat(view.get("answers").findValuesAsText("version")).as("no answer applied twice").containsOnly("1");

        // The follower of node a reconnected to node b with the last state it had, and misses nothing.
        // The session room's projection may have run on node a: node b claims it once node a's claim times out.
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> following.latestCheckedIn().size() == 27);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("The follower has versions " + following.versions() + " after " + following.reconnections.get()
                    + " reconnection(s); node b shows the room at version " + awaitView(b, "/api/sessions/" + session, r -> true).get("version")
                    + " with " + awaitView(b, "/api/sessions/" + session, r -> true).get("checkedIn").size() + " checked in; session-room runs on "
                    + runsProjection("session-room").name(), e);
        }
        following.close();
        JsonNode room = awaitView(b, "/api/sessions/" + session, r -> true);
        java.util.Set<String> checkedIn = new java.util.HashSet<>();
        room.get("checkedIn").forEach(member -> checkedIn.add(member.asText()));
        assertThat(room.get("checkedIn")).as("each check-in shown once, though the dead node's last batch was folded again").hasSize(27);
        assertThat(checkedIn).hasSize(27);
        assertThat(following.reconnections.get()).isPositive();
        assertThat(following.versions()).isSorted().doesNotHaveDuplicates();

        BackendNode ledgerNode = ledgerHolder.startsWith(a.pid() + "@") ? a : b;
        double ledgerSeconds = secondsUntil(killedAt[0], Duration.ofSeconds(60), () -> {
            Document lease = db.getCollection("cluster_leases").find(Filters.eq("_id", "ledger")).first();
            Document state = db.getCollection("ledger_state").find(Filters.eq("_id", "ledger")).first();
            Document counter = db.getCollection("event_counters").find(Filters.eq("_id", "global")).first();
            return lease != null && lease.getString("holder").startsWith(b.pid() + "@")
                    && ((Number) state.get("size")).longValue() >= ((Number) counter.get("next")).longValue();
        });
        JsonNode closed = awaitView(b, "/api/ballots/" + closingBallot, v -> v.get("status").asText().equals("CLOSED"), Duration.ofSeconds(120));
        double deadlineSeconds = Duration.between(deadline, Instant.now()).toMillis() / 1000.0;
        assertThat(closed.get("closeReason").asText()).isEqualTo("DEADLINE");
        assertThat(eventsOf(closingBallot, "BallotClosed")).as("the deadline fired once").hasSize(1);

        Answer integrity = send(b, AUDITOR, "GET", "/api/audit/integrity", null, null);
        assertThat(integrity.body().get("intact").asBoolean()).as(integrity.body().toString()).isTrue();
        System.out.printf("TWO-NODES kill -9: acknowledged=%d present=%d duplicates=%d retried-on-survivor=%d; ledger held by %s at the kill, "
                        + "folded to the head by the survivor %.1f s after it; deadline fired %.1f s after it fell (node dead)%n",
                acknowledged, answersPresent + checkInsPresent, duplicates, retried.get(), ledgerNode.name(), ledgerSeconds, deadlineSeconds);
    }

    // --- what the members and the secretariat do ---

    /** One member's request, sent first to node {@code first} (0: a, 1: b) under a key of its own. */
    @Test
    @Order(5)
    void aNodeWhoseStoreIsGoneStillStopsWithinTheGracePeriodTheComposeFileGivesIt() throws Exception {
        store.kill();
        long asked = System.nanoTime();
        boolean stopped = b.stop(Duration.ofSeconds(45));
        System.out.printf("TWO-NODES store gone: node b %s %.1f s after SIGTERM%n", stopped ? "stopped" : "still ran", (System.nanoTime() - asked) / 1e9);
        assertThat(stopped).as("stopped within docker/compose.yml's stop_grace_period (45 s)").isTrue();
    }

    private record Action(String member, String method, String path, Object body, int first) {
    }

    private final AtomicInteger retried = new AtomicInteger();

    /** Runs the actions six at a time; {@code onAcknowledged} hears the running count of acknowledged actions. */
    private List<Answer> runAll(List<Action> actions, ThrowingConsumer onAcknowledged) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        AtomicInteger acknowledged = new AtomicInteger();
        List<Future<Answer>> futures = new ArrayList<>();
        for (Action action : actions) {
            futures.add(pool.submit(() -> {
                Answer answer = untilAnswered(action);
                int count = acknowledged.incrementAndGet();
                if (onAcknowledged != null) {
                    onAcknowledged.accept(count);
                }
                return answer;
            }));
        }
        List<Answer> answers = new ArrayList<>();
        for (Future<Answer> future : futures) {
            answers.add(future.get(3, TimeUnit.MINUTES));
        }
        pool.shutdown();
        return answers;
    }

    @FunctionalInterface
    private interface ThrowingConsumer {
        void accept(int value) throws Exception;
    }

    /** As a client does: the same key on every try, the other node when one does not answer, a pause when told to wait. */
    private Answer untilAnswered(Action action) throws Exception {
        String key = UUID.randomUUID().toString();
        BackendNode[] nodes = {a, b};
        long giveUp = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        for (int attempt = 0; System.nanoTime() < giveUp; attempt++) {
            BackendNode node = nodes[(action.first() + attempt) % 2];
            try {
                Answer answer = send(node, action.member(), action.method(), action.path(), action.body(), key);
                if (answer.status() < 500 && !(answer.status() == 409 && answer.headers().firstValue("Retry-After").isPresent())) {
                    if (attempt > 0) {
                        retried.incrementAndGet();
                    }
                    return answer;
                }
            } catch (IOException nodeDown) {
                // connection refused or cut: the next try goes to the other node
            }
            Thread.sleep(200);
        }
        throw new AssertionError("No node answered " + action);
    }

    private Answer send(BackendNode node, String user, String method, String path, Object body, String key) throws IOException, InterruptedException {
        return client.send(node.url(), method, path, tokens.get(user), body, key);
    }

    private String publishedSession(BackendNode node) throws Exception {
        Answer scheduled = send(node, SECRETARIAT, "POST", "/api/sessions", Map.of("title", "Phiên họp hai nút " + UUID.randomUUID(), "kind", "REGULAR",
                "startsAt", Instant.now().plus(Duration.ofDays(1)).toString(), "location", "Hà Nội", "online", false), null);
        String session = scheduled.body().get("id").asText();
        send(node, SECRETARIAT, "POST", "/api/sessions/" + session + "/agenda", Map.of("title", "Báo cáo", "presentingAgency", "Bộ Tài chính"), null);
        assertThat(send(node, SECRETARIAT, "POST", "/api/sessions/" + session + "/publish", null, null).status()).isEqualTo(204);
        awaitView(node, "/api/sessions/" + session, r -> r.get("status").asText().equals("PUBLISHED"));
        return session;
    }

    private String issueBallot(BackendNode node, Instant deadline, List<String> eligible) throws Exception {
        byte[] pdf;
        try (TextPdf draft = new TextPdf("Dự thảo")) {
            pdf = draft.heading("DỰ THẢO").paragraph("Điều 1.").toBytes();
        }
        String draftId = client.upload(node.url(), "/api/ballots/drafts", tokens.get(SECRETARIAT), "du-thao.pdf", pdf).body().get("documentId").asText();
        Answer issued = send(node, SECRETARIAT, "POST", "/api/ballots", Map.of("subject", "Lấy ý kiến hai nút", "draftIds", List.of(draftId),
                "questions", List.of("Thông qua dự thảo?"), "eligibleMembers", eligible, "deadline", deadline.toString()), null);
        assertThat(issued.status()).as(issued.body().toString()).isEqualTo(201);
        String ballot = issued.body().get("id").asText();
        awaitView(node, "/api/ballots/" + ballot, v -> true);
        return ballot;
    }

    /** Every member's answer, signed with their key: the request body of their answer. */
    private Map<String, Map<String, Object>> signedAnswers(String ballot) throws Exception {
        Map<String, Map<String, Object>> bodies = new ConcurrentHashMap<>();
        List<Map<String, Object>> answers = List.of(Map.of("questionId", "q1", "choice", "AGREE"));
        for (int i = 0; i < 27; i++) {
            String member = members().get(i);
            BackendNode node = i % 2 == 0 ? a : b;
            String content = send(node, member, "POST", "/api/ballots/" + ballot + "/answers/content-to-sign", Map.of("answers", answers), null)
                    .body().get("content").asText();
            String signature = send(node, member, "POST", "/api/signing/cms", Map.of("content", content, "pin", PIN), null).body().get("signature").asText();
            bodies.put(member, Map.of("answers", answers, "signature", signature));
        }
        return bodies;
    }

    // --- what the store and the views say ---

    /** The events of this type in the aggregate's stream, each as its payload (equal payloads: the same thing twice). */
    private List<String> eventsOf(String aggregateId, String type) {
        List<String> payloads = new ArrayList<>();
        db.getCollection("event_commits").find(Filters.eq("aggregateId", aggregateId)).forEach(commit -> commit.getList("events", Document.class)
                .stream().filter(e -> e.getString("payloadType").endsWith("." + type)).forEach(e -> payloads.add(e.getString("payload"))));
        return payloads;
    }

    /** The node whose token claim runs this projection now (Axon names a claim's owner {@code pid@host}). */
    private BackendNode runsProjection(String processor) {
        Document claim = await().atMost(Duration.ofSeconds(30)).until(() -> db.getCollection("trackingtokens")
                .find(Filters.and(Filters.eq("processorName", processor), Filters.ne("owner", null))).first(), d -> d != null);
        return claim.getString("owner").startsWith(b.pid() + "@") ? b : a;
    }

    private JsonNode awaitView(BackendNode node, String path, java.util.function.Predicate<JsonNode> condition) {
        return awaitView(node, path, condition, Duration.ofSeconds(20));
    }

    private JsonNode awaitView(BackendNode node, String path, java.util.function.Predicate<JsonNode> condition, Duration atMost) {
        return org.awaitility.Awaitility.await().atMost(atMost).pollInterval(Duration.ofMillis(100)).until(() -> {
            Answer answer = send(node, SECRETARIAT, "GET", path, null, null);
            return answer.ok() ? answer.body() : null;
        }, view -> view != null && condition.test(view));
    }

    private static double secondsUntil(long fromNanos, Duration atMost, java.util.concurrent.Callable<Boolean> condition) {
        org.awaitility.Awaitility.await().atMost(atMost).pollInterval(Duration.ofMillis(100)).until(condition);
        return (System.nanoTime() - fromNanos) / 1e9;
    }

    /**
     * A member following a session room as the screens do: on one node, and when its stream breaks, on the other with
     * the id of the last state it got ({@code Last-Event-ID}).
     */
    private final class Follower implements AutoCloseable {
        record State(long version, List<String> checkedIn, long arrivedNanos) {
        }

        final List<State> states = new CopyOnWriteArrayList<>();
        final AtomicInteger reconnections = new AtomicInteger();
        private final Thread reader;
        private volatile boolean closed;

        Follower(String session, BackendNode first, BackendNode second) {
            reader = new Thread(() -> {
                BackendNode node = first;
                while (!closed) {
                    String last = states.isEmpty() ? null : String.valueOf(states.get(states.size() - 1).version());
                    try (var lines = client.follow(node.url(), "/api/sessions/" + session + "/stream", tokens.get("member05"), last)) {
                        String[] id = {null};
                        lines.takeWhile(line -> !closed).forEach(line -> {
                            if (line.startsWith("id:")) {
                                id[0] = line.substring(3).strip();
                            } else if (line.startsWith("data:")) {
                                states.add(new State(Long.parseLong(id[0]), checkedIn(line.substring(5)), System.nanoTime()));
                            }
                        });
                    } catch (IOException | InterruptedException | RuntimeException broken) {
                        // the node went away: follow on the other
                    }
                    if (!closed && second != null) {
                        node = node == first ? second : first;
                        reconnections.incrementAndGet();
                    }
                    sleepQuietly();
                }
            }, "follower");
            reader.setDaemon(true);
            reader.start();
        }

        private static List<String> checkedIn(String data) {
            try {
                return JSON.convertValue(JSON.readTree(data).get("checkedIn"), JSON.getTypeFactory().constructCollectionType(List.class, String.class));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        List<String> latestCheckedIn() {
            return states.isEmpty() ? List.of() : states.get(states.size() - 1).checkedIn();
        }

        long arrivalOf(String member) {
            return states.stream().filter(s -> s.checkedIn().contains(member)).findFirst().orElseThrow().arrivedNanos();
        }

        List<Long> versions() {
            return states.stream().map(State::version).toList();
        }

        private void sleepQuietly() {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() {
            closed = true;
            reader.interrupt();
        }
    }
}
