package org.ecabinet.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.ecabinet.support.ApiTest;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class AuditApiTest extends ApiTest {

    @Test
    void anAuditorReadsTheHistoryOfASessionWithWhoAndFromWhere() {
        String sessionId = publishedSession()[0];
        post(MEMBER, "/api/sessions/" + sessionId + "/check-in", null, 204);

        JsonNode history = as(AUDITOR).get().uri("/api/audit/aggregates/{id}/history", sessionId).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(history.findValuesAsText("type"))
                .containsExactly("SessionScheduled", "AgendaItemAdded", "AgendaItemAdded", "SessionPublished", "MemberCheckedIn");
        JsonNode checkIn = history.get(4);
        assertThat(checkIn.get("sequence").asLong()).isEqualTo(4);
        assertThat(checkIn.get("metaData").get("userId").asText()).isEqualTo(MEMBER);
        assertThat(checkIn.get("metaData").get("remoteAddress").asText()).isNotBlank();
        assertThat(checkIn.get("payload").get("memberId").asText()).isEqualTo(MEMBER);
        assertThat(checkIn.get("timestamp").asText()).isNotBlank();

        as(AUDITOR).get().uri("/api/audit/aggregates/{id}/history", "no-such-aggregate").exchange().expectStatus().isNotFound();
    }

    @Test
    void theStoreOfTheRunningSystemVerifies() {
        publishedSession();
        JsonNode report = as(AUDITOR).get().uri("/api/audit/integrity").exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(report.get("intact").asBoolean()).as(report.toString()).isTrue();
        assertThat(report.at("/chains/events").asLong()).isGreaterThan(5);
    }

    @Test
    void onlyAuditorsAndAdminsUseTheAuditApi() {
        String sessionId = publishedSession()[0];
        for (String user : List.of(MEMBER, CHAIR, SECRETARIAT, CLERK)) {
            as(user).get().uri("/api/audit/integrity").exchange().expectStatus().isForbidden();
            as(user).get().uri("/api/audit/aggregates/{id}/history", sessionId).exchange().expectStatus().isForbidden();
        }
        as(ADMIN).get().uri("/api/audit/aggregates/{id}/history", sessionId).exchange().expectStatus().isOk();
        web.get().uri("/api/audit/integrity").exchange().expectStatus().isUnauthorized();
    }
}
