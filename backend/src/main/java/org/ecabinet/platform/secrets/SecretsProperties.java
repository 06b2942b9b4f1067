package org.ecabinet.platform.secrets;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the master key comes from: {@code masterKey} (base64 of 32 bytes, e.g. from {@code CABINET_MASTER_KEY}),
 * else the file {@code keyFile} ({@code CABINET_KEY_FILE}; by default {@code keys/master.key} beside the
 * embedded store's data directory), created with owner-only permissions on the first start of an empty store.
 */
@ConfigurationProperties("cabinet.secrets")
public record SecretsProperties(String masterKey, String keyFile) {

    Path keyFileOr(Path fallback) {
        return keyFile == null || keyFile.isBlank() ? fallback : Path.of(keyFile);
    }
}
