package org.ecabinet.signing;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.ecabinet.platform.storage.KeptSecrets;
import org.ecabinet.platform.storage.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The development certificate authority: created on the first start of an empty store and kept in it
 * (sealed, see {@link KeptCredential}),
 * it issues one signing certificate per user. Two nodes starting together agree on one CA because the
 * store keeps whichever was written first. A production deployment imports its real CA's root into the
 * {@link TrustStore} and binds certificates issued by that CA to users instead.
 */
@Component
class CertificateAuthority {

    private static final Logger log = LoggerFactory.getLogger(CertificateAuthority.class);
    static final Duration CERTIFICATE_VALIDITY = Duration.ofDays(3 * 365);

    private final Clock clock;
    private final X509Certificate certificate;
    private final PrivateKey key;

    CertificateAuthority(KeptSecrets secrets, Settings settings, TrustStore trustStore, Clock clock) {
        this.clock = clock;
        KeptCredential kept = KeptCredential.openOrIssue(secrets, settings, "dev-ca", this::newRoot);
        this.key = kept.key();
        this.certificate = kept.certificate();
        trustStore.add(certificate, "system");
    }

    private IssuedCredential newRoot(char[] password) {
        var keys = Pki.newKeyPair();
        var name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "VN")
                .addRDN(BCStyle.O, "e-Cabinet (development)").addRDN(BCStyle.CN, "e-Cabinet Development CA").build();
        Instant now = clock.instant();
        X509Certificate root = Pki.selfSignedRoot(name, keys, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(10 * 365)));
        log.info("Created the development CA {}", Pki.fingerprint(root));
        return new IssuedCredential(root, Pki.pkcs12(keys.getPrivate(), List.of(root), password));
    }

    X509Certificate certificate() {
        return certificate;
    }

    /** A new key pair and certificate for a user; the key leaves only inside a PIN-encrypted PKCS#12. */
    IssuedCredential issue(String userId, String displayName, char[] pin) {
        var keys = Pki.newKeyPair();
        Instant now = clock.instant();
        X509Certificate issued = Pki.signerCertificate(certificate, key, Pki.person(userId, displayName, "e-Cabinet"),
                keys.getPublic(), now.minus(Duration.ofMinutes(5)), now.plus(CERTIFICATE_VALIDITY));
        return new IssuedCredential(issued, Pki.pkcs12(keys.getPrivate(), List.of(issued, certificate), pin));
    }

    /** A time-stamping unit's key and certificate (RFC 3161: extended key usage timeStamping, critical), under a password. */
    IssuedCredential issueTimeStampingUnit(org.bouncycastle.asn1.x500.X500Name subject, char[] password) {
        var keys = Pki.newKeyPair();
        Instant now = clock.instant();
        X509Certificate issued = Pki.timeStampingCertificate(certificate, key, subject, keys.getPublic(), now.minus(Duration.ofMinutes(5)),
                now.plus(CERTIFICATE_VALIDITY));
        return new IssuedCredential(issued, Pki.pkcs12(keys.getPrivate(), List.of(issued, certificate), password));
    }

    record IssuedCredential(X509Certificate certificate, byte[] pkcs12) {
    }

}
