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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The whole backend, killed with SIGKILL while eight clients schedule sessions over HTTP, then restarted
 * twice: every session whose creation was acknowledged (201) is there after each restart.
 */
class BackendRestartTest {

    @Test
    void acknowledgedCommandsSurviveKillDashNineAndRestarts(@TempDir Path data) throws Exception {
        int port = ChildBackend.freePort();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        double rate;
        try (ChildBackend backend = ChildBackend.start(data, port, "first.log")) {
            String token = backend.token("secretariat");
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
        assertThat(acknowledged).hasSizeGreaterThan(20);

        try (ChildBackend backend = ChildBackend.start(data, port, "second.log")) {
            List<String> missing = waitForAll(backend, acknowledged);
            System.out.printf("backend kill -9: %d sessions acknowledged (%.0f/s over HTTP), %d missing after restart%n",
                    acknowledged.size(), rate, missing.size());
            assertThat(missing).isEmpty();
            backend.stop();
        }
        try (ChildBackend backend = ChildBackend.start(data, port, "third.log")) {
            assertThat(waitForAll(backend, acknowledged)).as("after a graceful restart").isEmpty();
        }
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
