package org.ecabinet.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.ecabinet.platform.FailureThrottle;
import org.ecabinet.platform.NotPermitted;
import org.ecabinet.platform.RuleViolation;
import org.ecabinet.platform.TooManyAttempts;
import org.springframework.stereotype.Service;

/**
 * Remote signing: a user's key is held here encrypted under the user's signing PIN. After five wrong PINs
 * within 15 minutes each further attempt waits, one minute doubling up to 15.
 * <p>
 * Opening the encrypted key (PBKDF2, twice 10,000 rounds) cost more CPU than the signature itself, for every
 * answer of every member. An opened key is therefore kept in memory for {@link #OPEN_FOR} after it was opened
 * (not extended by use), like a signing session on a card: each signature still needs the PIN, compared with
 * an HMAC of the PIN that opened it under a key made at start-up (the PIN itself is not kept). A wrong PIN
 * goes the slow way, counts as a failure and closes the session; a revoked or replaced certificate is not used.
 */
@Service
public class RemoteSigning {

    private final SigningCertificates certificates;
    private final CertificateAuthority authority;
    private final Clock clock;
    private static final String PIN = "pin";
    static final Duration OPEN_FOR = Duration.ofMinutes(5);
    private final FailureThrottle wrongPins;
    private final Map<String, Opened> opened = new ConcurrentHashMap<>();
    private final SecretKeySpec pinTagKey = new SecretKeySpec(randomBytes(32), "HmacSHA256");

    /** A key opened with the PIN whose tag is kept, for the certificate with that fingerprint. */
    private record Opened(String fingerprint, PrivateKey key, byte[] pinTag, Instant until) {
    }

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
                .orElseThrow(() -> new RuleViolation("signing.no-certificate", "You have no signing certificate held by this system."));
        List<X509Certificate> chain = List.of(credential.certificate(), authority.certificate());
        try {
            byte[] tag = pinTag(credential.fingerprint(), pin);
            Opened session = opened.get(userId);
            if (session != null && session.fingerprint().equals(credential.fingerprint()) && clock.instant().isBefore(session.until())
                    && MessageDigest.isEqual(session.pinTag(), tag)) {
                wrongPins.succeeded(userId, PIN);
                return new Unlocked(session.key(), chain);
            }
            PrivateKey key = Pki.unlock(certificates.keystore(credential), pin).orElse(null);
            if (key == null) {
                opened.remove(userId);
                wrongPins.failed(userId, PIN);
                throw new NotPermitted("Wrong signing PIN.", "signing.wrong-pin");
            }
            wrongPins.succeeded(userId, PIN);
            opened.put(userId, new Opened(credential.fingerprint(), key, tag, clock.instant().plus(OPEN_FOR)));
            return new Unlocked(key, chain);
        } finally {
            Arrays.fill(pin, '\0');
        }
    }

    private byte[] pinTag(String fingerprint, char[] pin) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(pinTagKey);
            mac.update(fingerprint.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(new String(pin).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    static void requireAcceptablePin(char[] pin) {
        if (pin == null || pin.length < 6 || pin.length > 32) {
            throw new IllegalArgumentException("A signing PIN has 6 to 32 characters.");
        }
    }
}
