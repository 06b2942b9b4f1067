package org.ecabinet.ballot;

import java.time.Instant;
import java.util.List;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.ecabinet.ballot.BallotQueries.FindBallot;
import org.ecabinet.ballot.BallotQueries.ListBallots;
import org.ecabinet.events.ballot.BallotEvent;
import org.ecabinet.events.ballot.BallotIssued;
import org.ecabinet.platform.storage.ViewStore;
import org.ecabinet.platform.Projection;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;

/**
 * One {@link BallotView} per ballot in {@code ballot_views}, folded by {@link BallotFold}; subscribers (the
 * live tally) hear of every change. A tracking processor feeds it, so it can be reset and rebuilt.
 */
@Component
@ProcessingGroup(BallotProjection.PROCESSING_GROUP)
class BallotProjection implements Projection {

    static final String COLLECTION = "ballot_views";
    static final String PROCESSING_GROUP = "ballot-views";

    private final ViewStore<BallotView> views;
    private final QueryUpdateEmitter updates;

    BallotProjection(MongoDatabase database, ObjectMapper json, QueryUpdateEmitter updates) {
        this.views = new ViewStore<>(database, COLLECTION, json, BallotView.class);
        this.updates = updates;
    }

    @EventHandler
    void on(BallotEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        BallotView view = event instanceof BallotIssued ? new BallotView() : handle(new FindBallot(event.ballotId()));
        BallotFold.apply(view, event, at);
        view.version = version;
        view.updatedAt = at;
        views.save(view.ballotId, view);
        updates.emit(FindBallot.class, q -> q.ballotId().equals(view.ballotId), view);
    }

    @Override
    public String processingGroup() {
        return PROCESSING_GROUP;
    }

    @Override
    public String collection() {
        return COLLECTION;
    }

    @ResetHandler
    void reset() {
        views.drop();
    }

    @QueryHandler
    BallotView handle(FindBallot query) {
        return views.find(query.ballotId());
    }

    @QueryHandler
    List<BallotView> handle(ListBallots query) {
        return views.all(Sorts.descending("deadline"));
    }
}
