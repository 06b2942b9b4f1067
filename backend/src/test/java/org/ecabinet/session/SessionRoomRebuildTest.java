package org.ecabinet.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.bson.Document;
import org.ecabinet.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;

/** The session room can be thrown away and rebuilt from the events, and the rebuild equals the live state. */
class SessionRoomRebuildTest extends ApiTest {

    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    MongoDatabase database;

    @Test
    void aResetProjectionIsRebuiltExactlyAsItWas() {
        String[] s = publishedSession();
        String base = "/api/sessions/" + s[0];
        put(MEMBER, base + "/agenda/" + s[1] + "/position", Map.of("position", "WISH_TO_DISCUSS", "comment", "Cần thảo luận"), 204);
        members().subList(0, 20).forEach(m -> post(m, base + "/check-in", null, 204));
        post(CHAIR, base + "/open", null, 204);
        post(CHAIR, base + "/agenda/" + s[2] + "/vote/open", null, 204);
        members().subList(0, 15).forEach(m -> put(m, base + "/agenda/" + s[2] + "/vote", Map.of("choice", "FOR"), 204));
        post(CHAIR, base + "/agenda/" + s[2] + "/vote/close", null, 204);
        String cancelled = publishedSession()[0];
        post(SECRETARIAT, "/api/sessions/" + cancelled + "/cancel", Map.of("reason", "Hoãn do bão"), 204);
        awaitRoom(s[0], r -> r.get("agenda").get(1).path("outcome").asText().equals("PASSED"));
        awaitRoom(cancelled, r -> r.get("status").asText().equals("CANCELLED"));

        MongoCollection<Document> rooms = database.getCollection("session_rooms");
        List<Document> live = snapshot(rooms);
        assertThat(live).hasSizeGreaterThanOrEqualTo(2);
        rooms.insertOne(new Document("_id", "stale-leftover"));

        TrackingEventProcessor processor = processing.eventProcessor(SessionRoomProjection.PROCESSING_GROUP, TrackingEventProcessor.class).orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        processor.start();

        await().atMost(Duration.ofSeconds(60)).until(() -> snapshot(rooms).equals(live));
        assertThat(rooms.find(new Document("_id", "stale-leftover")).first()).as("the reset dropped the old model").isNull();
    }

    private static List<Document> snapshot(MongoCollection<Document> rooms) {
        return rooms.find().sort(Sorts.ascending("_id")).into(new ArrayList<>());
    }
}
