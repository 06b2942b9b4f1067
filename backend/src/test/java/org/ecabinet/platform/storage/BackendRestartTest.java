package org.ecabinet.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
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
import java.util.regex.Pattern;

import org.ecabinet.CabinetApplication;
import org.ecabinet.support.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The whole backend as its own process: sessions scheduled over HTTP by eight clients, the process
 * killed with SIGKILL mid-load, started again on the same data, and every session whose creation was
 * acknowledged (201) must be there. Then a graceful restart, which must lose nothing either.
 */
class BackendRestartTest {

    static final Pattern STARTED = Pattern.compile("Started CabinetApplication");
    static final ObjectMapper JSON = new ObjectMapper();
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void acknowledgedCommandsSurviveKillDashNineAndRestarts(@TempDir Path data) throws Exception {
        int port = freePort();
        String base = "http://127.0.0.1:" + port;
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        double rate;
        try (ChildJvm backend = start(data, port, "first.log")) {
            String token = token(base);
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService clients = Executors.newFixedThreadPool(8);
            for (int c = 0; c < 8; c++) {
                clients.submit(() -> {
                    while (running.get()) {
                        try {
                            HttpResponse<String> response = http.send(json(base + "/api/sessions", token,
                                    "{\"title\":\"Tải thử\",\"kind\":\"REGULAR\",\"startsAt\":\"" + Instant.now().plusSeconds(86400) + "\"}"),
                                    HttpResponse.BodyHandlers.ofString());
                            if (response.statusCode() == 201) {
                                acknowledged.add(JSON.readTree(response.body()).get("id").asText());
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

        try (ChildJvm backend = start(data, port, "second.log")) {
            String token = token(base);
            List<String> missing = waitForAll(base, token, acknowledged);
            System.out.printf("backend kill -9: %d sessions acknowledged (%.0f/s over HTTP), %d missing after restart%n",
                    acknowledged.size(), rate, missing.size());
            assertThat(missing).isEmpty();
            backend.stop();
        }
        try (ChildJvm backend = start(data, port, "third.log")) {
            assertThat(waitForAll(base, token(base), acknowledged)).as("after a graceful restart").isEmpty();
        }
    }

    private List<String> waitForAll(String base, String token, Set<String> ids) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        List<String> missing;
        do {
            JsonNode listed = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/api/sessions"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body());
            Set<String> present = ConcurrentHashMap.newKeySet();
            listed.findValuesAsText("sessionId").forEach(present::add);
            missing = ids.stream().filter(id -> !present.contains(id)).toList();
            if (!missing.isEmpty()) {
                Thread.sleep(250);
            }
        } while (!missing.isEmpty() && System.nanoTime() < deadline);
        return missing;
    }

    private static ChildJvm start(Path data, int port, String log) throws Exception {
        ChildJvm backend = ChildJvm.start(CabinetApplication.class, STARTED, data.resolve(log),
                "--server.port=" + port, "--cabinet.mongodb.data-directory=" + data.resolve("store"),
                "--cabinet.mongodb.uri=");
        backend.awaitReady(Duration.ofSeconds(120));
        return backend;
    }

    private String token(String base) throws Exception {
        for (int attempt = 0; ; attempt++) {
            HttpResponse<String> response = http.send(json(base + "/api/auth/token", null,
                    "{\"username\":\"secretariat\",\"password\":\"Demo@2026\"}"), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                return JSON.readTree(response.body()).get("token").asText();
            }
            if (attempt > 50) {
                throw new IllegalStateException("No token: " + response.body());
            }
            Thread.sleep(200); // demo users are seeded just after start-up
        }
    }

    private static HttpRequest json(String uri, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.build();
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
