package org.ecabinet.signing;

import java.time.Instant;
import java.util.Base64;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.server.ServerWebInputException;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The signing service over HTTP: remote signing with a PIN, verification, and the trust store. */
@RestController
@RequestMapping("/api/signing")
class SigningController {

    private static final int MAX_CONTENT = 5 * 1024 * 1024;

    private final RemoteSigning signing;
    private final SignatureVerifier verifier;
    private final SigningCertificates certificates;
    private final TrustStore trustStore;

    SigningController(RemoteSigning signing, SignatureVerifier verifier, SigningCertificates certificates, TrustStore trustStore) {
        this.signing = signing;
        this.verifier = verifier;
        this.certificates = certificates;
        this.trustStore = trustStore;
    }

    record SignRequest(@NotBlank @Size(max = MAX_CONTENT) String content, @NotBlank @Size(min = 6, max = 32) String pin) {
    }

    record Signature(String signature, String certificateSha256) {
    }

    record VerifyRequest(@NotBlank @Size(max = MAX_CONTENT) String content, @NotBlank @Size(max = 64 * 1024) String signature) {
    }

    record CertificateInfo(String fingerprint, String subject, String issuer, String serial, Instant notBefore, Instant notAfter,
                           boolean keyHeldHere, Instant revokedAt, String revocationReason) {
        static CertificateInfo of(SigningCertificates.Bound bound) {
            var facts = CertificateAdministration.facts(bound.certificate());
            return new CertificateInfo(facts.fingerprint(), facts.subject(), facts.issuer(), facts.serial(), facts.notBefore(), facts.notAfter(),
                    bound.holdsKey(), bound.revokedAt(), bound.revocationReason());
        }
    }

    /** Signs the base64 {@code content} with the caller's own key, after the PIN opens it. */
    @PostMapping("/cms")
    Mono<Signature> signCms(@Valid @RequestBody Mono<SignRequest> body, @AuthenticationPrincipal Jwt jwt) {
        return body.publishOn(Schedulers.boundedElastic()).map(b -> {
            byte[] signature = signing.signCms(jwt.getSubject(), b.pin().toCharArray(), base64("content", b.content()));
            String fingerprint = certificates.signingCredential(jwt.getSubject()).map(SigningCertificates.Bound::fingerprint).orElseThrow();
            return new Signature(Base64.getEncoder().encodeToString(signature), fingerprint);
        });
    }

    @PostMapping("/verify/cms")
    Mono<VerificationReport> verifyCms(@Valid @RequestBody Mono<VerifyRequest> body) {
        return body.publishOn(Schedulers.boundedElastic())
                .map(b -> verifier.verifyCms(base64("content", b.content()), base64("signature", b.signature())));
    }

    @PostMapping(path = "/verify/pdf", consumes = MediaType.APPLICATION_PDF_VALUE)
    Mono<List<VerificationReport>> verifyPdf(@RequestBody Mono<byte[]> pdf) {
        return pdf.publishOn(Schedulers.boundedElastic()).map(verifier::verifyPdf);
    }

    @GetMapping("/certificates/mine")
    Mono<List<CertificateInfo>> mine(@AuthenticationPrincipal Jwt jwt) {
        return Mono.fromCallable(() -> certificates.ofUser(jwt.getSubject()).stream().map(CertificateInfo::of).toList())
                .subscribeOn(Schedulers.boundedElastic());
    }

    /**
     * The trusted roots as PEM, for {@code openssl cms -verify -CAfile}, {@code pdfsig} and {@code certutil}: public, like
     * any CA's certificate, so that anyone holding a signed document can check it without an account.
     */
    @GetMapping(path = "/trust-anchors.pem", produces = "application/x-pem-file")
    Mono<String> trustAnchors() {
        return Mono.fromCallable(trustStore::pem).subscribeOn(Schedulers.boundedElastic());
    }

    private static byte[] base64(String field, String value) {
        try {
            return Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new ServerWebInputException("'" + field + "' is not valid base64.");
        }
    }
}
