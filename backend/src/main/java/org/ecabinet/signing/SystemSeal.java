package org.ecabinet.signing;

import java.time.Clock;

import org.ecabinet.platform.storage.KeptSecrets;
import org.ecabinet.platform.storage.Settings;
import org.springframework.stereotype.Service;

/**
 * The system's own electronic seal: a detached CMS signature made by the e-Cabinet system rather than by
 * a person, for what the system attests on its own (ledger checkpoints, audit exports). No PIN: nobody
 * signs in person; the certificate (issued by the trusted CA) says that it is the system's.
 */
@Service
public class SystemSeal {

    private final KeptCredential credential;
    private final Clock clock;

    SystemSeal(CertificateAuthority authority, KeptSecrets secrets, Settings settings, Clock clock) {
        this.clock = clock;
        this.credential = KeptCredential.openOrIssue(secrets, settings, "system-seal",
                password -> authority.issue("system:ledger", "e-Cabinet audit ledger seal", password));
    }

    /** A detached CAdES-BES signature of {@code content} by the system, signing time now. */
    public byte[] seal(byte[] content) {
        return CmsSignatures.signDetached(content, credential.key(), credential.chain(), clock.instant());
    }

    public String certificatePem() {
        return Pki.pem(credential.certificate());
    }

    public String certificateSha256() {
        return Pki.fingerprint(credential.certificate());
    }
}
