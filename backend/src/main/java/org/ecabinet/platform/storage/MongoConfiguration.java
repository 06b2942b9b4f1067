package org.ecabinet.platform.storage;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.ecabinet.platform.secrets.SecretValue;
import org.jobrunr.jobs.mappers.JobMapper;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.storage.StorageProviderUtils.DatabaseOptions;
import org.jobrunr.storage.nosql.mongo.MongoDBStorageProvider;

import org.bson.Document;
import org.bson.UuidRepresentation;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoCredential;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;

/**
 * One MongoDB client for the whole backend; the embedded server is started first when no URI is given.
 * Every storage bean of the application, Axon's included, is declared here or in
 * {@link AxonStorageConfiguration}, so that the store can be swapped in one place.
 */
@Configuration(proxyBeanMethods = false)
public class MongoConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedMongoHolder embeddedMongo(StorageProperties properties) {
        return new EmbeddedMongoHolder(properties.embedded()
                ? EmbeddedMongo.start(properties.dataDirectory(), properties.fsync())
                : null);
    }

    @Bean(destroyMethod = "close")
    MongoClient mongoClient(StorageProperties properties, EmbeddedMongoHolder embedded) {
        String uri = embedded.mongo() != null ? embedded.mongo().connectionString() : properties.uri();
        ConnectionString connection = new ConnectionString(uri);
        // 15 s to find a primary instead of the driver's 30: longer than a replica set's election (MongoDB: typically
        // under 12 s), short enough that a node whose store is gone stops within a 30 s grace period (every stopping
        // part that still writes waits this long once). A serverSelectionTimeoutMS in the URI wins.
        MongoClientSettings.Builder settings = MongoClientSettings.builder()
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(15, java.util.concurrent.TimeUnit.SECONDS))
                .applyConnectionString(connection)
                .uuidRepresentation(UuidRepresentation.STANDARD);
        String password = embedded.mongo() == null ? SecretValue.of(null, properties.passwordFile()) : null;
        if (password != null && properties.username() != null && !properties.username().isBlank()) {
            String source = connection.getCredential() != null ? connection.getCredential().getSource()
                    : uri.contains("authSource=") ? uri.replaceAll(".*authSource=([^&]+).*", "$1") : properties.database();
            settings.credential(MongoCredential.createCredential(properties.username(), source, password.toCharArray()));
        }
        return MongoClients.create(settings.build());
    }

    @Bean
    MongoDatabase mongoDatabase(MongoClient client, StorageProperties properties) {
        return client.getDatabase(properties.database());
    }

    @Bean
    GridFSBucket papersBucket(MongoDatabase database) {
        return GridFSBuckets.create(database, DocumentStore.BUCKET);
    }

    /**
     * Deadlines (ballot closing, reminders) live in JobRunr's collections of the same database, so that a
     * deadline scheduled before a restart fires after it, and a deadline that passed while the backend was
     * down fires when it comes back. Axon's own advice for MongoDB users.
     */
    @Bean
    StorageProvider jobStorage(MongoClient client, StorageProperties properties, JobMapper jobMapper) {
        MongoDatabase database = client.getDatabase(properties.database());
        if (properties.embedded() || EmbeddedMongo.serves(database)) {
            skipIndexReplacementMigration(database);
        }
        var storage = new MongoDBStorageProvider(client, properties.database(), "jobrunr_", DatabaseOptions.CREATE);
        storage.setJobMapper(jobMapper);
        return storage;
    }

    /**
     * JobRunr's migration M007 drops all indexes of its job collection ({@code dropIndexes "*"}) to
     * create new ones; the embedded server fails that command on an index it lists itself. The embedded
     * server answers every query by scanning anyway, so the migration has nothing to give it: it is
     * recorded as applied, exactly as JobRunr records it. A real MongoDB runs it.
     */
    private static void skipIndexReplacementMigration(MongoDatabase database) {
        String migration = "M007_UpdateJobsCollectionReplaceIndices.class";
        var migrations = database.getCollection("jobrunr_migrations");
        if (migrations.find(new Document("_id", migration)).first() == null) {
            migrations.insertOne(new Document("_id", migration).append("name", migration).append("date", java.time.Instant.now()));
        }
    }

    /** Lets the embedded server be optional while still being closed after the client. */
    record EmbeddedMongoHolder(EmbeddedMongo mongo) implements AutoCloseable {
        @Override
        public void close() {
            if (mongo != null) {
                mongo.close();
            }
        }
    }
}
