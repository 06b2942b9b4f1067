package org.ecabinet.ballot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.ecabinet.support.ApiTest;
import org.ecabinet.support.IndependentVerifiers;
import org.ecabinet.support.TestMail;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.BodyInserters;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.mail.internet.MimeMessage;
import reactor.test.StepVerifier;

/** The whole ballot lifecycle over HTTP with real signatures, checked by OpenSSL and pdfsig. */
class BallotApiTest extends ApiTest {

    static final String PIN = "123456";
    static final List<Map<String, Object>> AGREE_BOTH = List.of(answer("q1", "AGREE", null), answer("q2", "AGREE", null));

    @Test
    void membersAnswerWithSignaturesTheBallotClosesAndTheSignedResultVerifies() throws Exception {
        List<String> eligible = List.of(CHAIR, MEMBER, "member06");
        String ballotId = issue(Instant.now().plus(Duration.ofDays(2)), eligible);

        answer(MEMBER, ballotId, List.of(answer("q1", "DISAGREE", "Cần bổ sung đánh giá tác động"), answer("q2", "AGREE", null)), 204);
        answer(MEMBER, ballotId, AGREE_BOTH, 204); // amended: the latest counts
        answer("member06", ballotId, List.of(answer("q1", "OTHER_OPINION", "Đề nghị lùi thời điểm hiệu lực"), answer("q2", "AGREE", null)), 204);

        JsonNode forSecretariat = awaitBallot(SECRETARIAT, ballotId, b -> b.get("answers").size() == 2);
        assertThat(forSecretariat.at("/results/0/agree").asInt()).isEqualTo(1);
        assertThat(forSecretariat.at("/results/0/otherOpinion").asInt()).isEqualTo(1);
        assertThat(forSecretariat.at("/results/0/notAnswered").asInt()).isEqualTo(1);
        JsonNode mine = ballot(MEMBER, ballotId);
        assertThat(mine.get("answers")).as("a member sees only their own answer while open").hasSize(1);
        assertThat(mine.at("/answers/0/memberId").asText()).isEqualTo(MEMBER);
        assertThat(mine.at("/answers/0/version").asInt()).isEqualTo(2);
        assertThat(mine.get("results")).isEmpty();
        assertThat(summary(MEMBER, ballotId).get("awaitingMyAnswer").asBoolean()).isFalse();
        assertThat(summary(CHAIR, ballotId).get("awaitingMyAnswer").asBoolean()).as("in the chair's work list").isTrue();

        answer(CHAIR, ballotId, AGREE_BOTH, 204);
        JsonNode closed = awaitBallot(SECRETARIAT, ballotId, b -> b.get("status").asText().equals("CLOSED"));
        assertThat(closed.get("closeReason").asText()).isEqualTo("ALL_ANSWERED");
        assertThat(closed.at("/results/0/passed").asBoolean()).as("2 of 3 agree").isTrue();
        assertThat(closed.at("/results/1/agree").asInt()).isEqualTo(3);
        assertThat(ballot(MEMBER, ballotId).get("answers")).as("everyone's answers after the close").hasSize(3);
        answer(MEMBER, ballotId, AGREE_BOTH, 409);

        JsonNode report = as(SECRETARIAT).post().uri("/api/ballots/" + ballotId + "/result").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("pin", PIN)).exchange().expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(report.get("signedBy").asText()).isEqualTo(SECRETARIAT);
        awaitBallot(MEMBER, ballotId, b -> !b.get("report").isNull());
        byte[] pdf = as(MEMBER).get().uri("/api/ballots/" + ballotId + "/result.pdf").exchange().expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody();
        var pdfsig = IndependentVerifiers.pdfsig(pdf, trustAnchorsPem());
        assertThat(pdfsig.output()).contains("Signature is Valid.").contains("Certificate is Trusted.");
        try (var document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("BÁO CÁO KẾT QUẢ LẤY Ý KIẾN").contains("Đề nghị lùi thời điểm hiệu lực").contains("THÔNG QUA");
        }
        as(SECRETARIAT).post().uri("/api/ballots/" + ballotId + "/result").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("pin", PIN)).exchange().expectStatus().isEqualTo(409);

        Path bundle = bundleVerifiedByOpenSsl(ballotId, 4);
        Path first = Files.list(bundle.resolve("answers/" + MEMBER)).filter(p -> p.toString().endsWith("v1.json")).findFirst().orElseThrow();
        Files.writeString(first, Files.readString(first).replace("DISAGREE", "AGREE"));
        var tampered = IndependentVerifiers.run(bundle, List.of("sh", "verify.sh"));
        assertThat(tampered.exitCode()).isNotZero();
        assertThat(tampered.output()).contains("FAIL answers/" + MEMBER + "/v1");
    }

    @Test
    void theDemoBallotWaitsForMember05WithThreeAnswersSignedByTheirMembers() throws Exception {
        JsonNode demo = await().atMost(Duration.ofSeconds(30)).until(() -> StreamSupport.stream(as(MEMBER).get().uri("/api/ballots")
                        .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody().spliterator(), false)
                .filter(b -> b.get("subject").asText().startsWith("[DEMO]") && b.get("answered").asInt() == 3).findFirst().orElse(null),
                java.util.Objects::nonNull);
        assertThat(demo.get("status").asText()).isEqualTo("OPEN");
        assertThat(demo.get("awaitingMyAnswer").asBoolean()).isTrue();
        bundleVerifiedByOpenSsl(demo.get("ballotId").asText(), 3);
    }

    /** The ballot's answer bundle, unpacked, after its own script (OpenSSL) verified every signature in it. */
    private Path bundleVerifiedByOpenSsl(String ballotId, int expectedSignatures) throws Exception {
        byte[] zip = as(AUDITOR).get().uri("/api/ballots/" + ballotId + "/answers.zip").exchange().expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody();
        Path dir = IndependentVerifiers.unzip(zip);
        var verified = IndependentVerifiers.run(dir, List.of("sh", "verify.sh"));
        assertThat(verified.exitCode()).as(verified.output()).isZero();
        assertThat(verified.output().lines().filter(l -> l.startsWith("OK "))).hasSize(expectedSignatures);
        return dir;
    }

    @Test
    void aBallotCanBeSeenAsItWasAtAnyPointFromItsEvents() {
        String ballotId = issue(Instant.now().plus(Duration.ofDays(2)), List.of(CHAIR, MEMBER, "member06"));
        answer(MEMBER, ballotId, List.of(answer("q1", "DISAGREE", "Chưa đồng ý"), answer("q2", "AGREE", null)), 204);
        Instant afterFirstAnswer = Instant.now();
        answer(MEMBER, ballotId, AGREE_BOTH, 204);
        answer("member06", ballotId, AGREE_BOTH, 204);

        JsonNode issued = asOf(SECRETARIAT, ballotId, "sequence=0", 200);
        assertThat(issued.get("status").asText()).isEqualTo("OPEN");
        assertThat(issued.get("answers")).isEmpty();
        JsonNode first = asOf(SECRETARIAT, ballotId, "at=" + afterFirstAnswer, 200);
        assertThat(first.at("/answers/0/version").asInt()).isEqualTo(1);
        assertThat(first.at("/results/0/disagree").asInt()).isEqualTo(1);
        JsonNode later = asOf(SECRETARIAT, ballotId, "sequence=3", 200);
        assertThat(later.get("answers")).hasSize(2);
        assertThat(later.at("/results/0/agree").asInt()).isEqualTo(2);
        assertThat(asOf(MEMBER, ballotId, "sequence=3", 200).get("answers")).as("a member still sees only their own answer").hasSize(1);
        asOf("member07", ballotId, "sequence=0", 403);
        asOf(SECRETARIAT, ballotId, "at=2000-01-01T00:00:00Z", 404);
        asOf(SECRETARIAT, ballotId, "sequence=1&global=3", 400);
    }

    private JsonNode asOf(String user, String ballotId, String query, int status) {
        return as(user).get().uri("/api/ballots/" + ballotId + "/as-of?" + query).exchange()
                .expectStatus().isEqualTo(status).expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    @Test
    void anAnswerIsAcceptedOnlyWithTheMembersOwnSignatureOverExactlyThoseAnswers() {
        String ballotId = issue(Instant.now().plus(Duration.ofDays(2)), List.of(MEMBER, "member06", "member07"));
        // Signed "agree", submitted "disagree": the signature no longer matches.
        String agreeSignature = sign(MEMBER, contentToSign(MEMBER, ballotId, AGREE_BOTH));
        List<Map<String, Object>> disagree = List.of(answer("q1", "DISAGREE", "Không"), answer("q2", "AGREE", null));
        submit(MEMBER, ballotId, disagree, agreeSignature).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("HASH_FAILURE"));
        // member06 signs content that names member05: valid signature, wrong certificate owner.
        String hersOverHis = sign("member06", contentToSign(MEMBER, ballotId, AGREE_BOTH));
        submit(MEMBER, ballotId, AGREE_BOTH, hersOverHis).expectStatus().isForbidden();
        submit(MEMBER, ballotId, AGREE_BOTH, "bm90IGEgc2lnbmF0dXJl").expectStatus().isEqualTo(409);
        // No comment on a disagreement.
        String noComment = sign(MEMBER, contentToSign(MEMBER, ballotId, List.of(answer("q1", "DISAGREE", null), answer("q2", "AGREE", null))));
        submit(MEMBER, ballotId, List.of(answer("q1", "DISAGREE", null), answer("q2", "AGREE", null)), noComment).expectStatus().isEqualTo(409);
        assertThat(ballot(SECRETARIAT, ballotId).get("answers")).as("nothing was recorded").isEmpty();
    }

    @Test
    void rolesAndEligibilityAreEnforced() {
        String ballotId = issue(Instant.now().plus(Duration.ofDays(2)), List.of(MEMBER, "member06"));
        Map<String, Object> newBallot = Map.of("subject", "x", "draftIds", List.of(), "questions", List.of("?"),
                "deadline", Instant.now().plus(Duration.ofDays(1)).toString());
        for (String user : List.of(MEMBER, CHAIR, CLERK, AUDITOR, ADMIN)) {
            post(user, "/api/ballots", newBallot, 403);
            post(user, "/api/ballots/" + ballotId + "/close", null, 403);
            post(user, "/api/ballots/" + ballotId + "/withdraw", Map.of("reason", "x"), 403);
            post(user, "/api/ballots/" + ballotId + "/extend", Map.of("deadline", Instant.now().plus(Duration.ofDays(9)).toString(), "reason", "x"), 403);
        }
        for (String reader : List.of(CLERK, ADMIN, "member09")) {
            as(reader).get().uri("/api/ballots/" + ballotId).exchange().expectStatus().isForbidden();
            as(reader).get().uri("/api/ballots/" + ballotId + "/answers.zip").exchange().expectStatus().isForbidden();
        }
        assertThat(listed(CLERK)).doesNotContain(ballotId);
        assertThat(listed(AUDITOR)).contains(ballotId);
        as(AUDITOR).get().uri("/api/ballots/" + ballotId).exchange().expectStatus().isOk();
        as(MEMBER).get().uri("/api/ballots/" + ballotId + "/answers.zip").exchange().expectStatus().isForbidden();
        // An auditor holds no member role: no answering; a member outside the list: not eligible.
        submit(AUDITOR, ballotId, AGREE_BOTH, "eA==").expectStatus().isForbidden();
        submit("member09", ballotId, AGREE_BOTH, sign("member09", "x")).expectStatus().isForbidden();
        web.get().uri("/api/ballots/" + ballotId).exchange().expectStatus().isUnauthorized();
        as(MEMBER).get().uri("/api/ballots/no-such-ballot").exchange().expectStatus().isNotFound();
    }

    @Test
    void badRequestsAreFieldErrorsAndChangeNothing() {
        int before = listed(SECRETARIAT).size();
        as(SECRETARIAT).post().uri("/api/ballots").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("subject", "", "draftIds", List.of(), "questions", List.of(), "deadline", "2020-01-01T00:00:00Z"))
                .exchange().expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[?(@.field=='subject')]").exists()
                .jsonPath("$.errors[?(@.field=='questions')]").exists()
                .jsonPath("$.errors[?(@.field=='deadline')]").exists();
        as(SECRETARIAT).post().uri("/api/ballots").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("subject", "x", "draftIds", List.of("0123456789abcdef01234567"), "questions", List.of("?"),
                        "deadline", Instant.now().plusSeconds(3600).toString()))
                .exchange().expectStatus().isBadRequest();
        as(SECRETARIAT).post().uri("/api/ballots").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("subject", "x", "draftIds", List.of(), "questions", List.of("?"), "eligibleMembers", List.of(CLERK),
                        "deadline", Instant.now().plusSeconds(3600).toString()))
                .exchange().expectStatus().isBadRequest();
        as(SECRETARIAT).post().uri("/api/ballots").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"subject\": 5}")
                .exchange().expectStatus().isBadRequest();
        assertThat(listed(SECRETARIAT)).hasSize(before);
        as(SECRETARIAT).post().uri("/api/ballots/drafts").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(multipart("not-a-pdf.pdf", "hello".getBytes())))
                .exchange().expectStatus().isBadRequest();
    }

    @Test
    void theDeadlineClosesTheBallotAndALateAnswerIsRefused() {
        String ballotId = issue(Instant.now().plusSeconds(4), List.of(MEMBER, "member06"));
        String signature = sign(MEMBER, contentToSign(MEMBER, ballotId, AGREE_BOTH));
        JsonNode closed = await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(500))
                .until(() -> ballot(SECRETARIAT, ballotId), b -> b.get("status").asText().equals("CLOSED"));
        assertThat(closed.get("closeReason").asText()).isEqualTo("DEADLINE");
        assertThat(closed.at("/results/0/notAnswered").asInt()).isEqualTo(2);
        submit(MEMBER, ballotId, AGREE_BOTH, signature).expectStatus().isEqualTo(409);
    }

    @Test
    void extendingWithdrawingAndClosingFollowTheRules() {
        String ballotId = issue(Instant.now().plus(Duration.ofDays(2)), List.of(MEMBER, "member06"));
        post(SECRETARIAT, "/api/ballots/" + ballotId + "/extend", Map.of("deadline", Instant.now().plus(Duration.ofDays(1)).toString(), "reason", "x"), 409);
        Instant later = Instant.now().plus(Duration.ofDays(5)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        post(SECRETARIAT, "/api/ballots/" + ballotId + "/extend", Map.of("deadline", later.toString(), "reason", "Chờ ý kiến Bộ Tư pháp"), 204);
        awaitBallot(SECRETARIAT, ballotId, b -> Instant.parse(b.get("deadline").asText()).equals(later));
        post(SECRETARIAT, "/api/ballots/" + ballotId + "/withdraw", Map.of("reason", "Rút để chỉnh sửa"), 204);
        post(SECRETARIAT, "/api/ballots/" + ballotId + "/close", null, 409);
        awaitBallot(SECRETARIAT, ballotId, b -> b.get("status").asText().equals("WITHDRAWN"));
        answer(MEMBER, ballotId, AGREE_BOTH, 409);

        String other = issue(Instant.now().plus(Duration.ofDays(2)), List.of(MEMBER, "member06"));
        post(SECRETARIAT, "/api/ballots/" + other + "/close", null, 204);
        post(SECRETARIAT, "/api/ballots/" + other + "/close", null, 409);
        assertThat(awaitBallot(SECRETARIAT, other, b -> b.get("status").asText().equals("CLOSED")).get("closeReason").asText()).isEqualTo("SECRETARIAT");
    }

    @Test
    void theSecretariatSeesTheTallyMoveLive() {
        String ballotId = issue(Instant.now().plus(Duration.ofDays(2)), List.of(MEMBER, "member06", "member07"));
        var stream = as(SECRETARIAT).get().uri("/api/ballots/" + ballotId + "/stream").accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isOk().returnResult(new org.springframework.core.ParameterizedTypeReference<ServerSentEvent<JsonNode>>() { })
                .getResponseBody().filter(e -> e.data() != null).map(ServerSentEvent::data);
        StepVerifier.create(stream)
                .assertNext(first -> assertThat(first.at("/results/0/agree").asInt()).isZero())
                .then(() -> answer(MEMBER, ballotId, AGREE_BOTH, 204))
                .expectNextMatches(update -> update.at("/results/0/agree").asInt() == 1)
                .thenCancel()
                .verify(Duration.ofSeconds(30));
    }

    @Test
    void everyMembersStreamShowsTheirOwnAnswerAndNobodyElsesWhenAnotherAnswers() {
        List<String> watchers = List.of(MEMBER, "member06", "member07");
        // member09 never answers, so the ballot stays open (members see others' answers only after the close).
        String ballotId = issue(Instant.now().plus(Duration.ofDays(2)), List.of(MEMBER, "member06", "member07", "member08", "member09"));
        watchers.forEach(member -> answer(member, ballotId, AGREE_BOTH, 204));
        Map<String, java.util.concurrent.BlockingQueue<JsonNode>> seen = new java.util.HashMap<>();
        List<reactor.core.Disposable> subscriptions = new java.util.ArrayList<>();
        for (String member : watchers) {
            var queue = new java.util.concurrent.LinkedBlockingQueue<JsonNode>();
            seen.put(member, queue);
            subscriptions.add(as(member).get().uri("/api/ballots/" + ballotId + "/stream").accept(MediaType.TEXT_EVENT_STREAM).exchange()
                    .returnResult(new org.springframework.core.ParameterizedTypeReference<ServerSentEvent<JsonNode>>() { })
                    .getResponseBody().filter(e -> e.data() != null).map(ServerSentEvent::data).subscribe(queue::add));
        }
        try {
            Map<String, Long> before = new java.util.HashMap<>();
            for (String member : watchers) {
                before.put(member, await().atMost(Duration.ofSeconds(10)).until(() -> seen.get(member).poll(), java.util.Objects::nonNull)
                        .get("version").asLong());
            }
            answer("member08", ballotId, AGREE_BOTH, 204);
            for (String member : watchers) {
                JsonNode update = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                        .until(() -> seen.get(member).poll(), view -> view != null && view.get("version").asLong() > before.get(member));
                assertThat(update.get("answers")).as("%s sees exactly their own answer", member).hasSize(1);
                assertThat(update.at("/answers/0/memberId").asText()).isEqualTo(member);
                assertThat(update.get("results")).isEmpty();
            }
        } finally {
            subscriptions.forEach(reactor.core.Disposable::dispose);
        }
    }

    @Test
    void membersAreMailedTheNewBallotAndOnlyThoseWhoHaveNotAnsweredAreReminded() throws Exception {
        List<String> eligible = List.of("member10", "member11", "member12");
        String ballotId = issue(Instant.now().plusSeconds(16), eligible);
        await().atMost(Duration.ofSeconds(20)).until(() -> mailsTo("member11@ecabinet.example", ballotId, "mới") == 1);
        answer("member10", ballotId, AGREE_BOTH, 204);
        await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo("member11@ecabinet.example", ballotId, "Nhắc") == 1
                && mailsTo("member12@ecabinet.example", ballotId, "Nhắc") == 1);
        assertThat(mailsTo("member10@ecabinet.example", ballotId, "Nhắc")).as("no reminder to a member who answered").isZero();
        assertThat(mailsTo("member10@ecabinet.example", ballotId, "mới")).isEqualTo(1);
        assertThat(ballot(SECRETARIAT, ballotId).get("remindersSent").toString()).contains("PT10S");
    }

    private static long mailsTo(String address, String ballotId, String subjectPart) throws Exception {
        long count = 0;
        for (MimeMessage message : TestMail.SMTP.getReceivedMessages()) {
            String to = message.getAllRecipients()[0].toString();
            if (to.equals(address) && message.getSubject().contains(subjectPart) && String.valueOf(message.getContent()).contains(ballotId)) {
                count++;
            }
        }
        return count;
    }

    // --- helpers -------------------------------------------------------------------------------------

    static Map<String, Object> answer(String questionId, String choice, String comment) {
        Map<String, Object> answer = new java.util.HashMap<>();
        answer.put("questionId", questionId);
        answer.put("choice", choice);
        answer.put("comment", comment);
        return answer;
    }

    String issue(Instant deadline, List<String> eligible) {
        var draft = as(SECRETARIAT).post().uri("/api/ballots/drafts").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(multipart("du-thao-nghi-dinh.pdf", draftPdf())))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        Map<String, Object> body = Map.of("subject", "Dự thảo Nghị định về Chính phủ số", "draftIds", List.of(draft.get("documentId").asText()),
                "questions", List.of("Thông qua dự thảo Nghị định?", "Giao Bộ Tư pháp thẩm định?"),
                "eligibleMembers", eligible, "deadline", deadline.toString());
        String ballotId = as(SECRETARIAT).post().uri("/api/ballots").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asText();
        awaitBallot(SECRETARIAT, ballotId, b -> true);
        return ballotId;
    }

    static byte[] draftPdf() {
        try (var pdf = new org.ecabinet.platform.pdf.TextPdf("Dự thảo")) {
            return pdf.heading("DỰ THẢO NGHỊ ĐỊNH").paragraph("Điều 1. Phạm vi điều chỉnh").toBytes();
        }
    }

    String contentToSign(String member, String ballotId, List<Map<String, Object>> answers) {
        return as(member).post().uri("/api/ballots/" + ballotId + "/answers/content-to-sign").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("answers", answers)).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("content").asText();
    }

    String sign(String user, String base64Content) {
        return as(user).post().uri("/api/signing/cms").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("content", base64Content.equals("x") ? "eA==" : base64Content, "pin", PIN)).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody().get("signature").asText();
    }

    void answer(String member, String ballotId, List<Map<String, Object>> answers, int expectedStatus) {
        String signature = sign(member, contentToSign(member, ballotId, answers));
        submit(member, ballotId, answers, signature).expectStatus().isEqualTo(expectedStatus);
    }

    org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec submit(String member, String ballotId,
                                                                                     List<Map<String, Object>> answers, String signature) {
        return as(member).put().uri("/api/ballots/" + ballotId + "/answers/mine").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("answers", answers, "signature", signature)).exchange();
    }

    JsonNode ballot(String user, String ballotId) {
        return as(user).get().uri("/api/ballots/" + ballotId).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    JsonNode awaitBallot(String user, String ballotId, Predicate<JsonNode> condition) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
            var response = as(user).get().uri("/api/ballots/" + ballotId).exchange().returnResult(JsonNode.class);
            return response.getStatus().is2xxSuccessful() ? response.getResponseBody().blockFirst() : null;
        }, b -> b != null && condition.test(b));
    }

    JsonNode summary(String user, String ballotId) {
        JsonNode list = as(user).get().uri("/api/ballots").exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        for (JsonNode line : list) {
            if (line.get("ballotId").asText().equals(ballotId)) {
                return line;
            }
        }
        throw new AssertionError("not listed for " + user);
    }

    List<String> listed(String user) {
        JsonNode list = as(user).get().uri("/api/ballots").exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        List<String> ids = new ArrayList<>();
        list.forEach(l -> ids.add(l.get("ballotId").asText()));
        return ids;
    }
}
