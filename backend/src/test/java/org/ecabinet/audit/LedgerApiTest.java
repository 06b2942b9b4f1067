package org.ecabinet.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;

import org.ecabinet.support.ApiTest;
import org.ecabinet.support.IndependentVerifiers;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The ledger of the running backend: sealed, time-stamped checkpoints that OpenSSL accepts, proofs and exports. */
class LedgerApiTest extends ApiTest {

    @org.springframework.beans.factory.annotation.Value("${cabinet.ledger.export-directory}")
    Path exportDirectory;

    @Test
    void checkpointsAreSealedAndTimeStampedSoThatOpenSslAcceptsThemAndRefusesAnEditedOne() throws Exception {
        publishedSession();
        JsonNode latest = awaitCheckpoint(1);
        long treeSize = latest.get("treeSize").asLong();
        byte[] statement = checkpointPart(treeSize, "statement.json");
        byte[] seal = checkpointPart(treeSize, "seal.p7s");
        byte[] timeStamp = checkpointPart(treeSize, "timestamp.tst");
        assertThat(new String(statement, StandardCharsets.UTF_8)).contains("\"treeSize\":" + treeSize).contains(latest.get("rootHash").asText());

        String ca = trustAnchorsPem();
        assertThat(IndependentVerifiers.openssl(statement, seal, ca).exitCode()).isZero();
        assertThat(IndependentVerifiers.opensslTimeStamp(statement, timeStamp, ca).output()).contains("Verification: OK");
        byte[] edited = new String(statement, StandardCharsets.UTF_8).replace("\"treeSize\":" + treeSize, "\"treeSize\":" + (treeSize + 1))
                .getBytes(StandardCharsets.UTF_8);
        assertThat(IndependentVerifiers.openssl(edited, seal, ca).exitCode()).isNotZero();
        assertThat(IndependentVerifiers.opensslTimeStamp(edited, timeStamp, ca).output()).doesNotContain("Verification: OK");
    }

    @Test
    void theRunningStoreVerifiesAgainstItsChainsLedgerAndCheckpoints() {
        publishedSession();
        awaitCheckpoint(1);
        JsonNode report = as(AUDITOR).get().uri("/api/audit/integrity").exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(report.get("intact").asBoolean()).as(report.toString()).isTrue();
        assertThat(report.get("checkpointsVerified").asInt()).isPositive();
        assertThat(report.get("checkpointsExported").asInt()).isPositive();
        assertThat(report.at("/chains/events").asLong()).isGreaterThan(5);
    }

    @Test
    void anEventsInclusionProofChecksOfflineWithTheTrustAnchors() throws Exception {
        String sessionId = publishedSession()[0];
        JsonNode history = as(AUDITOR).get().uri("/api/audit/aggregates/{id}/history", sessionId).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        long global = history.get(3).get("global").asLong();

        // 409 until the ledger has folded the event: an earlier index may still be waiting for its writer.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> as(AUDITOR).get()
                .uri("/api/audit/events/{g}/proof", global).exchange().returnResult(byte[].class).getStatus().value() != 409);
        byte[] file = as(AUDITOR).get().uri("/api/audit/events/{g}/proof", global).exchange().expectStatus().isOk()
                .expectHeader().valueMatches("Content-Disposition", ".*event-" + global + "-proof.json.*")
                .expectBody(byte[].class).returnResult().getResponseBody();
        InclusionProof proof = new ObjectMapper().findAndRegisterModules().readValue(file, InclusionProof.class);
        List<X509Certificate> anchors = List.of((X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(trustAnchorsPem().getBytes(StandardCharsets.US_ASCII))));

        List<ProofCheck.Step> steps = ProofCheck.check(proof, anchors);
        assertThat(steps).as(steps.toString()).extracting(ProofCheck.Step::holds).containsExactly(true, true, true, true);
        assertThat(proof.event().aggregateId()).isEqualTo(sessionId);

        InclusionProof forged = new InclusionProof(proof.format(), proof.event(), proof.leafIndex(), proof.treeSize(), proof.auditPath(),
                proof.statement().replace("\"treeSize\":" + proof.treeSize(), "\"treeSize\":" + proof.treeSize()), proof.seal(), proof.timeStamp());
        assertThat(ProofCheck.check(forged, anchors)).allMatch(ProofCheck.Step::holds);
        assertThat(ProofCheck.check(forged, List.of())).extracting(ProofCheck.Step::holds).containsExactly(true, true, false, false);

        as(AUDITOR).get().uri("/api/audit/events/{g}/proof", 99_999_999).exchange().expectStatus().isNotFound();

        Path dir = Files.createTempDirectory("proof-");
        Path ca = Files.writeString(dir.resolve("ca.pem"), trustAnchorsPem());
        Path proofFile = Files.write(dir.resolve("proof.json"), file);
        assertThat(AuditCommandLine.verifyProof(proofFile, ca)).isTrue();
        Files.writeString(proofFile, Files.readString(proofFile).replace("\"sequence\":3", "\"sequence\":4"));
        assertThat(AuditCommandLine.verifyProof(proofFile, ca)).isFalse();
        assertThat(AuditCommandLine.verifyCheckpoints(exportDirectory, ca)).isTrue();
    }

    @Test
    void aSignedExportOfAHistoryVerifiesWithOpenSslAndAnEditedOneFails() throws Exception {
        String sessionId = publishedSession()[0];
        byte[] zip = as(AUDITOR).get().uri("/api/audit/aggregates/{id}/export", sessionId).exchange().expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody();
        Path dir = IndependentVerifiers.unzip(zip);
        var verified = IndependentVerifiers.run(dir, List.of("sh", "verify.sh"));
        assertThat(verified.exitCode()).as(verified.output()).isZero();
        Path history = dir.resolve("history-" + sessionId + ".json");
        JsonNode events = new ObjectMapper().readTree(history.toFile());
        assertThat(events.findValuesAsText("type")).startsWith("SessionScheduled", "AgendaItemAdded");
        assertThat(events.get(0).get("userId").asText()).isEqualTo(SECRETARIAT);

        Files.writeString(history, Files.readString(history).replace(SECRETARIAT, "someone-else"));
        var tampered = IndependentVerifiers.run(dir, List.of("sh", "verify.sh"));
        assertThat(tampered.exitCode()).isNotZero();
        assertThat(tampered.output()).contains("FAIL history-" + sessionId);
    }

    @Test
    void theTimelineFiltersByTimeUserAggregateTypeAndEventType() {
        Instant before = Instant.now();
        String sessionId = publishedSession()[0];
        post(MEMBER, "/api/sessions/" + sessionId + "/check-in", null, 204);

        List<JsonNode> checkIns = timeline("from=" + before + "&userId=" + MEMBER + "&eventType=MemberCheckedIn");
        assertThat(checkIns).extracting(e -> e.get("aggregateId").asText()).containsExactly(sessionId);
        assertThat(checkIns.get(0).get("remoteAddress").asText()).isNotBlank();

        List<JsonNode> sessionEvents = timeline("from=" + before + "&aggregateType=CabinetSession&aggregateId=" + sessionId);
        assertThat(sessionEvents).extracting(e -> e.get("type").asText())
                .containsExactly("SessionScheduled", "AgendaItemAdded", "AgendaItemAdded", "SessionPublished", "MemberCheckedIn");
        assertThat(sessionEvents).extracting(e -> e.get("global").asLong()).isSorted();
        assertThat(timeline("to=" + before + "&aggregateId=" + sessionId)).isEmpty();
        assertThat(timeline("aggregateType=OpinionBallot&aggregateId=" + sessionId)).isEmpty();

        long second = sessionEvents.get(1).get("global").asLong();
        assertThat(timeline("aggregateId=" + sessionId + "&after=" + second + "&limit=2")).extracting(e -> e.get("type").asText())
                .containsExactly("AgendaItemAdded", "SessionPublished");
        as(AUDITOR).get().uri("/api/audit/timeline?limit=0").exchange().expectStatus().isBadRequest();
        as(AUDITOR).get().uri("/api/audit/timeline?from=yesterday").exchange().expectStatus().isBadRequest();
    }

    @Test
    void onlyAuditorsAndAdminsReachTheLedger() {
        for (String user : List.of(MEMBER, CHAIR, SECRETARIAT, CLERK)) {
            for (String uri : List.of("/api/audit/ledger/checkpoints", "/api/audit/timeline", "/api/audit/events/0/proof",
                    "/api/audit/aggregates/x/export", "/api/audit/ledger/checkpoints/1/seal.p7s")) {
                as(user).get().uri(uri).exchange().expectStatus().isForbidden();
            }
        }
        as(ADMIN).get().uri("/api/audit/ledger/checkpoints").exchange().expectStatus().isOk();
        web.get().uri("/api/audit/ledger/checkpoints").exchange().expectStatus().isUnauthorized();
    }

    private List<JsonNode> timeline(String query) {
        JsonNode page = as(AUDITOR).get().uri("/api/audit/timeline?" + query).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        return StreamSupport.stream(page.spliterator(), false).toList();
    }

    private JsonNode awaitCheckpoint(long minimumSize) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> {
            JsonNode all = as(AUDITOR).get().uri("/api/audit/ledger/checkpoints").exchange().expectStatus().isOk()
                    .expectBody(JsonNode.class).returnResult().getResponseBody();
            return all.isEmpty() ? null : all.get(all.size() - 1);
        }, c -> c != null && c.get("treeSize").asLong() >= minimumSize);
    }

    private byte[] checkpointPart(long treeSize, String part) {
        return as(AUDITOR).get().uri("/api/audit/ledger/checkpoints/{n}/{part}", treeSize, part).exchange().expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody();
    }
}
