package org.ecabinet.ballot;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.ecabinet.events.ballot.QuestionAnswer;
import org.ecabinet.signing.SignatureVerifier;
import org.ecabinet.signing.VerificationReport;
import org.springframework.stereotype.Component;

/**
 * Verifies a member's signed answers before the command takes the ballot's lock, and gives the report to the
 * ballot when it checks exactly that content and signature. When every member answers at once, the signatures
 * (an ECDSA verification and a certificate chain each) are then checked in parallel instead of one after
 * another under the lock, which is held only for what needs the ballot's state.
 * <p>
 * A report is found only for the same bytes: the content the ballot itself derives from its state and the
 * answers, and the signature given. Anything else (another content, a report older than {@link #KEPT}, one
 * already used) is verified again in full, so nothing is accepted unverified. Reports of commands that were
 * refused before their signature was looked at expire.
 */
@Component
class EarlyVerification implements SignatureCheck {

    private static final Duration KEPT = Duration.ofSeconds(10);
    private static final int LIMIT = 10_000;

    private record Verified(VerificationReport report, Instant at) {
    }

    private final SignatureVerifier verifier;
    private final Clock clock;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    EarlyVerification(SignatureVerifier verifier, Clock clock) {
        this.verifier = verifier;
        this.clock = clock;
    }

    /** Verifies the signature of the member's answers now, outside the ballot's lock; a malformed one is left to the ballot. */
    void ahead(String ballotId, String memberId, List<String> draftHashes, List<QuestionAnswer> answers, String signature) {
        byte[] content = AnswerCanonicalForm.bytes(AnswerCanonicalForm.of(ballotId, memberId, draftHashes, answers));
        byte[] cms;
        try {
            cms = Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            return;
        }
        if (verified.size() > LIMIT) {
            Instant stale = clock.instant().minus(KEPT);
            verified.values().removeIf(v -> v.at().isBefore(stale));
        }
        verified.put(key(content, cms), new Verified(verifier.verifyCms(content, cms), clock.instant()));
    }

    @Override
    public VerificationReport verify(byte[] content, byte[] signature) {
        Verified early = verified.remove(key(content, signature));
        if (early != null && !early.at().isBefore(clock.instant().minus(KEPT))) {
            return early.report();
        }
        return verifier.verifyCms(content, signature);
    }

    private static String key(byte[] content, byte[] signature) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            String contentHash = HexFormat.of().formatHex(sha256.digest(content));
            return contentHash + ":" + HexFormat.of().formatHex(sha256.digest(signature));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
