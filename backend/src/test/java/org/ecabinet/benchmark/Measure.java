package org.ecabinet.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** Timing with progress for the benchmarks: long runs print how far they are every five seconds. */
final class Measure {

    private Measure() {
    }

    interface Work {
        Object run() throws Exception;
    }

    /** Runs the work, printing progress every five seconds, and returns units per second. */
    static double timed(String what, long total, Work work, java.util.function.LongSupplier done) throws Exception {
        long start = System.nanoTime();
        var progress = Executors.newSingleThreadScheduledExecutor();
        progress.scheduleAtFixedRate(() -> {
            double seconds = (System.nanoTime() - start) / 1e9;
            long n = Math.min(done.getAsLong(), total);
            double rate = n / Math.max(seconds, 1e-9);
            System.out.printf("  %s: %,d / %,d (%.0f%%), %,.0f/s, ETA %.0f s%n", what, n, total, 100.0 * n / total, rate,
                    rate > 0 ? (total - n) / rate : Double.NaN);
        }, 5, 5, TimeUnit.SECONDS);
        try {
            work.run();
        } finally {
            progress.shutdownNow();
        }
        return total / ((System.nanoTime() - start) / 1e9);
    }

    static Object parallel(int threads, Runnable task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(task));
        }
        for (var future : futures) {
            future.get();
        }
        pool.shutdown();
        return null;
    }
}
