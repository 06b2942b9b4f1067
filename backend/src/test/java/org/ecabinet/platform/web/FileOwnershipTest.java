package org.ecabinet.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.ecabinet.platform.pdf.TextPdf;
import org.ecabinet.platform.storage.DocumentStore;
import org.ecabinet.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;

/**
 * The attacks on stored files: file ids are predictable, so naming another's file in a registration must
 * not make it one's own. A file belongs to its uploader (and their agency) and to at most one thing, and a
 * refused request leaves no file behind.
 */
class FileOwnershipTest extends ApiTest {

    static final String FINANCE_CLERK = "clerk.g12";
    static final String JUSTICE_CLERK = "clerk.g23";
    static final String OFFICE_CLERK = "clerk.g22";

    @Autowired
    MongoDatabase database;
    @Autowired
    DocumentStore files;

    @Test
    void aClerkCannotRegisterAnotherAgencysUploadAndSoNeverReadsIt() {
        String financeFile = uploadDocumentFile(FINANCE_CLERK);
        long documentsBefore = documentsOf(JUSTICE_CLERK);

        refusedAsUnknownFile(registration(JUSTICE_CLERK, financeFile), "fileId");

        assertThat(documentsOf(JUSTICE_CLERK)).isEqualTo(documentsBefore);
        assertThat(registration(FINANCE_CLERK, financeFile).expectStatus().isCreated()).isNotNull();
    }

    @Test
    void anUploadIsAttachedToOneDocumentOnly() {
        String file = uploadDocumentFile(FINANCE_CLERK);
        registration(FINANCE_CLERK, file).expectStatus().isCreated();
        refusedAsUnknownFile(registration(FINANCE_CLERK, file), "fileId");
    }

    @Test
    void anotherAgencysUploadCannotRideAlongAsAnAttachment() {
        String own = uploadDocumentFile(JUSTICE_CLERK);
        String foreign = uploadDocumentFile(FINANCE_CLERK);
        Map<String, Object> body = new java.util.HashMap<>(document(own));
        body.put("attachmentIds", List.of(foreign));
        refusedAsUnknownFile(as(JUSTICE_CLERK).post().uri("/api/documents").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange(),
                "attachmentIds");
        // Nothing was kept from the refused request: the clerk's own upload is still free to register.
        registration(JUSTICE_CLERK, own).expectStatus().isCreated();
    }

    @Test
    void aBallotDraftCannotBeRegisteredAsADocumentEvenBySomeoneOfTheSameOffice() {
        String draft = uploadDraft();
        refusedAsUnknownFile(registration(OFFICE_CLERK, draft), "fileId");
        refusedAsUnknownFile(registration(SECRETARIAT, draft), "fileId");
    }

    @Test
    void aSessionPaperCannotBeRegisteredAsADocumentNorBecomeABallotDraft() {
        String[] session = publishedSession();
        String paperId = as(SECRETARIAT).post().uri("/api/sessions/{id}/agenda/{item}/papers", session[0], session[1])
                .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(multipart("to-trinh.pdf", pdf("Tờ trình"))))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asText();
        refusedAsUnknownFile(registration(OFFICE_CLERK, paperId), "fileId");
        refusedAsUnknownFile(issueBallot(List.of(paperId)), "draftIds");
    }

    @Test
    void aDocumentUploadCannotBecomeABallotDraft() {
        String file = uploadDocumentFile(OFFICE_CLERK);
        refusedAsUnknownFile(issueBallot(List.of(file)), "draftIds");
    }

    @Test
    void aRefusedBallotGivesItsDraftBackForTheNextTry() {
        String draft = uploadDraft();
        issueBallot(List.of(draft), Instant.now().minusSeconds(60)).expectStatus().value(status -> assertThat(status).isIn(400, 409));
        issueBallot(List.of(draft)).expectStatus().isCreated();
    }

    @Test
    void aRefusedPaperUploadLeavesNoFileBehind() {
        String sessionId = scheduleSession("Phiên họp kiểm tra tệp");
        long before = storedFiles();
        as(SECRETARIAT).post().uri("/api/sessions/{id}/agenda/{item}/papers", sessionId, "no-such-item")
                .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(multipart("x.pdf", pdf("Tờ trình"))))
                .exchange().expectStatus().value(status -> assertThat(status).isIn(404, 409));
        assertThat(storedFiles()).isEqualTo(before);
    }

    @Test
    void aHeaderFollowedByZerosIsNotAPdfAndIsNotStored() {
        byte[] fake = new byte[4096];
        System.arraycopy("%PDF-1.7\n".getBytes(), 0, fake, 0, 9);
        long before = storedFiles();
        for (String uri : List.of("/api/ballots/drafts", "/api/documents/files")) {
            String user = uri.contains("ballots") ? SECRETARIAT : OFFICE_CLERK;
            as(user).post().uri(uri).contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(multipart("fake.pdf", fake)))
                    .exchange().expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("file").jsonPath("$.errors[0].code").isEqualTo("file.not-pdf");
        }
        assertThat(storedFiles()).isEqualTo(before);
    }

    @Test
    void uploadsNeverAttachedAreReclaimedAndAttachedOnesStay() {
        String abandoned = uploadDocumentFile(FINANCE_CLERK);
        String kept = uploadDocumentFile(FINANCE_CLERK);
        registration(FINANCE_CLERK, kept).expectStatus().isCreated();

        files.reclaim(Instant.now().plusSeconds(1));

        assertThat(files.describe(abandoned)).isEmpty();
        assertThat(files.describe(kept)).isPresent();
    }

    private static void refusedAsUnknownFile(org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec response, String field) {
        response.expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("invalid-input")
                .jsonPath("$.errors[0].field").isEqualTo(field).jsonPath("$.errors[0].code").isEqualTo("file.unknown");
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec registration(String clerk, String fileId) {
        return as(clerk).post().uri("/api/documents").contentType(MediaType.APPLICATION_JSON).bodyValue(document(fileId)).exchange();
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec issueBallot(List<String> draftIds) {
        return issueBallot(draftIds, Instant.now().plusSeconds(86400));
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec issueBallot(List<String> draftIds, Instant deadline) {
        return as(SECRETARIAT).post().uri("/api/ballots").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("subject", "Lấy ý kiến kiểm tra tệp", "draftIds", draftIds, "questions", List.of("Thông qua?"),
                        "eligibleMembers", List.of(MEMBER, "member06"), "deadline", deadline.toString()))
                .exchange();
    }

    private String uploadDocumentFile(String clerk) {
        return as(clerk).post().uri("/api/documents/files").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(multipart("cong-van.pdf", pdf("Công văn của " + clerk))))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody().get("fileId").asText();
    }

    private String uploadDraft() {
        return as(SECRETARIAT).post().uri("/api/ballots/drafts").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(multipart("du-thao.pdf", pdf("Dự thảo"))))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody().get("documentId").asText();
    }

    private long documentsOf(String clerk) {
        return as(clerk).get().uri("/api/documents?box=outbox").exchange().expectStatus().isOk().expectBody(JsonNode.class)
                .returnResult().getResponseBody().size();
    }

    private long storedFiles() {
        return database.getCollection("papers.files").countDocuments(new Document());
    }

    private static Map<String, Object> document(String fileId) {
        return Map.of("codeNumber", "15", "codeNotation", "BTP-VP", "documentType", "Công văn", "subject", "V/v kiểm tra quyền với tệp",
                "promulgationPlace", "Hà Nội", "promulgationDate", LocalDate.now().toString(),
                "signer", Map.of("position", "Chánh Văn phòng", "fullName", "Trần Thị B (demo)"),
                "urgency", "NORMAL", "confidentiality", "ORDINARY", "fileId", fileId);
    }

    private static byte[] pdf(String title) {
        try (TextPdf pdf = new TextPdf(title)) {
            return pdf.heading(title).paragraph("Nội dung kiểm thử.").toBytes();
        }
    }
}
