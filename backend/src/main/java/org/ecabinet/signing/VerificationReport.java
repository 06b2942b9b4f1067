package org.ecabinet.signing;

import java.time.Instant;
import java.util.List;

/**
 * The outcome of validating one signature, in the terms of ETSI EN 319 102-1: an indication, a
 * sub-indication saying why when it is not TOTAL_PASSED, who signed (and which user the certificate is
 * bound to), the chain up to a trust anchor and the signing time.
 */
public record VerificationReport(Indication indication, SubIndication subIndication, String message,
                                 String signer, String signerUserId, String certificateSha256, List<String> certificateChain,
                                 Instant signingTime) {

    public enum Indication { TOTAL_PASSED, TOTAL_FAILED, INDETERMINATE }

    public enum SubIndication {
        FORMAT_FAILURE, HASH_FAILURE, SIG_CRYPTO_FAILURE, REVOKED, EXPIRED, NOT_YET_VALID,
        NO_SIGNING_CERTIFICATE_FOUND, NO_CERTIFICATE_CHAIN_FOUND
    }

    public boolean passed() {
        return indication == Indication.TOTAL_PASSED;
    }

    static VerificationReport failed(SubIndication why, String message) {
        return new VerificationReport(Indication.TOTAL_FAILED, why, message, null, null, null, List.of(), null);
    }

    VerificationReport because(Indication indication, SubIndication why, String message) {
        return new VerificationReport(indication, why, message, signer, signerUserId, certificateSha256, certificateChain, signingTime);
    }
}
