package org.ecabinet.platform.storage;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import org.bson.Document;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

/**
 * The global event counter of a store with one writing process (the embedded one), kept in memory: handing
 * out indexes costs no store write, so no commit waits for another's counter update under a JVM-wide lock,
 * and a command costs one durable write (its commit) instead of two.
 * <p>
 * The counter document, which other readers (the ledger, the integrity check, tools) take as the head, is
 * brought up to date every {@link #FLUSH_MILLIS} ms. After a crash it may be behind the stored commits: at
 * start the commits beyond it are looked up (a commit's {@code _id} is its last index) and it is moved past
 * them before anything is read or written, so no index is handed out twice.
 */
final class InMemoryCounter {

    static final long FLUSH_MILLIS = 50;
    /** Far more indexes than are handed out between two flushes. */
    private static final int PROBE_WINDOW = 10_000;

    private final MongoCollection<Document> counters;
    private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "event-counter-flush");
        thread.setDaemon(true);
        return thread;
    });
    private long next;
    private volatile long flushed;

    private InMemoryCounter(MongoCollection<Document> counters, long next) {
        this.counters = counters;
        this.next = next;
        this.flushed = next;
    }

    static InMemoryCounter recover(MongoCollection<Document> counters, MongoCollection<Document> commits) {
        long next = pastStored(commits, IndexAllocator.next(counters), PROBE_WINDOW);
        InMemoryCounter counter = new InMemoryCounter(counters, next);
        counter.write(next);
        counter.flusher.scheduleWithFixedDelay(counter::flush, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
        return counter;
    }

    /**
     * The index after the last commit stored at or beyond {@code from}, looked up window by window ({@code _id}
     * look-ups, which every MongoDB answers from its primary key); {@code from} when there is none.
     */
    static long pastStored(MongoCollection<Document> commits, long from, int window) {
        long next = from;
        for (boolean found = true; found; ) {
            List<Long> ids = LongStream.range(next, next + window).boxed().toList();
            long last = commits.find(in("_id", ids)).projection(new Document("_id", 1)).into(new ArrayList<>()).stream()
                    .mapToLong(d -> StoredNumbers.longOf(d, "_id")).max().orElse(-1);
            found = last >= 0;
            next = found ? last + 1 : next;
        }
        return next;
    }

    synchronized long allocate(int count) {
        long first = next;
        next += count;
        return first;
    }

    /** The next index that will be handed out: every index below it was given to a writer. */
    synchronized long next() {
        return next;
    }

    private void flush() {
        long current = next();
        if (current > flushed) {
            try {
                write(current);
                flushed = current;
            } catch (MongoException e) {
                // Tried again at the next tick; the start-up recovery does not depend on it.
            } catch (IllegalStateException closed) {
                flusher.shutdown(); // the application closed its client: it is stopping
            }
        }
    }

    private void write(long value) {
        counters.updateOne(eq("_id", IndexAllocator.COUNTER), Updates.max(IndexAllocator.NEXT, value), new UpdateOptions().upsert(true));
    }
}
