package org.ecabinet.platform.storage;

/**
 * The fields of a commit document in {@code domain_events}, named once: a commit holds one aggregate's consecutive
 * events of one unit of work, under the global index of its last event ({@code _id}); each event in it carries its
 * global index, its sequence in the stream, what Axon serialised, and its place in the hash chain. The engine writes
 * and reads them, {@link StoredEvents} reads them for auditors, {@link EventHash} hashes them (STORAGE.md describes
 * the same fields for people).
 */
final class CommitFields {

    /** The commit's {@code _id}: the global index of its last event. */
    static final String LAST_GLOBAL = "_id";
    static final String FIRST_GLOBAL = "firstGlobal";
    static final String AGGREGATE_ID = "aggregateId";
    static final String AGGREGATE_TYPE = "aggregateType";
    static final String FIRST_SEQUENCE = "firstSequence";
    static final String LAST_SEQUENCE = "lastSequence";
    static final String TIMESTAMP_MILLIS = "timestampMillis";
    static final String EVENTS = "events";
    /**
     * The request that caused the commit, when it came with an {@code Idempotency-Key}: a digest of the caller and the
     * key ({@code AuditMetadata.REQUEST_KEY}). It tells a retry whether a first try whose node died was applied.
     */
    static final String REQUEST_KEY = "requestKey";

    // each event of {@link #EVENTS}
    static final String GLOBAL = "global";
    static final String EVENT_ID = "eventId";
    static final String SEQUENCE = "sequence";
    static final String TIMESTAMP = "timestamp";
    static final String PAYLOAD_TYPE = "payloadType";
    static final String PAYLOAD_REVISION = "payloadRevision";
    static final String PAYLOAD = "payload";
    static final String META_DATA = "metaData";
    static final String PREVIOUS_HASH = "prevHash";
    static final String HASH = "hash";
    /** An HMAC of {@link #HASH} (see {@link EventAuthenticity}). */
    static final String MAC = "mac";

    /** An event's sequence, as a path from the commit (for the index that keeps one writer per sequence). */
    static final String EVENTS_SEQUENCE = EVENTS + "." + SEQUENCE;

    private CommitFields() {
    }
}
