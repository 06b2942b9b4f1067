package org.ecabinet.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.ecabinet.support.IndependentVerifiers;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

/** edXML packages: sealed with XML-DSig that xmlsec1 accepts, imported once, and every bad package refused and stored nowhere. */
class EdXmlApiTest extends DispatchApiTest {

    @org.springframework.beans.factory.annotation.Autowired
    com.mongodb.client.MongoDatabase database;

    @Test
    void theEdXmlPackageOfADispatchedDocumentVerifiesWithXmlsec1AndATamperedOneFailsEverywhere() throws Exception {
        String id = dispatchedToFinance();
        byte[] xml = edxml(G22_CLERK, id);
        String text = new String(xml, StandardCharsets.UTF_8);
        assertThat(text).contains("http://www.mic.gov.vn/TBT/QCVN_102_2016", "<edXML:DocumentId>000.00.00.G22,", ",7816/VPCP-TTĐT</edXML:DocumentId>",
                "<edXML:OrganId>000.00.00.G12</edXML:OrganId>", "http://www.w3.org/2000/09/xmldsig#", "xmldsig-more#ecdsa-sha256",
                "http://www.w3.org/2001/04/xmlenc#sha256", "<edXML:BussinessDocType>0</edXML:BussinessDocType>");
        String ca = trustAnchorsPem();
        var verified = IndependentVerifiers.xmlsec1(xml, ca);
        assertThat(verified.exitCode()).as(verified.output()).isZero();

        byte[] tampered = text.replace("V/v triển khai", "V/v hủy bỏ").getBytes(StandardCharsets.UTF_8);
        assertThat(IndependentVerifiers.xmlsec1(tampered, ca).exitCode()).isNotZero();
        int before = inbox(FINANCE).size();
        importPackage(tampered).expectStatus().isForbidden()
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("seal does not hold"));
        assertThat(inbox(FINANCE)).hasSize(before);
    }

    @Test
    void thePackageOfADocumentAlreadyDeliveredHereAddsNoCopyAndStoresNothing() {
        Map<String, Object> withAttachment = new java.util.HashMap<>(document(upload(G22_CLERK), "ORDINARY"));
        withAttachment.put("attachmentIds", List.of(upload(G22_CLERK)));
        withAttachment.put("codeNumber", String.valueOf(90000 + (System.nanoTime() % 9999))); // its own DocumentId
        String id = as(G22_CLERK).post().uri("/api/documents").contentType(MediaType.APPLICATION_JSON).bodyValue(withAttachment).exchange()
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asText();
        awaitDocument(G22_CLERK, id, d -> d.get("attachments").size() == 1);
        post(G22_CLERK, "/api/documents/" + id + "/signature", Map.of("pin", PIN), 204);
        awaitDocument(G22_CLERK, id, d -> d.get("state").asText().equals("SIGNED"));
        post(G22_CLERK, "/api/documents/" + id + "/dispatch", Map.of("recipients", List.of(G12, H29)), 204);
        awaitDocument(G22_CLERK, id, d -> d.get("state").asText().equals("DISPATCHED"));
        byte[] xml = edxml(G22_CLERK, id);
        assertThat(new String(xml, StandardCharsets.UTF_8)).contains("<edXML:ContentId>cid:2</edXML:ContentId>");
        int inbox = inbox(FINANCE).size();
        long files = storedFiles();

        for (int replay = 0; replay < 3; replay++) {
            JsonNode answer = importPackage(xml).expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
            assertThat(answer.get("documentId").asText()).as("the document delivered inside this system").isEqualTo(id);
            assertThat(answer.get("first").asBoolean()).isFalse();
        }
        assertThat(inbox(FINANCE)).hasSize(inbox);
        assertThat(storedFiles()).as("a replay stores nothing").isEqualTo(files);
        JsonNode atFinance = awaitDocument(FINANCE, id, d -> true);
        assertThat(atFinance.get("attachments")).hasSize(1);
        assertThat(atFinance.get("timeline").findValuesAsText("code").stream().filter("01"::equals)).hasSize(2); // delivered to G12 and H29 once each
    }

    private long storedFiles() {
        return database.getCollection("papers.files").countDocuments();
    }

    @Test
    void badPackagesAreRefusedWithAClearErrorAndStoredNowhere() {
        int before = inbox(FINANCE).size();
        importPackage("<edXML:edXMLEnvelope xmlns:edXML=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\"><unclosed>".getBytes())
                .expectStatus().isBadRequest().expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        importPackage("""
                <?xml version="1.0"?>
                <!DOCTYPE e [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <edXML:edXMLEnvelope xmlns:edXML="http://www.mic.gov.vn/TBT/QCVN_102_2016">&secret;</edXML:edXMLEnvelope>
                """.getBytes()).expectStatus().isBadRequest().expectBody(String.class).value(body -> assertThat(body).doesNotContain("root:"));
        importPackage("""
                <?xml version="1.0"?>
                <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
                <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
                <edXML:edXMLEnvelope xmlns:edXML="http://www.mic.gov.vn/TBT/QCVN_102_2016">&lol3;</edXML:edXMLEnvelope>
                """.getBytes()).expectStatus().isBadRequest();
        importPackage("<other xmlns=\"urn:x\"/>".getBytes()).expectStatus().isBadRequest();
        importPackage(new byte[0]).expectStatus().isBadRequest();

        String genuine = new String(edxml(G22_CLERK, dispatchedToFinance()), StandardCharsets.UTF_8);
        String unsealed = genuine.replaceAll("(?s)<ds:Signature.*</ds:Signature>", "");
        importPackage(unsealed.getBytes(StandardCharsets.UTF_8)).expectStatus().isForbidden();
        String otherSender = genuine.replaceFirst("<edXML:OrganId>000.00.00.G22</edXML:OrganId>", "<edXML:OrganId>000.00.00.G23</edXML:OrganId>");
        importPackage(otherSender.getBytes(StandardCharsets.UTF_8)).expectStatus().isForbidden(); // the seal no longer holds
        byte[] huge = new byte[EdXml.MAX_BYTES + 1024];
        java.util.Arrays.fill(huge, (byte) ' ');
        importPackage(huge).expectStatus().isEqualTo(413);
        assertThat(inbox(FINANCE)).hasSize(before + 1); // only the genuine dispatch made by this test
    }

    String dispatchedToFinance() {
        String id = register(G22_CLERK, "ORDINARY");
        post(G22_CLERK, "/api/documents/" + id + "/signature", Map.of("pin", PIN), 204);
        awaitDocument(G22_CLERK, id, d -> d.get("state").asText().equals("SIGNED"));
        post(G22_CLERK, "/api/documents/" + id + "/dispatch", Map.of("recipients", List.of(G12, H29)), 204);
        awaitDocument(G22_CLERK, id, d -> d.get("state").asText().equals("DISPATCHED"));
        return id;
    }

    byte[] edxml(String user, String id) {
        return as(user).get().uri("/api/documents/{id}/edxml", id).exchange().expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody();
    }

    org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec importPackage(byte[] xml) {
        return web.post().uri("/api/axis/packages").contentType(MediaType.APPLICATION_XML).bodyValue(xml).exchange();
    }
}
