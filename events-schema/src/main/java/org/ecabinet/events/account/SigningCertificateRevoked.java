package org.ecabinet.events.account;

import org.axonframework.serialization.Revision;

/** The certificate no longer signs anything: every later signature made with it is refused. */
@Revision("1")
public record SigningCertificateRevoked(String userId, String fingerprint, String reason) implements AccountEvent {
}
