package org.ecabinet.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.ecabinet.support.ChildBackend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The whole backend, killed with SIGKILL while eight clients schedule sessions over HTTP and a ballot's deadline is
 * near, then restarted after the deadline has passed, then restarted once more gracefully. One kill and its restarts
 * serve every scenario below: each start of a backend costs half a minute of the suite.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BackendRestartTest {

    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private Path data;
    private int port;
    private double rate;
    private String ballotId;
    private ChildBackend restarted;

    @BeforeAll
    void killUnderLoadThenRestartAfterTheDeadline(@TempDir Path data) throws Exception {
        this.data = data;
        port = ChildBackend.freePort();
        Instant deadline;
        try (ChildBackend backend = ChildBackend.start(data, port, "first.log")) {
            String token = backend.token("secretariat");
            deadline = Instant.now().plusSeconds(8);
            ballotId = ballotClosingAt(backend, token, deadline);
            scheduleSessionsUntilKilled(backend, token);
        }
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), deadline).toMillis()) + 1000); // the deadline falls while it is down
        restarted = ChildBackend.start(data, port, "second.log");
    }

    @AfterAll
    void stop() throws Exception {
        if (restarted != null) {
            restarted.close();
        }
    }

    @Test
    @Order(1)
    void everySessionWhoseCreationWasAcknowledgedIsThereAfterTheKill() throws Exception {
        assertThat(acknowledged).hasSizeGreaterThan(20);
        List<String> missing = waitForAll(restarted, acknowledged);
        System.out.printf("backend kill -9: %d sessions acknowledged (%.0f/s over HTTP), %d missing after restart%n",
                acknowledged.size(), rate, missing.size());
        assertThat(missing).isEmpty();
    }

    @Test
    @Order(2)
    void aBallotWhoseDeadlinePassedWhileTheBackendWasDownIsClosedByItsDeadlineWhenItIsBack() throws Exception {
        String token = restarted.token("secretariat");
        JsonNode ballot = null;
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < until) {
            var response = restarted.get("/api/ballots/" + ballotId, token);
            ballot = response.statusCode() == 200 ? ChildBackend.JSON.readTree(response.body()) : null;
            if (ballot != null && ballot.get("status").asText().equals("CLOSED")) {
                break;
            }
            Thread.sleep(500);
        }
        assertThat(ballot).isNotNull();
        assertThat(ballot.get("status").asText()).isEqualTo("CLOSED");
        assertThat(ballot.get("closeReason").asText()).isEqualTo("DEADLINE");
    }

    @Test
    @Order(3)
    void afterAGracefulRestartEverythingAcknowledgedIsStillThere() throws Exception {
        restarted.stop();
        restarted.close();
        restarted = ChildBackend.start(data, port, "third.log");
        assertThat(waitForAll(restarted, acknowledged)).isEmpty();
    }

    private static String ballotClosingAt(ChildBackend backend, String token, Instant deadline) throws Exception {
        var created = backend.post("/api/ballots", token, "{\"subject\":\"Phiếu thử khởi động lại\",\"draftIds\":[],"
                + "\"questions\":[\"Đồng ý?\"],\"eligibleMembers\":[\"member05\"],\"deadline\":\"" + deadline + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return ChildBackend.JSON.readTree(created.body()).get("id").asText();
    }

    /** Eight clients create sessions for four seconds; then the backend is killed with their requests in flight. */
    private void scheduleSessionsUntilKilled(ChildBackend backend, String token) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(8);
        for (int c = 0; c < 8; c++) {
            clients.submit(() -> {
                while (running.get()) {
                    try {
                        HttpResponse<String> response = backend.post("/api/sessions", token,
                                "{\"title\":\"Tải thử\",\"kind\":\"REGULAR\",\"startsAt\":\"" + Instant.now().plusSeconds(86400) + "\"}");
                        if (response.statusCode() == 201) {
                            acknowledged.add(ChildBackend.JSON.readTree(response.body()).get("id").asText());
                        }
                    } catch (Exception e) {
                        return;
                    }
                }
            });
        }
        long start = System.nanoTime();
        Thread.sleep(4000);
        rate = acknowledged.size() / ((System.nanoTime() - start) / 1e9);
        backend.kill();
        running.set(false);
        clients.shutdown();
        clients.awaitTermination(30, TimeUnit.SECONDS);
    }

    private static List<String> waitForAll(ChildBackend backend, Set<String> ids) throws Exception {
        String token = backend.token("secretariat");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        List<String> missing;
        do {
            JsonNode listed = ChildBackend.JSON.readTree(backend.get("/api/sessions", token).body());
            Set<String> present = ConcurrentHashMap.newKeySet();
            listed.forEach(s -> present.add(s.get("sessionId").asText()));
            missing = ids.stream().filter(id -> !present.contains(id)).toList();
            if (!missing.isEmpty()) {
                Thread.sleep(250);
            }
        } while (!missing.isEmpty() && System.nanoTime() < deadline);
        return missing;
    }
}
