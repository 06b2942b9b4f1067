package org.ecabinet.audit.replay;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.nin;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bson.Document;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Updates;

/**
 * The replays of every node, in the store ({@code audit_replays}, one document per projection): a replay asked for on
 * any node waits there until the node that runs the projection takes it, and its progress is written there, so that a
 * follower on any node sees it. Taking a request and refusing a second one are single atomic updates.
 */
class ReplayBoard {

    static final String COLLECTION = "audit_replays";
    private static final String ID = "_id";
    private static final String STATE = "state";
    private static final String RUNNER = "runner";
    private static final String VERSION = "version";
    private static final String PROGRESS = "progress";

    /** A projection's replay as stored: its progress, the node running it (null while asked for), and how often it changed. */
    record Entry(Replays.Progress progress, String runner, long version) {
    }

    private final MongoCollection<Document> replays;
    private final ObjectMapper json;

    ReplayBoard(MongoDatabase database, ObjectMapper json) {
        this.replays = database.getCollection(COLLECTION);
        this.json = json;
    }

    /** Asks for a replay; false when one is asked for or running already. */
    boolean request(Replays.Progress requested) {
        String name = requested.projection();
        try {
            replays.findOneAndUpdate(and(eq(ID, name), nin(STATE, names(Replays.State.REQUESTED, Replays.State.RUNNING))),
                    Updates.combine(Updates.set(STATE, requested.state().name()), Updates.set(RUNNER, null),
                            Updates.set(PROGRESS, document(requested)), Updates.inc(VERSION, 1L)),
                    new FindOneAndUpdateOptions().upsert(true));
            return true;
        } catch (MongoException e) { // findAndModify answers a duplicate key as a failed command
            if (ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.DUPLICATE_KEY) {
                return false; // the document exists and is busy: the upsert tried to insert a second one
            }
            throw e;
        }
    }

    /** Takes a waiting request for {@code node}; false when another node took it first, or nothing waits. */
    boolean take(String projection, String node) {
        return replays.findOneAndUpdate(and(eq(ID, projection), eq(STATE, Replays.State.REQUESTED.name())),
                Updates.combine(Updates.set(RUNNER, node), Updates.inc(VERSION, 1L))) != null;
    }

    /** Writes the progress of a replay {@code node} runs; nothing if another took it over meanwhile. */
    void publish(String node, Replays.Progress progress) {
        replays.updateOne(and(eq(ID, progress.projection()), eq(RUNNER, node)), Updates.combine(Updates.set(STATE, progress.state().name()),
                Updates.set(PROGRESS, document(progress)), Updates.inc(VERSION, 1L)));
    }

    /** Ends a running replay as failed, unless it moved on since {@code seen} was read. */
    void fail(Entry seen, Replays.Progress failed) {
        replays.updateOne(and(eq(ID, failed.projection()), eq(VERSION, seen.version())), Updates.combine(Updates.set(STATE, failed.state().name()),
                Updates.set(PROGRESS, document(failed)), Updates.inc(VERSION, 1L)));
    }

    Optional<Entry> find(String projection) {
        return Optional.ofNullable(replays.find(eq(ID, projection)).first()).map(this::entry);
    }

    /** The replays asked for and not yet taken, or running. */
    List<Entry> unfinished() {
        List<Entry> found = new ArrayList<>();
        replays.find(in(STATE, names(Replays.State.REQUESTED, Replays.State.RUNNING))).forEach(d -> found.add(entry(d)));
        return found;
    }

    private Entry entry(Document stored) {
        try {
            Replays.Progress progress = json.readValue(stored.get(PROGRESS, Document.class).toJson(), Replays.Progress.class);
            return new Entry(progress, stored.getString(RUNNER), ((Number) stored.get(VERSION)).longValue());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable replay " + stored.get(ID), e);
        }
    }

    private Document document(Replays.Progress progress) {
        try {
            return Document.parse(json.writeValueAsString(progress));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> names(Replays.State... states) {
        return java.util.Arrays.stream(states).map(Enum::name).toList();
    }
}
