package org.ecabinet.events.account;

import java.time.Instant;

/** What identifies a signing certificate and how long it is valid; {@code fingerprint} is the SHA-256 of its DER, hex. */
public record CertificateFacts(String fingerprint, String serial, String subject, String issuer, Instant notBefore, Instant notAfter) {
}
