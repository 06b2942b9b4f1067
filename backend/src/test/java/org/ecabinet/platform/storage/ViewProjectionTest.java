package org.ecabinet.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.GenericSubscriptionQueryMessage;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.ecabinet.support.EmbeddedStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.ObjectMapper;

/** A batch's changed views are written once, with its last event: before the processor stores its token. */
class ViewProjectionTest {

    /** A view counting what happened to one thing. */
    public static class Tally {
        public String id;
        public int count;
        public long version;
    }

    record Counted(String id) {
    }

    record Unrelated() {
    }

    record FindTally(String id) {
    }

    static final class Tallies extends ViewProjection<Tally> {

        Tallies(com.mongodb.client.MongoDatabase database, QueryUpdateEmitter updates) {
            super("tallies", "tallies", Tally.class, database, new ObjectMapper(), updates, new LiveQuery<>(FindTally.class, FindTally::id));
        }

        @Override
        protected long version(Tally tally) {
            return tally.version;
        }

        void on(Counted event) {
            Tally tally = find(event.id());
            if (tally == null) {
                tally = new Tally();
                tally.id = event.id();
            }
            tally.count++;
            tally.version = tally.count;
            publish(event.id(), tally);
        }
    }

    @RegisterExtension
    final EmbeddedStore store = new EmbeddedStore();
    com.mongodb.client.MongoDatabase database;
    ViewStore<Tally> stored;
    Tallies projection;

    @BeforeEach
    void start() {
        database = store.database("views");
        stored = new ViewStore<>(database, "tallies", new ObjectMapper(), Tally.class);
        projection = new Tallies(database, SimpleQueryUpdateEmitter.builder().build());
    }

    /** Handles a batch as a tracking processor does, with the interceptor; its token is stored when the batch commits, registered first. */
    private List<String> handleBatch(Object... payloads) {
        List<EventMessage<?>> messages = new ArrayList<>();
        for (Object payload : payloads) {
            messages.add(GenericEventMessage.asEventMessage(payload));
        }
        List<String> atTokenStore = new ArrayList<>();
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(messages);
        batch.onPrepareCommit(unit -> {
            Tally a = stored.find("a");
            atTokenStore.add(a == null ? "none" : String.valueOf(a.count));
        });
        BatchedViewWrites interceptor = new BatchedViewWrites();
        batch.execute(() -> {
            try {
                interceptor.handle(batch, () -> {
                    if (batch.getMessage().getPayload() instanceof Counted counted) {
                        projection.on(counted);
                    }
                    return null;
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return atTokenStore;
    }

    @Test
    void theViewsOfABatchAreWrittenBeforeItsTokenIsStored() {
        assertThat(handleBatch(new Counted("a"), new Counted("a"), new Counted("a"))).containsExactly("3");
    }

    @Test
    void aBatchEndingWithAnotherEventStillHasItsViewsWrittenBeforeTheToken() {
        assertThat(handleBatch(new Counted("a"), new Counted("a"), new Unrelated())).containsExactly("2");
    }

    @Test
    void eachEventOfTheBatchSeesTheViewAsTheEarlierOnesLeftIt() {
        handleBatch(new Counted("a"), new Counted("b"), new Counted("a"), new Counted("a"));
        assertThat(stored.find("a").count).isEqualTo(3);
        assertThat(stored.find("b").count).isEqualTo(1);
    }

    @Test
    void outsideABatchTheViewIsWrittenAtOnce() {
        projection.on(new Counted("a"));
        assertThat(stored.find("a").count).isEqualTo(1);
    }

    @Test
    void aViewWrittenByAnotherNodesProjectionReachesThisNodesFollowersOnce() {
        SimpleQueryUpdateEmitter nodeB = SimpleQueryUpdateEmitter.builder().build();
        List<Integer> followerOnB = new java.util.concurrent.CopyOnWriteArrayList<>();
        nodeB.registerUpdateHandler(new GenericSubscriptionQueryMessage<>(new FindTally("a"), ResponseTypes.instanceOf(Tally.class),
                ResponseTypes.instanceOf(Tally.class)), 16).getUpdates().subscribe(update -> followerOnB.add(((Tally) update.getPayload()).count));
        ViewWatch watchOnB = new ViewWatch(List.of(new Tallies(database, nodeB)), nodeB, database,
                new StorageProperties("mongodb://shared-store", null, null, "views", store.directory(), false));

        projection.on(new Counted("a")); // node A runs the projection: its emitter is not node B's
        projection.on(new Counted("b"));
        watchOnB.look();
        watchOnB.look();
        projection.on(new Counted("a"));
        watchOnB.look();

        assertThat(followerOnB).as("each new version of the followed view, once; nothing of the view nobody follows").containsExactly(1, 2);
    }
}
