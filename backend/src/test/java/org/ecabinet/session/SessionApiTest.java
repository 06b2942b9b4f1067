package org.ecabinet.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.StreamSupport;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.ecabinet.support.ApiTest;
import org.ecabinet.support.IndependentVerifiers;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.BodyInserters;

import com.fasterxml.jackson.databind.JsonNode;

import reactor.test.StepVerifier;

class SessionApiTest extends ApiTest {

    static final String PIN = "123456";

    @Autowired
    EventStore events;

    @Test
    void aSessionRunsFromSchedulingToClosingThroughTheApi() {
        String[] s = publishedSession();
        String id = s[0], report = s[1], decree = s[2];
        String base = "/api/sessions/" + id;

        put(MEMBER, base + "/agenda/" + report + "/position", Map.of("position", "AGREE"), 204);
        put("member06", base + "/agenda/" + decree + "/position", Map.of("position", "OBJECT", "comment", "Chưa đủ cơ sở pháp lý"), 204);
        post("member27", base + "/absence", Map.of("delegate", "Thứ trưởng (demo)", "reason", "Công tác"), 204);
        members().subList(0, 17).forEach(m -> post(m, base + "/check-in", null, 204));

        as(CHAIR).post().uri(base + "/open").exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("session.no-quorum"); // a code the screens translate
        post("member18", base + "/check-in", null, 204);
        post(CHAIR, base + "/open", null, 204);

        post(CHAIR, base + "/adopt", Map.of("itemIds", List.of(decree)), 409);
        post(CHAIR, base + "/adopt", Map.of("itemIds", List.of(report)), 204);
        post(CHAIR, base + "/agenda/" + decree + "/vote/open", null, 204);
        members().subList(0, 14).forEach(m -> put(m, base + "/agenda/" + decree + "/vote", Map.of("choice", "FOR"), 204));
        put("member15", base + "/agenda/" + decree + "/vote", Map.of("choice", "AGAINST"), 204);
        put("member27", base + "/agenda/" + decree + "/vote", Map.of("choice", "FOR"), 409);
        post(CHAIR, base + "/close", null, 409);
        post(CHAIR, base + "/agenda/" + decree + "/vote/close", null, 204);
        put(MEMBER, base + "/agenda/" + decree + "/vote", Map.of("choice", "FOR"), 409);
        put(CHAIR, base + "/agenda/" + decree + "/conclusion", Map.of("text", "Giao Bộ Tư pháp hoàn thiện dự thảo."), 204);
        post(SECRETARIAT, base + "/minutes", Map.of("pin", PIN), 409);
        post(CHAIR, base + "/close", null, 204);

        JsonNode room = awaitRoom(id, r -> r.get("status").asText().equals("CLOSED"));
        assertThat(room.get("checkedIn")).hasSize(18);
        assertThat(room.get("absences").get(0).get("memberId").asText()).isEqualTo("member27");
        JsonNode first = room.get("agenda").get(0);
        assertThat(first.get("outcome").asText()).isEqualTo("ADOPTED_WITHOUT_DISCUSSION");
        assertThat(first.get("positions").get(0).get("memberId").asText()).isEqualTo(MEMBER);
        JsonNode second = room.get("agenda").get(1);
        assertThat(second.get("outcome").asText()).isEqualTo("PASSED");
        assertThat(second.get("vote").get("votesFor").asInt()).isEqualTo(14);
        assertThat(second.get("vote").get("votesAgainst").asInt()).isEqualTo(1);
        assertThat(second.get("conclusion").asText()).isEqualTo("Giao Bộ Tư pháp hoàn thiện dự thảo.");
    }

    static final java.time.format.DateTimeFormatter HANOI_TIME = java.time.format.DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy")
            .withZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));

    @Test
    void theSecretariatSignsTheMinutesOfAClosedSessionAndInviteesReadThem() throws Exception {
        String id = scheduleSession("Phiên họp có biên bản");
        String report = addItem(id, "Báo cáo kinh tế - xã hội");
        String decree = addItem(id, "Dự thảo Nghị định");
        String base = "/api/sessions/" + id;
        byte[] paper;
        try (var document = new org.ecabinet.platform.pdf.TextPdf("Tờ trình")) {
            paper = document.heading("TỜ TRÌNH").paragraph("Dự thảo Nghị định.").toBytes();
        }
        upload(id, decree, "to-trinh.pdf", paper).expectStatus().isCreated();
        post(SECRETARIAT, base + "/publish", null, 204);
        awaitRoom(id, r -> r.get("status").asText().equals("PUBLISHED"));
        members().subList(0, 18).forEach(m -> post(m, base + "/check-in", null, 204));
        post(CHAIR, base + "/open", null, 204);
        post(CHAIR, base + "/agenda/" + decree + "/vote/open", null, 204);
        members().subList(0, 15).forEach(m -> put(m, base + "/agenda/" + decree + "/vote", Map.of("choice", "FOR"), 204));
        post(CHAIR, base + "/agenda/" + decree + "/vote/close", null, 204);
        put(CHAIR, base + "/agenda/" + decree + "/conclusion", Map.of("text", "Giao Bộ Tư pháp hoàn thiện dự thảo."), 204);
        post(CHAIR, base + "/close", null, 204);
        awaitRoom(id, r -> r.get("status").asText().equals("CLOSED"));

        post(CHAIR, base + "/minutes", Map.of("pin", PIN), 403);
        post(AUDITOR, base + "/minutes", Map.of("pin", PIN), 403);
        post(SECRETARIAT, base + "/minutes", Map.of(), 400);
        as(MEMBER).get().uri(base + "/minutes.pdf").exchange().expectStatus().isNotFound();
        post(SECRETARIAT, base + "/minutes", Map.of("pin", PIN), 201);
        JsonNode minutes = awaitRoom(id, r -> r.hasNonNull("minutes")).get("minutes");
        assertThat(minutes.get("signedBy").asText()).isEqualTo(SECRETARIAT);
        post(SECRETARIAT, base + "/minutes", Map.of("pin", PIN), 409);

        byte[] pdf = as(MEMBER).get().uri(base + "/minutes.pdf").exchange().expectStatus().isOk()
                .expectHeader().valueEquals("X-Content-SHA256", minutes.get("sha256").asText())
                .expectBody(byte[].class).returnResult().getResponseBody();
        var pdfsig = IndependentVerifiers.pdfsig(pdf, trustAnchorsPem());
        assertThat(pdfsig.output()).contains("Signature is Valid.").contains("Certificate is Trusted.");
        try (var document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document)).contains("BIÊN BẢN PHIÊN HỌP CHÍNH PHỦ")
                    .contains("Có mặt 18/27 thành viên").contains("tán thành 15").contains("Giao Bộ Tư pháp hoàn thiện dự thảo.");
        }
        // What a reader copies from the page is what the API reports: hashes and ids are not typeset with ligatures ("ff").
        JsonNode closed = room(id);
        String text = IndependentVerifiers.pdftotext(pdf);
        assertThat(text).contains(closed.at("/agenda/1/papers/0/sha256").asText()).contains(id)
                .contains("Khai mạc lúc: " + HANOI_TIME.format(java.time.Instant.parse(closed.get("openedAt").asText())))
                .contains("Bế mạc lúc: " + HANOI_TIME.format(java.time.Instant.parse(closed.get("closedAt").asText())));
        assertThat(report).isNotBlank();
        as(CLERK).get().uri(base + "/minutes.pdf").exchange().expectStatus().isForbidden();
    }

    @Test
    void aLongSessionIsLoadedFromASnapshotAndKeepsItsRules(@org.springframework.beans.factory.annotation.Autowired com.mongodb.client.MongoDatabase database) {
        String sessionId = publishedSession()[0];
        String base = "/api/sessions/" + sessionId;
        members().subList(0, 17).forEach(m -> post(m, base + "/check-in", null, 204));
        // The test context snapshots a session every 10 events: 21 events so far.
        Document snapshot = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() ->
                database.getCollection("event_snapshots").find(com.mongodb.client.model.Filters.eq("_id", sessionId)).first(), java.util.Objects::nonNull);
        assertThat(snapshot.get("event", Document.class).getLong("sequence")).isGreaterThanOrEqualTo(9);
        assertThat(snapshot.get("event", Document.class).getString("payload")).contains("checkedIn");

        post(CHAIR, base + "/open", null, 409); // 17 of 27: still no quorum, as the snapshot remembers
        post("member18", base + "/check-in", null, 204);
        post(CHAIR, base + "/open", null, 204);
        awaitRoom(sessionId, r -> r.get("status").asText().equals("OPENED"));
    }

    @Test
    void aSessionCanBeSeenAsItWasAtAnyPointOfItsHistory() {
        String[] s = publishedSession();
        java.time.Instant beforeCheckIn = java.time.Instant.now();
        post(MEMBER, "/api/sessions/" + s[0] + "/check-in", null, 204);
        awaitRoom(s[0], r -> r.get("checkedIn").size() == 1);

        JsonNode published = asOf(s[0], "sequence=3", 200);
        assertThat(published.get("status").asText()).isEqualTo("PUBLISHED");
        assertThat(published.get("checkedIn")).isEmpty();
        assertThat(asOf(s[0], "sequence=0", 200).get("agenda")).isEmpty();
        assertThat(asOf(s[0], "at=" + beforeCheckIn, 200).get("checkedIn")).isEmpty();
        assertThat(asOf(s[0], "at=" + java.time.Instant.now(), 200).get("checkedIn").get(0).asText()).isEqualTo(MEMBER);
        asOf(s[0], "at=2000-01-01T00:00:00Z", 404);
        asOf(s[0], "", 400);
        asOf(s[0], "sequence=1&at=2030-01-01T00:00:00Z", 400);
        asOf(s[0], "sequence=-1", 400);
        asOf(s[0], "at=yesterday", 400);

        JsonNode history = as(AUDITOR).get().uri("/api/audit/aggregates/{id}/history", s[0]).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        long publishedAt = history.get(3).get("global").asLong();
        long checkedInAt = history.get(4).get("global").asLong();
        assertThat(asOf(s[0], "global=" + publishedAt, 200).get("status").asText()).isEqualTo("PUBLISHED");
        assertThat(asOf(s[0], "global=" + (checkedInAt - 1), 200).get("checkedIn")).isEmpty();
        assertThat(asOf(s[0], "global=" + checkedInAt, 200).get("checkedIn")).hasSize(1);
        asOf(s[0], "global=" + (history.get(0).get("global").asLong() - 1), 404);
        asOf(s[0], "global=1&sequence=1", 400);
    }

    private JsonNode asOf(String sessionId, String query, int status) {
        return as(AUDITOR).get().uri("/api/sessions/" + sessionId + "/as-of?" + query).exchange()
                .expectStatus().isEqualTo(status).expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    @Test
    void everyEventRecordsWhoActedAndFromWhere() {
        String[] s = publishedSession();
        post(MEMBER, "/api/sessions/" + s[0] + "/check-in", null, 204);

        List<DomainEventMessage<?>> history = new ArrayList<>();
        events.readEvents(s[0]).asStream().forEach(history::add);
        assertThat(history).extracting(m -> m.getPayloadType().getSimpleName())
                .containsExactly("SessionScheduled", "AgendaItemAdded", "AgendaItemAdded", "SessionPublished", "MemberCheckedIn");
        DomainEventMessage<?> checkIn = history.get(history.size() - 1);
        assertThat(checkIn.getMetaData()).containsEntry("userId", MEMBER).containsKey("remoteAddress").containsKey("correlationId");
        assertThat(checkIn.getMetaData().get("remoteAddress").toString()).isNotBlank();
        assertThat(history.get(0).getMetaData()).containsEntry("userId", SECRETARIAT);
    }

    @Test
    void papersAreStoredWithTheirHashAndShownOnlyToInvitees() throws Exception {
        String id = scheduleSession("Phiên họp có tài liệu");
        String item = addItem(id, "Tờ trình");
        byte[] pdf;
        try (var paper = new org.ecabinet.platform.pdf.TextPdf("Tờ trình")) {
            pdf = paper.heading("TỜ TRÌNH").paragraph("Tài liệu phiên họp kiểm thử.").toBytes();
        }

        String paperId = upload(id, item, "tờ trình.pdf", pdf).expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asText();
        upload(id, item, "virus.exe", "MZ not a pdf".getBytes()).expectStatus().isBadRequest();
        upload(id, item, "header-only.pdf", "%PDF-1.4\n% only a header\n%%EOF\n".getBytes()).expectStatus().isBadRequest();

        post(SECRETARIAT, "/api/sessions/" + id + "/guests", Map.of("userIds", List.of("clerk.g23")), 204);
        awaitRoom(id, r -> r.get("guests").size() == 1 && r.get("agenda").get(0).get("papers").size() == 1);
        String paperUri = "/api/sessions/" + id + "/papers/" + paperId;
        as(MEMBER).get().uri(paperUri).exchange().expectStatus().isForbidden();

        post(SECRETARIAT, "/api/sessions/" + id + "/publish", null, 204);
        awaitRoom(id, r -> r.get("published").asBoolean());
        byte[] downloaded = as("clerk.g23").get().uri(paperUri).exchange().expectStatus().isOk()
                .expectHeader().valueEquals("X-Content-SHA256", org.ecabinet.platform.storage.DocumentStore.sha256(pdf))
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(downloaded).isEqualTo(pdf);
        as(MEMBER).get().uri(paperUri).exchange().expectStatus().isOk();
        as(CLERK).get().uri(paperUri).exchange().expectStatus().isForbidden();
        as(MEMBER).get().uri("/api/sessions/" + id + "/papers/0123456789abcdef01234567").exchange().expectStatus().isNotFound();
        JsonNode paper = room(id).get("agenda").get(0).get("papers").get(0);
        assertThat(paper.get("sha256").asText()).isEqualTo(org.ecabinet.platform.storage.DocumentStore.sha256(pdf));
        assertThat(paper.get("fileName").asText()).isEqualTo("tờ trình.pdf");
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec upload(String id, String item, String name, byte[] bytes) {
        return as(SECRETARIAT).post().uri("/api/sessions/{id}/agenda/{item}/papers", id, item)
                .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(multipart(name, bytes))).exchange();
    }

    @Test
    void theRoomStreamsEveryChangeAsServerSentEvents() {
        String[] s = publishedSession();
        var stream = as(MEMBER).get().uri("/api/sessions/{id}/stream", s[0]).accept(MediaType.TEXT_EVENT_STREAM)
                .exchange().expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<JsonNode>>() {
                }).getResponseBody()
                .filter(e -> e.data() != null);

        StepVerifier.create(stream)
                .assertNext(first -> assertThat(first.data().get("checkedIn")).isEmpty())
                .then(() -> post("member09", "/api/sessions/" + s[0] + "/check-in", null, 204))
                .assertNext(next -> assertThat(next.data().get("checkedIn").get(0).asText()).isEqualTo("member09"))
                .thenCancel()
                .verify(Duration.ofSeconds(20));
    }

    @Test
    void membersCheckingInAtTheSameMomentAreAllRecorded() throws Exception {
        String[] s = publishedSession();
        ExecutorService pool = Executors.newFixedThreadPool(9);
        try {
            List<CompletableFuture<Void>> all = members().stream()
                    .map(m -> CompletableFuture.runAsync(() -> post(m, "/api/sessions/" + s[0] + "/check-in", null, 204), pool))
                    .toList();
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get();
        } finally {
            pool.shutdown();
        }
        JsonNode room = awaitRoom(s[0], r -> r.get("checkedIn").size() == 27);
        assertThat(StreamSupport.stream(room.get("checkedIn").spliterator(), false).map(JsonNode::asText))
                .containsExactlyInAnyOrderElementsOf(members());
        post(CHAIR, "/api/sessions/" + s[0] + "/open", null, 204);
    }
}
