package org.ecabinet.support;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import org.ecabinet.CabinetApplication;

import com.fasterxml.jackson.databind.ObjectMapper;

/** A whole backend in a child JVM on a data directory, spoken to over HTTP; it can be killed with SIGKILL. */
public final class ChildBackend implements AutoCloseable {

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern STARTED = Pattern.compile("Backend node \\S+ is ready");

    private final ChildJvm jvm;
    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ChildBackend(ChildJvm jvm, String base) {
        this.jvm = jvm;
        this.base = base;
    }

    /** Starts on {@code data/store} and waits until it serves; the log goes to {@code data/<log>}. */
    public static ChildBackend start(Path data, int port, String log, String... settings) throws Exception {
        ChildJvm jvm = ChildJvm.start(CabinetApplication.class, STARTED, data.resolve(log), arguments(data, port, settings));
        jvm.awaitReady(Duration.ofSeconds(120));
        return new ChildBackend(jvm, "http://127.0.0.1:" + port);
    }

    /** Starts on {@code data/store} expecting a refusal: waits until the backend has ended by itself and returns its log. */
    public static String refusedStart(Path data, int port, String log, String... settings) throws Exception {
        try (ChildJvm jvm = ChildJvm.start(CabinetApplication.class, Pattern.compile("refuses to start|Started CabinetApplication"),
                data.resolve(log), arguments(data, port, settings))) {
            String line = jvm.awaitReady(Duration.ofSeconds(120)).group();
            if (!jvm.awaitExit(Duration.ofSeconds(60)) || line.startsWith("Started")) {
                throw new AssertionError("The backend started (or did not end) instead of refusing; see " + data.resolve(log));
            }
        }
        return java.nio.file.Files.readString(data.resolve(log));
    }

    private static String[] arguments(Path data, int port, String... settings) {
        List<String> args = new java.util.ArrayList<>(List.of(
                "--server.port=" + port, "--cabinet.mongodb.data-directory=" + data.resolve("store"), "--cabinet.mongodb.uri=",
                "--spring.profiles.active=demo"));
        args.addAll(List.of(settings));
        return args.toArray(String[]::new);
    }

    /** A token for a demo user; retried because demo users are seeded just after start-up. */
    public String token(String user) throws Exception {
        for (int attempt = 0; ; attempt++) {
            HttpResponse<String> response = post("/api/auth/token", null, "{\"username\":\"" + user + "\",\"password\":\"Demo@2026\"}");
            if (response.statusCode() == 200) {
                return JSON.readTree(response.body()).get("token").asText();
            }
            if (attempt > 50) {
                throw new IllegalStateException("No token: " + response.body());
            }
            Thread.sleep(200);
        }
    }

    public HttpResponse<String> post(String path, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A multipart upload of one file in the part "file". */
    public HttpResponse<String> upload(String path, String token, String fileName, String contentType, byte[] bytes) throws Exception {
        String boundary = "----ecabinet" + System.nanoTime();
        var body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.writeBytes(bytes);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> get(String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    public void kill() throws InterruptedException {
        jvm.kill();
    }

    public void stop() throws InterruptedException {
        jvm.stop();
    }

    @Override
    public void close() throws InterruptedException {
        jvm.close();
    }

    public static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
