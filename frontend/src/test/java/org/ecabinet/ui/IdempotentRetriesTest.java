package org.ecabinet.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntFunction;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.web.reactive.function.client.WebClient;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A state-changing call whose node died or that the balancer could not place is sent again under the same
 * Idempotency-Key, so that the backend applies it once; reads carry no key.
 */
class IdempotentRetriesTest {

    private final List<String> keys = new CopyOnWriteArrayList<>();
    private HttpServer backend;

    /** A backend that answers the n-th request (from 1) with {@code answer.apply(n)}: a status, or 0 to drop the connection. */
    private String backendAnswering(IntFunction<Integer> answer) throws IOException {
        backend = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        backend.createContext("/api/sessions", exchange -> {
            keys.add(String.valueOf(exchange.getRequestHeaders().getFirst(IdempotentRetries.HEADER)));
            exchange.getRequestBody().readAllBytes();
            int status = answer.apply(keys.size());
            if (status == 0) {
                exchange.close(); // the node died before it answered
                return;
            }
            respond(exchange, status);
        });
        backend.start();
        return "http://127.0.0.1:" + backend.getAddress().getPort();
    }

    private static void respond(HttpExchange exchange, int status) throws IOException {
        byte[] body = ("{\"status\":" + status + ",\"code\":\"c" + status + "\"}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @AfterEach
    void stop() {
        backend.stop(0);
    }

    private static WebClient client(String url) {
        return WebClient.builder().baseUrl(url).filter(new IdempotentRetries(Duration.ofMillis(10))).build();
    }

    @Test
    void aCallTheBalancerCouldNotPlaceIsSentAgainUnderTheSameKeyThroughTheBackendApi() throws IOException {
        String url = backendAnswering(n -> n == 1 ? 503 : 201);
        BackendApi api = new BackendApi(WebClient.builder(), new BackendProperties(url, null, null));

        ResponseEntity<Void> created = api.as("token").post().uri("/api/sessions").bodyValue("{}").retrieve().toBodilessEntity()
                .block(Duration.ofSeconds(20));

        assertThat(created.getStatusCode().value()).isEqualTo(201);
        assertThat(keys).hasSize(2).doesNotContain("null");
        assertThat(keys.get(1)).isEqualTo(keys.get(0));
    }

    @Test
    void aCallWhoseConnectionDroppedIsSentAgainUnderTheSameKey() throws IOException {
        String url = backendAnswering(n -> n == 1 ? 0 : 204);

        int status = client(url).put().uri("/api/sessions").bodyValue("{}").retrieve().toBodilessEntity().block(Duration.ofSeconds(20))
                .getStatusCode().value();

        assertThat(status).isEqualTo(204);
        assertThat(keys).hasSize(2);
        assertThat(keys.get(1)).isEqualTo(keys.get(0));
    }

    @Test
    void twoCallsHaveTwoKeysAndAReadHasNone() throws IOException {
        String url = backendAnswering(n -> 200);
        WebClient client = client(url);

        client.post().uri("/api/sessions").bodyValue("{}").retrieve().toBodilessEntity().block(Duration.ofSeconds(20));
        client.post().uri("/api/sessions").bodyValue("{}").retrieve().toBodilessEntity().block(Duration.ofSeconds(20));
        client.get().uri("/api/sessions").retrieve().toBodilessEntity().block(Duration.ofSeconds(20));

        assertThat(keys).hasSize(3);
        assertThat(keys.get(0)).isNotEqualTo(keys.get(1));
        assertThat(keys.get(2)).isEqualTo("null");
    }

    @Test
    void whenTheTriesRunOutTheLastAnswerIsTheCallersAndARefusalIsNeverRetried() throws IOException {
        String url = backendAnswering(n -> n <= 5 ? 503 : 403);
        WebClient client = client(url);

        int unavailable = client.post().uri("/api/sessions").bodyValue("{}").exchangeToMono(r -> r.releaseBody().thenReturn(r.statusCode().value()))
                .block(Duration.ofSeconds(20));
        assertThat(unavailable).isEqualTo(503);
        assertThat(keys).hasSize(1 + IdempotentRetries.RETRIES);

        int refused = client.post().uri("/api/sessions").bodyValue("{}").exchangeToMono(r -> r.releaseBody().thenReturn(r.statusCode().value()))
                .block(Duration.ofSeconds(20));
        assertThat(refused).isEqualTo(403);
        assertThat(keys).hasSize(2 + IdempotentRetries.RETRIES);
    }
}
