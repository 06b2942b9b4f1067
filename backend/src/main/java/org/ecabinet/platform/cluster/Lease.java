package org.ecabinet.platform.cluster;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;

/**
 * The right to do one job alone across the nodes (the ledger's folding): held by one node until it stops renewing
 * it for {@code term}, then taken by the next node that asks. Taking and renewing are one atomic update of the
 * lease document in {@code cluster_leases}, so two nodes never both believe they hold it at the same instant of the
 * store's order; a holder that paused longer than the term may still act once more, which is why the work it guards
 * also refuses a stale writer (the ledger's state is written only over the size it read).
 */
public final class Lease {

    private static final Logger log = LoggerFactory.getLogger(Lease.class);

    private final MongoCollection<Document> leases;
    private final String job;
    private final String holder;
    private final Duration term;
    private final Clock clock;

    public Lease(MongoDatabase database, String job, String holder, Duration term, Clock clock) {
        this.leases = database.getCollection("cluster_leases");
        this.job = job;
        this.holder = holder;
        this.term = term;
        this.clock = clock;
    }

    /** Takes or renews the lease: true when this node holds it for the next term. */
    public boolean hold() {
        Instant now = clock.instant();
        try {
            Document held = leases.findOneAndUpdate(
                    and(eq("_id", job), or(eq("holder", holder), lt("until", Date.from(now)))),
                    Updates.combine(Updates.set("holder", holder), Updates.set("until", Date.from(now.plus(term)))),
                    new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
            return held != null && holder.equals(held.getString("holder"));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false; // another node holds it: the upsert met its document
            }
            throw e;
        } catch (com.mongodb.MongoCommandException e) {
            if (ErrorCategory.fromErrorCode(e.getErrorCode()) == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Gives the lease up at once (a node that stops), so that another node need not wait out the term. Tried for two
     * seconds only: when the store cannot be reached, the term runs out by itself, and the node must not hang stopping.
     */
    public void release() {
        try {
            leases.withTimeout(2, TimeUnit.SECONDS).deleteOne(and(eq("_id", job), eq("holder", holder)));
        } catch (MongoException unreachable) {
            log.warn("The {} lease was not given back ({}); it runs out within its term", job, unreachable.toString());
        }
    }

    /** The node holding the lease now, or null. */
    public String holder() {
        Document lease = leases.find(eq("_id", job)).first();
        return lease == null || lease.getDate("until").toInstant().isBefore(clock.instant()) ? null : lease.getString("holder");
    }
}
