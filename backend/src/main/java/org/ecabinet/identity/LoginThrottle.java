package org.ecabinet.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Slows password guessing: after {@code maxFailedLogins} failures within the lockout window, for one user
 * name or from one address, further attempts are refused until the oldest failure leaves the window.
 */
@Component
class LoginThrottle {

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final int maxFailures;
    private final Duration window;
    private final Clock clock;

    LoginThrottle(SecurityProperties properties, Clock clock) {
        this.maxFailures = properties.maxFailedLogins();
        this.window = properties.lockout();
        this.clock = clock;
    }

    /** How long the caller must wait, if it is locked out. */
    Optional<Duration> lockedFor(String username, String address) {
        return keys(username, address).map(this::lockedFor).filter(d -> !d.isZero()).max(Duration::compareTo);
    }

    void failed(String username, String address) {
        Instant now = clock.instant();
        keys(username, address).forEach(key -> failures.compute(key, (k, times) -> {
            Deque<Instant> recent = times == null ? new ArrayDeque<>() : times;
            recent.addLast(now);
            return recent;
        }));
    }

    void succeeded(String username) {
        failures.remove(userKey(username));
    }

    private Duration lockedFor(String key) {
        Instant now = clock.instant();
        Deque<Instant> times = failures.computeIfPresent(key, (k, recent) -> {
            recent.removeIf(t -> t.plus(window).isBefore(now));
            return recent.isEmpty() ? null : recent;
        });
        int limit = key.startsWith("ip:") ? maxFailures * 4 : maxFailures;
        if (times == null || times.size() < limit) {
            return Duration.ZERO;
        }
        return Duration.between(now, times.peekFirst().plus(window));
    }

    private static java.util.stream.Stream<String> keys(String username, String address) {
        return java.util.stream.Stream.of(userKey(username), "ip:" + address);
    }

    private static String userKey(String username) {
        return "user:" + username.toLowerCase();
    }
}
