package org.ecabinet.ui.session;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ecabinet.ui.BackendApi;
import org.ecabinet.ui.Formats;
import org.ecabinet.ui.session.SessionModels.SessionRoom;
import org.ecabinet.ui.session.SessionModels.SessionSummary;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.BodyInserters;

import com.fasterxml.jackson.databind.JsonNode;

import reactor.core.publisher.Flux;

/** Calls to {@code /api/sessions} on behalf of the signed-in user: one method per thing a person does. */
@Component
public class SessionsClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final BackendApi api;

    SessionsClient(BackendApi api) {
        this.api = api;
    }

    public List<SessionSummary> list(String token) {
        return api.as(token).get().uri("/api/sessions").retrieve()
                .bodyToMono(new ParameterizedTypeReference<List<SessionSummary>>() {
                }).block(TIMEOUT);
    }

    public SessionRoom room(String token, String sessionId) {
        return api.as(token).get().uri("/api/sessions/{id}", sessionId).retrieve()
                .bodyToMono(SessionRoom.class).block(TIMEOUT);
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

    public byte[] minutes(String token, String sessionId) {
        return api.as(token).get().uri("/api/sessions/{id}/minutes.pdf", sessionId).retrieve()
                .bodyToMono(byte[].class).block(Duration.ofSeconds(60));
    }

    // --- the secretariat prepares ---------------------------------------------------------------

    /** Schedules a session; the time entered is Hanoi time. Returns the new session's id. */
    public String schedule(String token, SessionModels.Schedule schedule) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", schedule.title());
        body.put("kind", schedule.kind());
        body.put("startsAt", Formats.instant(schedule.startsAt()).toString());
        body.put("location", schedule.location());
        body.put("online", schedule.online());
        return api.as(token).post().uri("/api/sessions").contentType(MediaType.APPLICATION_JSON).bodyValue(body).retrieve()
                .bodyToMono(JsonNode.class).block(TIMEOUT).get("id").asText();
    }

    public void reschedule(String token, String sessionId, LocalDateTime startsAt, String location, boolean online, String reason) {
        Map<String, Object> body = new HashMap<>();
        body.put("startsAt", Formats.instant(startsAt).toString());
        body.put("location", location);
        body.put("online", online);
        body.put("reason", reason);
        send(token, HttpMethod.POST, "/api/sessions/{id}/reschedule", body, sessionId);
    }

    public void cancel(String token, String sessionId, String reason) {
        send(token, HttpMethod.POST, "/api/sessions/{id}/cancel", Map.of("reason", reason), sessionId);
    }

    public void addItem(String token, String sessionId, String title, String presentingAgency) {
        send(token, HttpMethod.POST, "/api/sessions/{id}/agenda", Map.of("title", title, "presentingAgency", presentingAgency), sessionId);
    }

    public void removeItem(String token, String sessionId, String itemId) {
        send(token, HttpMethod.DELETE, "/api/sessions/{id}/agenda/{item}", null, sessionId, itemId);
    }

    public void reorder(String token, String sessionId, List<String> itemIds) {
        send(token, HttpMethod.PUT, "/api/sessions/{id}/agenda/order", Map.of("itemIds", itemIds), sessionId);
    }

    public void uploadPaper(String token, String sessionId, String itemId, String fileName, byte[] pdf) {
        api.as(token).post().uri("/api/sessions/{id}/agenda/{item}/papers", sessionId, itemId).contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(BackendApi.pdfUpload(fileName, pdf))).retrieve().toBodilessEntity().block(Duration.ofSeconds(60));
    }

    public void invite(String token, String sessionId, List<String> userIds) {
        send(token, HttpMethod.POST, "/api/sessions/{id}/guests", Map.of("userIds", userIds), sessionId);
    }

    public void publish(String token, String sessionId) {
        send(token, HttpMethod.POST, "/api/sessions/{id}/publish", null, sessionId);
    }

    public void signMinutes(String token, String sessionId, String pin) {
        send(token, HttpMethod.POST, "/api/sessions/{id}/minutes", Map.of("pin", pin), sessionId);
    }

    // --- members -----------------------------------------------------------------------------------

    public void checkIn(String token, String sessionId) {
        send(token, HttpMethod.POST, "/api/sessions/{id}/check-in", null, sessionId);
    }

    public void recordPosition(String token, String sessionId, String itemId, String position, String comment) {
        Map<String, Object> body = new HashMap<>();
        body.put("position", position);
        body.put("comment", comment);
        send(token, HttpMethod.PUT, "/api/sessions/{id}/agenda/{item}/position", body, sessionId, itemId);
    }

    public void declareAbsence(String token, String sessionId, String delegate, String reason) {
        Map<String, Object> body = new HashMap<>();
        body.put("delegate", delegate);
        body.put("reason", reason);
        send(token, HttpMethod.POST, "/api/sessions/{id}/absence", body, sessionId);
    }

    public void withdrawAbsence(String token, String sessionId) {
        send(token, HttpMethod.DELETE, "/api/sessions/{id}/absence", null, sessionId);
    }

    public void vote(String token, String sessionId, String itemId, String choice) {
        send(token, HttpMethod.PUT, "/api/sessions/{id}/agenda/{item}/vote", Map.of("choice", choice), sessionId, itemId);
    }

    // --- the chair ----------------------------------------------------------------------------------

    public void open(String token, String sessionId) {
        send(token, HttpMethod.POST, "/api/sessions/{id}/open", null, sessionId);
    }

    public void adopt(String token, String sessionId, List<String> itemIds) {
        send(token, HttpMethod.POST, "/api/sessions/{id}/adopt", Map.of("itemIds", itemIds), sessionId);
    }

    public void openVote(String token, String sessionId, String itemId) {
        send(token, HttpMethod.POST, "/api/sessions/{id}/agenda/{item}/vote/open", null, sessionId, itemId);
    }

    public void closeVote(String token, String sessionId, String itemId) {
        send(token, HttpMethod.POST, "/api/sessions/{id}/agenda/{item}/vote/close", null, sessionId, itemId);
    }

    public void recordConclusion(String token, String sessionId, String itemId, String text) {
        send(token, HttpMethod.PUT, "/api/sessions/{id}/agenda/{item}/conclusion", Map.of("text", text), sessionId, itemId);
    }

    public void close(String token, String sessionId) {
        send(token, HttpMethod.POST, "/api/sessions/{id}/close", null, sessionId);
    }

    private void send(String token, HttpMethod method, String uri, Object body, Object... variables) {
        var request = api.as(token).method(method).uri(uri, variables);
        (body == null ? request : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body)).retrieve().toBodilessEntity().block(TIMEOUT);
    }
}
