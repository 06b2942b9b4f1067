package org.ecabinet.platform;

import java.time.Duration;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;

import org.axonframework.common.lock.Lock;
import org.axonframework.common.lock.LockFactory;
import org.axonframework.common.lock.PessimisticLockFactory;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The lock an aggregate is held under while one command runs on it (Axon's pessimistic lock), with the time
 * each command waited for it: as the timer {@value #WAIT_TIMER}, and counted since start-up by bound, so
 * that the benchmarks can tell how many waits over 10 ms a run caused. Commands parked behind one another on
 * a busy ballot or session show there. Every aggregate names this bean as its lock factory.
 */
@Component(AggregateLocks.BEAN)
public class AggregateLocks implements LockFactory {

    public static final String BEAN = "aggregateLocks";
    public static final String WAIT_TIMER = "cabinet.aggregate.lock.wait";
    private static final long[] BOUNDS_MILLIS = {1, 5, 10, 25, 50, 100, 250, 1_000, 10_000};

    private final LockFactory locks = PessimisticLockFactory.usingDefaults();
    private final Timer waits;
    private final LongAdder[] atMost = new LongAdder[BOUNDS_MILLIS.length];
    private final LongAdder all = new LongAdder();

    AggregateLocks(MeterRegistry registry) {
        this.waits = Timer.builder(WAIT_TIMER).description("How long a command waited for the lock of the aggregate it acts on").register(registry);
        for (int i = 0; i < atMost.length; i++) {
            atMost[i] = new LongAdder();
        }
    }

    @Override
    public Lock obtainLock(String aggregateId) {
        long start = System.nanoTime();
        Lock lock = locks.obtainLock(aggregateId);
        long waited = System.nanoTime() - start;
        waits.record(Duration.ofNanos(waited));
        all.increment();
        for (int i = 0; i < BOUNDS_MILLIS.length; i++) {
            if (waited <= BOUNDS_MILLIS[i] * 1_000_000) {
                atMost[i].increment();
            }
        }
        return lock;
    }

    /** Waits since start-up: by bound in milliseconds, how many waited at most that long; under -1, all of them. */
    public SortedMap<Long, Long> waitCounts() {
        SortedMap<Long, Long> counts = new TreeMap<>();
        counts.put(-1L, all.sum());
        for (int i = 0; i < BOUNDS_MILLIS.length; i++) {
            counts.put(BOUNDS_MILLIS[i], atMost[i].sum());
        }
        return counts;
    }
}
