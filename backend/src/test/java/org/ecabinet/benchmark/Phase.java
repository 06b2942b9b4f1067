package org.ecabinet.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One measured phase of a benchmark: {@code threads} clients repeat an operation, first for the warm-up (so
 * that the JIT has compiled the paths being measured), then for the measurement. It reports operations per
 * second, latency percentiles, and the CPU time the process spent per operation beyond the clients' own
 * threads (the backend runs in the benchmark's JVM; its HTTP clients' work is not the backend's).
 *
 * @param operations operations that started inside the measurement and completed
 * @param latencies their latencies in nanoseconds, sorted
 * @param serverCpuNanos CPU time of the process during the measurement, less that of the client threads
 */
record Phase(String what, int threads, long operations, double seconds, long[] latencies, long serverCpuNanos, double loadAverage) {

    /** One operation of client {@code thread}; its latency is measured around it. */
    interface Operation {
        void run(int thread) throws Exception;
    }

    private static final String CLIENT = "bench-client-";

    static Phase run(String what, int threads, Duration warmUp, Duration measurement, Operation operation) throws Exception {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        var process = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        AtomicInteger names = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread client = new Thread(r, CLIENT + names.getAndIncrement());
            client.setDaemon(true); // a failed run ends instead of waiting for idle clients
            return client;
        });
        ConcurrentLinkedQueue<Long> measured = new ConcurrentLinkedQueue<>();
        long start = System.nanoTime();
        long measureFrom = start + warmUp.toNanos();
        long end = measureFrom + measurement.toNanos();
        List<Future<?>> clients = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            clients.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    long began = System.nanoTime();
                    operation.run(thread);
                    long done = System.nanoTime();
                    if (began >= measureFrom && done <= end) {
                        measured.add(done - began);
                    }
                }
                return null;
            }));
        }
        System.out.printf("  %s: warming up %d s with %d clients%n", what, warmUp.toSeconds(), threads);
        sleepUntil(measureFrom, clients);
        long processFrom = process.getProcessCpuTime();
        Map<Long, Long> clientsFrom = clientCpu(cpu);
        for (long next = measureFrom + 5_000_000_000L; next < end; next += 5_000_000_000L) {
            sleepUntil(next, clients);
            System.out.printf("  %s: %,d done, %,.0f/s so far%n", what, measured.size(), measured.size() / ((System.nanoTime() - measureFrom) / 1e9));
        }
        sleepUntil(end, clients);
        long processCpu = process.getProcessCpuTime() - processFrom;
        Map<Long, Long> clientsTo = clientCpu(cpu);
        long clientCpu = clientsTo.entrySet().stream().mapToLong(e -> e.getValue() - clientsFrom.getOrDefault(e.getKey(), 0L)).sum();
        double load = process.getSystemLoadAverage();
        for (Future<?> client : clients) {
            client.get(); // an operation that failed fails the benchmark
        }
        pool.shutdown();
        long[] latencies = measured.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Phase(what, threads, latencies.length, measurement.toNanos() / 1e9, latencies, processCpu - clientCpu, load);
    }

    private static void sleepUntil(long nanoTime, List<Future<?>> clients) throws Exception {
        while (System.nanoTime() < nanoTime) {
            for (Future<?> client : clients) {
                if (client.isDone()) {
                    client.get(); // fail fast
                }
            }
            Thread.sleep(Math.max(1, Math.min(200, (nanoTime - System.nanoTime()) / 1_000_000)));
        }
    }

    /** CPU time of the client threads: ours and the JDK HTTP client's. */
    private static Map<Long, Long> clientCpu(ThreadMXBean cpu) {
        Map<Long, Long> times = new HashMap<>();
        for (var info : cpu.getThreadInfo(cpu.getAllThreadIds())) {
            if (info != null && (info.getThreadName().startsWith(CLIENT) || info.getThreadName().startsWith("HttpClient-"))) {
                times.put(info.getThreadId(), Math.max(0, cpu.getThreadCpuTime(info.getThreadId())));
            }
        }
        return times;
    }

    double perSecond() {
        return operations / seconds;
    }

    double millis(double percentile) {
        if (latencies.length == 0) {
            return Double.NaN;
        }
        return latencies[Math.min(latencies.length - 1, (int) Math.ceil(percentile / 100 * latencies.length) - 1)] / 1e6;
    }

    double cpuMillisPerOperation() {
        return operations == 0 ? Double.NaN : serverCpuNanos / 1e6 / operations;
    }

    /** One line: rate, latencies, backend CPU per operation, load average. */
    String line() {
        return "%s, %d clients, %.0f s: %,.0f/s (%,d); latency p50 %.1f ms, p99 %.1f ms, max %.0f ms; backend CPU %.2f ms/op; load average %.2f"
                .formatted(what, threads, seconds, perSecond(), operations, millis(50), millis(99),
                        latencies.length == 0 ? Double.NaN : latencies[latencies.length - 1] / 1e6, cpuMillisPerOperation(), loadAverage);
    }
}
