package org.ecabinet.benchmark;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.ecabinet.platform.storage.EmbeddedMongo;
import org.ecabinet.platform.storage.GaplessMongoEventStorageEngine;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

/**
 * The event store measured against raw MongoDB in the same run, on the embedded store (or on the MongoDB
 * of CABINET_MONGODB_URI):
 *
 * <pre>mvn -q -pl backend test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.ecabinet.benchmark.StoreBenchmark [-Dwarmup=15] [-Dseconds=20] [-Devents=1000000] [-Dstream=10000]</pre>
 */
public final class StoreBenchmark {

    record Increment(@TargetAggregateIdentifier String counterId) {
    }

    record Incremented(String counterId) {
    }

    /** The smallest aggregate there is: one command, one event. */
    public static class Counter {
        @AggregateIdentifier
        private String counterId;

        protected Counter() {
        }

        @CommandHandler
        public Counter(Increment command) {
            apply(new Incremented(command.counterId()));
        }

        @EventSourcingHandler
        void on(Incremented event) {
            counterId = event.counterId();
        }
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("disable-axoniq-console-message", "true");
        Duration warmUp = Duration.ofSeconds(Integer.getInteger("warmup", 15));
        Duration measurement = Duration.ofSeconds(Integer.getInteger("seconds", 20));
        int events = Integer.getInteger("events", 1_000_000);
        int stream = Integer.getInteger("stream", 10_000);
        String uri = System.getenv("CABINET_MONGODB_URI");
        Path dir = Files.createTempDirectory("ecabinet-bench-");
        EmbeddedMongo embedded = uri == null || uri.isBlank() ? EmbeddedMongo.start(dir, false) : null;
        try (MongoClient client = MongoClients.create(embedded != null ? embedded.connectionString() : uri)) {
            System.out.printf("store: %s; appends %d s warm-up and %d s measured; replay %,d events; stream %,d; %d cores%n",
                    embedded != null ? "embedded (mongo-java-server, H2, " + dir + ")" : uri, warmUp.toSeconds(), measurement.toSeconds(),
                    events, stream, Runtime.getRuntime().availableProcessors());
            MongoDatabase appendDb = client.getDatabase("bench_append_" + System.nanoTime());
            Phase raw = rawInserts(appendDb.getCollection("raw"), warmUp, measurement);
            Phase axon = axonAppends(appendDb, warmUp, measurement);
            System.out.println("APPEND  " + raw.line());
            System.out.println("APPEND  " + axon.line());
            System.out.printf("APPEND  ratio Axon commands / raw insertOne: %.2f (target ≥ 0.70)%n", axon.perSecond() / raw.perSecond());

            MongoDatabase replayDb = client.getDatabase("bench_replay_" + System.nanoTime());
            GaplessMongoEventStorageEngine engine = engine(replayDb);
            load(engine, events);
            double scan = rawScan(replayDb.getCollection("event_commits"), events);
            AtomicLong streamed = new AtomicLong();
            double read = Measure.timed("engine stream read", events, () -> {
                engine.readEvents(null, false).forEach(e -> streamed.incrementAndGet());
                return null;
            }, streamed::get);
            System.out.printf("READ    the engine's own stream from the start: %,.0f events/s%n", read);
            double replay = replay(engine, events);
            System.out.printf("REPLAY  raw cursor scan: %,.0f events/s | fresh tracking processor: %,.0f events/s | ratio %.2f%n", scan, replay, replay / scan);

            aggregateLoad(engine, stream);
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    private static GaplessMongoEventStorageEngine engine(MongoDatabase database) {
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        GaplessMongoEventStorageEngine engine = GaplessMongoEventStorageEngine.builder().database(database)
                .eventSerializer(serializer).snapshotSerializer(serializer).batchSize(1000)
                .sortedCatchUp(System.getenv("CABINET_MONGODB_URI") != null)
                .inMemoryStreamIndex(System.getenv("CABINET_MONGODB_URI") == null).inMemoryCounter(System.getenv("CABINET_MONGODB_URI") == null).build();
        engine.ensureIndexes();
        return engine;
    }

    private static Phase rawInserts(MongoCollection<Document> collection, Duration warmUp, Duration measurement) throws Exception {
        AtomicLong next = new AtomicLong();
        return Phase.run("raw insertOne", 8, warmUp, measurement,
                thread -> collection.insertOne(new Document("_id", next.getAndIncrement()).append("payload", "{\"counterId\":\"" + UUID.randomUUID() + "\"}")));
    }

    private static Phase axonAppends(MongoDatabase database, Duration warmUp, Duration measurement) throws Exception {
        Configuration axon = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> engine(database))
                .configureAggregate(Counter.class)
                .configureSerializer(c -> JacksonSerializer.defaultSerializer())
                .buildConfiguration();
        axon.start();
        try {
            CommandGateway gateway = axon.commandGateway();
            return Phase.run("Axon single-event commands", 8, warmUp, measurement,
                    thread -> gateway.sendAndWait(new Increment(UUID.randomUUID().toString())));
        } finally {
            axon.shutdown();
        }
    }

    private static void load(GaplessMongoEventStorageEngine engine, int count) throws Exception {
        AtomicLong loaded = new AtomicLong();
        Measure.timed("loading events for the replay", count, () -> {
            JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
            while (loaded.get() < count) {
                List<EventMessage<?>> batch = new ArrayList<>();
                for (int i = 0; i < 1000 && loaded.get() + i < count; i++) {
                    batch.add(new GenericDomainEventMessage<>("Counter", UUID.randomUUID().toString(), 0, new Incremented("c")));
                }
                engine.appendEvents(batch);
                loaded.addAndGet(batch.size());
            }
            return null;
        }, loaded::get);
    }

    private static double rawScan(MongoCollection<Document> commits, int count) throws Exception {
        AtomicLong seen = new AtomicLong();
        return Measure.timed("raw cursor scan", count, () -> {
            commits.find().batchSize(1000).forEach(d -> seen.addAndGet(d.getList("events", Document.class).size()));
            return null;
        }, seen::get);
    }

    private static double replay(GaplessMongoEventStorageEngine engine, int count) throws Exception {
        AtomicLong handled = new AtomicLong();
        boolean direct = Boolean.parseBoolean(System.getProperty("direct", "false"));
        Configuration axon = DefaultConfigurer.defaultConfiguration()
                .configureEventStore(c -> org.axonframework.eventsourcing.eventstore.EmbeddedEventStore.builder()
                        .storageEngine(engine).optimizeEventConsumption(!direct).build())
                .configureSerializer(c -> JacksonSerializer.defaultSerializer())
                .eventProcessing(processing -> processing
                        .registerTokenStore(c -> new InMemoryTokenStore())
                        .registerTrackingEventProcessorConfiguration(c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing().andBatchSize(1000))
                        .registerEventHandler(c -> new Object() {
                            @org.axonframework.eventhandling.EventHandler
                            void on(Incremented event) {
                                handled.incrementAndGet();
                            }
                        }))
                .buildConfiguration();
        try {
            return Measure.timed("replay by a fresh tracking processor", count, () -> {
                axon.start();
                while (handled.get() < count) {
                    Thread.sleep(20);
                }
                return null;
            }, handled::get);
        } finally {
            axon.shutdown();
        }
    }

    private static void aggregateLoad(GaplessMongoEventStorageEngine engine, int length) {
        String aggregate = "long-stream-" + UUID.randomUUID();
        for (int from = 0; from < length; from += 100) {
            List<DomainEventMessage<?>> commit = new ArrayList<>();
            for (int s = from; s < Math.min(length, from + 100); s++) {
                commit.add(new GenericDomainEventMessage<>("Counter", aggregate, s, new Incremented(aggregate)));
            }
            engine.appendEvents(commit);
        }
        long start = System.nanoTime();
        long read = engine.readEvents(aggregate).asStream().count();
        double first = (System.nanoTime() - start) / 1e6;
        start = System.nanoTime();
        engine.readEvents(aggregate).asStream().count();
        double without = (System.nanoTime() - start) / 1e6;
        System.out.printf("LOAD    first load after start-up (builds the embedded store's stream index): %.0f ms%n", first);
        engine.storeSnapshot(new GenericDomainEventMessage<>("Counter", aggregate, length - 1, new Incremented(aggregate)));
        start = System.nanoTime();
        long afterSnapshot = engine.readSnapshot(aggregate).map(s -> 1L).orElse(0L) + engine.readEvents(aggregate, length).asStream().count();
        double with = (System.nanoTime() - start) / 1e6;
        System.out.printf("LOAD    aggregate of %,d events: %.0f ms from events (%,d read) | %.0f ms from a snapshot (%d read)%n",
                length, without, read, with, afterSnapshot);
    }
}
