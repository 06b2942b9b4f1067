package org.ecabinet.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.bouncycastle.asn1.x500.X500Name;
import org.ecabinet.events.account.Role;
import org.ecabinet.identity.TestUsers;
import org.ecabinet.identity.Users;
import org.ecabinet.platform.NotPermitted;
import org.ecabinet.platform.RuleViolation;
import org.ecabinet.platform.TooManyAttempts;
import org.ecabinet.signing.VerificationReport.Indication;
import org.ecabinet.signing.VerificationReport.SubIndication;
import org.ecabinet.support.ApiTest;
import org.ecabinet.support.IndependentVerifiers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

/** The signing service end to end, every signature also checked by OpenSSL or pdfsig. */
class SigningServiceTest extends ApiTest {

    private static final String PIN = "123456";

    @Autowired
    RemoteSigning remoteSigning;
    @Autowired
    SignatureVerifier verifier;
    @Autowired
    SigningCertificates certificates;
    @Autowired
    CertificateAuthority authority;
    @Autowired
    TimeStamping timeStamping;

    @Test
    void aRemoteCmsSignatureVerifiesHereAndWithOpenSsl() throws Exception {
        byte[] content = "{\"ballotId\":\"b-1\",\"choice\":\"AGREE\",\"comment\":\"Đồng ý\"}".getBytes(StandardCharsets.UTF_8);
        byte[] p7s = signViaApi(MEMBER, content, PIN);

        JsonNode report = verifyViaApi(content, p7s);
        assertThat(report.get("indication").asText()).isEqualTo("TOTAL_PASSED");
        assertThat(report.get("signerUserId").asText()).isEqualTo(MEMBER);
        assertThat(report.get("certificateChain")).hasSize(2);
        assertThat(IndependentVerifiers.openssl(content, p7s, caPem()).exitCode()).as("openssl on the original").isZero();

        byte[] tampered = new String(content, StandardCharsets.UTF_8).replace("AGREE", "DISAGREE").getBytes(StandardCharsets.UTF_8);
        assertThat(verifyViaApi(tampered, p7s).get("subIndication").asText()).isEqualTo("HASH_FAILURE");
        assertThat(IndependentVerifiers.openssl(tampered, p7s, caPem()).exitCode()).as("openssl on a tampered copy").isNotZero();
    }

    @Test
    void aSignatureCarriesSigningTimeAndSigningCertificateV2() throws Exception {
        byte[] content = "x".getBytes(StandardCharsets.UTF_8);
        byte[] p7s = signViaApi(MEMBER, content, PIN);
        var signer = new org.bouncycastle.cms.CMSSignedData(new org.bouncycastle.cms.CMSProcessableByteArray(content), p7s)
                .getSignerInfos().getSigners().iterator().next();
        assertThat(signer.getSignedAttributes().get(org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers.id_aa_signingCertificateV2)).isNotNull();
        assertThat(signer.getSignedAttributes().get(org.bouncycastle.asn1.cms.CMSAttributes.signingTime)).isNotNull();
        assertThat(verifier.verifyCms(content, p7s).signingTime()).isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(5));
    }

    @Test
    void theInternalTimeStampingAuthorityStampsADigestThatOpenSslVerifies() throws Exception {
        byte[] digest = Pki.sha256("checkpoint".getBytes(StandardCharsets.UTF_8));
        byte[] token = timeStamping.stamp(digest);
        var check = timeStamping.check(token, digest);
        assertThat(check.valid()).as(check.detail()).isTrue();
        assertThat(check.time()).isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(5));
        assertThat(timeStamping.check(token, Pki.sha256("other".getBytes(StandardCharsets.UTF_8))).valid()).isFalse();

        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("tsa-");
        java.nio.file.Files.write(dir.resolve("token.der"), token);
        java.nio.file.Files.writeString(dir.resolve("ca.pem"), Pki.pem(authority.certificate()));
        var openssl = IndependentVerifiers.run(dir, List.of("openssl", "ts", "-verify", "-digest", Pki.sha256Hex("checkpoint".getBytes(StandardCharsets.UTF_8)),
                "-in", "token.der", "-token_in", "-CAfile", "ca.pem"));
        assertThat(openssl.output()).as(openssl.output()).contains("Verification: OK");
        var other = IndependentVerifiers.run(dir, List.of("openssl", "ts", "-verify", "-digest", Pki.sha256Hex("other".getBytes(StandardCharsets.UTF_8)),
                "-in", "token.der", "-token_in", "-CAfile", "ca.pem"));
        assertThat(other.output()).doesNotContain("Verification: OK");
    }

    @Test
    void aWrongPinIsRefusedAndFiveOfThemLockSigning() {
        byte[] content = "x".getBytes(StandardCharsets.UTF_8);
        // A user that no other test signs in or signs as (clerks send documents): this lock-out outlives the test.
        String user = "secretariat2";
        for (int i = 0; i < 5; i++) {
            as(user).post().uri("/api/signing/cms").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("content", b64(content), "pin", "000000")).exchange().expectStatus().isForbidden();
        }
        as(user).post().uri("/api/signing/cms").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("content", b64(content), "pin", PIN)).exchange()
                .expectStatus().isEqualTo(429).expectHeader().exists("Retry-After");
    }

    /** An opened key is kept a few minutes so that signing needs no PBKDF2 each time: the PIN is still checked every time. */
    @Test
    void whileAKeyIsOpenAWrongPinIsStillRefusedAndCounted(@Autowired Users users) {
        String user = TestUsers.add(users, "signing-session-pin", "Phiên ký (kiểm thử)", Role.AUDITOR, 901).id();
        remoteSigning.issueCredential(user, "Phiên ký (kiểm thử)", PIN.toCharArray());
        byte[] content = "session".getBytes(StandardCharsets.UTF_8);
        assertThat(remoteSigning.signCms(user, PIN.toCharArray(), content)).isNotEmpty();

        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> remoteSigning.signCms(user, "000000".toCharArray(), content)).isInstanceOf(NotPermitted.class);
        }
        assertThatThrownBy(() -> remoteSigning.signCms(user, PIN.toCharArray(), content)).isInstanceOf(TooManyAttempts.class);
    }

    @Test
    void theOpenKeyOfARevokedCertificateIsNotUsed(@Autowired Users users) {
        String user = TestUsers.add(users, "signing-session-revoked", "Phiên ký (kiểm thử)", Role.AUDITOR, 902).id();
        String fingerprint = remoteSigning.issueCredential(user, "Phiên ký (kiểm thử)", PIN.toCharArray());
        byte[] content = "session".getBytes(StandardCharsets.UTF_8);
        assertThat(remoteSigning.signCms(user, PIN.toCharArray(), content)).isNotEmpty();

        assertThat(certificates.revoke(fingerprint, Instant.now(), "key compromise")).isTrue();

        assertThatThrownBy(() -> remoteSigning.signCms(user, PIN.toCharArray(), content)).isInstanceOf(RuleViolation.class);
    }

    @Test
    void badSigningRequestsAreFieldErrors() {
        as(MEMBER).post().uri("/api/signing/cms").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("content", "not base64 !!", "pin", PIN)).exchange().expectStatus().isBadRequest();
        as(MEMBER).post().uri("/api/signing/cms").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("content", "")).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[?(@.field=='pin')]").exists().jsonPath("$.errors[?(@.field=='content')]").exists();
        as(MEMBER).post().uri("/api/signing/verify/cms").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("content", b64("x".getBytes()), "signature", b64("garbage".getBytes()))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.subIndication").isEqualTo("FORMAT_FAILURE");
    }

    @Test
    void onlyAdminsChangeTheTrustStoreOrCertificates() {
        String pem = authority.certificate() == null ? "" : Pki.pem(authority.certificate());
        for (String user : List.of(MEMBER, CHAIR, SECRETARIAT, CLERK, AUDITOR)) {
            as(user).post().uri("/api/admin/trust-anchors").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("pem", pem)).exchange().expectStatus().isForbidden();
            as(user).post().uri("/api/admin/users/member09/certificates").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("pin", "654321")).exchange().expectStatus().isForbidden();
            as(user).post().uri("/api/admin/users/member09/certificates/abc/revoke").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("reason", "x")).exchange().expectStatus().isForbidden();
        }
        web.post().uri("/api/signing/cms").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("content", "eA==", "pin", PIN)).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void aCertificateRevokedBeforeTheSigningTimeFailsOneRevokedLaterDoesNot() throws Exception {
        String user = "clerk.g23";
        String newPin = "246810";
        as(ADMIN).post().uri("/api/admin/users/" + user + "/certificates").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("pin", newPin)).exchange().expectStatus().isCreated();
        var credential = certificates.signingCredential(user).orElseThrow();
        var key = Pki.unlock(certificates.keystore(credential), newPin.toCharArray()).orElseThrow();
        var chain = List.of(credential.certificate(), authority.certificate());
        byte[] content = "revocation".getBytes(StandardCharsets.UTF_8);
        byte[] before = CmsSignatures.signDetached(content, key, chain, Instant.now().minus(Duration.ofMinutes(1)));

        as(ADMIN).post().uri("/api/admin/users/" + user + "/certificates/" + credential.fingerprint() + "/revoke").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reason", "key compromise")).exchange().expectStatus().isNoContent();
        byte[] after = CmsSignatures.signDetached(content, key, chain, Instant.now().plus(Duration.ofMinutes(1)));

        assertThat(verifier.verifyCms(content, before).indication()).isEqualTo(Indication.TOTAL_PASSED);
        VerificationReport revoked = verifier.verifyCms(content, after);
        assertThat(revoked.indication()).isEqualTo(Indication.TOTAL_FAILED);
        assertThat(revoked.subIndication()).isEqualTo(SubIndication.REVOKED);
        assertThat(certificates.signingCredential(user)).as("remote signing no longer uses the revoked key")
                .hasValueSatisfying(c -> assertThat(c.fingerprint()).isNotEqualTo(credential.fingerprint()));
    }

    @Test
    void aCertificateFromAnUntrustedCaHasNoChainHereNorForOpenSsl() throws Exception {
        var keys = Pki.newKeyPair();
        X500Name name = new X500Name("CN=Rogue CA");
        var rogueRoot = Pki.selfSignedRoot(name, keys, Instant.now().minusSeconds(60), Instant.now().plusSeconds(3600));
        var signerKeys = Pki.newKeyPair();
        var rogue = Pki.signerCertificate(rogueRoot, keys.getPrivate(), Pki.person(MEMBER, "Impostor", "Nowhere"),
                signerKeys.getPublic(), Instant.now().minusSeconds(60), Instant.now().plusSeconds(3600));
        byte[] content = "x".getBytes(StandardCharsets.UTF_8);
        byte[] p7s = CmsSignatures.signDetached(content, signerKeys.getPrivate(), List.of(rogue, rogueRoot), Instant.now());

        VerificationReport report = verifier.verifyCms(content, p7s);
        assertThat(report.indication()).isEqualTo(Indication.INDETERMINATE);
        assertThat(report.subIndication()).isEqualTo(SubIndication.NO_CERTIFICATE_CHAIN_FOUND);
        assertThat(report.signerUserId()).as("not bound to any user").isNull();
        assertThat(IndependentVerifiers.openssl(content, p7s, caPem()).exitCode()).isNotZero();
    }

    @Test
    void aRootWrittenIntoTheDatabaseByHandIsNotTrusted(@Autowired com.mongodb.client.MongoDatabase database, @Autowired TrustStore trustStore)
            throws Exception {
        var keys = Pki.newKeyPair();
        var rogueRoot = Pki.selfSignedRoot(new X500Name("CN=Smuggled CA"), keys, Instant.now().minusSeconds(60), Instant.now().plusSeconds(3600));
        database.getCollection("trust_anchors").insertOne(new org.bson.Document("_id", Pki.fingerprint(rogueRoot))
                .append("subject", "CN=Smuggled CA").append("pem", Pki.pem(rogueRoot)).append("mac", "0".repeat(64)).append("addedBy", "admin"));
        trustStore.add(authority.certificate(), "system"); // the roots are read again
        var signerKeys = Pki.newKeyPair();
        var impostor = Pki.signerCertificate(rogueRoot, keys.getPrivate(), Pki.person(MEMBER, "Impostor", "Nowhere"),
                signerKeys.getPublic(), Instant.now().minusSeconds(60), Instant.now().plusSeconds(3600));
        byte[] content = "smuggled".getBytes(StandardCharsets.UTF_8);
        byte[] p7s = CmsSignatures.signDetached(content, signerKeys.getPrivate(), List.of(impostor, rogueRoot), Instant.now());

        assertThat(verifier.verifyCms(content, p7s).subIndication()).isEqualTo(SubIndication.NO_CERTIFICATE_CHAIN_FOUND);
        assertThat(trustAnchorsPem()).doesNotContain(Pki.pem(rogueRoot).strip().lines().skip(1).findFirst().orElseThrow());
    }

    @Test
    void anExpiredCertificateFails() throws Exception {
        var signerKeys = Pki.newKeyPair();
        var caKey = Pki.newKeyPair();
        var root = Pki.selfSignedRoot(new X500Name("CN=Old CA"), caKey, Instant.now().minus(Duration.ofDays(30)), Instant.now().plus(Duration.ofDays(30)));
        var expired = Pki.signerCertificate(root, caKey.getPrivate(), Pki.person("x", "Old", "Old"), signerKeys.getPublic(),
                Instant.now().minus(Duration.ofDays(20)), Instant.now().minus(Duration.ofDays(10)));
        byte[] p7s = CmsSignatures.signDetached("x".getBytes(), signerKeys.getPrivate(), List.of(expired, root), Instant.now());
        assertThat(verifier.verifyCms("x".getBytes(), p7s).subIndication()).isEqualTo(SubIndication.EXPIRED);
    }

    @Test
    void aPadesSignatureVerifiesHereAndWithPdfsigAndATamperedCopyFailsBoth() throws Exception {
        byte[] signed = remoteSigning.signPdf(SECRETARIAT, PIN.toCharArray(), simplePdf(), "Kết quả lấy ý kiến");

        List<VerificationReport> ours = verifier.verifyPdf(signed);
        assertThat(ours).hasSize(1);
        assertThat(ours.get(0).message()).isEqualTo("The signature is valid.");
        assertThat(ours.get(0).indication()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(ours.get(0).signerUserId()).isEqualTo(SECRETARIAT);
        var theirs = IndependentVerifiers.pdfsig(signed, caPem());
        assertThat(theirs.output()).contains("Signature is Valid.").contains("Certificate is Trusted.")
                .contains("ETSI.CAdES.detached");

        byte[] tampered = signed.clone();
        // One bit inside the page's (compressed) content stream: the text now says something else.
        int at = new String(signed, StandardCharsets.ISO_8859_1).indexOf("stream") + 10;
        tampered[at] ^= 1;
        assertThat(verifier.verifyPdf(tampered).get(0).subIndication()).isEqualTo(SubIndication.HASH_FAILURE);
        assertThat(IndependentVerifiers.pdfsig(tampered, caPem()).output()).doesNotContain("Signature is Valid.");

        byte[] appended = java.util.Arrays.copyOf(signed, signed.length + 20);
        System.arraycopy("\n% appended change\n".getBytes(), 0, appended, signed.length, 19);
        assertThat(verifier.verifyPdf(appended).get(0).passed()).isFalse();
    }

    @Test
    void anUnsignedPdfIsReportedAsSuch() throws Exception {
        as(AUDITOR).post().uri("/api/signing/verify/pdf").contentType(MediaType.APPLICATION_PDF).bodyValue(simplePdf())
                .exchange().expectStatus().isOk().expectBody().jsonPath("$[0].subIndication").isEqualTo("FORMAT_FAILURE");
    }

    static byte[] simplePdf() throws Exception {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream text = new PDPageContentStream(document, page)) {
                text.beginText();
                text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                text.newLineAtOffset(72, 700);
                text.showText("Hello cabinet");
                text.endText();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    private byte[] signViaApi(String user, byte[] content, String pin) {
        JsonNode signed = as(user).post().uri("/api/signing/cms").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("content", b64(content), "pin", pin)).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        return Base64.getDecoder().decode(signed.get("signature").asText());
    }

    private JsonNode verifyViaApi(byte[] content, byte[] p7s) {
        return as(AUDITOR).post().uri("/api/signing/verify/cms").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("content", b64(content), "signature", b64(p7s))).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private String caPem() {
        return as(MEMBER).get().uri("/api/signing/trust-anchors.pem").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
