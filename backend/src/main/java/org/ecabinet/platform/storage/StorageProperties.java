package org.ecabinet.platform.storage;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the data lives: {@code uri} set (from {@code CABINET_MONGODB_URI}) means a real MongoDB, signed in to as
 * {@code username} with the password in {@code passwordFile} (a secret; the URI's {@code authSource}, else the
 * application's database, holds the user); otherwise the embedded store in {@code dataDirectory}.
 */
@ConfigurationProperties("cabinet.mongodb")
public record StorageProperties(
        String uri,
        String username,
        String passwordFile,
        @DefaultValue("ecabinet") String database,
        @DefaultValue("./data") Path dataDirectory,
        @DefaultValue("false") boolean fsync) {

    public boolean embedded() {
        return uri == null || uri.isBlank();
    }

    /**
     * Whether this process is the store's only writer — the in-process embedded store — so that what it knows in
     * memory (the stream index, the global counter, aggregates kept between commands) cannot be made stale by
     * another node. Any store given by URI may be shared, the embedded one run as its own process included.
     */
    public boolean soleWriter() {
        return embedded();
    }
}
