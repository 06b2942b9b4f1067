package org.ecabinet.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.ecabinet.platform.storage.EventStoreIntegrity.Kind;
import org.ecabinet.support.EmbeddedStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

/** Editing, deleting, swapping or inserting event documents by hand, through the driver, is detected. */
class EventStoreIntegrityTest {

    record Decided(String what) {
    }

    static final EventAuthenticity AUTHENTICITY = new EventAuthenticity(org.ecabinet.platform.secrets.MasterKey.generate(), 0);

    @RegisterExtension
    final EmbeddedStore store = new EmbeddedStore();
    MongoCollection<Document> commits;
    GaplessMongoEventStorageEngine engine;
    EventStoreIntegrity integrity;

    @BeforeEach
    void start() {
        var database = store.database("integrity");
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        engine = GaplessMongoEventStorageEngine.builder().database(database).eventSerializer(serializer).snapshotSerializer(serializer)
                .authenticity(AUTHENTICITY).build();
        engine.ensureIndexes();
        integrity = new EventStoreIntegrity(new StoredEvents(database, true), AUTHENTICITY);
        commits = database.getCollection(GaplessMongoEventStorageEngine.COMMITS);
        for (long s = 0; s < 4; s++) {
            engine.appendEvents(event("session-A", s));
            engine.appendEvents(event("session-B", s));
        }
        engine.appendEvents(event("session-C", 0), event("session-C", 1), event("session-C", 2));
    }

    static GenericDomainEventMessage<Decided> event(String aggregate, long sequence) {
        return new GenericDomainEventMessage<>("CabinetSession", aggregate, sequence, new Decided(aggregate + " step " + sequence));
    }

    @Test
    void anUntouchedStorePasses() {
        var report = integrity.verify(n -> { });
        assertThat(report.intact()).isTrue();
        assertThat(report.events()).isEqualTo(11);
        assertThat(report.commits()).isEqualTo(9);
        assertThat(report.findings()).isEmpty();
    }

    @Test
    void anEditedPayloadIsNamed() {
        Document target = commitOf("session-A", 2);
        commits.updateOne(Filters.eq("_id", target.getLong("_id")),
                Updates.set("events.0.payload", "{\"what\":\"session-A step 2, quietly changed\"}"));
        var report = integrity.verify(n -> { });
        assertThat(report.intact()).isFalse();
        assertThat(report.firstProblem()).extracting(EventStoreIntegrity.Finding::kind, EventStoreIntegrity.Finding::aggregateId,
                EventStoreIntegrity.Finding::sequence).containsExactly(Kind.ALTERED, "session-A", 2L);
    }

    @Test
    void anEditedTimestampOrAuthorIsNamed() {
        Document target = commitOf("session-B", 1);
        commits.updateOne(Filters.eq("_id", target.getLong("_id")), Updates.set("events.0.metaData", "{\"userId\":\"someone-else\"}"));
        assertThat(integrity.verify(n -> { }).firstProblem().kind()).isEqualTo(Kind.ALTERED);
    }

    @Test
    void aDeletedEventIsNamedAtTheNextEventOfItsStream() {
        commits.deleteOne(Filters.eq("_id", commitOf("session-A", 1).getLong("_id")));
        var report = integrity.verify(n -> { });
        assertThat(report.firstProblem()).extracting(EventStoreIntegrity.Finding::kind, EventStoreIntegrity.Finding::sequence)
                .containsExactly(Kind.MISSING, 2L);
        assertThat(report.unusedIndexes()).isEqualTo(1);
    }

    @Test
    void twoSwappedCommitsAreNamed() {
        Document a = commitOf("session-A", 1);
        Document b = commitOf("session-B", 2);
        commits.deleteOne(Filters.eq("_id", a.getLong("_id")));
        commits.deleteOne(Filters.eq("_id", b.getLong("_id")));
        long aId = a.getLong("_id");
        a.put("_id", b.getLong("_id"));
        b.put("_id", aId);
        commits.insertMany(List.of(a, b));
        var report = integrity.verify(n -> { });
        assertThat(report.intact()).isFalse();
        assertThat(report.findings()).extracting(EventStoreIntegrity.Finding::kind).contains(Kind.REORDERED);
    }

    @Test
    void anEventSmuggledIntoAStreamIsNamed() {
        Document copy = commitOf("session-B", 3);
        Document forged = new Document(copy);
        Document event = new Document(copy.getList("events", Document.class).get(0));
        event.put("sequence", 4L);
        event.put("global", 100L);
        event.put("payload", "{\"what\":\"a decision nobody took\"}");
        event.put("hash", EventHash.of("session-B", event)); // the forger knows the algorithm, not the chain
        forged.put("_id", 100L);
        forged.put("firstGlobal", 100L);
        forged.put("firstSequence", 4L);
        forged.put("lastSequence", 4L);
        forged.put("events", List.of(event));
        commits.insertOne(forged);
        assertThat(integrity.verify(n -> { }).findings()).extracting(EventStoreIntegrity.Finding::kind, EventStoreIntegrity.Finding::global)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.FORGED, 100L), org.assertj.core.groups.Tuple.tuple(Kind.INSERTED, 100L));
    }

    @Test
    void eventsOfAStreamSwappedInPlaceAreNamed() {
        Document first = commitOf("session-C", 0);
        List<Document> events = first.getList("events", Document.class);
        String payload1 = events.get(1).getString("payload");
        commits.updateOne(Filters.eq("_id", first.getLong("_id")), Updates.combine(
                Updates.set("events.1.payload", events.get(2).getString("payload")),
                Updates.set("events.2.payload", payload1)));
        var report = integrity.verify(n -> { });
        assertThat(report.findings()).extracting(EventStoreIntegrity.Finding::kind, EventStoreIntegrity.Finding::sequence)
                .contains(org.assertj.core.groups.Tuple.tuple(Kind.ALTERED, 1L), org.assertj.core.groups.Tuple.tuple(Kind.ALTERED, 2L));
    }

    private Document commitOf(String aggregate, long sequence) {
        return commits.find(Filters.and(Filters.eq("aggregateId", aggregate), Filters.lte("firstSequence", sequence),
                Filters.gte("lastSequence", sequence))).first();
    }
}
