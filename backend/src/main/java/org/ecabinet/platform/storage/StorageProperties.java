package org.ecabinet.platform.storage;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the data lives: {@code uri} set (from {@code CABINET_MONGODB_URI}) means a real MongoDB;
 * otherwise the embedded store in {@code dataDirectory}.
 */
@ConfigurationProperties("cabinet.mongodb")
public record StorageProperties(
        String uri,
        @DefaultValue("ecabinet") String database,
        @DefaultValue("./data") Path dataDirectory,
        @DefaultValue("false") boolean fsync) {

    public boolean embedded() {
        return uri == null || uri.isBlank();
    }
}
