package org.ecabinet.platform.web;

import java.time.Duration;
import java.util.function.ToLongFunction;
import java.util.function.UnaryOperator;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.http.codec.ServerSentEvent;

import reactor.core.publisher.Flux;

/**
 * How every live view is served as Server-Sent Events: the state the caller may see now, then each new state the
 * projection publishes, each event carrying the view's version as its id; a comment every 20 s keeps proxies from
 * closing a quiet stream; the subscription query is closed when the client goes.
 */
public final class LiveStream {

    static final Duration KEEP_ALIVE = Duration.ofSeconds(20);

    private LiveStream() {
    }

    /**
     * Follows the view that {@code query} answers: {@code first}, the state the caller may see now, then each update the
     * projection publishes, passed through {@code forCaller} (which filters or shapes it for the caller).
     */
    public static <V> Flux<ServerSentEvent<V>> follow(QueryGateway queries, Object query, Class<V> type, String event, V first,
                                                      UnaryOperator<Flux<V>> forCaller, ToLongFunction<V> version) {
        SubscriptionQueryResult<V, V> subscription = queries.subscriptionQuery(query, ResponseTypes.instanceOf(type), ResponseTypes.instanceOf(type));
        Flux<ServerSentEvent<V>> changes = forCaller.apply(subscription.updates())
                .map(view -> ServerSentEvent.builder(view).event(event).id(String.valueOf(version.applyAsLong(view))).build());
        Flux<ServerSentEvent<V>> keepAlive = Flux.interval(KEEP_ALIVE).map(i -> ServerSentEvent.<V>builder().comment("keep-alive").build());
        return Flux.just(ServerSentEvent.builder(first).event(event).id(String.valueOf(version.applyAsLong(first))).build())
                .concatWith(Flux.merge(changes, keepAlive))
                .doFinally(signal -> subscription.close());
    }
}
