package org.ecabinet.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.ecabinet.platform.NotFound;
import org.ecabinet.platform.storage.EventStoreIntegrity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** What auditors need to trust the history: every event of an aggregate with its metadata, and a check of the whole store. */
@RestController
@RequestMapping("/api/audit")
@PreAuthorize("hasAnyRole('AUDITOR', 'ADMIN')")
class AuditController {

    private final EventStore events;
    private final EventStoreIntegrity integrity;
    private final ObjectMapper json;

    AuditController(EventStore events, EventStoreIntegrity integrity, ObjectMapper json) {
        this.events = events;
        this.integrity = integrity;
        this.json = json;
    }

    /** One event as an auditor reads it: what happened, to which stream, when, and who did it from where. */
    record HistoryEntry(long sequence, String type, Instant timestamp, String eventId, JsonNode payload, Map<String, Object> metaData) {
    }

    @GetMapping("/aggregates/{aggregateId}/history")
    Mono<List<HistoryEntry>> history(@PathVariable String aggregateId) {
        return Mono.fromCallable(() -> {
            List<HistoryEntry> history = events.readEvents(aggregateId).asStream()
                    .map(e -> new HistoryEntry(e.getSequenceNumber(), e.getPayloadType().getSimpleName(), e.getTimestamp(),
                            e.getIdentifier(), json.valueToTree(e.getPayload()), e.getMetaData()))
                    .toList();
            if (history.isEmpty()) {
                throw new NotFound("No history for " + aggregateId + ".");
            }
            return history;
        }).subscribeOn(Schedulers.boundedElastic());
    }

    @GetMapping("/integrity")
    Mono<EventStoreIntegrity.Report> verify() {
        return Mono.fromCallable(() -> integrity.verify(done -> { })).subscribeOn(Schedulers.boundedElastic());
    }
}
