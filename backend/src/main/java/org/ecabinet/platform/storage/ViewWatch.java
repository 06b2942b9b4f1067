package org.ecabinet.platform.storage;

import static com.mongodb.client.model.Filters.in;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.bson.Document;
import org.ecabinet.platform.cluster.Repeating;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoDatabase;

/**
 * Live views written by another node reach this node's followers. A projection tells only the subscribers of the node
 * that runs it (Axon's subscription queries are node-local), and with several nodes one of them runs each projection.
 * So every {@link #EVERY} this node reads the version of each view its clients follow — one query per collection, for
 * all followers at once — and sends a view whose version grew. The live stream drops a version already sent, so a
 * view told twice (by its projection here and by this watch) reaches a client once. Only on a store that other nodes
 * write to: a sole node's projections tell its followers themselves.
 */
@Component
class ViewWatch implements SmartLifecycle {

    static final Duration EVERY = Duration.ofMillis(250);
    private static final Logger log = LoggerFactory.getLogger(ViewWatch.class);

    private final List<ViewProjection<?>> projections;
    private final QueryUpdateEmitter updates;
    private final MongoDatabase database;
    private final boolean needed;
    private final Map<String, Long> versions = new ConcurrentHashMap<>();
    private Repeating watching;

    ViewWatch(List<ViewProjection<?>> projections, QueryUpdateEmitter updates, MongoDatabase database, StorageProperties storage) {
        this.projections = projections;
        this.updates = updates;
        this.database = database;
        this.needed = !storage.soleWriter();
    }

    /** Reads the versions of the followed views once, and sends those that grew since the last look. */
    void look() {
        if (!(updates instanceof SimpleQueryUpdateEmitter emitter)) {
            return;
        }
        Map<ViewProjection<?>, Set<String>> followed = new HashMap<>();
        emitter.activeSubscriptions().forEach(subscription -> projections.forEach(projection -> {
            String id = projection.followedBy(subscription.getPayload());
            if (id != null) {
                followed.computeIfAbsent(projection, p -> new HashSet<>()).add(id);
            }
        }));
        Set<String> stillFollowed = new HashSet<>();
        followed.forEach((projection, ids) -> {
            for (Document stored : database.getCollection(projection.collection()).find(in("_id", ids)).projection(new Document("version", 1))) {
                String id = String.valueOf(stored.get("_id"));
                String seen = projection.collection() + "/" + id;
                stillFollowed.add(seen);
                long version = StoredNumbers.longOf(stored, "version");
                Long before = versions.put(seen, version);
                if (before == null || version > before) {
                    Object view = projection.stored(id);
                    if (view != null) {
                        projection.emit(id, view);
                    }
                }
            }
        });
        versions.keySet().retainAll(stillFollowed);
    }

    @Override
    public void start() {
        if (!needed) {
            return;
        }
        watching = Repeating.every(EVERY, "view-watch", this::look, log, "Live views not read from the store");
    }

    @Override
    public void stop() {
        if (watching != null) {
            watching.stop();
            watching = null;
        }
    }

    @Override
    public boolean isRunning() {
        return watching != null;
    }
}
