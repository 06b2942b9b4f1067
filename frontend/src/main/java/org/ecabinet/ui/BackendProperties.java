package org.ecabinet.ui;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Where the backend's API is. */
@ConfigurationProperties("cabinet.backend")
public record BackendProperties(@DefaultValue("http://localhost:8081") String url) {
}
