package org.ecabinet.audit;

import java.time.Instant;

import org.ecabinet.platform.AuditMetadata;
import org.ecabinet.platform.storage.StoredEvents.StoredEvent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One event as an auditor reads it: where it stands in the global order and in its stream, what happened,
 * when, who did it from where (and all other metadata, correlation included), and its hash. The payload
 * is the stored JSON, not an upcast of it: what the ledger proves.
 */
record AuditedEvent(long global, String aggregateId, String aggregateType, long sequence, String type, Instant timestamp,
                    String eventId, String userId, String remoteAddress, JsonNode payload, JsonNode metaData, String hash) {

    static AuditedEvent of(StoredEvent event, ObjectMapper json) {
        JsonNode metaData = parse(event.metaData(), json);
        return new AuditedEvent(event.global(), event.aggregateId(), event.aggregateType(), event.sequence(), event.eventType(),
                event.instant(), event.eventId(), metaData.path(AuditMetadata.USER_ID).asText(null),
                metaData.path(AuditMetadata.REMOTE_ADDRESS).asText(null), parse(event.payload(), json), metaData, event.hash());
    }

    static String userIdOf(StoredEvent event, ObjectMapper json) {
        return parse(event.metaData(), json).path(AuditMetadata.USER_ID).asText(null);
    }

    private static JsonNode parse(String text, ObjectMapper json) {
        try {
            return text == null ? json.createObjectNode() : json.readTree(text);
        } catch (JsonProcessingException e) {
            return json.getNodeFactory().textNode(text); // a hand-edited document still shows what it holds
        }
    }
}
