package org.ecabinet.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;

import com.sun.net.httpserver.HttpServer;

/**
 * A live stream that ends (its node stopped) is followed again, and the reconnection says which state the view has
 * ({@code Last-Event-ID}), so that the backend, on whichever node, sends only newer ones.
 */
class BackendStreamReconnectTest {

    @Test
    void anEndedStreamIsFollowedAgainWithTheIdOfTheLastStateReceived() throws IOException {
        List<String> lastEventIds = new CopyOnWriteArrayList<>();
        HttpServer backend = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        backend.createContext("/api/documents/d-1/stream", exchange -> {
            lastEventIds.add(String.valueOf(exchange.getRequestHeaders().getFirst("Last-Event-ID")));
            int version = lastEventIds.size() == 1 ? 5 : 6;
            byte[] event = ("id:" + version + "\nevent:document\ndata:v" + version + "\n\n").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, event.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(event); // then the stream ends, as when its node stops
            }
        });
        backend.start();
        try {
            BackendApi api = new BackendApi(WebClient.builder(),
                    new BackendProperties("http://127.0.0.1:" + backend.getAddress().getPort(), null, null));
            List<String> states = api.follow("token", new ParameterizedTypeReference<ServerSentEvent<String>>() {
            }, "/api/documents/{id}/stream", "d-1").take(2).collectList().block(Duration.ofSeconds(20));

            assertThat(states).containsExactly("v5", "v6");
            assertThat(lastEventIds).as("the first request has none; the reconnection names version 5").startsWith("null", "5");
        } finally {
            backend.stop(0);
        }
    }
}
