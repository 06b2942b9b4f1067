package org.ecabinet.ballot;

import org.ecabinet.signing.VerificationReport;

/** Verifies a detached CMS signature; the signing service in production, a stand-in in aggregate tests. */
@FunctionalInterface
interface SignatureCheck {
    VerificationReport verify(byte[] content, byte[] signature);
}
