package org.ecabinet.ui;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.springframework.test.context.DynamicPropertyRegistry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The backend's executable jar as its own process on a fresh store with the demo data, started once for
 * every end-to-end test of this JVM and stopped with it; this frontend is its trusted proxy, as
 * {@code docker/start.sh} sets them up. Also the API calls a test makes beside the browsers.
 */
final class EndToEndBackend {

    static final Path OUTPUT = Path.of("target", "e2e");
    static final String PROXY_KEY = "end-to-end-proxy-key";
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static int port;

    private EndToEndBackend() {
    }

    /** Points the frontend under test at the backend, starting it on first use. */
    static synchronized void register(DynamicPropertyRegistry registry) throws Exception {
        if (port == 0) {
            start();
        }
        registry.add("cabinet.backend.url", () -> "http://127.0.0.1:" + port);
        registry.add("cabinet.backend.proxy-key", () -> PROXY_KEY);
    }

    private static void start() throws Exception {
        File jar = Files.list(Path.of("..", "backend", "target"))
                .filter(p -> p.getFileName().toString().matches("backend-.*-exec\\.jar")).findFirst()
                .orElseThrow(() -> new IllegalStateException("Build the backend first (mvn verify builds it before the frontend)"))
                .toFile();
        int chosen;
        try (ServerSocket socket = new ServerSocket(0)) {
            chosen = socket.getLocalPort();
        }
        Path data = Files.createTempDirectory("ecabinet-e2e-");
        Files.createDirectories(OUTPUT);
        Process backend = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.getAbsolutePath(),
                "--server.port=" + chosen, "--cabinet.mongodb.data-directory=" + data.resolve("store"), "--cabinet.mongodb.uri=",
                "--spring.profiles.active=demo", "--cabinet.proxies.trusted=127.0.0.1,::1", "--cabinet.proxies.key=" + PROXY_KEY)
                .redirectErrorStream(true).redirectOutput(OUTPUT.resolve("backend.log").toFile()).start();
        Runtime.getRuntime().addShutdownHook(new Thread(backend::destroy));
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> signIn = post(chosen, "/api/auth/token", null, "{\"username\":\"member05\",\"password\":\"Demo@2026\"}");
                if (signIn.statusCode() == 200 && Files.readString(OUTPUT.resolve("backend.log")).contains("Seeded the demo documents")) {
                    port = chosen;
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(300);
        }
        throw new IllegalStateException("The backend did not start; see " + OUTPUT.resolve("backend.log"));
    }

    static String token(String user) throws Exception {
        return JSON.readTree(post(port, "/api/auth/token", null, "{\"username\":\"" + user + "\",\"password\":\"Demo@2026\"}").body()).get("token").asText();
    }

    /** A call to the API as {@code token}; fails unless it is answered with a 2xx status. */
    static JsonNode call(String method, String path, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + path + " → " + response.statusCode() + " " + response.body());
        }
        return response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
    }

    static byte[] download(String path, String token) throws Exception {
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " → " + response.statusCode());
        }
        return response.body();
    }

    private static HttpResponse<String> post(int port, String path, String token, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A real PDF: one of the demo sessions' papers, read through the API. */
    static java.nio.file.Path demoPdf() throws Exception {
        String token = EndToEndBackend.token("secretariat");
        for (JsonNode summary : EndToEndBackend.call("GET", "/api/sessions", token, null)) {
            JsonNode room = EndToEndBackend.call("GET", "/api/sessions/" + summary.get("sessionId").asText(), token, null);
            for (JsonNode item : room.get("agenda")) {
                if (!item.get("papers").isEmpty()) {
                    byte[] pdf = EndToEndBackend.download("/api/sessions/" + room.get("sessionId").asText() + "/papers/"
                            + item.at("/papers/0/paperId").asText(), token);
                    java.nio.file.Path file = java.nio.file.Files.createTempDirectory("paper-").resolve("to-trinh.pdf");
                    java.nio.file.Files.write(file, pdf);
                    return file;
                }
            }
        }
        throw new IllegalStateException("The demo data has no session paper");
    }
}
