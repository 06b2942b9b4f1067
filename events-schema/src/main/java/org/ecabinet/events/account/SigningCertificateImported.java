package org.ecabinet.events.account;

import org.axonframework.serialization.Revision;

/** A certificate issued by another (trusted) CA was bound to the user; they sign with it elsewhere, we verify. */
@Revision("1")
public record SigningCertificateImported(String userId, CertificateFacts certificate) implements AccountEvent {
}
