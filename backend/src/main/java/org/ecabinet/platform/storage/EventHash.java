package org.ecabinet.platform.storage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.bson.Document;

/**
 * The hash of a stored event: SHA-256 over its canonical form, which chains it to the previous event of
 * the same aggregate stream. The canonical form is every stored field, as stored, in a fixed order, one
 * per line (UTF-8, "\n" between fields, {@code null} written as the empty string):
 * prevHash, aggregateId, sequence, global, eventId, timestamp, payloadType, payloadRevision, payload, metaData.
 * An auditor can recompute it from the documents with any SHA-256 tool.
 */
public final class EventHash {

    /** The {@code prevHash} of the first event of a stream. */
    public static final String GENESIS = "0".repeat(64);

    private EventHash() {
    }

    /** The hash of an event from its stored fields (its own {@code hash} field aside). */
    public static String recompute(StoredEvents.StoredEvent e) {
        return of(e.aggregateId(), new Document(CommitFields.PREVIOUS_HASH, e.prevHash()).append(CommitFields.SEQUENCE, e.sequence()).append(CommitFields.GLOBAL, e.global())
                .append(CommitFields.EVENT_ID, e.eventId()).append(CommitFields.TIMESTAMP, e.timestamp()).append(CommitFields.PAYLOAD_TYPE, e.payloadType())
                .append(CommitFields.PAYLOAD_REVISION, e.payloadRevision()).append(CommitFields.PAYLOAD, e.payload()).append(CommitFields.META_DATA, e.metaData()));
    }

    static String of(String aggregateId, Document event) {
        String canonical = String.join("\n",
                text(event.getString(CommitFields.PREVIOUS_HASH)), text(aggregateId), String.valueOf(StoredNumbers.longOf(event, CommitFields.SEQUENCE)),
                String.valueOf(StoredNumbers.longOf(event, CommitFields.GLOBAL)), text(event.getString(CommitFields.EVENT_ID)), text(event.getString(CommitFields.TIMESTAMP)),
                text(event.getString(CommitFields.PAYLOAD_TYPE)), text(event.getString(CommitFields.PAYLOAD_REVISION)),
                text(event.getString(CommitFields.PAYLOAD)), text(event.getString(CommitFields.META_DATA)));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
