package org.ecabinet.ui.audit;

import java.time.Duration;
import java.util.List;

import org.ecabinet.ui.BackendApi;
import org.ecabinet.ui.audit.AuditModels.AuditedEvent;
import org.ecabinet.ui.audit.AuditModels.IntegrityReport;
import org.ecabinet.ui.audit.AuditModels.ReplayProgress;
import org.ecabinet.ui.audit.AuditModels.TimelineQuery;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriBuilder;

import com.fasterxml.jackson.databind.JsonNode;

import reactor.core.publisher.Flux;

/** Calls to {@code /api/audit} (and to the point-in-time views of sessions and ballots) for an auditor. */
@Component
public class AuditClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** A verification reads every event of the store. */
    private static final Duration VERIFICATION = Duration.ofMinutes(30);

    private final BackendApi api;

    AuditClient(BackendApi api) {
        this.api = api;
    }

    public List<AuditedEvent> timeline(String token, TimelineQuery query, long after, int limit) {
        return api.as(token).get().uri(uri -> {
                    UriBuilder builder = uri.path("/api/audit/timeline").queryParam("after", after).queryParam("limit", limit);
                    optional(builder, "from", query.from());
                    optional(builder, "to", query.to());
                    optional(builder, "userId", query.userId());
                    optional(builder, "aggregateType", query.aggregateType());
                    optional(builder, "aggregateId", query.aggregateId());
                    optional(builder, "eventType", query.eventType());
                    return builder.build();
                }).retrieve()
                .bodyToMono(new ParameterizedTypeReference<List<AuditedEvent>>() {
                }).block(TIMEOUT);
    }

    public IntegrityReport verify(String token) {
        return api.as(token).get().uri("/api/audit/integrity").retrieve().bodyToMono(IntegrityReport.class).block(VERIFICATION);
    }

    public byte[] proof(String token, long global) {
        return api.as(token).get().uri("/api/audit/events/{g}/proof", global).retrieve().bodyToMono(byte[].class).block(TIMEOUT);
    }

    public byte[] signedHistory(String token, String aggregateId) {
        return api.as(token).get().uri("/api/audit/aggregates/{id}/export", aggregateId).retrieve().bodyToMono(byte[].class).block(TIMEOUT);
    }

    /** The session, ballot or document as it was when the store held the events up to {@code global}, rebuilt from its events. */
    public JsonNode asOf(String token, String aggregateType, String aggregateId, long global) {
        String resource = switch (aggregateType) {
            case "CabinetSession" -> "sessions";
            case "OpinionBallot" -> "ballots";
            case "DocumentDispatch" -> "documents";
            default -> throw new IllegalArgumentException("No point-in-time view of " + aggregateType);
        };
        return api.as(token).get().uri("/api/{resource}/{id}/as-of?global={g}", resource, aggregateId, global).retrieve()
                .bodyToMono(JsonNode.class).block(TIMEOUT);
    }

    public List<String> projections(String token) {
        return api.as(token).get().uri("/api/audit/projections").retrieve()
                .bodyToMono(new ParameterizedTypeReference<List<String>>() {
                }).block(TIMEOUT);
    }

    public ReplayProgress startReplay(String token, String projection) {
        return api.as(token).post().uri("/api/audit/replays/{p}", projection).retrieve().bodyToMono(ReplayProgress.class).block(TIMEOUT);
    }

    /** The replay's progress until it is over. */
    public Flux<ReplayProgress> replayProgress(String token, String projection) {
        return api.as(token).get().uri("/api/audit/replays/{p}/stream", projection).retrieve()
                .bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<ReplayProgress>>() {
                })
                .filter(event -> event.data() != null)
                .map(ServerSentEvent::data);
    }

    private static void optional(UriBuilder builder, String name, Object value) {
        if (value != null && !value.toString().isBlank()) {
            builder.queryParam(name, value);
        }
    }
}
