package org.ecabinet.platform.storage;

import static com.mongodb.client.model.Filters.eq;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.bson.Document;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;

/**
 * Hands out the global indexes of events: consecutive, dense, from one counter document ({@code $inc} by the size
 * of the commits asked for together), or from an {@link InMemoryCounter} when this process is the store's one writer.
 */
final class IndexAllocator {

    /** The counter document's id and its field: the next index to hand out. */
    static final String COUNTER = "global";
    static final String NEXT = "next";

    private final MongoCollection<Document> counters;
    private final InMemoryCounter inMemory;
    /** The embedded server's findAndModify is not atomic between connections; one JVM writes to it. */
    private final Object lock = new Object();
    private final Queue<Allocation> waiting = new ConcurrentLinkedQueue<>();

    /** {@code inMemory}: null to count in the counter document. */
    IndexAllocator(MongoCollection<Document> counters, InMemoryCounter inMemory) {
        this.counters = counters;
        this.inMemory = inMemory;
    }

    /** A writer's request for {@code count} consecutive indexes. */
    private static final class Allocation {
        final int count;
        long first = -1;

        Allocation(int count) {
            this.count = count;
        }
    }

    /**
     * Hands out {@code count} consecutive indexes. Writers that ask at the same moment share one counter
     * update: whoever holds the lock takes the whole queue, so under load the counter costs a fraction of
     * a write per commit, and the indexes stay dense.
     */
    long allocate(int count) {
        if (inMemory != null) {
            return inMemory.allocate(count);
        }
        Allocation mine = new Allocation(count);
        waiting.add(mine);
        synchronized (lock) {
            if (mine.first < 0) {
                List<Allocation> group = new ArrayList<>();
                for (Allocation next; (next = waiting.poll()) != null; ) {
                    group.add(next);
                }
                if (!group.contains(mine)) {
                    group.add(mine); // drained by a writer whose counter update failed
                }
                long total = group.stream().mapToLong(a -> a.count).sum();
                Document counter = counters.findOneAndUpdate(eq("_id", COUNTER), Updates.inc(NEXT, total),
                        new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
                long next = StoredNumbers.longOf(counter, NEXT) - total;
                for (Allocation allocation : group) {
                    allocation.first = next;
                    next += allocation.count;
                }
            }
            return mine.first;
        }
    }

    /** The next index that will be handed out: every index below it was given to a writer. */
    long next() {
        return inMemory != null ? inMemory.next() : next(counters);
    }

    /** The next index the counter document will hand out. */
    static long next(MongoCollection<Document> counters) {
        Document counter = counters.find(eq("_id", COUNTER)).first();
        return counter == null ? 0 : StoredNumbers.longOf(counter, NEXT);
    }
}
