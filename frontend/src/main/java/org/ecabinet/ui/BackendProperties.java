package org.ecabinet.ui;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the backend's API is; {@code proxyKey} is the key the backend asks of a trusted proxy before it
 * believes the client address the frontend forwards ({@code CABINET_PROXY_KEY}, the same on both sides).
 */
@ConfigurationProperties("cabinet.backend")
public record BackendProperties(@DefaultValue("http://localhost:8081") String url, String proxyKey, String proxyKeyFile) {

    /** The proxy key, given as a value or as a file holding it (a compose secret); none when neither is set. */
    String sharedProxyKey() {
        if (proxyKey != null && !proxyKey.isBlank()) {
            return proxyKey.strip();
        }
        if (proxyKeyFile == null || proxyKeyFile.isBlank()) {
            return null;
        }
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of(proxyKeyFile)).strip();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("The proxy key file " + proxyKeyFile + " cannot be read", e);
        }
    }
}
