package org.ecabinet.platform.storage;

import java.util.function.Supplier;

import org.ecabinet.platform.StartupRefused;
import org.ecabinet.platform.secrets.MasterKey;
import org.springframework.stereotype.Component;

/**
 * Secrets kept in the store sealed under the {@link MasterKey}: a private key's PKCS#12, say. The store
 * remembers a check value of the master key it was first opened with, so that a store started with
 * another key (a lost or swapped key file) is refused at once instead of failing later, secret by secret.
 */
@Component
public class KeptSecrets {

    private static final String CHECK_SETTING = "master-key.check";
    private static final String CHECK_PURPOSE = "key-check";
    private static final String SEALED_PREFIX = "sealed.";

    private final Settings settings;
    private final MasterKey key;

    KeptSecrets(Settings settings, MasterKey key) {
        this.settings = settings;
        this.key = key;
        String check = key.mac(CHECK_PURPOSE, "e-Cabinet");
        settings.putIfAbsent(CHECK_SETTING, check);
        if (!key.verifies(CHECK_PURPOSE, "e-Cabinet", settings.get(CHECK_SETTING).orElseThrow())) {
            throw new StartupRefused("this store's secrets were sealed under another master key than the one given.",
                    "Start with the master key this store was created with (CABINET_KEY_FILE or CABINET_MASTER_KEY); "
                            + "a new key cannot open the existing secrets.");
        }
    }

    /** The secret {@code name}, created by {@code create} the first time; when two nodes create it together, the first stored wins. */
    public byte[] keep(String name, Supplier<byte[]> create) {
        String setting = SEALED_PREFIX + name;
        if (settings.get(setting).isEmpty()) {
            settings.putIfAbsent(setting, key.seal(setting, create.get()));
        }
        return key.open(setting, settings.get(setting).orElseThrow());
    }

    /** {@code secret} sealed for {@code purpose}, to keep in a document of one's own. */
    public String seal(String purpose, byte[] secret) {
        return key.seal(purpose, secret);
    }

    public byte[] open(String purpose, String sealed) {
        return key.open(purpose, sealed);
    }

    /** A password for a keystore kept here: derived from the master key, so it is in no database. */
    public char[] password(String name) {
        return java.util.HexFormat.of().formatHex(key.derive("password:" + name)).toCharArray();
    }
}
