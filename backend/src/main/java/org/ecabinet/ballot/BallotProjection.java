package org.ecabinet.ballot;

import java.time.Instant;
import java.util.List;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.ecabinet.ballot.BallotQueries.FindBallot;
import org.ecabinet.ballot.BallotQueries.ListBallots;
import org.ecabinet.events.ballot.BallotEvent;
import org.ecabinet.events.ballot.BallotIssued;
import org.ecabinet.platform.storage.ViewProjection;
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
class BallotProjection extends ViewProjection<BallotView> {

    static final String COLLECTION = "ballot_views";
    static final String PROCESSING_GROUP = "ballot-views";

    BallotProjection(MongoDatabase database, ObjectMapper json, QueryUpdateEmitter updates) {
        super(PROCESSING_GROUP, COLLECTION, BallotView.class, database, json, updates, new LiveQuery<>(FindBallot.class, FindBallot::ballotId));
    }

    @EventHandler
    void on(BallotEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        BallotView stored = handle(new FindBallot(event.ballotId()));
        if (shows(stored, version)) {
            return; // folded already, by a node that died before it stored its token
        }
        BallotView view = event instanceof BallotIssued ? new BallotView() : stored;
        BallotFold.apply(view, event, at);
        view.version = version;
        view.updatedAt = at;
        publish(view.ballotId, view);
    }

    @Override
    protected long version(BallotView view) {
        return view.version;
    }

    @QueryHandler
    BallotView handle(FindBallot query) {
        return find(query.ballotId());
    }

    @QueryHandler
    List<BallotView> handle(ListBallots query) {
        return all(Sorts.descending("deadline"));
    }
}
