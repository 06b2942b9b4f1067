package org.ecabinet.benchmark;

import java.util.Map;
import java.util.SortedMap;

import org.ecabinet.platform.AggregateLocks;

/** How long commands waited for their aggregate's lock between two moments, from the backend's {@link AggregateLocks}. */
final class LockWaits {

    private final AggregateLocks locks;
    private SortedMap<Long, Long> from;

    LockWaits(AggregateLocks locks) {
        this.locks = locks;
    }

    void mark() {
        from = locks.waitCounts();
    }

    /** Waits since {@link #mark()}: how many, the share over 10 ms, and the smallest bound holding 99% of them. */
    String since() {
        SortedMap<Long, Long> now = locks.waitCounts();
        long count = now.get(-1L) - from.get(-1L);
        String p99 = "over " + now.lastKey() + " ms";
        for (Map.Entry<Long, Long> bound : now.tailMap(0L).entrySet()) {
            if (bound.getValue() - from.get(bound.getKey()) >= 0.99 * count) {
                p99 = "≤ " + bound.getKey() + " ms";
                break;
            }
        }
        long within10 = now.get(10L) - from.get(10L);
        return "%,d lock waits: p99 %s, %.2f%% over 10 ms".formatted(count, p99, count == 0 ? 0 : 100.0 * (count - within10) / count);
    }
}
