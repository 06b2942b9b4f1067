package org.ecabinet.reporting;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.ecabinet.dispatch.DispatchQueries.ListDocuments;
import org.ecabinet.dispatch.DocumentView;
import org.ecabinet.identity.Agencies;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebInputException;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Reports for the secretariat and auditors, as JSON and as CSV. Periods are dates in Hanoi time, {@code to} inclusive. */
@RestController
@RequestMapping("/api/reports")
@PreAuthorize("hasAnyRole('SECRETARIAT', 'AUDITOR', 'ADMIN')")
class ReportController {

    private final QueryGateway queries;
    private final Agencies agencies;
    private final Clock clock;

    ReportController(QueryGateway queries, Agencies agencies, Clock clock) {
        this.queries = queries;
        this.agencies = agencies;
        this.clock = clock;
    }

    @GetMapping("/dispatch")
    Mono<DispatchReport> dispatch(@RequestParam LocalDate from, @RequestParam LocalDate to) {
        return report(from, to);
    }

    @GetMapping(path = "/dispatch.csv", produces = "text/csv")
    Mono<ResponseEntity<byte[]>> dispatchCsv(@RequestParam LocalDate from, @RequestParam LocalDate to) {
        return report(from, to).map(report -> ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("dispatch-" + from + "-" + to + ".csv").build().toString())
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(report.csv().getBytes(StandardCharsets.UTF_8)));
    }

    private Mono<DispatchReport> report(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return Mono.error(new ServerWebInputException("to: the period ends on or after it starts."));
        }
        Instant start = from.atStartOfDay(DispatchReport.HANOI).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(DispatchReport.HANOI).toInstant();
        return Mono.fromFuture(() -> queries.query(new ListDocuments(), ResponseTypes.multipleInstancesOf(DocumentView.class)))
                .subscribeOn(Schedulers.boundedElastic())
                .map(documents -> DispatchReport.of(documents, agencies.all(), start, end, clock.instant()));
    }
}
