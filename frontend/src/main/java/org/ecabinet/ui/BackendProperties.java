package org.ecabinet.ui;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the backend's API is; {@code proxyKey} is the key the backend asks of a trusted proxy before it
 * believes the client address the frontend forwards ({@code CABINET_PROXY_KEY}, the same on both sides).
 */
@ConfigurationProperties("cabinet.backend")
public record BackendProperties(@DefaultValue("http://localhost:8081") String url, String proxyKey) {
}
