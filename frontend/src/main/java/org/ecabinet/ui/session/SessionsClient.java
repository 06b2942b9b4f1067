package org.ecabinet.ui.session;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ecabinet.ui.BackendApi;
import org.ecabinet.ui.session.SessionModels.SessionRoom;
import org.ecabinet.ui.session.SessionModels.SessionSummary;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;

/** Calls to {@code /api/sessions} on behalf of the signed-in user. */
@Component
public class SessionsClient {

    private final BackendApi api;

    SessionsClient(BackendApi api) {
        this.api = api;
    }

    public List<SessionSummary> list(String token) {
        return api.as(token).get().uri("/api/sessions").retrieve()
                .bodyToMono(new ParameterizedTypeReference<List<SessionSummary>>() {
                }).block(Duration.ofSeconds(30));
    }

    public SessionRoom room(String token, String sessionId) {
        return api.as(token).get().uri("/api/sessions/{id}", sessionId).retrieve()
                .bodyToMono(SessionRoom.class).block(Duration.ofSeconds(30));
    }

    /** The room after every change, reconnecting when the stream breaks. */
    public Flux<SessionRoom> changes(String token, String sessionId) {
        return api.follow(token, new ParameterizedTypeReference<ServerSentEvent<SessionRoom>>() {
        }, "/api/sessions/{id}/stream", sessionId);
    }

    public byte[] paper(String token, String sessionId, String paperId) {
        return api.as(token).get().uri("/api/sessions/{id}/papers/{paper}", sessionId, paperId).retrieve()
                .bodyToMono(byte[].class).block(Duration.ofSeconds(60));
    }

    public void checkIn(String token, String sessionId) {
        api.as(token).post().uri("/api/sessions/{id}/check-in", sessionId).retrieve().toBodilessEntity().block(Duration.ofSeconds(30));
    }

    public void recordPosition(String token, String sessionId, String itemId, String position, String comment) {
        Map<String, Object> body = new HashMap<>();
        body.put("position", position);
        body.put("comment", comment);
        api.as(token).put().uri("/api/sessions/{id}/agenda/{item}/position", sessionId, itemId)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).retrieve().toBodilessEntity().block(Duration.ofSeconds(30));
    }
}
