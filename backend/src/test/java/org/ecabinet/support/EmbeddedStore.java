package org.ecabinet.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.ecabinet.platform.storage.EmbeddedMongo;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

/**
 * A fresh embedded store for each test, spoken to through the real driver: started in a directory of its own before
 * the test's {@code @BeforeEach}, closed and removed after it. {@code @RegisterExtension final EmbeddedStore store = new EmbeddedStore();}
 */
public final class EmbeddedStore implements BeforeEachCallback, AfterEachCallback {

    private Path directory;
    private EmbeddedMongo mongo;
    private MongoClient client;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        directory = Files.createTempDirectory("embedded-store-");
        mongo = EmbeddedMongo.start(directory.resolve("store"), false);
        client = MongoClients.create(mongo.connectionString());
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        client.close();
        mongo.close();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    public MongoDatabase database(String name) {
        return client.getDatabase(name);
    }

    /** A directory of this test's own, beside the store, for what a test keeps outside it. */
    public Path directory() {
        return directory;
    }
}
