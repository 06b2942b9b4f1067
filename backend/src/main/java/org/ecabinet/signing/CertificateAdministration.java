package org.ecabinet.signing;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import org.ecabinet.events.account.CertificateFacts;
import org.ecabinet.platform.InvalidInput;
import org.ecabinet.platform.NotFound;
import org.ecabinet.platform.RuleViolation;
import org.springframework.stereotype.Service;

/**
 * What an administrator does to users' certificates and to the trust anchors, for the account administration.
 * Each change is first recorded (the {@code record} callback sends the account's command, which checks the
 * account's rules and may refuse) and only then made in the certificate store: a refused or failed record
 * leaves no certificate that nobody recorded. A revocation goes the other way, so that a failure leaves the
 * certificate revoked rather than usable.
 */
@Service
public class CertificateAdministration {

    private final SigningCertificates certificates;
    private final CertificateAuthority authority;
    private final TrustStore trustStore;
    private final Clock clock;

    CertificateAdministration(SigningCertificates certificates, CertificateAuthority authority, TrustStore trustStore, Clock clock) {
        this.certificates = certificates;
        this.authority = authority;
        this.trustStore = trustStore;
        this.clock = clock;
    }

    /** A certificate bound to a user, as the administrator sees it. */
    public record BoundCertificate(CertificateFacts facts, boolean keyHeldHere, Instant revokedAt, String revocationReason) {
    }

    /** A trusted root: signatures chain to one of these or are not valid. */
    public record Anchor(CertificateFacts facts) {
    }

    public List<BoundCertificate> ofUser(String userId) {
        return certificates.ofUser(userId).stream()
                .map(b -> new BoundCertificate(facts(b.certificate()), b.holdsKey(), b.revokedAt(), b.revocationReason())).toList();
    }

    /** Issues the user a development-CA certificate whose key opens with {@code pin}. */
    public CertificateFacts issue(String userId, String displayName, char[] pin, Consumer<CertificateFacts> record) {
        try {
            RemoteSigning.requireAcceptablePin(pin);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("pin", "signing.pin-length", e.getMessage());
        }
        var issued = authority.issue(userId, displayName, pin);
        CertificateFacts facts = facts(issued.certificate());
        record.accept(facts);
        certificates.bind(userId, issued.certificate(), issued.pkcs12(), "development CA");
        return facts;
    }

    /** Binds a certificate issued by another CA (the first of the PEM) to the user, who signs with it elsewhere. */
    public CertificateFacts importFor(String userId, String pem, Consumer<CertificateFacts> record) {
        X509Certificate certificate = parse(pem).get(0);
        if (certificate.getBasicConstraints() >= 0) {
            throw new InvalidInput("pem", "certificate.is-ca", "A signing certificate cannot be a CA certificate.");
        }
        if (certificates.find(certificate).isPresent()) {
            throw new RuleViolation("certificate.already-bound", "This certificate is already bound to a user.");
        }
        CertificateFacts facts = facts(certificate);
        record.accept(facts);
        certificates.bind(userId, certificate, null, "imported");
        return facts;
    }

    /** Revokes the user's certificate: refused at once for every later signature, recorded after. */
    public void revoke(String userId, String fingerprint, String reason, Runnable record) {
        var bound = certificates.find(fingerprint).filter(b -> b.userId().equals(userId))
                .orElseThrow(() -> new NotFound("No certificate " + fingerprint + " of " + userId + "."));
        boolean revokedNow = certificates.revoke(bound.fingerprint(), clock.instant(), reason);
        try {
            record.run();
        } catch (RuleViolation alreadyRecorded) {
            if (revokedNow) {
                throw new IllegalStateException("The store had not revoked a certificate that its account says is revoked.", alreadyRecorded);
            }
            throw alreadyRecorded;
        }
    }

    public List<Anchor> trustAnchors() {
        return trustStore.roots().stream().map(root -> new Anchor(facts(root))).toList();
    }

    /** Trusts every CA certificate of the PEM; anything else in it refuses the whole. */
    public List<Anchor> addTrustAnchors(String pem, String adminId) {
        List<X509Certificate> roots = parse(pem);
        for (X509Certificate root : roots) {
            if (root.getBasicConstraints() < 0) {
                throw new InvalidInput("pem", "trust-anchor.not-ca", "A trust anchor must be a CA certificate.");
            }
        }
        roots.forEach(root -> trustStore.add(root, adminId));
        return roots.stream().map(root -> new Anchor(facts(root))).toList();
    }

    static CertificateFacts facts(X509Certificate c) {
        return new CertificateFacts(Pki.fingerprint(c), c.getSerialNumber().toString(16), c.getSubjectX500Principal().getName(),
                c.getIssuerX500Principal().getName(), c.getNotBefore().toInstant(), c.getNotAfter().toInstant());
    }

    private static List<X509Certificate> parse(String pem) {
        try {
            List<X509Certificate> parsed = Pki.parsePem(pem);
            if (parsed.isEmpty()) {
                throw new IllegalArgumentException("No certificate in the PEM.");
            }
            return parsed;
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("pem", "certificate.unreadable", e.getMessage());
        }
    }
}
