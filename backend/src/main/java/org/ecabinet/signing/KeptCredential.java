package org.ecabinet.signing;

import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

import org.ecabinet.platform.storage.Settings;

/**
 * A key of the system itself (the internal time-stamping unit, the ledger's seal), issued once by the
 * development CA and kept in the store as PKCS#12 under a random password kept beside it. Whoever starts
 * first creates it; every node then uses the same one. Good for the development set-up only: production
 * keeps such keys in an HSM.
 */
record KeptCredential(PrivateKey key, List<X509Certificate> chain) {

    static KeptCredential openOrIssue(Settings settings, String name, Function<char[], CertificateAuthority.IssuedCredential> issue) {
        String passwordKey = "signing." + name + ".password";
        String keystoreKey = "signing." + name + ".p12";
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        settings.putIfAbsent(passwordKey, Base64.getEncoder().encodeToString(random));
        char[] password = settings.get(passwordKey).orElseThrow().toCharArray();
        if (settings.get(keystoreKey).isEmpty()) {
            settings.putIfAbsent(keystoreKey, Base64.getEncoder().encodeToString(issue.apply(password).pkcs12()));
        }
        byte[] keystore = Base64.getDecoder().decode(settings.get(keystoreKey).orElseThrow());
        PrivateKey key = Pki.unlock(keystore, password).orElseThrow(() -> new IllegalStateException("The key '" + name + "' does not open."));
        return new KeptCredential(key, List.of(Pki.chainOf(keystore, password)));
    }

    X509Certificate certificate() {
        return chain.get(0);
    }
}
