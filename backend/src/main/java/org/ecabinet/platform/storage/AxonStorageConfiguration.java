package org.ecabinet.platform.storage;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.saga.repository.MongoSagaStore;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.ecabinet.platform.secrets.MasterKey;
import org.springframework.context.annotation.Bean;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;

/**
 * Axon's storage on MongoDB: our {@link GaplessMongoEventStorageEngine} for events (axon-mongo's engine
 * tracks by timestamp with a look-back window and can skip events), axon-mongo's token and saga stores.
 * axon-mongo ships no Spring Boot auto-configuration, so all of them are declared here.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class AxonStorageConfiguration {

    @Bean
    MongoTemplate axonMongoTemplate(MongoClient client, StorageProperties properties) {
        return DefaultMongoTemplate.builder().mongoDatabase(client, properties.database()).build();
    }

    @Bean
    EventAuthenticity eventAuthenticity(MasterKey key, Settings settings, MongoDatabase database) {
        return EventAuthenticity.of(key, settings, IndexAllocator.next(database.getCollection(GaplessMongoEventStorageEngine.COUNTERS)));
    }

    @Bean
    EventStorageEngine eventStorageEngine(MongoDatabase database, StorageProperties properties,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          ObjectProvider<EventUpcaster> upcasters, EventAuthenticity authenticity) {
        GaplessMongoEventStorageEngine engine = GaplessMongoEventStorageEngine.builder()
                .database(database)
                .authenticity(authenticity)
                .snapshotSerializer(snapshotSerializer())
                .eventSerializer(eventSerializer)
                .upcasterChain(new EventUpcasterChain(upcasters.orderedStream().toList()))
                .batchSize(1000)
                .sortedCatchUp(!properties.embedded())
                .inMemoryStreamIndex(properties.soleWriter())
                .inMemoryCounter(properties.soleWriter())
                .build();
        engine.ensureIndexes();
        return engine;
    }

    /**
     * Axon's event store as its auto-configuration builds it, but on a store that other nodes write to the processors
     * look for new events every 100 ms instead of every second: an append on this node wakes them at once, one on
     * another node does not, and a member following a session on one node must see a check-in on another within a second.
     */
    @Bean
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration configuration, StorageProperties properties) {
        EmbeddedEventStore.Builder builder = EmbeddedEventStore.builder().storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class));
        return (properties.soleWriter() ? builder : builder.fetchDelay(100)).build();
    }

    /**
     * Snapshots hold an aggregate's private state, which has no getters: they are written field by field.
     * They are a cache of the events (a snapshot that cannot be read is skipped and the events replayed),
     * and never leave the store.
     */
    private static Serializer snapshotSerializer() {
        com.fasterxml.jackson.databind.ObjectMapper fields = com.fasterxml.jackson.databind.json.JsonMapper.builder()
                .findAndAddModules()
                .visibility(com.fasterxml.jackson.annotation.PropertyAccessor.GETTER, com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.NONE)
                .visibility(com.fasterxml.jackson.annotation.PropertyAccessor.IS_GETTER, com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.NONE)
                .visibility(com.fasterxml.jackson.annotation.PropertyAccessor.FIELD, com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.ANY)
                .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
        return org.axonframework.serialization.json.JacksonSerializer.builder().objectMapper(fields).build();
    }

    /** Views changed by a batch of events are written after its last event (see {@link BatchedViewWrites}). */
    @Bean
    ConfigurerModule viewsWrittenAfterEachBatch() {
        return configurer -> configurer.eventProcessing().registerDefaultHandlerInterceptor((configuration, processor) -> new BatchedViewWrites());
    }

    @Bean
    TokenStore tokenStore(MongoTemplate template, Serializer serializer) {
        return MongoTokenStore.builder().mongoTemplate(template).serializer(serializer).build();
    }

    @Bean
    SagaStore<Object> sagaStore(MongoTemplate template, Serializer serializer) {
        return MongoSagaStore.builder().mongoTemplate(template).serializer(serializer).build();
    }

}
