package org.ecabinet.platform.web;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
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
 * closing a quiet stream; the subscription query is closed when the client goes. The current state is read through
 * the subscription itself, so that no change falls between reading it and following; a client that reconnects with
 * {@code Last-Event-ID} gets the current state only if it is newer than the one it has (states are whole, so the
 * newest holds whatever it missed), and never a state older than one already sent.
 */
public final class LiveStream {

    static final Duration KEEP_ALIVE = Duration.ofSeconds(20);

    private LiveStream() {
    }

    /**
     * Follows the view that {@code query} answers, each state passed through {@code forCaller} (which filters or shapes
     * it for the caller); {@code lastEventId}: the client's {@code Last-Event-ID}, or null.
     */
    public static <V> Flux<ServerSentEvent<V>> follow(QueryGateway queries, Object query, Class<V> type, String event,
                                                      UnaryOperator<Flux<V>> forCaller, ToLongFunction<V> version, String lastEventId) {
        SubscriptionQueryResult<V, V> subscription = queries.subscriptionQuery(query, ResponseTypes.instanceOf(type), ResponseTypes.instanceOf(type));
        AtomicLong sent = new AtomicLong(versionOf(lastEventId));
        Flux<ServerSentEvent<V>> states = forCaller.apply(subscription.initialResult().flux().concatWith(subscription.updates()))
                .filter(view -> newer(sent, version.applyAsLong(view)))
                .map(view -> ServerSentEvent.builder(view).event(event).id(String.valueOf(version.applyAsLong(view))).build());
        Flux<ServerSentEvent<V>> keepAlive = Flux.interval(KEEP_ALIVE).map(i -> ServerSentEvent.<V>builder().comment("keep-alive").build());
        return Flux.merge(states, keepAlive).doFinally(signal -> subscription.close());
    }

    private static boolean newer(AtomicLong sent, long version) {
        long before = sent.getAndAccumulate(version, Math::max);
        return version > before;
    }

    /** The version a client says it has; anything that is not one counts as nothing. */
    private static long versionOf(String lastEventId) {
        try {
            return lastEventId == null ? -1 : Long.parseLong(lastEventId.strip());
        } catch (NumberFormatException notAVersion) {
            return -1;
        }
    }
}
