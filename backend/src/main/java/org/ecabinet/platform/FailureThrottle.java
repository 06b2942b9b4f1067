package org.ecabinet.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows guessing (of passwords, of signing PINs): after {@code maxFailures} failures within the window, for
 * one user name, or four times as many from one address, further attempts are refused until the oldest
 * failure leaves the window.
 */
public class FailureThrottle {

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final int maxFailures;
    private final Duration window;
    private final Clock clock;

    public FailureThrottle(int maxFailures, Duration window, Clock clock) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
    }

    /** How long the caller must wait, if it is locked out. */
    public Optional<Duration> lockedFor(String username, String address) {
        return keys(username, address).map(this::lockedFor).filter(d -> !d.isZero()).max(Duration::compareTo);
    }

    public void failed(String username, String address) {
        Instant now = clock.instant();
        keys(username, address).forEach(key -> failures.compute(key, (k, times) -> {
            Deque<Instant> recent = times == null ? new ArrayDeque<>() : times;
            recent.addLast(now);
            return recent;
        }));
    }

    public void succeeded(String username) {
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
