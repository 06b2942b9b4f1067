package org.ecabinet.platform.cluster;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;

/**
 * A task a node runs every {@code period} on a thread of its own while it runs (a heartbeat, a watch). A round that
 * fails is logged and the next one runs: an exception would otherwise end a scheduled task for good, silently.
 */
public final class Repeating {

    private final ScheduledExecutorService thread;

    private Repeating(ScheduledExecutorService thread) {
        this.thread = thread;
    }

    /** {@code failing}: what the log says when a round fails, before the exception. */
    public static Repeating every(Duration period, String threadName, Runnable task, Logger log, String failing) {
        ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, threadName));
        thread.scheduleWithFixedDelay(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.warn("{}: {}", failing, e.toString());
            }
        }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        return new Repeating(thread);
    }

    public void stop() {
        thread.shutdownNow();
    }
}
