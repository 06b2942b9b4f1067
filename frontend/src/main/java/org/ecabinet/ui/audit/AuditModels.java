package org.ecabinet.ui.audit;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

/** What the backend's audit API answers, as far as the auditor's pages show it. */
public final class AuditModels {

    private AuditModels() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AuditedEvent(long global, String aggregateId, String aggregateType, long sequence, String type, Instant timestamp,
                               String userId, String remoteAddress, JsonNode payload) {
    }

    /** Filters of the global timeline; null means "any". */
    public record TimelineQuery(Instant from, Instant to, String userId, String aggregateType, String aggregateId, String eventType) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Finding(String kind, long global, String aggregateId, long sequence, String detail) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CheckpointProblem(long treeSize, String detail) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Checkpoint(long treeSize, String rootHash, Instant time) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Chains(long commits, long events, long unusedIndexes) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record IntegrityReport(boolean intact, Finding firstProblem, Chains chains, List<CheckpointProblem> checkpointProblems,
                                  long ledgerSize, int checkpointsVerified, int checkpointsExported, Checkpoint latestCheckpoint) {
    }

    /** Where a rebuild is: asked for (waiting for the server that runs the projection), running, or over. */
    public enum ReplayState { REQUESTED, RUNNING, FINISHED, FAILED }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Difference(String documentId, String change) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ReplayProgress(String projection, ReplayState state, long total, long done, double eventsPerSecond, Long secondsLeft,
                                 List<Difference> differences, long eventsDuringReplay, String failure) {
    }
}
