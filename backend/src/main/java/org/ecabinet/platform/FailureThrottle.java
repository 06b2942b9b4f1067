package org.ecabinet.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows guessing (of passwords, of signing PINs) without handing anyone a lock-out. Failures are counted
 * per account AND client address: after {@code freeFailures} of them within the window, each further attempt
 * from that address for that account waits {@code firstDelay}, doubling per failure up to {@code maxDelay}. So
 * an attacker elsewhere never stops the account's owner, and many users behind one address never stop each
 * other. Guessing one account from many addresses is slowed too: past {@code accountWideFailures} failures
 * of the account within the window, addresses from which it has not signed in successfully wait as well.
 */
public class FailureThrottle {

    public record Limits(int freeFailures, Duration firstDelay, Duration maxDelay, Duration window, int accountWideFailures) {
    }

    private record Streak(int failures, Instant last) {
    }

    private static final int PURGE_ABOVE = 100_000;

    private final Limits limits;
    private final Clock clock;
    private final Map<String, Streak> streaks = new ConcurrentHashMap<>();
    private final Map<String, Deque<Instant>> accountFailures = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> knownAddresses = new ConcurrentHashMap<>();

    public FailureThrottle(Limits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    /** How long this address must wait before it may try this account again, if at all. */
    public Optional<Duration> waitFor(String account, String address) {
        Instant now = clock.instant();
        Duration wait = waitAfter(streaks.get(key(account, address)), limits.freeFailures(), now);
        if (wait.isZero() && !known(account, address)) {
            Deque<Instant> recent = accountFailures.get(normal(account));
            if (recent != null) {
                synchronized (recent) {
                    recent.removeIf(t -> !t.plus(limits.window()).isAfter(now));
                    if (recent.size() >= limits.accountWideFailures() && limits.accountWideFailures() > 0) {
                        wait = waitAfter(new Streak(recent.size(), recent.peekLast()), limits.accountWideFailures(), now);
                    }
                }
            }
        }
        return wait.isZero() || wait.isNegative() ? Optional.empty() : Optional.of(wait);
    }

    public void failed(String account, String address) {
        Instant now = clock.instant();
        if (streaks.size() > PURGE_ABOVE) {
            streaks.entrySet().removeIf(e -> !e.getValue().last().plus(limits.window()).isAfter(now));
        }
        if (accountFailures.size() > PURGE_ABOVE) {
            accountFailures.values().removeIf(times -> {
                synchronized (times) {
                    return times.isEmpty() || !times.peekLast().plus(limits.window()).isAfter(now);
                }
            });
        }
        streaks.merge(key(account, address), new Streak(1, now), (old, one) -> old.last().plus(limits.window()).isAfter(now)
                ? new Streak(old.failures() + 1, now) : one);
        Deque<Instant> recent = accountFailures.computeIfAbsent(normal(account), a -> new ArrayDeque<>());
        synchronized (recent) {
            recent.addLast(now);
        }
    }

    public void succeeded(String account, String address) {
        streaks.remove(key(account, address));
        knownAddresses.computeIfAbsent(normal(account), a -> ConcurrentHashMap.newKeySet()).add(address);
    }

    private boolean known(String account, String address) {
        Set<String> known = knownAddresses.get(normal(account));
        return known != null && known.contains(address);
    }

    /** After n failures beyond the free ones: firstDelay × 2^(n − free), at most maxDelay, counted from the last failure. */
    private Duration waitAfter(Streak streak, int free, Instant now) {
        if (streak == null || streak.failures() < free || !streak.last().plus(limits.window()).isAfter(now)) {
            return Duration.ZERO;
        }
        int doublings = Math.min(30, streak.failures() - free);
        Duration delay = limits.firstDelay().multipliedBy(1L << doublings);
        if (delay.compareTo(limits.maxDelay()) > 0) {
            delay = limits.maxDelay();
        }
        return Duration.between(now, streak.last().plus(delay));
    }

    private static String key(String account, String address) {
        return normal(account) + "\n" + address;
    }

    private static String normal(String account) {
        return account.toLowerCase(java.util.Locale.ROOT);
    }
}
