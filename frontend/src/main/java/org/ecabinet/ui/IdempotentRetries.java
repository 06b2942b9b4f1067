package org.ecabinet.ui;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import org.springframework.web.reactive.function.client.WebClientRequestException;

import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Every state-changing call to the backend carries an {@code Idempotency-Key} of its own, and is sent again under the
 * same key when it may not have arrived or been answered: the connection failed, the balancer found no node (502,
 * 503, 504), or the backend still handles the first try (409 with {@code Retry-After}). The backend applies it once
 * whichever node answers, so an official's check-in or answer is neither lost nor doubled by a node's failure.
 */
final class IdempotentRetries implements ExchangeFilterFunction {

    static final String HEADER = "Idempotency-Key";
    static final int RETRIES = 4;
    private static final Set<HttpMethod> CHANGING = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);
    private static final Set<Integer> NO_NODE = Set.of(502, 503, 504);

    private final Duration firstPause;

    IdempotentRetries(Duration firstPause) {
        this.firstPause = firstPause;
    }

    /** An answer worth another try, kept whole so that the last one is given back when the tries run out. */
    private static final class Retriable extends RuntimeException {
        private final HttpStatusCode status;
        private final HttpHeaders headers;
        private final String body;

        Retriable(HttpStatusCode status, HttpHeaders headers, String body) {
            super(null, null, false, false);
            this.status = status;
            this.headers = headers;
            this.body = body;
        }

        ClientResponse response() {
            return ClientResponse.create(status).headers(h -> h.addAll(headers)).body(body).build();
        }
    }

    @Override
    public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
        if (!CHANGING.contains(request.method())) {
            return next.exchange(request);
        }
        ClientRequest keyed = ClientRequest.from(request).header(HEADER, UUID.randomUUID().toString()).build();
        return Mono.defer(() -> next.exchange(keyed))
                .flatMap(response -> worthAnotherTry(response)
                        ? response.bodyToMono(String.class).defaultIfEmpty("")
                                .flatMap(body -> Mono.<ClientResponse>error(new Retriable(response.statusCode(), response.headers().asHttpHeaders(), body)))
                        : Mono.just(response))
                .retryWhen(Retry.backoff(RETRIES, firstPause).filter(e -> e instanceof WebClientRequestException || e instanceof Retriable)
                        .onRetryExhaustedThrow((spec, signal) -> signal.failure()))
                .onErrorResume(Retriable.class, last -> Mono.just(last.response()));
    }

    private static boolean worthAnotherTry(ClientResponse response) {
        int status = response.statusCode().value();
        return NO_NODE.contains(status) || status == 409 && response.headers().header("Retry-After").size() > 0;
    }
}
