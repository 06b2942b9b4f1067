package org.ecabinet.platform.web;

import java.time.Duration;
import java.util.function.ToLongFunction;

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
     * @param updates    the subscription's updates, already filtered and shaped for the caller
     * @param version    the version a state carries, sent as the event's id
     */
    public static <V> Flux<ServerSentEvent<V>> of(String event, V first, Flux<V> updates, ToLongFunction<V> version,
                                                  SubscriptionQueryResult<?, ?> subscription) {
        Flux<ServerSentEvent<V>> changes = updates.map(view -> ServerSentEvent.builder(view).event(event).id(String.valueOf(version.applyAsLong(view))).build());
        Flux<ServerSentEvent<V>> keepAlive = Flux.interval(KEEP_ALIVE).map(i -> ServerSentEvent.<V>builder().comment("keep-alive").build());
        return Flux.just(ServerSentEvent.builder(first).event(event).id(String.valueOf(version.applyAsLong(first))).build())
                .concatWith(Flux.merge(changes, keepAlive))
                .doFinally(signal -> subscription.close());
    }
}
