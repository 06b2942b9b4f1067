package org.ecabinet.signing;

import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.ecabinet.platform.storage.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The development certificate authority: created on the first start of an empty store and kept in it,
 * it issues one signing certificate per user. Two nodes starting together agree on one CA because the
 * store keeps whichever was written first. A production deployment imports its real CA's root into the
 * {@link TrustStore} and binds certificates issued by that CA to users instead.
 */
@Component
class CertificateAuthority {

    private static final Logger log = LoggerFactory.getLogger(CertificateAuthority.class);
    private static final String PASSWORD_KEY = "signing.dev-ca.password";
    private static final String KEYSTORE_KEY = "signing.dev-ca.p12";
    static final Duration CERTIFICATE_VALIDITY = Duration.ofDays(3 * 365);

    private final Clock clock;
    private final X509Certificate certificate;
    private final PrivateKey key;

    CertificateAuthority(Settings settings, TrustStore trustStore, Clock clock) {
        this.clock = clock;
        settings.putIfAbsent(PASSWORD_KEY, newPassword());
        char[] password = settings.get(PASSWORD_KEY).orElseThrow().toCharArray();
        if (settings.get(KEYSTORE_KEY).isEmpty()) {
            var keys = Pki.newKeyPair();
            var name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "VN")
                    .addRDN(BCStyle.O, "e-Cabinet (development)").addRDN(BCStyle.CN, "e-Cabinet Development CA").build();
            Instant now = clock.instant();
            X509Certificate root = Pki.selfSignedRoot(name, keys, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(10 * 365)));
            if (settings.putIfAbsent(KEYSTORE_KEY, Base64.getEncoder().encodeToString(Pki.pkcs12(keys.getPrivate(), List.of(root), password)))) {
                log.info("Created the development CA {}", Pki.fingerprint(root));
            }
        }
        byte[] keystore = Base64.getDecoder().decode(settings.get(KEYSTORE_KEY).orElseThrow());
        this.key = Pki.unlock(keystore, password).orElseThrow(() -> new IllegalStateException("The development CA's key does not open."));
        this.certificate = Pki.chainOf(keystore, password)[0];
        trustStore.add(certificate, "system");
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

    private static String newPassword() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return Base64.getEncoder().encodeToString(random);
    }
}
