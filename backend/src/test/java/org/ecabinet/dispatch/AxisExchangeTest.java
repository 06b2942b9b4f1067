package org.ecabinet.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.ecabinet.support.ChildBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Two systems on one machine, each a whole backend on its own store: A hosts the Government Office
 * (G22), B the Ministry of Finance (G12). Each trusts the other's CA. A document dispatched on A arrives
 * on B as an edXML package and B's statuses travel back; while B is down, A keeps retrying, and when B
 * is back the document arrives, once.
 */
class AxisExchangeTest {

    static final String G12 = "000.00.00.G12";
    static final String G22 = "000.00.00.G22";

    @Test
    void twoSystemsExchangeADocumentAndItsStatusesAndAnOutageLosesNothing(@TempDir Path dataA, @TempDir Path dataB) throws Exception {
        int portA = ChildBackend.freePort();
        int portB = ChildBackend.freePort();
        String[] onA = {"--cabinet.axis.peers[" + G12 + "]=http://127.0.0.1:" + portB};
        String[] onB = {"--cabinet.axis.peers[" + G22 + "]=http://127.0.0.1:" + portA};
        try (ChildBackend a = ChildBackend.start(dataA, portA, "a.log", onA)) {
            ChildBackend b = ChildBackend.start(dataB, portB, "b.log", onB);
            try {
                trustEachOther(a, b);
                String clerkA = a.token("clerk.g22");
                String clerkB = b.token("clerk.g12");

                String first = dispatchedDocument(a, clerkA, "7816");
                JsonNode arrived = awaitInbox(b, clerkB, list -> list.size() == 1).get(0);
                assertThat(arrived.get("number").asText()).isEqualTo("7816/VPCP-TTĐT");
                String copy = arrived.get("documentId").asText();

                // The same package replayed to B (by anyone: the axis endpoint needs no sign-in) is the same document, stored once.
                String edxml = a.get("/api/documents/" + first + "/edxml", clerkA).body();
                for (int replay = 0; replay < 2; replay++) {
                    var answer = b.post("/api/axis/packages", null, edxml);
                    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
                    assertThat(ChildBackend.JSON.readTree(answer.body()).get("documentId").asText()).isEqualTo(copy);
                }
                assertThat(inbox(b, clerkB)).as("a replay adds no copy").hasSize(1);
                assertThat(b.post("/api/documents/" + copy + "/receive", clerkB, "").statusCode()).isEqualTo(204);
                JsonNode atA = awaitDocument(a, clerkA, first, d -> d.at("/recipients/0/statusCode").asText().equals("03"));
                assertThat(atA.at("/recipients/0/signatureReport").asText()).startsWith("TOTAL_PASSED");

                // A asks for an update (edXML business type 1/2 over the axis); B's clerk refuses (16), and A hears it.
                assertThat(a.post("/api/documents/" + first + "/recall", clerkA, "{\"kind\":\"UPDATE\",\"reason\":\"Sửa số liệu phụ lục\"}")
                        .statusCode()).isEqualTo(204);
                JsonNode asked = awaitDocument(b, clerkB, copy, d -> !d.get("recallRequested").isNull());
                assertThat(asked.get("recallRequested").asText()).isEqualTo("UPDATE");
                assertThat(asked.get("recallReason").asText()).isEqualTo("Sửa số liệu phụ lục");
                assertThat(b.post("/api/documents/" + copy + "/recall/answer", clerkB, "{\"agreed\":false,\"reason\":\"Đã triển khai\"}")
                        .statusCode()).isEqualTo(204);
                awaitDocument(a, clerkA, first, d -> d.get("timeline").findValuesAsText("code").contains("16"));

                b.kill();
                String second = dispatchedDocument(a, clerkA, "7817");
                Thread.sleep(3000);
                assertThat(document(a, clerkA, second).get("recipients")).as("not delivered while B is down").isEmpty();
                b = ChildBackend.start(dataB, portB, "b-again.log", onB);
                String clerkBAgain = b.token("clerk.g12");
                List<JsonNode> inbox = awaitInbox(b, clerkBAgain, list -> list.size() == 2);
                assertThat(inbox).extracting(d -> d.get("number").asText()).containsExactlyInAnyOrder("7816/VPCP-TTĐT", "7817/VPCP-TTĐT");
                awaitDocument(a, clerkA, second, d -> d.at("/recipients/0/statusCode").asText().equals("01"));
                Thread.sleep(1500);
                assertThat(inbox(b, clerkBAgain)).as("delivered once").hasSize(2);
            } finally {
                b.close();
            }
        }
    }

    static void trustEachOther(ChildBackend a, ChildBackend b) throws Exception {
        String adminA = a.token("admin");
        String adminB = b.token("admin");
        String caA = a.get("/api/signing/trust-anchors.pem", adminA).body();
        String caB = b.get("/api/signing/trust-anchors.pem", adminB).body();
        assertThat(b.post("/api/admin/trust-anchors", adminB, ChildBackend.JSON.writeValueAsString(Map.of("pem", caA))).statusCode()).isLessThan(300);
        assertThat(a.post("/api/admin/trust-anchors", adminA, ChildBackend.JSON.writeValueAsString(Map.of("pem", caB))).statusCode()).isLessThan(300);
    }

    static String dispatchedDocument(ChildBackend a, String clerk, String number) throws Exception {
        byte[] pdf;
        try (var document = new org.ecabinet.platform.pdf.TextPdf("Công văn " + number)) {
            pdf = document.heading("CÔNG VĂN SỐ " + number).paragraph("Kính gửi: Bộ Tài chính.").toBytes();
        }
        var uploaded = a.upload("/api/documents/files", clerk, "cong-van-" + number + ".pdf", "application/pdf", pdf);
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        Map<String, Object> body = new java.util.HashMap<>(org.ecabinet.support.ApiTest.document(ChildBackend.JSON.readTree(uploaded.body()).get("fileId").asText(),
                "ORDINARY"));
        body.put("codeNumber", number);
        var registered = a.post("/api/documents", clerk, ChildBackend.JSON.writeValueAsString(body));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String id = ChildBackend.JSON.readTree(registered.body()).get("id").asText();
        awaitDocument(a, clerk, id, d -> true);
        assertThat(a.post("/api/documents/" + id + "/signature", clerk, "{\"pin\":\"123456\"}").statusCode()).isEqualTo(204);
        awaitDocument(a, clerk, id, d -> d.get("state").asText().equals("SIGNED"));
        var dispatched = a.post("/api/documents/" + id + "/dispatch", clerk, "{\"recipients\":[\"" + G12 + "\"]}");
        assertThat(dispatched.statusCode()).as(dispatched.body()).isEqualTo(204);
        return id;
    }

    static JsonNode document(ChildBackend backend, String token, String id) throws Exception {
        var response = backend.get("/api/documents/" + id, token);
        return response.statusCode() == 200 ? ChildBackend.JSON.readTree(response.body()) : null;
    }

    static JsonNode awaitDocument(ChildBackend backend, String token, String id, Predicate<JsonNode> condition) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        JsonNode document = null;
        while (System.nanoTime() < until) {
            document = document(backend, token, id);
            if (document != null && condition.test(document)) {
                return document;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("Document " + id + " did not reach the expected state: " + document);
    }

    static List<JsonNode> inbox(ChildBackend backend, String token) throws Exception {
        JsonNode list = ChildBackend.JSON.readTree(backend.get("/api/documents?box=inbox", token).body());
        return java.util.stream.StreamSupport.stream(list.spliterator(), false).toList();
    }

    static List<JsonNode> awaitInbox(ChildBackend backend, String token, Predicate<List<JsonNode>> condition) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        List<JsonNode> inbox = List.of();
        while (System.nanoTime() < until) {
            inbox = inbox(backend, token);
            if (condition.test(inbox)) {
                return inbox;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("The inbox did not reach the expected state: " + inbox);
    }
}
