package org.ecabinet.signing;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.ecabinet.platform.storage.KeptSecrets;
import org.ecabinet.platform.storage.Settings;

/**
 * A key of the system itself (the development CA, the internal time-stamping unit, the ledger's and the
 * agencies' seals), created once and kept in the store as PKCS#12 sealed under the master key, with a
 * password derived from it: the database alone opens neither. Whoever starts first creates it; every node
 * then uses the same one. Good for the development set-up only: production keeps such keys in an HSM.
 */
record KeptCredential(PrivateKey key, List<X509Certificate> chain) {

    static KeptCredential openOrIssue(KeptSecrets secrets, Settings settings, String name,
                                      Function<char[], CertificateAuthority.IssuedCredential> issue) {
        char[] password = secrets.password(name);
        byte[] keystore = secrets.keep("signing." + name + ".p12",
                () -> fromEarlierVersion(settings, name, password).orElseGet(() -> issue.apply(password).pkcs12()));
        PrivateKey key = Pki.unlock(keystore, password).orElseThrow(() -> new IllegalStateException("The key '" + name + "' does not open."));
        return new KeptCredential(key, List.of(Pki.chainOf(keystore, password)));
    }

    /**
     * Stores of earlier versions kept the keystore in clear beside its password: the key is re-wrapped under
     * the new password, to be sealed, and the clear copies are removed so that the database no longer holds them.
     */
    private static Optional<byte[]> fromEarlierVersion(Settings settings, String name, char[] password) {
        String passwordSetting = "signing." + name + ".password";
        String keystoreSetting = "signing." + name + ".p12";
        Optional<String> oldPassword = settings.get(passwordSetting);
        Optional<String> oldKeystore = settings.get(keystoreSetting);
        if (oldPassword.isEmpty() || oldKeystore.isEmpty()) {
            return Optional.empty();
        }
        byte[] keystore = Base64.getDecoder().decode(oldKeystore.get());
        char[] old = oldPassword.get().toCharArray();
        PrivateKey key = Pki.unlock(keystore, old).orElseThrow(() -> new IllegalStateException("The kept key '" + name + "' does not open."));
        byte[] rewrapped = Pki.pkcs12(key, List.of(Pki.chainOf(keystore, old)), password);
        settings.remove(passwordSetting);
        settings.remove(keystoreSetting);
        return Optional.of(rewrapped);
    }

    X509Certificate certificate() {
        return chain.get(0);
    }
}
