package org.ecabinet.signing;

import java.time.Duration;
import java.time.Instant;

import org.bouncycastle.asn1.x500.X500Name;

/** Certificates for tests outside the signing package. */
public final class TestCertificates {

    private TestCertificates() {
    }

    /** A fresh self-signed root, as PEM. */
    public static String selfSignedPem() {
        Instant now = Instant.now();
        return Pki.pem(Pki.selfSignedRoot(new X500Name("CN=Test root"), Pki.newKeyPair(), now, now.plus(Duration.ofDays(1))));
    }
}
