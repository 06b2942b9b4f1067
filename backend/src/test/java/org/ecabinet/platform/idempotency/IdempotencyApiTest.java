package org.ecabinet.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import org.bson.Document;
import org.ecabinet.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

/**
 * A client that sends a request again with the same Idempotency-Key, as after a timeout or a node's death, gets the
 * first outcome and changes nothing twice; the attacks: a key replayed with another request, another user's key.
 */
class IdempotencyApiTest extends ApiTest {

    @Autowired
    MongoDatabase database;

    private static String session(String title) {
        return "{\"title\":\"" + title + "\",\"kind\":\"REGULAR\",\"startsAt\":\"" + Instant.now().plus(Duration.ofDays(3)).truncatedTo(java.time.temporal.ChronoUnit.DAYS)
                + "\",\"location\":\"Hà Nội\",\"online\":false}";
    }

    private EntityExchangeResult<JsonNode> schedule(String user, String key, String body) {
        return as(user).post().uri("/api/sessions").contentType(MediaType.APPLICATION_JSON).header(IdempotencyFilter.HEADER, key)
                .bodyValue(body).exchange().expectBody(JsonNode.class).returnResult();
    }

    /** How many sessions the secretariat sees with this title, once the sessions scheduled after them are seen too. */
    private long sessionsTitled(String title) {
        String marker = "Dấu mốc " + UUID.randomUUID();
        scheduleSession(marker);
        await().atMost(Duration.ofSeconds(10)).until(() -> titles().contains(marker));
        return titles().stream().filter(title::equals).count();
    }

    private java.util.List<String> titles() {
        return as(SECRETARIAT).get().uri("/api/sessions").exchange().expectBody(JsonNode.class).returnResult().getResponseBody()
                .findValuesAsText("title");
    }

    private MongoCollection<Document> records() {
        return database.getCollection("idempotency_keys");
    }

    /** The record of the secretariat's request under {@code key}. */
    private static org.bson.conversions.Bson recordOf(String key) {
        return Filters.eq("_id", RequestKey.of(SECRETARIAT, key, "", "", "").id());
    }

    @Test
    void aRequestSentAgainWithItsKeyIsAnsweredAsTheFirstTimeAndAppliedOnce() {
        String key = UUID.randomUUID().toString();
        String title = "Phiên họp gửi lại " + key;
        String body = session(title);

        EntityExchangeResult<JsonNode> first = schedule(SECRETARIAT, key, body);
        EntityExchangeResult<JsonNode> again = schedule(SECRETARIAT, key, body);

        assertThat(first.getStatus().value()).isEqualTo(201);
        assertThat(again.getStatus().value()).isEqualTo(201);
        assertThat(again.getResponseBody().get("id").asText()).isEqualTo(first.getResponseBody().get("id").asText());
        assertThat(again.getResponseHeaders().getLocation()).isEqualTo(first.getResponseHeaders().getLocation());
        assertThat(again.getResponseHeaders().getFirst("Idempotency-Replayed")).isEqualTo("true");
        assertThat(first.getResponseHeaders().getFirst("Idempotency-Replayed")).isNull();
        assertThat(sessionsTitled(title)).isEqualTo(1);
    }

    @Test
    void aKeySentAgainWithAnotherRequestIsRefusedAndNothingIsApplied() {
        String key = UUID.randomUUID().toString();
        schedule(SECRETARIAT, key, session("Phiên họp thứ nhất " + key));
        String other = "Phiên họp khác " + key;

        EntityExchangeResult<JsonNode> reused = schedule(SECRETARIAT, key, session(other));

        assertThat(reused.getStatus().value()).isEqualTo(422);
        assertThat(reused.getResponseBody().get("code").asText()).isEqualTo("idempotency.key-reused");
        assertThat(sessionsTitled(other)).isZero();
    }

    @Test
    void keysAreTheCallersOwn_anotherUserSendingTheSameKeyGetsNothingOfTheFirstAnswer() {
        String key = UUID.randomUUID().toString();
        String title = "Phiên họp của khóa chung " + key;
        EntityExchangeResult<JsonNode> secretariat = schedule(SECRETARIAT, key, session(title));

        EntityExchangeResult<JsonNode> chair = schedule(CHAIR, key, session(title));

        assertThat(chair.getResponseHeaders().getFirst("Idempotency-Replayed")).isNull();
        assertThat(chair.getStatus().value()).as("the chair's own request ran: the chair may not schedule sessions").isEqualTo(403);
        assertThat(secretariat.getStatus().value()).isEqualTo(201);
    }

    @Test
    void withoutATokenAKeyGetsNothing_neitherAnAnswerNorARecord() {
        String key = UUID.randomUUID().toString();
        schedule(SECRETARIAT, key, session("Phiên họp có khóa " + key));
        long recorded = records().countDocuments();

        web.post().uri("/api/sessions").contentType(MediaType.APPLICATION_JSON).header(IdempotencyFilter.HEADER, key)
                .bodyValue(session("Phiên họp có khóa " + key)).exchange().expectStatus().isUnauthorized()
                .expectHeader().doesNotExist("Idempotency-Replayed");
        assertThat(records().countDocuments()).isEqualTo(recorded);
    }

    @Test
    void aKeyThatIsNotOneIsRefused() {
        EntityExchangeResult<JsonNode> refused = schedule(SECRETARIAT, "two words", session("Không được lập"));

        assertThat(refused.getStatus().value()).isEqualTo(400);
        assertThat(refused.getResponseBody().get("code").asText()).isEqualTo("idempotency.key-invalid");
    }

    @Test
    void whileTheFirstTryRunsOnALivingNodeARetryIsToldToWait() {
        String key = UUID.randomUUID().toString();
        String body = session("Phiên họp đang xử lý " + key);
        schedule(SECRETARIAT, key, body);
        // As the first try looks while it runs: begun by this (living) node a moment ago, not answered yet.
        records().updateOne(recordOf(key), Updates.combine(Updates.set("state", "PENDING"), Updates.unset("status")));

        EntityExchangeResult<JsonNode> retry = schedule(SECRETARIAT, key, body);

        assertThat(retry.getStatus().value()).isEqualTo(409);
        assertThat(retry.getResponseBody().get("code").asText()).isEqualTo("idempotency.in-progress");
        assertThat(retry.getResponseHeaders().getFirst("Retry-After")).isEqualTo("1");
    }

    @Test
    void whenTheFirstTrysNodeDiedAfterApplyingItTheEventsSayItWasAppliedAndNothingIsAppliedAgain() {
        String key = UUID.randomUUID().toString();
        String title = "Phiên họp của nút đã chết " + key;
        String body = session(title);
        String id = schedule(SECRETARIAT, key, body).getResponseBody().get("id").asText();
        // The node stored the events, then died before it stored its answer.
        records().updateOne(recordOf(key), Updates.combine(Updates.set("state", "PENDING"), Updates.set("node", "dead-node/0"),
                Updates.unset("status"), Updates.unset("body")));

        EntityExchangeResult<JsonNode> retry = schedule(SECRETARIAT, key, body);

        assertThat(retry.getStatus().value()).isEqualTo(200);
        assertThat(retry.getResponseBody().get("applied").asBoolean()).isTrue();
        assertThat(retry.getResponseBody().get("aggregateId").asText()).isEqualTo(id);
        assertThat(sessionsTitled(title)).isEqualTo(1);
    }

    @Test
    void whenTheFirstTrysNodeDiedBeforeApplyingItTheRequestRunsNow() {
        String key = UUID.randomUUID().toString();
        String title = "Phiên họp chưa kịp lập " + key;
        String body = session(title);
        RequestKey requestKey = RequestKey.of(SECRETARIAT, key, "POST", "/api/sessions", RequestKey.sha256(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        Instant begun = Instant.now().minusSeconds(30);
        records().insertOne(new Document("_id", requestKey.id()).append("user", SECRETARIAT).append("fingerprint", requestKey.fingerprint())
                .append("state", "PENDING").append("node", "dead-node/1").append("startedAt", Date.from(begun))
                .append("expiresAt", Date.from(begun.plus(Duration.ofDays(1)))));

        EntityExchangeResult<JsonNode> retry = schedule(SECRETARIAT, key, body);

        assertThat(retry.getStatus().value()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(10)).until(() -> titles().contains(title));
        assertThat(sessionsTitled(title)).isEqualTo(1);
    }
}
