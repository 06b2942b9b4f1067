package org.ecabinet.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.ecabinet.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

/** The address in the audit history is the client's: a client cannot write its own, only our proxy reports it. */
class ForwardedAddressTest extends ApiTest {

    @Test
    void aClientsOwnForwardingHeaderIsNotBelieved() {
        String sessionId = schedule(request -> request.header("X-Forwarded-For", "203.0.113.66"));
        assertThat(recordedAddress(sessionId)).isNotEqualTo("203.0.113.66").isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
    }

    @Test
    void aForwardingHeaderWithAWrongProxyKeyIsNotBelieved() {
        String sessionId = schedule(request -> request.header("X-Forwarded-For", "203.0.113.67").header(RequestOrigin.PROXY_KEY_HEADER, "guess"));
        assertThat(recordedAddress(sessionId)).isNotEqualTo("203.0.113.67");
    }

    @Test
    void theTrustedProxyReportsTheClientsAddressAndWhatTheClientPrependedIsIgnored() {
        String sessionId = schedule(request -> request.header("X-Forwarded-For", "203.0.113.68, 198.51.100.7")
                .header(RequestOrigin.PROXY_KEY_HEADER, PROXY_KEY));
        assertThat(recordedAddress(sessionId)).isEqualTo("198.51.100.7");
    }

    @Test
    void aNameInTheForwardingHeaderIsNeverLookedUpNorRecorded() {
        String sessionId = schedule(request -> request.header("X-Forwarded-For", "attacker.example").header(RequestOrigin.PROXY_KEY_HEADER, PROXY_KEY));
        assertThat(recordedAddress(sessionId)).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
    }

    private String schedule(java.util.function.UnaryOperator<org.springframework.test.web.reactive.server.WebTestClient.RequestBodySpec> headers) {
        return headers.apply(as(SECRETARIAT).post().uri("/api/sessions").contentType(MediaType.APPLICATION_JSON))
                .bodyValue(Map.of("title", "Phiên họp kiểm tra địa chỉ", "kind", "REGULAR", "startsAt", Instant.now().plusSeconds(86400).toString(),
                        "location", "Hà Nội", "online", false))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asText();
    }

    private String recordedAddress(String sessionId) {
        JsonNode history = as(AUDITOR).get().uri("/api/audit/aggregates/{id}/history", sessionId).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        return history.get(0).get("remoteAddress").asText();
    }
}
