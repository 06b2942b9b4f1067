package org.ecabinet.platform.storage;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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
        return MongoClients.create(embedded.mongo() != null ? embedded.mongo().connectionString() : properties.uri());
    }

    @Bean
    MongoDatabase mongoDatabase(MongoClient client, StorageProperties properties) {
        return client.getDatabase(properties.database());
    }

    @Bean
    GridFSBucket papersBucket(MongoDatabase database) {
        return GridFSBuckets.create(database, "papers");
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
