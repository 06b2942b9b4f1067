package org.ecabinet.events.account;

import org.axonframework.serialization.Revision;

/** The development CA issued the user a certificate; its key is held here, under the user's signing PIN. */
@Revision("1")
public record SigningCertificateIssued(String userId, CertificateFacts certificate) implements AccountEvent {
}
