package org.ecabinet.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/** A client of the backend's HTTP API as any program has it: JSON over plain HTTP, to one node or another. */
public final class NodeClient {

    public static final String PASSWORD = "Demo@2026";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public record Answer(int status, JsonNode body, java.net.http.HttpHeaders headers) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    public String signIn(String node, String user) throws IOException, InterruptedException {
        return send(node, "POST", "/api/auth/token", null, Map.of("username", user, "password", PASSWORD), null).body().get("token").asText();
    }

    public Answer get(String node, String path, String token) throws IOException, InterruptedException {
        return send(node, "GET", path, token, null, null);
    }

    /** One try; {@code key}: the Idempotency-Key, or null. A connection refused or cut is an IOException. */
    public Answer send(String node, String method, String path, String token, Object body, String key) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return answer(http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray()));
    }

    /** A PDF in the multipart part {@code file}, as the upload endpoints take it. */
    public Answer upload(String node, String path, String token, String fileName, byte[] pdf) throws IOException, InterruptedException {
        String boundary = "----ecabinet" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + pdf.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(pdf, 0, body, head.length, pdf.length);
        System.arraycopy(tail, 0, body, head.length + pdf.length, tail.length);
        HttpRequest request = HttpRequest.newBuilder(URI.create(node + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return answer(http.send(request, HttpResponse.BodyHandlers.ofByteArray()));
    }

    /** A Server-Sent Events stream, line by line, from {@code lastEventId} on (or from the start when null). */
    public java.util.stream.Stream<String> follow(String node, String path, String token, String lastEventId) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node + path)).header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofLines()).body();
    }

    private static Answer answer(HttpResponse<byte[]> response) throws IOException {
        JsonNode body = response.body().length == 0 ? MissingNode.getInstance() : JSON.readTree(response.body());
        return new Answer(response.statusCode(), body, response.headers());
    }
}
