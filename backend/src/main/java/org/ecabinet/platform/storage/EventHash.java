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
        return of(e.aggregateId(), new Document("prevHash", e.prevHash()).append("sequence", e.sequence()).append("global", e.global())
                .append("eventId", e.eventId()).append("timestamp", e.timestamp()).append("payloadType", e.payloadType())
                .append("payloadRevision", e.payloadRevision()).append("payload", e.payload()).append("metaData", e.metaData()));
    }

    static String of(String aggregateId, Document event) {
        String canonical = String.join("\n",
                text(event.getString("prevHash")), text(aggregateId), String.valueOf(StoredNumbers.longOf(event, "sequence")),
                String.valueOf(StoredNumbers.longOf(event, "global")), text(event.getString("eventId")), text(event.getString("timestamp")),
                text(event.getString("payloadType")), text(event.getString("payloadRevision")),
                text(event.getString("payload")), text(event.getString("metaData")));
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
