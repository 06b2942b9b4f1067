package org.ecabinet.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The backend running for real on a random port, on an embedded store in a temporary directory, with
 * the demo directory seeded. All API tests share this one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@org.junit.jupiter.api.extension.ExtendWith(ThreadDumpOnTimeout.class)
public abstract class ApiTest {

    public static final String PASSWORD = "Demo@2026";
    public static final String MEMBER = "member05";
    public static final String CHAIR = "thutuong";
    public static final String SECRETARIAT = "secretariat";
    public static final String CLERK = "clerk.g12";
    public static final String AUDITOR = "auditor";
    public static final String ADMIN = "admin";
    /** The key a trusted proxy (our frontend) shows with its forwarding header; tests play that proxy from the loopback. */
    public static final String PROXY_KEY = "test-proxy-key-0123456789";

    private static final Path DATA;
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    static {
        try {
            DATA = Files.createTempDirectory("ecabinet-test-");
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("cabinet.mongodb.data-directory", DATA::toString);
        registry.add("cabinet.mongodb.uri", () -> "");
        registry.add("cabinet.secrets.key-file", () -> DATA.resolve("keys").resolve("master.key").toString());
        registry.add("cabinet.proxies.trusted", () -> "127.0.0.1,::1");
        registry.add("cabinet.proxies.key", () -> PROXY_KEY);
        registry.add("axon.eventhandling.processors.replay-probe.mode", () -> "tracking");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> TestMail.SMTP.getSmtp().getPort());
        // A reminder ten seconds before the deadline lets a test see one without waiting hours.
        registry.add("cabinet.ballots.reminders", () -> "PT24H,PT2H,PT10S");
        registry.add("cabinet.ledger.checkpoint-interval", () -> "PT1S");
        registry.add("cabinet.ledger.fold-interval", () -> "PT0.2S");
        // Tests refuse concurrent writers on purpose; each leaves an unused index the ledger waits out.
        registry.add("cabinet.ledger.gap-timeout", () -> "PT5S");
        registry.add("cabinet.snapshots.session", () -> "10");
        registry.add("cabinet.snapshots.ballot", () -> "3");
        registry.add("cabinet.ledger.export-directory", () -> DATA.resolve("ledger-export").toString());
    }

    @Autowired
    protected WebTestClient web;

    /** The data directory of this run's store, and the master key file beside it. */
    protected static Path dataDirectory() {
        return DATA;
    }

    protected WebTestClient as(String user) {
        String token = TOKENS.computeIfAbsent(user, this::login);
        return web.mutate().defaultHeader("Authorization", "Bearer " + token).responseTimeout(Duration.ofSeconds(30)).build();
    }

    private String login(String user) {
        return tokenAnswer(user, PASSWORD).get("token").asText();
    }

    /** Signs in with this password; later requests {@link #as} this user carry the token it gave. */
    protected JsonNode signIn(String user, String password) {
        JsonNode answer = tokenAnswer(user, password);
        TOKENS.put(user, answer.get("token").asText());
        return answer;
    }

    private JsonNode tokenAnswer(String user, String password) {
        return web.post().uri("/api/auth/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", user, "password", password))
                .exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    /** All 27 cabinet members, in protocol order. */
    protected static List<String> members() {
        return java.util.stream.IntStream.rangeClosed(1, 27)
                .mapToObj(i -> i == 1 ? CHAIR : "member%02d".formatted(i)).toList();
    }

    protected String scheduleSession(String title) {
        JsonNode created = as(SECRETARIAT).post().uri("/api/sessions").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("title", title, "kind", "REGULAR", "startsAt", Instant.now().plusSeconds(86400).toString(),
                        "location", "Hà Nội", "online", false))
                .exchange().expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        return created.get("id").asText();
    }

    protected String addItem(String sessionId, String title) {
        return as(SECRETARIAT).post().uri("/api/sessions/{id}/agenda", sessionId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("title", title, "presentingAgency", "Bộ Tài chính"))
                .exchange().expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asText();
    }

    protected void post(String user, String uri, Object body, int expectedStatus) {
        var request = as(user).post().uri(uri);
        (body == null ? request : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body))
                .exchange().expectStatus().isEqualTo(expectedStatus);
    }

    protected void put(String user, String uri, Object body, int expectedStatus) {
        as(user).put().uri(uri).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isEqualTo(expectedStatus);
    }

    /** A published session with two agenda items; returns {sessionId, itemId, itemId2}. */
    protected String[] publishedSession() {
        String sessionId = scheduleSession("Phiên họp kiểm thử " + System.nanoTime());
        String item = addItem(sessionId, "Báo cáo kinh tế - xã hội");
        String item2 = addItem(sessionId, "Dự thảo Nghị định");
        post(SECRETARIAT, "/api/sessions/" + sessionId + "/publish", null, 204);
        awaitRoom(sessionId, room -> room.get("status").asText().equals("PUBLISHED"));
        return new String[] {sessionId, item, item2};
    }

    protected JsonNode room(String sessionId) {
        return as(SECRETARIAT).get().uri("/api/sessions/{id}", sessionId).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    /** Projections follow the event store asynchronously: wait until the room shows what a test expects. */
    protected JsonNode awaitRoom(String sessionId, Predicate<JsonNode> condition) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> as(SECRETARIAT).get().uri("/api/sessions/{id}", sessionId).exchange()
                        .returnResult(JsonNode.class).getResponseBody().blockFirst(), room -> room != null && room.has("status") && condition.test(room));
    }

    /** The trust anchors (the development CA) as PEM, for the independent verifiers. */
    protected String trustAnchorsPem() {
        return as(MEMBER).get().uri("/api/signing/trust-anchors.pem").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    /** A multipart body with one PDF part named "file". */
    protected static org.springframework.util.MultiValueMap<String, org.springframework.http.HttpEntity<?>> multipart(String name, byte[] bytes) {
        var builder = new org.springframework.http.client.MultipartBodyBuilder();
        builder.part("file", new org.springframework.core.io.ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return name;
            }
        }).contentType(MediaType.APPLICATION_PDF);
        return builder.build();
    }

    protected static <T> ParameterizedTypeReference<List<T>> listOf() {
        return new ParameterizedTypeReference<>() {
        };
    }

    /** Registers a document and waits until the projection shows it (it follows the events asynchronously). */
    protected String register(String clerk, String confidentiality) {
        String id = as(clerk).post().uri("/api/documents").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(document(upload(clerk), confidentiality)).exchange().expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asText();
        awaitDocument(clerk, id, d -> true);
        return id;
    }

    public static Map<String, Object> document(String fileId, String confidentiality) {
        return Map.of("codeNumber", "7816", "codeNotation", "VPCP-TTĐT", "documentType", "Công văn",
                "subject", "V/v triển khai Hệ thống thông tin phục vụ họp và xử lý công việc của Chính phủ", "promulgationPlace", "Hà Nội",
                "promulgationDate", LocalDate.now().toString(), "signer", Map.of("competence", "KT. BỘ TRƯỞNG, CHỦ NHIỆM",
                        "position", "Phó Chủ nhiệm", "fullName", "Nguyễn Văn A (demo)"),
                "urgency", "URGENT", "confidentiality", confidentiality, "fileId", fileId);
    }

    protected String upload(String clerk) {
        byte[] pdf;
        try (var document = new org.ecabinet.platform.pdf.TextPdf("Công văn")) {
            pdf = document.heading("CÔNG VĂN").paragraph("Kính gửi: Bộ Tài chính; UBND thành phố Hà Nội.").toBytes();
        }
        return as(clerk).post().uri("/api/documents/files").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(multipart("cong-van-7816.pdf", pdf)))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody().get("fileId").asText();
    }


    protected JsonNode awaitDocument(String user, String id, Predicate<JsonNode> condition) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() -> {
            var result = as(user).get().uri("/api/documents/{id}", id).exchange().returnResult(JsonNode.class);
            return result.getStatus().is2xxSuccessful() ? result.getResponseBody().blockFirst() : null;
        }, d -> d != null && condition.test(d));
    }
}
