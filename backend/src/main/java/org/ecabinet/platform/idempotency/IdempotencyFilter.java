package org.ecabinet.platform.idempotency;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.ecabinet.platform.web.Buffers;
import org.ecabinet.platform.web.ProblemHandling;
import org.ecabinet.platform.web.ProblemWriter;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import com.fasterxml.jackson.databind.ObjectMapper;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Exactly-once effect for a state-changing request sent again with the same {@code Idempotency-Key} (after a timeout,
 * to the same or another node, before or after a crash): the first try runs; a later one gets the first one's answer
 * (marked {@code Idempotency-Replayed: true}), 409 {@code idempotency.in-progress} while the first still runs, 422
 * {@code idempotency.key-reused} when the key came with another request. When the first try's node died before it
 * answered, the event store says whether it was applied: then the answer is 200 with the aggregate it changed,
 * otherwise the request runs now. Keys are the caller's own (scoped by the signed-in user); sign-in and token
 * requests are never recorded, so no token is ever stored.
 */
@Component
@Order(0) // after Spring Security's filter chain (-100): the caller is known
public class IdempotencyFilter implements WebFilter {

    public static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotency-Replayed";
    private static final String REQUEST_KEY = IdempotencyFilter.class.getName() + ".key";
    private static final Set<HttpMethod> CHANGING = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);

    private final RequestRecords records;
    private final ProblemWriter problems;
    private final ObjectMapper json;

    IdempotencyFilter(RequestRecords records, ProblemWriter problems, ObjectMapper json) {
        this.records = records;
        this.problems = problems;
        this.json = json;
    }

    /** The key of the request being handled (a digest with its caller), for the events it causes to carry. */
    public static Optional<String> requestKey(ServerWebExchange exchange) {
        return Optional.ofNullable(exchange.getAttribute(REQUEST_KEY));
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String key = request.getHeaders().getFirst(HEADER);
        String path = request.getPath().value();
        if (key == null || !CHANGING.contains(request.getMethod()) || !path.startsWith("/api/") || path.startsWith("/api/auth/")) {
            return chain.filter(exchange);
        }
        if (!RequestKey.valid(key)) {
            return problems.write(exchange, ProblemHandling.problem(HttpStatus.BAD_REQUEST, "idempotency.key-invalid", "Invalid idempotency key",
                    "The Idempotency-Key header must be 1 to 255 visible ASCII characters, such as a UUID."));
        }
        return exchange.getPrincipal().map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(caller -> caller.isEmpty() ? chain.filter(exchange) : keyed(exchange, chain, caller.get().getName(), key));
    }

    private Mono<Void> keyed(ServerWebExchange exchange, WebFilterChain chain, String user, String key) {
        ServerHttpRequest request = exchange.getRequest();
        MediaType type = request.getHeaders().getContentType();
        // An upload is told apart by where it goes, not its bytes: a browser sends the same file with a new boundary.
        boolean upload = type != null && MediaType.MULTIPART_FORM_DATA.includes(type);
        Mono<byte[]> body = upload ? Mono.just(new byte[0]) : DataBufferUtils.join(request.getBody()).map(Buffers::bytes).defaultIfEmpty(new byte[0]);
        return body.flatMap(bytes -> {
            String target = request.getURI().getRawPath() + (request.getURI().getRawQuery() == null ? "" : "?" + request.getURI().getRawQuery());
            RequestKey requestKey = RequestKey.of(user, key, request.getMethod().name(), target, upload ? "multipart" : RequestKey.sha256(bytes));
            ServerHttpRequest replayable = upload ? request : withBody(request, bytes);
            return Mono.fromCallable(() -> records.begin(requestKey)).subscribeOn(Schedulers.boundedElastic())
                    .flatMap(begun -> go(begun, exchange.mutate().request(replayable).build(), chain, requestKey));
        }).onErrorResume(DataBufferLimitException.class, tooLarge -> problems.write(exchange, ProblemHandling.problem(HttpStatus.PAYLOAD_TOO_LARGE,
                "too-large", "Request too large", tooLarge.getMessage())));
    }

    private Mono<Void> go(RequestRecords.Begun begun, ServerWebExchange exchange, WebFilterChain chain, RequestKey key) {
        if (begun instanceof RequestRecords.Begun.Run) {
            return run(exchange, chain, key);
        }
        if (begun instanceof RequestRecords.Begun.Answered answered) {
            return replay(exchange, answered.status(), answered.contentType(), answered.location(), answered.body());
        }
        if (begun instanceof RequestRecords.Begun.AppliedBefore applied) {
            return appliedBefore(exchange, key, applied.aggregateId());
        }
        if (begun instanceof RequestRecords.Begun.InProgress) {
            exchange.getResponse().getHeaders().set("Retry-After", "1");
            return problems.write(exchange, ProblemHandling.problem(HttpStatus.CONFLICT, "idempotency.in-progress", "Request in progress",
                    "A request with this Idempotency-Key is still being handled; send it again in a moment."));
        }
        return problems.write(exchange, ProblemHandling.problem(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency.key-reused", "Idempotency key reused",
                "This Idempotency-Key was sent with another request; use a new key for a new request."));
    }

    private Mono<Void> run(ServerWebExchange exchange, WebFilterChain chain, RequestKey key) {
        exchange.getAttributes().put(REQUEST_KEY, key.id());
        RecordingResponse response = new RecordingResponse(exchange.getResponse(), answer -> Mono.<Void>fromRunnable(
                () -> records.answered(key, answer.status(), answer.contentType(), answer.location(), answer.body())).subscribeOn(Schedulers.boundedElastic()));
        return chain.filter(exchange.mutate().response(response).build())
                .onErrorResume(failure -> Mono.<Void>fromRunnable(() -> records.failed(key)).subscribeOn(Schedulers.boundedElastic())
                        .then(Mono.error(failure)));
    }

    private Mono<Void> appliedBefore(ServerWebExchange exchange, RequestKey key, String aggregateId) {
        byte[] body;
        try {
            body = json.writeValueAsBytes(Map.of("applied", true, "aggregateId", aggregateId));
        } catch (Exception e) {
            body = "{\"applied\":true}".getBytes(StandardCharsets.UTF_8);
        }
        byte[] answer = body;
        return Mono.<Void>fromRunnable(() -> records.answered(key, 200, MediaType.APPLICATION_JSON_VALUE, null, answer)).subscribeOn(Schedulers.boundedElastic())
                .then(replay(exchange, 200, MediaType.APPLICATION_JSON_VALUE, null, answer));
    }

    private static Mono<Void> replay(ServerWebExchange exchange, int status, String contentType, String location, byte[] body) {
        var response = exchange.getResponse();
        response.setRawStatusCode(status);
        response.getHeaders().set(REPLAYED, "true");
        if (body == null) {
            response.getHeaders().set("Idempotency-Body-Omitted", "true");
            return response.setComplete();
        }
        if (contentType != null) {
            response.getHeaders().set("Content-Type", contentType);
        }
        if (location != null) {
            response.getHeaders().setLocation(URI.create(location));
        }
        return body.length == 0 ? response.setComplete() : response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }

    private static ServerHttpRequest withBody(ServerHttpRequest request, byte[] bytes) {
        return new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                return bytes.length == 0 ? Flux.empty() : Flux.defer(() -> Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(bytes)));
            }
        };
    }

}
