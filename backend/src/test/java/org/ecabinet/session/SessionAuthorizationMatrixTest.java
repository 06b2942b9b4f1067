package org.ecabinet.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.ecabinet.support.ApiTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every session endpoint against every role, on a fresh published session each time. A role that may
 * act gets past authorization (the state may still refuse with 409); any other gets 403, and nobody
 * without a token gets further than 401. Auditors read everything and change nothing.
 */
class SessionAuthorizationMatrixTest extends ApiTest {

    static final List<String> ROLES = List.of(MEMBER, CHAIR, SECRETARIAT, CLERK, AUDITOR, ADMIN);
    static final Set<String> READERS = Set.of(MEMBER, CHAIR, SECRETARIAT, AUDITOR);
    static final Set<String> SECRETARIAT_ONLY = Set.of(SECRETARIAT);
    static final Set<String> MEMBERS = Set.of(MEMBER, CHAIR);
    static final Set<String> CHAIR_ONLY = Set.of(CHAIR);

    record Endpoint(HttpMethod method, String path, Object body, Set<String> allowed) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static Stream<Arguments> endpoints() {
        String future = Instant.now().plusSeconds(7 * 86400).toString();
        return Stream.of(
                new Endpoint(HttpMethod.GET, "/api/sessions", null, Set.copyOf(ROLES)),
                new Endpoint(HttpMethod.GET, "/api/sessions/{s}", null, READERS),
                new Endpoint(HttpMethod.GET, "/api/sessions/{s}/papers/{p}", null, READERS),
                new Endpoint(HttpMethod.GET, "/api/sessions/{s}/as-of?sequence=0", null, READERS),
                new Endpoint(HttpMethod.GET, "/api/sessions/{s}/minutes.pdf", null, READERS),
                new Endpoint(HttpMethod.POST, "/api/sessions", Map.of("title", "Phiên họp", "kind", "THEMATIC", "startsAt", future), SECRETARIAT_ONLY),
                new Endpoint(HttpMethod.POST, "/api/sessions/{s}/reschedule", Map.of("startsAt", future, "reason", "Trùng lịch"), SECRETARIAT_ONLY),
                new Endpoint(HttpMethod.POST, "/api/sessions/{s}/cancel", Map.of("reason", "Hủy"), SECRETARIAT_ONLY),
                new Endpoint(HttpMethod.POST, "/api/sessions/{s}/agenda", Map.of("title", "Mục mới", "presentingAgency", "Bộ Y tế"), SECRETARIAT_ONLY),
                new Endpoint(HttpMethod.DELETE, "/api/sessions/{s}/agenda/{i}", null, SECRETARIAT_ONLY),
                new Endpoint(HttpMethod.PUT, "/api/sessions/{s}/agenda/order", Map.of("itemIds", List.of("{i2}", "{i}")), SECRETARIAT_ONLY),
                new Endpoint(HttpMethod.POST, "/api/sessions/{s}/guests", Map.of("userIds", List.of("clerk.g23")), SECRETARIAT_ONLY),
                new Endpoint(HttpMethod.POST, "/api/sessions/{s}/publish", null, SECRETARIAT_ONLY),
                new Endpoint(HttpMethod.POST, "/api/sessions/{s}/minutes", Map.of("pin", "123456"), SECRETARIAT_ONLY),
                new Endpoint(HttpMethod.PUT, "/api/sessions/{s}/agenda/{i}/position", Map.of("position", "AGREE"), MEMBERS),
                new Endpoint(HttpMethod.POST, "/api/sessions/{s}/absence", Map.of("reason", "Công tác"), MEMBERS),
                new Endpoint(HttpMethod.DELETE, "/api/sessions/{s}/absence", null, MEMBERS),
                new Endpoint(HttpMethod.POST, "/api/sessions/{s}/check-in", null, MEMBERS),
                new Endpoint(HttpMethod.PUT, "/api/sessions/{s}/agenda/{i}/vote", Map.of("choice", "FOR"), MEMBERS),
                new Endpoint(HttpMethod.POST, "/api/sessions/{s}/open", null, CHAIR_ONLY),
                new Endpoint(HttpMethod.POST, "/api/sessions/{s}/adopt", Map.of("itemIds", List.of("{i}")), CHAIR_ONLY),
                new Endpoint(HttpMethod.POST, "/api/sessions/{s}/agenda/{i}/vote/open", null, CHAIR_ONLY),
                new Endpoint(HttpMethod.POST, "/api/sessions/{s}/agenda/{i}/vote/close", null, CHAIR_ONLY),
                new Endpoint(HttpMethod.PUT, "/api/sessions/{s}/agenda/{i}/conclusion", Map.of("text", "Kết luận"), CHAIR_ONLY),
                new Endpoint(HttpMethod.POST, "/api/sessions/{s}/close", null, CHAIR_ONLY))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void eachRoleGetsExactlyWhatItIsAllowed(Endpoint endpoint) {
        for (String role : ROLES) {
            Session session = session();
            int status = call(as(role), endpoint, session);
            if (endpoint.allowed().contains(role)) {
                assertThat(status).as("%s as %s", endpoint, role).isNotIn(401, 403).isLessThan(500);
            } else {
                assertThat(status).as("%s as %s", endpoint, role).isEqualTo(403);
            }
        }
        assertThat(call(web, endpoint, session())).as("%s without a token", endpoint).isEqualTo(401);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void aForgedOrExpiredTokenIsRefused(Endpoint endpoint) {
        WebTestClient forged = web.mutate().defaultHeader("Authorization",
                "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ0aHV0dW9uZyIsInJvbGVzIjpbIkNIQUlSIl19.c2lnbmF0dXJl").build();
        assertThat(call(forged, endpoint, session())).isEqualTo(401);
    }

    @org.junit.jupiter.api.Test
    void onlyInviteesReadAPublishedSessionAndNobodyButStaffReadsAnUnpublishedOne() {
        String unpublished = scheduleSession("Chưa công bố");
        awaitRoom(unpublished, r -> true);
        as(MEMBER).get().uri("/api/sessions/{s}", unpublished).exchange().expectStatus().isForbidden();
        as(AUDITOR).get().uri("/api/sessions/{s}", unpublished).exchange().expectStatus().isOk();
        as(CHAIR).get().uri("/api/sessions/{s}", unpublished).exchange().expectStatus().isOk();
        assertThat(listedIds(MEMBER)).doesNotContain(unpublished);
        assertThat(listedIds(AUDITOR)).contains(unpublished);

        String[] published = publishedSession();
        as(CLERK).get().uri("/api/sessions/{s}", published[0]).exchange().expectStatus().isForbidden();
        assertThat(listedIds(CLERK)).doesNotContain(published[0]);
        post(SECRETARIAT, "/api/sessions/" + published[0] + "/guests", Map.of("userIds", List.of(CLERK)), 204);
        awaitRoom(published[0], r -> r.get("guests").size() == 1);
        as(CLERK).get().uri("/api/sessions/{s}", published[0]).exchange().expectStatus().isOk();
        assertThat(listedIds(CLERK)).contains(published[0]);
    }

    private List<String> listedIds(String user) {
        return as(user).get().uri("/api/sessions").exchange().expectStatus().isOk()
                .expectBody(com.fasterxml.jackson.databind.JsonNode.class).returnResult().getResponseBody()
                .findValuesAsText("sessionId");
    }

    record Session(String id, String item, String item2, String paper) {
    }

    private Session session() {
        String[] s = publishedSession();
        return new Session(s[0], s[1], s[2], "0123456789abcdef01234567");
    }

    private static int call(WebTestClient client, Endpoint endpoint, Session session) {
        String path = endpoint.path().replace("{s}", session.id()).replace("{i2}", session.item2())
                .replace("{i}", session.item()).replace("{p}", session.paper());
        var request = client.method(endpoint.method()).uri(path);
        if (endpoint.body() != null) {
            String json = toJson(endpoint.body()).replace("{i2}", session.item2()).replace("{i}", session.item());
            return request.contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange().returnResult(String.class).getStatus().value();
        }
        return request.exchange().returnResult(String.class).getStatus().value();
    }

    private static String toJson(Object body) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
