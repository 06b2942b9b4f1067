package org.ecabinet.audit.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.bson.Document;
import org.ecabinet.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

/** An auditor rebuilds a projection from the events, watches the progress, and learns whether it differs from before. */
class ReplayApiTest extends ApiTest {

    @Autowired
    MongoDatabase database;
    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void aReplayedProjectionEqualsTheLiveOneAndTheProgressIsStreamed() {
        publishedSession();
        List<JsonNode> progress = replay("session-room");

        JsonNode last = progress.get(progress.size() - 1);
        assertThat(last.get("state").asText()).isEqualTo("FINISHED");
        assertThat(last.get("total").asLong()).isPositive();
        assertThat(last.get("done").asLong()).isEqualTo(last.get("total").asLong());
        assertThat(last.get("startedBy").asText()).isEqualTo(AUDITOR);
        assertThat(last.get("documentsAfter").asInt()).isEqualTo(last.get("documentsBefore").asInt());
        assertThat(last.get("differences")).as(last.toString()).isEmpty();
        assertThat(progress).allSatisfy(p -> assertThat(p.get("done").asLong()).isLessThanOrEqualTo(p.get("total").asLong()));
        as(AUDITOR).get().uri("/api/audit/replays/session-room").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.state").isEqualTo("FINISHED");
    }

    @Test
    void aProjectionThatDriftedFromTheEventsIsRebuiltAndTheDifferenceNamed() {
        String sessionId = publishedSession()[0];
        database.getCollection("session_rooms").updateOne(Filters.eq("_id", sessionId), Updates.set("title", "edited in the database"));

        JsonNode last = lastOf(replay("session-room"));
        assertThat(last.get("differences")).extracting(d -> d.get("documentId").asText() + " " + d.get("change").asText())
                .contains(sessionId + " CHANGED");
        assertThat(room(sessionId).get("title").asText()).startsWith("Phiên họp kiểm thử");
        Document rebuilt = database.getCollection("session_rooms").find(Filters.eq("_id", sessionId)).first();
        assertThat(rebuilt.getString("title")).isNotEqualTo("edited in the database");
    }

    @Test
    void aReplayAskedForWhereTheProjectionDoesNotRunWaitsForTheNodeThatRunsItWhichTakesItOver() {
        var tokens = database.getCollection("trackingtokens");
        TrackingEventProcessor processor = processing.eventProcessor("document-views", TrackingEventProcessor.class).orElseThrow();
        processor.shutDown(); // gives this node's claim back, so that another node can hold it
        tokens.updateMany(Filters.eq("processorName", "document-views"),
                Updates.combine(Updates.set("owner", "4242@other-node"), Updates.set("timestamp", System.currentTimeMillis() + 60_000)));
        processor.start();
        try {
            as(AUDITOR).post().uri("/api/audit/replays/document-views").exchange().expectStatus().isAccepted()
                    .expectBody().jsonPath("$.state").isEqualTo("REQUESTED").jsonPath("$.startedBy").isEqualTo(AUDITOR);
            assertThat(processor.isRunning()).as("this node's processor goes on").isTrue();
            as(ADMIN).post().uri("/api/audit/replays/document-views").exchange().expectStatus().isEqualTo(409)
                    .expectBody().jsonPath("$.code").isEqualTo("replay.running");
        } finally {
            tokens.updateMany(Filters.eq("processorName", "document-views"), Updates.set("owner", null)); // the other node stops
        }
        JsonNode last = lastOf(follow(AUDITOR, "document-views"));
        assertThat(last.get("startedBy").asText()).isEqualTo(AUDITOR);
    }

    @Test
    void aReplayWhoseNodeDiedIsEndedAsFailedByAnotherNodeWithAReasonTheScreensTranslate() {
        database.getCollection(ReplayBoard.COLLECTION).replaceOne(Filters.eq("_id", "ballot-views"), new Document("_id", "ballot-views")
                .append("state", "RUNNING").append("runner", "4242@gone/0badc0de").append("version", 7L)
                .append("progress", new Document("projection", "ballot-views").append("state", "RUNNING").append("startedBy", AUDITOR)
                        .append("startedAt", "2026-11-30T08:00:00Z").append("total", 100).append("done", 40).append("eventsPerSecond", 10.0)
                        .append("differences", List.of()).append("eventsDuringReplay", 0)), new com.mongodb.client.model.ReplaceOptions().upsert(true));

        List<JsonNode> seen = follow(AUDITOR, "ballot-views");
        JsonNode last = seen.get(seen.size() - 1);
        assertThat(last.get("state").asText()).isEqualTo("FAILED");
        assertThat(last.get("failure").asText()).isEqualTo("replay.node-stopped");
        assertThat(last.get("done").asLong()).as("how far it got").isEqualTo(40);
        lastOf(replay("ballot-views")); // and it can be replayed again
    }

    @Test
    void onlyProjectionsCanBeReplayedAndOnlyByAuditorsAndAdmins() {
        assertThat(as(AUDITOR).get().uri("/api/audit/projections").exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<String>>() { }).returnResult().getResponseBody())
                .contains("session-room", "ballot-views").doesNotContain("ballot-notifications");
        as(AUDITOR).post().uri("/api/audit/replays/ballot-notifications").exchange().expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        as(AUDITOR).post().uri("/api/audit/replays/no-such-thing").exchange().expectStatus().isNotFound();
        for (String user : List.of(MEMBER, CHAIR, SECRETARIAT, CLERK)) {
            as(user).post().uri("/api/audit/replays/session-room").exchange().expectStatus().isForbidden();
            as(user).get().uri("/api/audit/replays/session-room/stream").exchange().expectStatus().isForbidden();
            as(user).get().uri("/api/audit/replays/session-room").exchange().expectStatus().isForbidden();
            as(user).get().uri("/api/audit/projections").exchange().expectStatus().isForbidden();
        }
        for (String path : List.of("/api/audit/projections", "/api/audit/replays/session-room", "/api/audit/replays/session-room/stream")) {
            web.get().uri(path).exchange().expectStatus().isUnauthorized(); // no token
        }
        web.post().uri("/api/audit/replays/session-room").exchange().expectStatus().isUnauthorized();
        lastOf(replayAs(ADMIN, "ballot-views"));
    }

    private List<JsonNode> replay(String projection) {
        return replayAs(AUDITOR, projection);
    }

    private List<JsonNode> replayAs(String user, String projection) {
        as(user).post().uri("/api/audit/replays/{p}", projection).exchange().expectStatus().isAccepted()
                .expectBody().jsonPath("$.state").isEqualTo("RUNNING");
        return follow(user, projection);
    }

    /** The replay's progress as streamed, until it is over. */
    private List<JsonNode> follow(String user, String projection) {
        return as(user).get().uri("/api/audit/replays/{p}/stream", projection).accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<JsonNode>>() { })
                .getResponseBody().map(ServerSentEvent::data)
                .takeUntil(p -> List.of("FINISHED", "FAILED").contains(p.get("state").asText()))
                .collectList().block(Duration.ofSeconds(60));
    }

    private static JsonNode lastOf(List<JsonNode> progress) {
        JsonNode last = progress.get(progress.size() - 1);
        assertThat(last.get("state").asText()).isEqualTo("FINISHED");
        return last;
    }
}
