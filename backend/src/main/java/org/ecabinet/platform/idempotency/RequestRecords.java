package org.ecabinet.platform.idempotency;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import org.bson.Document;
import org.bson.types.Binary;
import org.ecabinet.platform.cluster.ClusterNodes;
import org.ecabinet.platform.storage.StoredEvents;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;

/**
 * What became of each request sent under an idempotency key, in {@code idempotency_keys} (one document per caller
 * and key, kept {@code cabinet.idempotency.keep}): begun, by which node and when; then its answer, or that it
 * failed. Beginning is one insert, so of two tries at once exactly one begins; a try whose first one failed, or
 * whose node went silent before answering, learns from the event store whether the first one was applied.
 */
@Component
class RequestRecords {

    enum State { PENDING, DONE, FAILED }

    /**
     * Answers larger than this (a document's PDF) are not kept: a retry gets the status and no body, marked
     * {@code Idempotency-Body-Omitted}, and reads what it needs where it is served. Keeps records far from the store's
     * 16 MB document limit.
     */
    static final int MAX_BODY = 256 * 1024;

    /** A request is not expected to run this long: past it, a first try on a living node is taken for lost too. */
    static final Duration STALE = Duration.ofMinutes(2);

    private final MongoCollection<Document> records;
    private final ClusterNodes nodes;
    private final StoredEvents events;
    private final Clock clock;
    private final Duration keep;

    RequestRecords(MongoDatabase database, ClusterNodes nodes, StoredEvents events, Clock clock,
                   @Value("${cabinet.idempotency.keep:P1D}") Duration keep) {
        this.records = database.getCollection("idempotency_keys");
        this.records.createIndex(Indexes.ascending("expiresAt"), new IndexOptions().name("by-expiry"));
        this.nodes = nodes;
        this.events = events;
        this.clock = clock;
        this.keep = keep;
    }

    /** How a try under a key goes on: run it, answer as the first try was answered, or refuse. */
    sealed interface Begun {
        record Run() implements Begun {
        }

        /** {@code body}: null when it was too large to keep. */
        record Answered(int status, String contentType, String location, byte[] body) implements Begun {
        }

        /** The first try was applied but its answer was lost with its node: what is known is what changed. */
        record AppliedBefore(String aggregateId) implements Begun {
        }

        record InProgress() implements Begun {
        }

        record KeyReused() implements Begun {
        }
    }

    Begun begin(RequestKey key) {
        for (int attempt = 0; attempt < 3; attempt++) {
            if (inserted(key)) {
                return new Begun.Run();
            }
            Document first = records.find(eq("_id", key.id())).first();
            if (first == null) {
                continue; // expired and swept in between
            }
            return resume(key, first);
        }
        return new Begun.InProgress();
    }

    private Begun resume(RequestKey key, Document first) {
        if (!key.fingerprint().equals(first.getString("fingerprint"))) {
            return new Begun.KeyReused();
        }
        State state = State.valueOf(first.getString("state"));
        if (state == State.DONE) {
            return answered(first);
        }
        if (state == State.PENDING && nodes.alive(first.getString("node"))
                && first.getDate("startedAt").toInstant().isAfter(clock.instant().minus(STALE))) {
            return new Begun.InProgress();
        }
        // The first try failed, or its node died before answering: the events it caused carry its key.
        Optional<String> changed = events.changedBy(key.id());
        if (changed.isPresent()) {
            return new Begun.AppliedBefore(changed.get());
        }
        boolean takenOver = records.updateOne(
                and(eq("_id", key.id()), eq("state", state.name()), eq("node", first.getString("node")), eq("startedAt", first.getDate("startedAt"))),
                Updates.combine(Updates.set("state", State.PENDING.name()), Updates.set("node", nodes.self()),
                        Updates.set("startedAt", Date.from(clock.instant())))).getModifiedCount() == 1;
        return takenOver ? new Begun.Run() : new Begun.InProgress();
    }

    private boolean inserted(RequestKey key) {
        Instant now = clock.instant();
        try {
            records.insertOne(new Document("_id", key.id()).append("user", key.user()).append("fingerprint", key.fingerprint())
                    .append("state", State.PENDING.name()).append("node", nodes.self())
                    .append("startedAt", Date.from(now)).append("expiresAt", Date.from(now.plus(keep))));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /** The answer given to the try that ran; an answer of 5xx leaves the outcome open, as a failure does. */
    void answered(RequestKey key, int status, String contentType, String location, byte[] body) {
        if (status >= 500) {
            failed(key);
            return;
        }
        boolean kept = body.length <= MAX_BODY;
        records.updateOne(and(eq("_id", key.id()), eq("node", nodes.self())), Updates.combine(
                Updates.set("state", State.DONE.name()), Updates.set("status", status), Updates.set("contentType", kept ? contentType : null),
                Updates.set("location", location), kept ? Updates.set("body", new Binary(body)) : Updates.set("bodyOmitted", true)));
    }

    void failed(RequestKey key) {
        records.updateOne(and(eq("_id", key.id()), eq("node", nodes.self()), eq("state", State.PENDING.name())),
                Updates.set("state", State.FAILED.name()));
    }

    @Scheduled(initialDelayString = "PT5M", fixedDelayString = "PT10M")
    void sweep() {
        records.deleteMany(lt("expiresAt", Date.from(clock.instant())));
    }

    private static Begun answered(Document done) {
        Binary body = done.get("body", Binary.class);
        return new Begun.Answered(done.getInteger("status"), done.getString("contentType"), done.getString("location"),
                body != null ? body.getData() : done.getBoolean("bodyOmitted", false) ? null : new byte[0]);
    }
}
