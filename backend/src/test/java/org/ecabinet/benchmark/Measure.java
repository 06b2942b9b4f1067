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

    /**
     * Runs the work once, printing progress every five seconds and at the end the rate, the process's CPU time per
     * unit and the load average; returns units per second. For passes over data (a fill, a scan, a replay);
     * repeated operations are measured by {@link Phase}, after a warm-up.
     */
    static double timed(String what, long total, Work work, java.util.function.LongSupplier done) throws Exception {
        var process = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpuFrom = process.getProcessCpuTime();
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
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("  %s: %,d in %.1f s, %,.0f/s; process CPU %.1f µs per unit; load average %.2f%n", what, total, seconds, total / seconds,
                (process.getProcessCpuTime() - cpuFrom) / 1e3 / total, process.getSystemLoadAverage());
        return total / seconds;
    }

    static Object parallel(int threads, Runnable task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread worker = new Thread(r);
            worker.setDaemon(true); // a failed run ends instead of waiting for idle workers
            return worker;
        });
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
