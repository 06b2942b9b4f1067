package org.ecabinet.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.ecabinet.support.ApiTest;
import org.ecabinet.support.IndependentVerifiers;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.BodyInserters;

import com.fasterxml.jackson.databind.JsonNode;

import reactor.test.StepVerifier;

/** An official document from the Government Office to a ministry and a province, over HTTP, with a real PAdES signature. */
class DispatchApiTest extends ApiTest {

    static final String G22_CLERK = "clerk.g22";
    static final String FINANCE = "clerk.g12";
    static final String HANOI = "clerk.h29";
    static final String JUSTICE = "clerk.g23";
    static final String G12 = "000.00.00.G12";
    static final String H29 = "000.00.00.H29";
    static final String PIN = "123456";

    @Test
    void aSignedDocumentTravelsToTwoAgenciesAndEachReportsItsStatus() throws Exception {
        String id = register(G22_CLERK, "ORDINARY");
        as(G22_CLERK).post().uri("/api/documents/{id}/dispatch", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("recipients", List.of(G12, H29))).exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("dispatch.unsigned") // not signed yet, and which version to sign
                .jsonPath("$.arguments.version").isEqualTo("1");
        post(G22_CLERK, "/api/documents/" + id + "/signature", Map.of("pin", PIN), 204);
        JsonNode signed = awaitDocument(G22_CLERK, id, d -> d.get("state").asText().equals("SIGNED"));
        assertThat(signed.at("/signature/signedBy").asText()).isEqualTo(G22_CLERK);

        byte[] pdf = as(G22_CLERK).get().uri("/api/documents/{id}/pdf", id).exchange().expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody();
        var pdfsig = IndependentVerifiers.pdfsig(pdf, trustAnchorsPem());
        assertThat(pdfsig.output()).contains("Signature is Valid.").contains("Certificate is Trusted.");

        as(FINANCE).get().uri("/api/documents/{id}", id).exchange().expectStatus().isForbidden(); // not dispatched to it yet
        post(G22_CLERK, "/api/documents/" + id + "/dispatch", Map.of("recipients", List.of(G12, H29)), 204);
        awaitDocument(FINANCE, id, d -> d.get("recipients").size() == 2);
        assertThat(inbox(FINANCE)).extracting(d -> d.get("documentId").asText()).contains(id);
        as(JUSTICE).get().uri("/api/documents/{id}", id).exchange().expectStatus().isForbidden();

        post(FINANCE, "/api/documents/" + id + "/receive", null, 204);
        post(FINANCE, "/api/documents/" + id + "/assign", Map.of("assignee", "Vụ Ngân sách nhà nước"), 204);
        post(FINANCE, "/api/documents/" + id + "/start", null, 204);
        post(FINANCE, "/api/documents/" + id + "/complete", null, 204);
        post(HANOI, "/api/documents/" + id + "/reject", Map.of("reason", "Không thuộc thẩm quyền giải quyết"), 204);
        post(HANOI, "/api/documents/" + id + "/receive", null, 409);
        post(JUSTICE, "/api/documents/" + id + "/receive", null, 403);

        JsonNode done = awaitDocument(G22_CLERK, id, d -> d.at("/recipients/1/statusCode").asText().equals("02")
                && d.at("/recipients/0/statusCode").asText().equals("06"));
        assertThat(done.at("/recipients/0/signatureReport").asText()).startsWith("TOTAL_PASSED");
        assertThat(done.get("timeline").findValuesAsText("code")).containsSubsequence("01", "01", "03", "04", "05", "06", "02");
        assertThat(outbox(G22_CLERK)).extracting(d -> d.get("documentId").asText()).contains(id);

        post(G22_CLERK, "/api/documents/" + id + "/recall", Map.of("kind", "RECALL", "reason", "Ban hành nhầm phụ lục"), 204);
        post(FINANCE, "/api/documents/" + id + "/recall/answer", Map.of("agreed", false, "reason", "Đã thực hiện xong"), 204);
        awaitDocument(G22_CLERK, id, d -> d.get("timeline").findValuesAsText("code").contains("16"));
    }

    @Test
    void theSenderFollowsItsDocumentLiveAndAnotherAgencyCannotListenIn() {
        String id = register(G22_CLERK, "ORDINARY");
        as(FINANCE).get().uri("/api/documents/{id}/stream", id).accept(MediaType.TEXT_EVENT_STREAM).exchange().expectStatus().isForbidden();
        var stream = as(G22_CLERK).get().uri("/api/documents/{id}/stream", id).accept(MediaType.TEXT_EVENT_STREAM)
                .exchange().expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<JsonNode>>() {
                }).getResponseBody()
                .filter(e -> e.data() != null);

        StepVerifier.create(stream)
                .assertNext(first -> assertThat(first.data().get("state").asText()).isEqualTo("REGISTERED"))
                .then(() -> post(G22_CLERK, "/api/documents/" + id + "/signature", Map.of("pin", PIN), 204))
                .assertNext(next -> {
                    assertThat(next.data().get("state").asText()).isEqualTo("SIGNED");
                    assertThat(next.id()).as("the event id is the document's version").isEqualTo(next.data().get("version").asText());
                })
                .thenCancel()
                .verify(Duration.ofSeconds(20));

        // a client that reconnects with the id of the state it has gets only what is newer
        long signedVersion = awaitDocument(G22_CLERK, id, d -> d.get("state").asText().equals("SIGNED")).get("version").asLong();
        StepVerifier.create(reconnected(id, signedVersion))
                .then(() -> post(G22_CLERK, "/api/documents/" + id + "/dispatch", Map.of("recipients", List.of(G12)), 204))
                .assertNext(next -> assertThat(next.data().get("state").asText()).as("not the state it had").isEqualTo("DISPATCHED"))
                .thenCancel()
                .verify(Duration.ofSeconds(20));
        StepVerifier.create(reconnected(id, signedVersion))
                .assertNext(missed -> assertThat(missed.data().get("state").asText()).as("what it missed, at once").isEqualTo("DISPATCHED"))
                .thenCancel()
                .verify(Duration.ofSeconds(20));
    }

    private reactor.core.publisher.Flux<ServerSentEvent<JsonNode>> reconnected(String documentId, long lastEventId) {
        return as(G22_CLERK).get().uri("/api/documents/{id}/stream", documentId).accept(MediaType.TEXT_EVENT_STREAM)
                .header("Last-Event-ID", String.valueOf(lastEventId))
                .exchange().expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<JsonNode>>() {
                }).getResponseBody()
                .filter(e -> e.data() != null);
    }

    @Test
    void policyRefusesSecretAndUnsignedDocumentsAndEditingVoidsTheSignature() {
        String secret = register(G22_CLERK, "SECRET");
        post(G22_CLERK, "/api/documents/" + secret + "/signature", Map.of("pin", PIN), 204);
        awaitDocument(G22_CLERK, secret, d -> d.get("state").asText().equals("SIGNED"));
        as(G22_CLERK).post().uri("/api/documents/{id}/dispatch", secret).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("recipients", List.of(G12))).exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("Secret"));

        String ordinary = register(G22_CLERK, "ORDINARY");
        post(G22_CLERK, "/api/documents/" + ordinary + "/signature", Map.of("pin", PIN), 204);
        awaitDocument(G22_CLERK, ordinary, d -> d.get("state").asText().equals("SIGNED"));
        post(G22_CLERK, "/api/documents/" + ordinary + "/revisions", Map.of("fileId", upload(G22_CLERK), "reason", "Sửa trích yếu"), 204);
        awaitDocument(G22_CLERK, ordinary, d -> d.get("currentVersion").asInt() == 2 && d.get("state").asText().equals("REGISTERED"));
        post(G22_CLERK, "/api/documents/" + ordinary + "/dispatch", Map.of("recipients", List.of(G12)), 409);
        post(G22_CLERK, "/api/documents/" + ordinary + "/signature", Map.of("pin", "000000"), 403);
    }

    @Test
    void badInputIsAFieldErrorAndRolesAreEnforced() {
        Map<String, Object> bad = new HashMap<>(document(upload(G22_CLERK), "ORDINARY"));
        bad.put("codeNumber", "12a");
        bad.put("subject", "");
        as(G22_CLERK).post().uri("/api/documents").contentType(MediaType.APPLICATION_JSON).bodyValue(bad).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[*].field").value(f -> assertThat(f.toString()).contains("codeNumber", "subject"));
        Map<String, Object> unknownFile = new HashMap<>(document("no-such-file", "ORDINARY"));
        as(G22_CLERK).post().uri("/api/documents").contentType(MediaType.APPLICATION_JSON).bodyValue(unknownFile).exchange()
                .expectStatus().isBadRequest();

        String id = register(G22_CLERK, "ORDINARY");
        as(G22_CLERK).post().uri("/api/documents/{id}/dispatch", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("recipients", List.of("not-a-code"))).exchange().expectStatus().isBadRequest();
        as(G22_CLERK).post().uri("/api/documents/{id}/dispatch", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("recipients", List.of("000.00.00.Z99"))).exchange().expectStatus().isBadRequest();
        for (String user : List.of(MEMBER, CHAIR, AUDITOR, ADMIN)) {
            as(user).post().uri("/api/documents").contentType(MediaType.APPLICATION_JSON).bodyValue(document("x", "ORDINARY"))
                    .exchange().expectStatus().isForbidden();
            as(user).post().uri("/api/documents/{id}/receive", id).exchange().expectStatus().isForbidden();
        }
        post(FINANCE, "/api/documents/" + id + "/signature", Map.of("pin", PIN), 403); // another agency's document
        as(AUDITOR).get().uri("/api/documents/{id}", id).exchange().expectStatus().isOk();
        as(MEMBER).get().uri("/api/documents/{id}", id).exchange().expectStatus().isForbidden();
        as(AUDITOR).get().uri("/api/documents/{id}", "no-such-document").exchange().expectStatus().isNotFound();
        web.get().uri("/api/documents").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void theReportGivesTheSignedShareAndTheTimeToReceiptPerSendingAgency() {
        String signedDoc = register(G22_CLERK, "ORDINARY");
        post(G22_CLERK, "/api/documents/" + signedDoc + "/signature", Map.of("pin", PIN), 204);
        awaitDocument(G22_CLERK, signedDoc, d -> d.get("state").asText().equals("SIGNED"));
        post(G22_CLERK, "/api/documents/" + signedDoc + "/dispatch", Map.of("recipients", List.of(G12, H29)), 204);
        awaitDocument(FINANCE, signedDoc, d -> d.get("recipients").size() == 2);
        post(FINANCE, "/api/documents/" + signedDoc + "/receive", null, 204);
        register(FINANCE, "ORDINARY"); // registered, never signed: it would go on paper
        awaitDocument(G22_CLERK, signedDoc, d -> d.at("/recipients/0/statusCode").asText().equals("03"));

        String today = LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toString();
        JsonNode report = as(SECRETARIAT).get().uri("/api/reports/dispatch?from={f}&to={t}", today, today).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        JsonNode g22 = agency(report, "000.00.00.G22");
        JsonNode g12 = agency(report, G12);
        assertThat(g22.get("signed").asLong()).isPositive().isLessThanOrEqualTo(g22.get("sent").asLong());
        assertThat(g22.get("pagesSaved").asLong()).isPositive();
        assertThat(g22.get("medianMinutesToAcceptance").isNull()).isFalse();
        assertThat(g12.get("received").asLong()).isPositive();
        assertThat(g12.get("signed").asLong()).isLessThan(g12.get("sent").asLong());
        assertThat(g12.get("signedShare").asDouble()).isEqualTo((double) g12.get("signed").asLong() / g12.get("sent").asLong());

        String csv = as(AUDITOR).get().uri("/api/reports/dispatch.csv?from={f}&to={t}", today, today).exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/csv").expectBody(String.class).returnResult().getResponseBody();
        assertThat(csv.lines().findFirst().orElseThrow()).startsWith("organId,agency,sent,signed,signedShare");
        assertThat(csv).contains("000.00.00.G12,\"Bộ Tài chính\"," + g12.get("sent").asLong() + "," + g12.get("signed").asLong());
        as(FINANCE).get().uri("/api/reports/dispatch?from={f}&to={t}", today, today).exchange().expectStatus().isForbidden();
        as(SECRETARIAT).get().uri("/api/reports/dispatch?from=2026-12-01&to=2026-11-01").exchange().expectStatus().isBadRequest();
    }

    @Test
    void theDemoCorrespondenceWaitsInTheInboxesWithRealSignatures() throws Exception {
        JsonNode submission = await().atMost(Duration.ofSeconds(30)).until(() -> inbox(G22_CLERK).stream()
                .filter(d -> d.get("subject").asText().startsWith("[DEMO] Tờ trình")).findFirst().orElse(null), java.util.Objects::nonNull);
        assertThat(submission.get("myStatus").asText()).isEqualTo("01");
        byte[] pdf = as(G22_CLERK).get().uri("/api/documents/{id}/pdf", submission.get("documentId").asText()).exchange().expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(IndependentVerifiers.pdfsig(pdf, trustAnchorsPem()).output()).contains("Signature is Valid.");
        JsonNode letter = inbox(FINANCE).stream().filter(d -> d.get("subject").asText().startsWith("[DEMO] V/v triển khai")).findFirst().orElseThrow();
        assertThat(letter.get("myStatus").asText()).isEqualTo("04");
        assertThat(inbox(HANOI).stream().filter(d -> d.get("documentId").equals(letter.get("documentId"))).findFirst().orElseThrow()
                .get("myStatus").asText()).isEqualTo("01");
    }

    static JsonNode agency(JsonNode report, String organId) {
        for (JsonNode agency : report.get("agencies")) {
            if (agency.get("organId").asText().equals(organId)) {
                return agency;
            }
        }
        throw new AssertionError(organId + " not in " + report);
    }

    List<JsonNode> inbox(String clerk) {
        return box(clerk, "inbox");
    }

    List<JsonNode> outbox(String clerk) {
        return box(clerk, "outbox");
    }

    private List<JsonNode> box(String clerk, String box) {
        JsonNode list = as(clerk).get().uri("/api/documents?box=" + box).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        return java.util.stream.StreamSupport.stream(list.spliterator(), false).toList();
    }

}
