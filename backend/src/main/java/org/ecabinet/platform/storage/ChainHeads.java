package org.ecabinet.platform.storage;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;

/**
 * Where each stream's hash chain ends: the last stored event of recently written streams is remembered, so that
 * chaining a commit needs no query; any other stream's is read through the {@link StreamIndex}.
 */
final class ChainHeads {

    private static final int REMEMBERED = 10_000;

    private record Head(long sequence, String hash) {
    }

    private final StreamIndex streams;
    private final Map<String, Head> heads = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Head> eldest) {
            return size() > REMEMBERED;
        }
    });

    ChainHeads(StreamIndex streams) {
        this.streams = streams;
    }

    /** The hash the event {@code sequence} of this stream chains to. */
    String before(String aggregateId, long sequence) {
        if (sequence == 0) {
            return EventHash.GENESIS;
        }
        Head head = heads.get(aggregateId);
        if (head != null && head.sequence() == sequence - 1) {
            return head.hash();
        }
        return streams.commitsOf(aggregateId, sequence - 1).stream().flatMap(c -> CommitCodec.eventsOf(c).stream())
                .filter(e -> StoredNumbers.longOf(e, CommitFields.SEQUENCE) == sequence - 1).findFirst()
                .map(e -> e.getString(CommitFields.HASH)).orElse(EventHash.GENESIS);
    }

    /** The commits were stored: their last events are their streams' heads now. */
    void stored(List<Document> commits) {
        for (Document commit : commits) {
            List<Document> events = CommitCodec.eventsOf(commit);
            Document last = events.get(events.size() - 1);
            heads.put(commit.getString(CommitFields.AGGREGATE_ID), new Head(StoredNumbers.longOf(last, CommitFields.SEQUENCE), last.getString(CommitFields.HASH)));
        }
    }

    /** The commits were not stored (or it is not known): their streams' heads are read again when next needed. */
    void forget(List<Document> commits) {
        commits.forEach(commit -> heads.remove(commit.getString(CommitFields.AGGREGATE_ID)));
    }
}
