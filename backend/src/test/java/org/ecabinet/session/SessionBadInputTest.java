package org.ecabinet.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.ecabinet.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Malformed JSON, wrong types, huge strings, missing bodies and unknown ids at every endpoint that takes
 * them: always a problem+json answer in the 4xx range, never a 500, and nothing written.
 */
class SessionBadInputTest extends ApiTest {

    @Autowired
    EventStore events;

    record Endpoint(String user, HttpMethod method, String path, String wrongTypes) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static Stream<Arguments> endpointsWithBodies() {
        return Stream.of(
                new Endpoint(SECRETARIAT, HttpMethod.POST, "/api/sessions", "{\"title\":[1],\"kind\":7,\"startsAt\":\"tomorrow\"}"),
                new Endpoint(SECRETARIAT, HttpMethod.POST, "/api/sessions/{s}/reschedule", "{\"startsAt\":true,\"online\":\"maybe\"}"),
                new Endpoint(SECRETARIAT, HttpMethod.POST, "/api/sessions/{s}/cancel", "{\"reason\":{\"x\":1}}"),
                new Endpoint(SECRETARIAT, HttpMethod.POST, "/api/sessions/{s}/agenda", "{\"title\":false,\"presentingAgency\":[]}"),
                new Endpoint(SECRETARIAT, HttpMethod.PUT, "/api/sessions/{s}/agenda/order", "{\"itemIds\":\"not-a-list\"}"),
                new Endpoint(SECRETARIAT, HttpMethod.POST, "/api/sessions/{s}/guests", "{\"userIds\":{\"a\":1}}"),
                new Endpoint(MEMBER, HttpMethod.PUT, "/api/sessions/{s}/agenda/{i}/position", "{\"position\":\"MAYBE\"}"),
                new Endpoint(MEMBER, HttpMethod.POST, "/api/sessions/{s}/absence", "{\"reason\":12.5e999}"),
                new Endpoint(MEMBER, HttpMethod.PUT, "/api/sessions/{s}/agenda/{i}/vote", "{\"choice\":\"YES\"}"),
                new Endpoint(CHAIR, HttpMethod.POST, "/api/sessions/{s}/adopt", "{\"itemIds\":[[]]}"),
                new Endpoint(CHAIR, HttpMethod.PUT, "/api/sessions/{s}/agenda/{i}/conclusion", "{\"text\":null}"))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpointsWithBodies")
    void badBodiesAreClearErrorsAndWriteNothing(Endpoint endpoint) {
        String[] s = publishedSession();
        long before = history(s[0]);

        assertProblem(send(endpoint, s, "{\"title\": \"unterminated"), 400);
        assertProblem(send(endpoint, s, "[1,2,3]"), 400);
        assertProblem(send(endpoint, s, endpoint.wrongTypes()), 400);
        assertProblem(send(endpoint, s, "{}"), 400);
        assertProblem(send(endpoint, s, ""), 400);
        assertProblem(send(endpoint, s, "{\"title\":\"" + "x".repeat(2_000_000) + "\"}"), 413);
        String longStrings = "{\"title\":\"%1$s\",\"presentingAgency\":\"%1$s\",\"reason\":\"%1$s\",\"text\":\"%2$s\",\"comment\":\"%2$s\",\"delegate\":\"%1$s\",\"kind\":\"REGULAR\",\"position\":\"OBJECT\",\"choice\":\"FOR\",\"startsAt\":\"2030-01-01T00:00:00Z\",\"itemIds\":[\"%1$s\"],\"userIds\":[\"%1$s\"]}"
                .formatted("y".repeat(20_000), "z".repeat(20_000));
        if (!endpoint.path().endsWith("/vote")) { // a ballot has no text to be too long
            EntityExchangeResult<JsonNode> tooLong = send(endpoint, s, longStrings);
            assertProblem(tooLong, 400);
            assertThat(tooLong.getResponseBody().get("errors")).as("field errors").isNotEmpty();
        }

        assertThat(history(s[0])).as("events after bad input").isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpointsWithBodies")
    void unknownSessionsAndItemsAreNotFound(Endpoint endpoint) {
        if (!endpoint.path().contains("{s}")) {
            return;
        }
        String[] s = publishedSession();
        String valid = "{\"startsAt\":\"2031-01-01T00:00:00Z\",\"reason\":\"r\",\"title\":\"t\",\"presentingAgency\":\"a\","
                + "\"itemIds\":[\"x\"],\"userIds\":[\"" + MEMBER + "\"],\"position\":\"AGREE\",\"choice\":\"FOR\",\"text\":\"t\"}";
        assertProblem(send(endpoint, new String[] {"no-such-session", s[1], s[2]}, valid), 404);
        if (endpoint.path().contains("{i}")) {
            int status = send(endpoint, new String[] {s[0], "no-such-item", s[2]}, valid).getStatus().value();
            assertThat(status).as("unknown item").isIn(404, 409);
        }
    }

    @Test
    void unknownIdsOnReadsAndBodylessCommandsAreNotFound() {
        as(SECRETARIAT).get().uri("/api/sessions/does-not-exist").exchange().expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        as(SECRETARIAT).get().uri("/api/sessions/%2e%2e%2f%2e%2e").exchange().expectStatus().is4xxClientError();
        for (String action : List.of("publish", "check-in", "open", "close")) {
            String user = action.equals("publish") ? SECRETARIAT : action.equals("check-in") ? MEMBER : CHAIR;
            var result = as(user).post().uri("/api/sessions/nope/" + action).exchange().expectBody(JsonNode.class).returnResult();
            assertProblem(result, 404);
        }
        as(SECRETARIAT).delete().uri("/api/sessions/nope/agenda/nothing").exchange().expectStatus().isNotFound();
    }

    @Test
    void theLoginEndpointRefusesBadInputClearly() {
        assertProblem(web.post().uri("/api/auth/token").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"username\":")
                .exchange().expectBody(JsonNode.class).returnResult(), 400);
        var missing = web.post().uri("/api/auth/token").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("username", ""))
                .exchange().expectBody(JsonNode.class).returnResult();
        assertProblem(missing, 400);
        assertThat(missing.getResponseBody().get("errors").findValuesAsText("field")).contains("username", "password");
    }

    private EntityExchangeResult<JsonNode> send(Endpoint endpoint, String[] s, String body) {
        String path = endpoint.path().replace("{s}", s[0]).replace("{i}", s[1]);
        return as(endpoint.user()).method(endpoint.method()).uri(path).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange().expectBody(JsonNode.class).returnResult();
    }

    private static void assertProblem(EntityExchangeResult<JsonNode> result, int status) {
        assertThat(result.getStatus().value()).as("status for " + result.getUrl()).isEqualTo(status);
        assertThat(result.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result.getResponseBody().get("status").asInt()).isEqualTo(status);
        assertThat(result.getResponseBody().get("detail").asText()).isNotBlank();
    }

    private long history(String sessionId) {
        return events.readEvents(sessionId).asStream().count();
    }
}
