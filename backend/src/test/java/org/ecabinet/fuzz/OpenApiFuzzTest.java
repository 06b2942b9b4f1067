package org.ecabinet.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.bson.Document;
import org.ecabinet.events.account.Role;
import org.ecabinet.identity.TestUsers;
import org.ecabinet.identity.Users;
import org.ecabinet.platform.storage.StoredEvents;
import org.ecabinet.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoDatabase;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Every operation of the OpenAPI document, sent bad paths, parameters, headers and bodies generated from
 * its schemas (wrong types, control characters, overlong text, keys twice, broken JSON and multipart, other
 * media types), by users of every role and by nobody: no answer is a 5xx, every error is problem+json with a
 * machine code, and a refused request stores nothing (no event of the fuzzing users, no file of theirs).
 */
class OpenApiFuzzTest extends ApiTest {

    private static final int CASES_PER_OPERATION = Integer.getInteger("fuzz.cases", 14);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> FUZZERS = List.of("fuzz.admin", "fuzz.secretariat", "fuzz.clerk", "fuzz.auditor", "member21");

    @LocalServerPort
    int port;
    @Autowired
    Users users;
    @Autowired
    MongoDatabase database;
    @Autowired
    StoredEvents storedEvents;

    private final Random random = new Random(Long.getLong("fuzz.seed", 20261129L));
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> tokens = new TreeMap<>();
    private JsonNode schemas;
    private String previous = "none";
    private Map<String, List<String>> realIds;

    @Test
    void everyOperationAnswersBadInputWithAProblemAndStoresNothing() throws Exception {
        TestUsers.add(users, "fuzz.admin", "Fuzz quản trị", Role.ADMIN, 950);
        TestUsers.add(users, "fuzz.secretariat", "Fuzz VPCP", Role.SECRETARIAT, 951, "000.00.00.G22");
        TestUsers.add(users, "fuzz.clerk", "Fuzz văn thư", Role.AGENCY_CLERK, 952, "000.00.00.G12");
        TestUsers.add(users, "fuzz.auditor", "Fuzz kiểm toán", Role.AUDITOR, 953);
        for (String user : FUZZERS) {
            tokens.put(user, as(user).get().uri("/api/auth/me").exchange().returnResult(String.class).getRequestHeaders()
                    .getFirst("Authorization"));
        }
        String[] session = publishedSession();
        realIds = Map.of("sessionId", List.of(session[0]), "itemId", List.of(session[1], session[2]), "userId", List.of("fuzz.auditor"));

        JsonNode api = JSON.readTree(web.mutate().responseTimeout(Duration.ofSeconds(60)).build().get().uri("/api/docs").exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
        schemas = api.path("components").path("schemas");
        List<String> failures = new ArrayList<>();
        int requests = 0;
        int operations = 0;
        Map<Integer, Integer> byStatus = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = api.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
                Map.Entry<String, JsonNode> operation = methods.next();
                operations++;
                for (int c = 0; c < CASES_PER_OPERATION; c++) {
                    Case sent = generate(path.getKey(), operation.getKey().toUpperCase(), operation.getValue(), c);
                    requests++;
                    String failure = send(sent, byStatus);
                    if (failure != null && failures.size() < 30) {
                        failures.add(failure);
                    }
                }
            }
        }
        System.out.printf("API fuzz: %d operations, %d requests, answers by status %s, %d failures%n", operations, requests, byStatus, failures.size());
        assertThat(operations).as("operations in the OpenAPI document").isGreaterThan(80);
        assertThat(failures).as("requests answered wrongly").isEmpty();
    }

    /** One generated request. */
    record Case(String method, String path, String user, String contentType, byte[] body, Map<String, String> headers, String label) {
    }

    private Case generate(String template, String method, JsonNode operation, int index) {
        String user = random.nextInt(7) == 0 ? null : FUZZERS.get(random.nextInt(FUZZERS.size()));
        StringBuilder path = new StringBuilder();
        for (String part : template.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            path.append('/').append(part.startsWith("{") ? pathValue(part.substring(1, part.length() - 1)) : part);
        }
        List<String> query = new ArrayList<>();
        for (JsonNode parameter : operation.path("parameters")) {
            if ("query".equals(parameter.path("in").asText()) && random.nextBoolean()) {
                query.add(parameter.get("name").asText() + "=" + URLEncoder.encode(scalar(parameter.path("schema")).toString(), StandardCharsets.UTF_8));
            }
        }
        if (!query.isEmpty()) {
            path.append('?').append(String.join("&", query));
        }
        Map<String, String> headers = new TreeMap<>();
        if (random.nextInt(5) == 0) {
            headers.put("Idempotency-Key", Arbitraries.strings().withCharRange((char) 0x21, (char) 0x7e).ofMaxLength(300).sample());
        }
        if (user != null && random.nextInt(12) == 0) {
            headers.put("Authorization", pick(List.of("Bearer ", "Bearer x.y.z", "Basic YWRtaW46RGVtb0AyMDI2", "Bearer eyJhbGciOiJub25lIn0.e30.")));
        }
        JsonNode content = operation.path("requestBody").path("content");
        String contentType = null;
        byte[] body = null;
        String label = "no body";
        if (content.has("multipart/form-data")) {
            contentType = "multipart/form-data; boundary=FUZZ";
            body = multipartBody();
            label = "multipart";
        } else if (content.has("application/json")) {
            contentType = random.nextInt(10) == 0 ? pick(List.of("text/plain", "application/xml", "application/json; charset=latin1")) : "application/json";
            var generated = jsonBody(schemaOf(content.get("application/json").path("schema")));
            body = withoutCabinetAppointments(generated.getValue()).getBytes(StandardCharsets.UTF_8);
            label = generated.getKey();
        } else if (!content.isEmpty()) {
            contentType = content.fieldNames().next();
            body = text().sample().getBytes(StandardCharsets.UTF_8);
            label = "text as " + contentType;
        } else if (random.nextInt(6) == 0 && !method.equals("GET")) {
            contentType = "application/json";
            body = "{\"unexpected\":true}".getBytes(StandardCharsets.UTF_8);
            label = "a body nobody asked for";
        }
        return new Case(method, path.toString(), user, contentType, body, headers, "case " + index + ": " + label);
    }

    /**
     * The shared test context's quorum tests count the cabinet's members: a generated account or role change must not
     * appoint one (or a chair), which a well-formed body to {@code /api/admin} otherwise could.
     */
    static String withoutCabinetAppointments(String json) {
        return json.replace("\"MEMBER\"", "\"AUDITOR\"").replace("\"CHAIR\"", "\"AUDITOR\"");
    }

    private String send(Case sent, Map<Integer, Integer> byStatus) throws Exception {
        long eventsBefore = events();
        long filesBefore = filesOfFuzzers();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + sent.path()))
                .timeout(Duration.ofSeconds(20))
                .method(sent.method(), sent.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(sent.body()));
        if (sent.contentType() != null) {
            request.header("Content-Type", sent.contentType());
        }
        if (sent.user() != null) {
            request.header("Authorization", tokens.get(sent.user()));
        }
        sent.headers().forEach(request::setHeader);
        HttpResponse<java.io.InputStream> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            org.ecabinet.support.ThreadDumpOnTimeout.print(describe(sent));
            return describe(sent) + " → no answer within 20 s; the request before it on the connection pool: " + previous;
        } catch (java.io.IOException e) {
            return describe(sent) + " → connection lost (" + e.getMessage() + "); the request before it on the connection pool: " + previous;
        } finally {
            previous = describe(sent);
        }
        int status = response.statusCode();
        byStatus.merge(status, 1, Integer::sum);
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (type.startsWith("text/event-stream")) {
            response.body().close(); // a live stream of something that exists: its answer is the stream
            return status < 300 ? null : describe(sent) + " → stream with " + status;
        }
        byte[] body;
        try (var in = response.body()) {
            body = in.readAllBytes();
        }
        if (status >= 500) {
            return describe(sent) + " → " + status + " " + new String(body, StandardCharsets.UTF_8);
        }
        if (status >= 400) {
            if (!type.startsWith("application/problem+json")) {
                return describe(sent) + " → " + status + " as '" + type + "': " + new String(body, StandardCharsets.UTF_8);
            }
            JsonNode problem = JSON.readTree(body);
            if (problem.path("code").asText().isEmpty() || problem.path("status").asInt() != status) {
                return describe(sent) + " → a problem without its code or status: " + problem;
            }
            String stored = storedBy(eventsBefore, filesBefore);
            if (stored != null) {
                return describe(sent) + " → refused with " + status + " yet stored " + stored;
            }
        }
        return null;
    }

    /** What a fuzzing user stored since the counts were taken: events of theirs, or files they uploaded. */
    private String storedBy(long eventsBefore, long filesBefore) {
        long eventsNow = events();
        for (long global = eventsBefore; global < eventsNow; global++) {
            Document commit = database.getCollection("event_commits").find(new Document("_id", global)).first();
            if (commit != null) {
                for (Document event : commit.getList("events", Document.class)) {
                    String metaData = event.getString("metaData");
                    if (FUZZERS.stream().anyMatch(user -> metaData != null && metaData.contains("\"userId\":\"" + user + "\""))) {
                        return "event " + event.getString("payloadType");
                    }
                }
            }
        }
        long files = filesOfFuzzers();
        return files > filesBefore ? (files - filesBefore) + " file(s)" : null;
    }

    /** The engine's own head: the embedded store's counter document follows it only a moment later. */
    private long events() {
        return storedEvents.allocated();
    }

    private long filesOfFuzzers() {
        return database.getCollection("papers.files").countDocuments(new Document("metadata.uploadedBy", new Document("$in", FUZZERS)));
    }

    private static String describe(Case sent) {
        String body = sent.body() == null ? "" : new String(sent.body(), 0, Math.min(200, sent.body().length), StandardCharsets.UTF_8);
        return sent.method() + " " + abbreviate(sent.path()) + " as " + sent.user() + " (" + sent.label() + ") " + sent.headers().keySet() + " " + body;
    }

    private static String abbreviate(String text) {
        return text.length() > 160 ? text.substring(0, 160) + "…" : text;
    }

    // --- generators -----------------------------------------------------------------------------------

    private String pathValue(String name) {
        List<String> real = realIds.get(name);
        if (real != null && random.nextInt(3) > 0) {
            return real.get(random.nextInt(real.size()));
        }
        return pick(List.<Supplier<String>>of(
                () -> URLEncoder.encode(text().sample(), StandardCharsets.UTF_8).replace("+", "%20"),
                () -> "0123456789abcdef01234567",
                () -> "-1",
                () -> "99999999999999999999",
                () -> "a%2Fb",
                () -> "..;",
                () -> "%00",
                () -> "x".repeat(3000),
                () -> "%E2%80%AEgnirts",
                () -> java.util.UUID.randomUUID().toString())).get();
    }

    private Map.Entry<String, String> jsonBody(JsonNode schema) {
        return switch (random.nextInt(12)) {
            case 0 -> Map.entry("not JSON", pick(List.of("{", "nul", "{\"a\":}", "]", "\u0000", "{\"a\":1}}")));
            case 1 -> Map.entry("empty", "");
            case 2 -> Map.entry("a key twice", duplicateKey(schema));
            case 3 -> Map.entry("deeply nested", "[".repeat(3000) + "]".repeat(3000));
            case 4 -> Map.entry("another shape", pick(List.of("[]", "42", "\"text\"", "null", "true")));
            default -> Map.entry("mutated from the schema", value(schema, 0).toString());
        };
    }

    private String duplicateKey(JsonNode schema) {
        JsonNode generated = value(schema, 0);
        ObjectNode object = generated instanceof ObjectNode o ? o : NODES.objectNode();
        String key = object.fieldNames().hasNext() ? object.fieldNames().next() : "x";
        String body = object.toString();
        return body.length() <= 2 ? "{\"" + key + "\":1,\"" + key + "\":2}" : "{\"" + key + "\":" + scalar(NODES.objectNode()) + "," + body.substring(1);
    }

    /** A value for the schema, mutated so that something about it is wrong more often than not. */
    private JsonNode value(JsonNode schema, int depth) {
        JsonNode resolved = schemaOf(schema);
        String type = resolved.path("type").asText(resolved.has("properties") ? "object" : "string");
        if (depth > 4 || random.nextInt(6) == 0) {
            return scalar(NODES.objectNode());
        }
        switch (type) {
            case "object": {
                ObjectNode object = NODES.objectNode();
                for (Iterator<Map.Entry<String, JsonNode>> fields = resolved.path("properties").fields(); fields.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    if (random.nextInt(8) > 0) {
                        object.set(field.getKey(), value(field.getValue(), depth + 1));
                    }
                }
                if (random.nextInt(8) == 0) {
                    object.put(text().sample(), text().sample());
                }
                return object;
            }
            case "array": {
                ArrayNode array = NODES.arrayNode();
                int size = random.nextInt(10) == 0 ? 500 : random.nextInt(4);
                for (int i = 0; i < size; i++) {
                    array.add(value(resolved.path("items"), depth + 1));
                }
                return array;
            }
            default:
                return scalar(resolved);
        }
    }

    /** A scalar that fits the schema's type now and then, and very often does not. */
    private JsonNode scalar(JsonNode schema) {
        String format = schema.path("format").asText("");
        List<Supplier<JsonNode>> choices = List.of(
                () -> NODES.textNode(text().sample()),
                () -> NODES.textNode(nasty().sample()),
                () -> NODES.textNode("x".repeat(random.nextBoolean() ? 1001 : 100_001)),
                () -> NODES.numberNode(Arbitraries.longs().sample()),
                () -> NODES.numberNode(Arbitraries.doubles().sample()),
                () -> NODES.booleanNode(random.nextBoolean()),
                () -> NODES.nullNode(),
                () -> NODES.textNode(format.contains("date-time") ? "2026-13-45T25:61:00Z" : "2026-11-29T10:00:00Z"),
                () -> NODES.textNode(format.equals("date") ? "29/11/2026" : "2026-11-29"),
                () -> NODES.textNode(pick(List.of("REGULAR", "AGREE", "FOR", "ORDINARY", "URGENT", "INBOX", "MEMBER", "000.00.00.G12"))),
                () -> NODES.arrayNode().add("x"),
                () -> NODES.objectNode().put("x", 1));
        return pick(choices).get();
    }

    private Arbitrary<String> text() {
        return Arbitraries.strings().all().ofMinLength(0).ofMaxLength(40);
    }

    /** Text with what a fuzzer sends on purpose: control characters, direction overrides, markup, traversal. */
    private Arbitrary<String> nasty() {
        return Arbitraries.of("\u0000", "\u202Eabc", "a\u2066b", "\u0007bell", "<script>alert(1)</script>", "../../etc/passwd", "${jndi:ldap://x}",
                "' OR 1=1 --", "{\"$gt\":\"\"}", "\uD800", "Ⅻ", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", " ", "\t\n");
    }

    private byte[] multipartBody() {
        return switch (random.nextInt(5)) {
            case 0 -> "garbage without a boundary".getBytes(StandardCharsets.UTF_8);
            case 1 -> "--FUZZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF-1.4".getBytes(StandardCharsets.UTF_8);
            case 2 -> ("--FUZZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + "n".repeat(10_000) + ".pdf\"\r\n"
                    + "Content-Type: application/pdf\r\n\r\n%PDF-1.7\n" + "\0".repeat(2000) + "\r\n--FUZZ--\r\n").getBytes(StandardCharsets.UTF_8);
            case 3 -> ("--FUZZ\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nx\r\n--FUZZ--\r\n").getBytes(StandardCharsets.UTF_8);
            default -> ("--FUZZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + nasty().sample() + "\"\r\n"
                    + "Content-Type: application/pdf\r\n\r\n" + text().sample() + "\r\n--FUZZ--\r\n").getBytes(StandardCharsets.UTF_8);
        };
    }

    private JsonNode schemaOf(JsonNode schema) {
        String ref = schema.path("$ref").asText("");
        return ref.startsWith("#/components/schemas/") ? schemas.path(ref.substring("#/components/schemas/".length())) : schema;
    }

    private <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }
}
