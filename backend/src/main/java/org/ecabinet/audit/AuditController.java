package org.ecabinet.audit;

import java.time.Instant;
import java.util.List;

import org.ecabinet.platform.NotFound;
import org.ecabinet.platform.SignedBundle;
import org.ecabinet.platform.storage.StoredEvents;
import org.ecabinet.platform.storage.StoredEvents.TimelineFilter;
import org.ecabinet.signing.SignatureVerifier;
import org.ecabinet.signing.SystemSeal;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * What auditors need to trust the history: every event with its metadata (per aggregate, or on a
 * filtered global timeline), the verification of the whole store against its ledger, the ledger's
 * checkpoints, inclusion proofs and signed exports (the replay of projections is {@code audit.replay}). Nothing
 * here changes the history.
 */
@RestController
@RequestMapping("/api/audit")
@PreAuthorize("hasAnyRole('AUDITOR', 'ADMIN')")
class AuditController {

    private final StoredEvents store;
    private final LedgerVerification verification;
    private final CheckpointStore checkpoints;
    private final InclusionProofs proofs;
    private final SystemSeal seal;
    private final SignatureVerifier verifier;
    private final ObjectMapper json;

    AuditController(StoredEvents store, LedgerVerification verification, CheckpointStore checkpoints, InclusionProofs proofs,
                    SystemSeal seal, SignatureVerifier verifier, ObjectMapper json) {
        this.store = store;
        this.verification = verification;
        this.checkpoints = checkpoints;
        this.proofs = proofs;
        this.seal = seal;
        this.verifier = verifier;
        this.json = json;
    }

    @GetMapping("/aggregates/{aggregateId}/history")
    Mono<List<AuditedEvent>> history(@PathVariable String aggregateId) {
        return blocking(() -> historyOf(aggregateId));
    }

    /** The history as JSON with the system's detached CMS seal, the trusted roots and an OpenSSL script. */
    @GetMapping(path = "/aggregates/{aggregateId}/export", produces = "application/zip")
    Mono<ResponseEntity<byte[]>> export(@PathVariable String aggregateId) {
        return blocking(() -> {
            byte[] history = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(historyOf(aggregateId));
            String name = "history-" + aggregateId.replaceAll("[^A-Za-z0-9._-]", "_") + ".json";
            byte[] zip = new SignedBundle().addSigned(name, history, seal.seal(history)).finish(verifier.trustAnchorsPem());
            return ResponseEntity.ok()
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name.replace(".json", ".zip")).build().toString())
                    .contentType(MediaType.parseMediaType("application/zip"))
                    .body(zip);
        });
    }

    /** Every event after global index {@code after} that matches all the filters given, oldest first. */
    @GetMapping("/timeline")
    Mono<List<AuditedEvent>> timeline(@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
                                      @RequestParam(required = false) @Size(max = 200) String userId,
                                      @RequestParam(required = false) @Size(max = 100) String aggregateType,
                                      @RequestParam(required = false) @Size(max = 200) String aggregateId,
                                      @RequestParam(required = false) @Size(max = 100) String eventType,
                                      @RequestParam(defaultValue = "-1") @Min(-1) long after,
                                      @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        TimelineFilter filter = new TimelineFilter(from, to, blankToNull(aggregateType), blankToNull(aggregateId), blankToNull(eventType),
                userId == null || userId.isBlank() ? null : e -> userId.equals(AuditedEvent.userIdOf(e, json)));
        return blocking(() -> store.timeline(filter, after, limit).stream().map(e -> AuditedEvent.of(e, json)).toList());
    }

    /** Chains, ledger and checkpoints recomputed from the store; names the first event that does not fit. */
    @GetMapping("/integrity")
    Mono<LedgerVerification.Report> verify() {
        return blocking(() -> verification.verify(done -> { }));
    }

    @GetMapping("/ledger/checkpoints")
    Mono<List<LedgerVerification.CheckpointSummary>> checkpoints() {
        return blocking(() -> checkpoints.all().checkpoints().stream()
                .map(c -> new LedgerVerification.CheckpointSummary(c.treeSize(), c.rootHash(), c.time())).toList());
    }

    /** One part of a checkpoint as a file: {@code statement.json}, {@code seal.p7s} or {@code timestamp.tst}, for OpenSSL. */
    @GetMapping("/ledger/checkpoints/{treeSize}/{part}")
    Mono<ResponseEntity<byte[]>> checkpointPart(@PathVariable long treeSize, @PathVariable String part) {
        return blocking(() -> {
            Checkpoint checkpoint = checkpoints.find(treeSize).orElseThrow(() -> new NotFound("No checkpoint of " + treeSize + " indexes."));
            byte[] body = switch (part) {
                case "statement.json" -> checkpoint.statementBytes();
                case "seal.p7s" -> checkpoint.seal();
                case "timestamp.tst" -> checkpoint.timeStamp();
                default -> throw new NotFound("A checkpoint has statement.json, seal.p7s and timestamp.tst.");
            };
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM).body(body);
        });
    }

    /** The inclusion proof of the event stored under a global index, as a file to check offline. */
    @GetMapping("/events/{global}/proof")
    Mono<ResponseEntity<InclusionProof>> proof(@PathVariable @PositiveOrZero long global) {
        return blocking(() -> ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("event-" + global + "-proof.json").build().toString())
                .body(proofs.of(global)));
    }

    private List<AuditedEvent> historyOf(String aggregateId) {
        List<AuditedEvent> history = store.timeline(new TimelineFilter(null, null, null, aggregateId, null, null), -1, Integer.MAX_VALUE)
                .stream().map(e -> AuditedEvent.of(e, json)).toList();
        if (history.isEmpty()) {
            throw new NotFound("No history for " + aggregateId + ".");
        }
        return history;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private interface Work<T> {
        T get() throws JsonProcessingException;
    }

    private static <T> Mono<T> blocking(Work<T> work) {
        return Mono.fromCallable(work::get).subscribeOn(Schedulers.boundedElastic());
    }
}
