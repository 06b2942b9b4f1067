package org.ecabinet.platform.storage;

import java.util.List;
import java.util.function.Function;

import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.bson.conversions.Bson;
import org.ecabinet.platform.Projection;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;

/**
 * What every query-model projection here does besides folding its events: keeps one view document per
 * aggregate in its collection, tells subscribers of the live view after each change, and empties the
 * collection when its processor is reset, so that a replay rebuilds it.
 */
public abstract class ViewProjection<V> implements Projection {

    /** The query live views are followed by ({@code FindBallot}), and the id of the view one asks for. */
    public record LiveQuery<Q>(Class<Q> type, Function<Q, String> viewId) {
    }

    private final String processingGroup;
    private final String collection;
    private final ViewStore<V> views;
    private final QueryUpdateEmitter updates;
    private final LiveQuery<?> live;

    protected ViewProjection(String processingGroup, String collection, Class<V> type, MongoDatabase database, ObjectMapper json,
                             QueryUpdateEmitter updates, LiveQuery<?> live) {
        this.processingGroup = processingGroup;
        this.collection = collection;
        this.views = new ViewStore<>(database, collection, json, type);
        this.updates = updates;
        this.live = live;
    }

    /**
     * Stores the view and sends it to the subscribers of its live query: once per batch of events, after
     * the batch's last event ({@link BatchedViewWrites}). When members answer together, one batch holds many
     * answers to one ballot, whose view was otherwise read and rewritten whole, and sent, for each of them.
     */
    protected void publish(String id, V view) {
        BatchedViewWrites.write(collection, id, view, () -> {
            views.save(id, view);
            emit(id, view);
        });
    }

    /** Sends the view to this node's subscribers of the live query that asks for it. */
    void emit(String id, Object view) {
        emitTo(live, id, view);
    }

    private <Q> void emitTo(LiveQuery<Q> query, String id, Object view) {
        updates.emit(query.type(), q -> id.equals(query.viewId().apply(q)), view);
    }

    /** The id of the view {@code query} follows, or null when it is not this projection's live query. */
    String followedBy(Object query) {
        return viewIdOf(live, query);
    }

    private static <Q> String viewIdOf(LiveQuery<Q> live, Object query) {
        return live.type().isInstance(query) ? live.viewId().apply(live.type().cast(query)) : null;
    }

    /** The view as stored (another node's projection may have written it). */
    V stored(String id) {
        return views.find(id);
    }

    /** The sequence number of the last event of its aggregate the view shows. */
    protected abstract long version(V view);

    /**
     * Whether the view already shows the event with this sequence number. Views are written before the processor
     * stores its token, so a node that died in between leaves a batch that the next node folds again: without this
     * check a check-in or an answer would count twice.
     */
    protected boolean shows(V view, long sequence) {
        return view != null && version(view) >= sequence;
    }

    /** The view as the events handled so far left it, those of the batch not yet written included. */
    @SuppressWarnings("unchecked") // only this projection publishes views of its collection, all of type V
    protected V find(String id) {
        return BatchedViewWrites.pending(collection, id).map(view -> (V) view).orElseGet(() -> views.find(id));
    }

    protected V first(Bson filter) {
        return views.first(filter);
    }

    protected List<V> all(Bson sort) {
        return views.all(sort);
    }

    @ResetHandler
    protected void reset() {
        views.drop();
    }

    @Override
    public String processingGroup() {
        return processingGroup;
    }

    @Override
    public String collection() {
        return collection;
    }
}
