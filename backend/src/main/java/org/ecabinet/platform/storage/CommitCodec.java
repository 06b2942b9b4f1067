package org.ecabinet.platform.storage;

import java.util.ArrayList;
import java.util.List;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.ecabinet.platform.AuditMetadata;

/**
 * Axon's events to commit documents and back ({@link CommitFields}): a commit's events are chained, each to the one
 * before it in its stream, by {@link EventHash}, and authenticated when a key is configured.
 */
final class CommitCodec {

    private final EventAuthenticity authenticity;

    /** {@code authenticity}: null when events are not authenticated (tests of the engine alone). */
    CommitCodec(EventAuthenticity authenticity) {
        this.authenticity = authenticity;
    }

    /**
     * One aggregate's consecutive events as one commit, the first at global index {@code firstGlobal} and chained to
     * {@code chainedTo}, the hash of the stream's event before it.
     */
    Document commit(List<EventMessage<?>> events, long firstGlobal, String chainedTo, Serializer serializer) {
        EventMessage<?> first = events.get(0);
        String aggregateId = aggregateId(first);
        List<Document> stored = new ArrayList<>();
        String previous = chainedTo;
        for (int i = 0; i < events.size(); i++) {
            EventMessage<?> event = events.get(i);
            Document document = event(event, sequence(event), firstGlobal + i, serializer);
            document.append(CommitFields.PREVIOUS_HASH, previous);
            previous = EventHash.of(aggregateId, document);
            document.append(CommitFields.HASH, previous);
            if (authenticity != null) {
                document.append(CommitFields.MAC, authenticity.mac(previous));
            }
            stored.add(document);
        }
        Document commit = new Document(CommitFields.LAST_GLOBAL, firstGlobal + events.size() - 1)
                .append(CommitFields.FIRST_GLOBAL, firstGlobal)
                .append(CommitFields.AGGREGATE_ID, aggregateId)
                .append(CommitFields.AGGREGATE_TYPE, first instanceof DomainEventMessage<?> domain ? domain.getType() : null)
                .append(CommitFields.FIRST_SEQUENCE, stored.get(0).getLong(CommitFields.SEQUENCE))
                .append(CommitFields.LAST_SEQUENCE, stored.get(stored.size() - 1).getLong(CommitFields.SEQUENCE))
                .append(CommitFields.TIMESTAMP_MILLIS, first.getTimestamp().toEpochMilli())
                .append(CommitFields.EVENTS, stored);
        if (first.getMetaData().get(AuditMetadata.REQUEST_KEY) instanceof String request) {
            commit.append(CommitFields.REQUEST_KEY, request);
        }
        return commit;
    }

    /** One event as stored, without its place in the chain (snapshots are stored so too). */
    static Document event(EventMessage<?> event, long sequence, long global, Serializer serializer) {
        SerializedObject<String> payload = event.serializePayload(serializer, String.class);
        SerializedObject<String> metaData = event.serializeMetaData(serializer, String.class);
        return new Document(CommitFields.GLOBAL, global)
                .append(CommitFields.EVENT_ID, event.getIdentifier())
                .append(CommitFields.SEQUENCE, sequence)
                .append(CommitFields.TIMESTAMP, DateTimeUtils.formatInstant(event.getTimestamp()))
                .append(CommitFields.PAYLOAD_TYPE, payload.getType().getName())
                .append(CommitFields.PAYLOAD_REVISION, payload.getType().getRevision())
                .append(CommitFields.PAYLOAD, payload.getData())
                .append(CommitFields.META_DATA, metaData.getData());
    }

    /** A stored event as Axon reads it. */
    static GenericDomainEventEntry<String> domainEntry(String aggregateType, String aggregateId, Document event) {
        return new GenericDomainEventEntry<>(aggregateType, aggregateId, StoredNumbers.longOf(event, CommitFields.SEQUENCE),
                event.getString(CommitFields.EVENT_ID), event.getString(CommitFields.TIMESTAMP), event.getString(CommitFields.PAYLOAD_TYPE),
                event.getString(CommitFields.PAYLOAD_REVISION), event.getString(CommitFields.PAYLOAD), event.getString(CommitFields.META_DATA));
    }

    @SuppressWarnings("unchecked") // a commit's events are documents by construction
    static List<Document> eventsOf(Document commit) {
        return (List<Document>) commit.get(CommitFields.EVENTS);
    }

    /** The stream an event belongs to; an event of no aggregate is a stream of its own. */
    static String aggregateId(EventMessage<?> event) {
        return event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : event.getIdentifier();
    }

    static long sequence(EventMessage<?> event) {
        return event instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : 0;
    }
}
