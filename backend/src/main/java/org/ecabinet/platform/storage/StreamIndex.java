package org.ecabinet.platform.storage;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import org.bson.Document;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;

/**
 * The commits of one aggregate from a sequence number on. On a real MongoDB the (aggregateId, firstSequence) index
 * answers; the embedded server scans for any query but by _id, so for it ({@code inMemory}) the stream index is kept in
 * memory: per aggregate, the first sequence of each commit → the commit's _id, built once, then kept up to date. That
 * is right only while this process is the store's one writer.
 */
final class StreamIndex {

    private final MongoCollection<Document> commits;
    private final boolean inMemory;
    private final Object lock = new Object();
    private Map<String, NavigableMap<Long, Long>> index;

    StreamIndex(MongoCollection<Document> commits, boolean inMemory) {
        this.commits = commits;
        this.inMemory = inMemory;
    }

    /** The commits of {@code aggregateId} that hold sequence numbers from {@code firstSequence} on, in order. */
    List<Document> commitsOf(String aggregateId, long firstSequence) {
        if (!inMemory) {
            return commits.find(and(eq(CommitFields.AGGREGATE_ID, aggregateId), gte(CommitFields.LAST_SEQUENCE, firstSequence)))
                    .sort(Sorts.ascending(CommitFields.FIRST_SEQUENCE)).into(new ArrayList<>());
        }
        List<Long> ids;
        synchronized (lock) {
            if (index == null) {
                Map<String, NavigableMap<Long, Long>> built = new HashMap<>();
                // Without a batch size the embedded server answers in one message, too large past ~400k commits.
                commits.find().projection(new Document(CommitFields.AGGREGATE_ID, 1).append(CommitFields.FIRST_SEQUENCE, 1)).batchSize(10_000)
                        .forEach(commit -> add(built, commit));
                index = built; // only a complete index is ever used
            }
            NavigableMap<Long, Long> stream = index.get(aggregateId);
            if (stream == null) {
                return List.of();
            }
            Long from = stream.floorKey(firstSequence);
            ids = new ArrayList<>((from == null ? stream : stream.tailMap(from, true)).values());
        }
        List<Document> found = commits.find(in(CommitFields.LAST_GLOBAL, ids)).into(new ArrayList<>());
        found.sort(Comparator.comparingLong(d -> StoredNumbers.longOf(d, CommitFields.FIRST_SEQUENCE)));
        return found;
    }

    /** The stream's last commit, or null when it has none. */
    Document lastCommitOf(String aggregateId) {
        return inMemory
                ? commitsOf(aggregateId, Long.MAX_VALUE).stream().reduce((earlier, later) -> later).orElse(null)
                : commits.find(eq(CommitFields.AGGREGATE_ID, aggregateId)).sort(Sorts.descending(CommitFields.FIRST_SEQUENCE)).limit(1).first();
    }

    /** Takes in commits just inserted: an index built before the insert gets them here, one built later finds them. */
    void inserted(List<Document> inserted) {
        if (!inMemory) {
            return;
        }
        synchronized (lock) {
            if (index != null) {
                inserted.forEach(commit -> add(index, commit));
            }
        }
    }

    private static void add(Map<String, NavigableMap<Long, Long>> index, Document commit) {
        index.computeIfAbsent(commit.getString(CommitFields.AGGREGATE_ID), id -> new TreeMap<>())
                .put(StoredNumbers.longOf(commit, CommitFields.FIRST_SEQUENCE), StoredNumbers.longOf(commit, CommitFields.LAST_GLOBAL));
    }
}
