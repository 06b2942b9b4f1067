package org.ecabinet.signing;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.ecabinet.platform.FailureThrottle;
import org.ecabinet.platform.NotPermitted;
import org.ecabinet.platform.RuleViolation;
import org.ecabinet.platform.TooManyAttempts;
import org.springframework.stereotype.Service;

/**
 * Remote signing: a user's key is held here encrypted under the user's signing PIN and opened only for
 * one signing act, then dropped. After five wrong PINs within 15 minutes each further attempt waits, one
 * minute doubling up to 15.
 */
@Service
public class RemoteSigning {

    private final SigningCertificates certificates;
    private final CertificateAuthority authority;
    private final Clock clock;
    private static final String PIN = "pin";
    private final FailureThrottle wrongPins;

    RemoteSigning(SigningCertificates certificates, CertificateAuthority authority, Clock clock) {
        this.certificates = certificates;
        this.authority = authority;
        this.clock = clock;
        // Only the signed-in user can try their own PIN: one count per user, whatever the address.
        this.wrongPins = new FailureThrottle(new FailureThrottle.Limits(5, Duration.ofMinutes(1), Duration.ofMinutes(15),
                Duration.ofMinutes(15), 0), clock);
    }

    /** A detached CAdES-BES signature of {@code content} by the user's key, signing time now. */
    public byte[] signCms(String userId, char[] pin, byte[] content) {
        Unlocked unlocked = unlock(userId, pin);
        return CmsSignatures.signDetached(content, unlocked.key(), unlocked.chain(), clock.instant());
    }

    /** The PDF with a PAdES signature of the user added. */
    public byte[] signPdf(String userId, char[] pin, byte[] pdf, String reason) {
        Unlocked unlocked = unlock(userId, pin);
        return PadesSignatures.sign(pdf, unlocked.key(), unlocked.chain(), reason, "Hà Nội, Việt Nam", clock.instant());
    }

    /** Issues the user a new certificate from the development CA; the key is kept under {@code pin}. */
    public String issueCredential(String userId, String displayName, char[] pin) {
        requireAcceptablePin(pin);
        var issued = authority.issue(userId, displayName, pin);
        certificates.bind(userId, issued.certificate(), issued.pkcs12(), "development CA");
        return Pki.fingerprint(issued.certificate());
    }

    public boolean hasCredential(String userId) {
        return certificates.signingCredential(userId).isPresent();
    }

    private record Unlocked(PrivateKey key, List<X509Certificate> chain) {
    }

    private Unlocked unlock(String userId, char[] pin) {
        wrongPins.waitFor(userId, PIN).ifPresent(wait -> {
            throw new TooManyAttempts("Too many wrong signing PINs.", wait);
        });
        var credential = certificates.signingCredential(userId)
                .orElseThrow(() -> new RuleViolation("You have no signing certificate held by this system."));
        try {
            PrivateKey key = Pki.unlock(certificates.keystore(credential), pin).orElse(null);
            if (key == null) {
                wrongPins.failed(userId, PIN);
                throw new NotPermitted("Wrong signing PIN.", "signing.wrong-pin");
            }
            wrongPins.succeeded(userId, PIN);
            return new Unlocked(key, List.of(credential.certificate(), authority.certificate()));
        } finally {
            Arrays.fill(pin, '\0');
        }
    }

    static void requireAcceptablePin(char[] pin) {
        if (pin == null || pin.length < 6 || pin.length > 32) {
            throw new IllegalArgumentException("A signing PIN has 6 to 32 characters.");
        }
    }
}
