package org.ecabinet.platform.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.reactive.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

import com.fasterxml.jackson.databind.ObjectMapper;

import reactor.core.publisher.Mono;

/**
 * Problem+json for every error that does not reach a controller: no route (404), a wrong method (405) or
 * media type (415), a request the security firewall refuses (an encoded slash, {@code ..;}, a NUL), a failed
 * sign-in check; and, last, anything unexpected (500, logged). No error leaves with an empty body.
 */
@Component
@Order(-2) // before Spring Boot's own error handler, which answers in another shape
public class ProblemWriter implements ErrorWebExceptionHandler, ServerExchangeRejectedHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemWriter.class);

    private final ObjectMapper json;

    ProblemWriter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (error instanceof ResponseStatusException status) {
            HttpStatusCode code = status.getStatusCode();
            HttpStatus known = HttpStatus.resolve(code.value());
            return write(exchange, ProblemHandling.problem(code, ProblemHandling.codeOf(code), known == null ? "Error" : known.getReasonPhrase(),
                    status.getReason() == null ? "The request could not be processed." : status.getReason()));
        }
        log.error("Unexpected failure of {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), error);
        return write(exchange, ProblemHandling.problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "The request could not be completed."));
    }

    /** The firewall's refusal of a request whose path or headers could be read two ways. */
    @Override
    public Mono<Void> handle(ServerWebExchange exchange, org.springframework.security.web.server.firewall.ServerExchangeRejectedException rejected) {
        return write(exchange, ProblemHandling.problem(HttpStatus.BAD_REQUEST, "request.rejected", "Request rejected",
                "The request's path or headers hold characters or sequences that are not accepted (encoded slashes, '..', ';', control characters)."));
    }

    public Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem) {
        var response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        response.setStatusCode(HttpStatusCode.valueOf(problem.getStatus()));
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (problem.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
            response.getHeaders().set("WWW-Authenticate", "Bearer");
        }
        try {
            problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        } catch (IllegalArgumentException unrepresentable) {
            // the path itself is what was wrong: the problem goes without it
        }
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(problem);
        } catch (Exception e) {
            bytes = ("{\"status\":" + problem.getStatus() + ",\"code\":\"internal\"}").getBytes(StandardCharsets.UTF_8);
        }
        return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
    }
}
