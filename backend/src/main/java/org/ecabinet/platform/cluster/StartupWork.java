package org.ecabinet.platform.cluster;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Holds a stop (SIGTERM) until the start-up work is done: the runners (demo data, the first administrator) send
 * commands on the main thread while Spring's shutdown hook closes the context, and a runner cut off halfway leaves the
 * store half seeded for good (each part is seeded once) and the log saying the application failed. Stopped first
 * (the highest phase), before the web server and Axon; waits at most {@link #AT_MOST}.
 */
@Component
public class StartupWork implements SmartLifecycle {

    static final Duration AT_MOST = Duration.ofSeconds(60);
    private static final Logger log = LoggerFactory.getLogger(StartupWork.class);

    private final CountDownLatch over = new CountDownLatch(1);
    private volatile boolean running;

    /** After every runner, or when the start failed: either way nothing more will be started. */
    @EventListener({ApplicationReadyEvent.class, ApplicationFailedEvent.class})
    void over() {
        over.countDown();
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        try {
            if (over.getCount() > 0) {
                log.info("Asked to stop during the start-up work (demo data, first administrator): stopping once it is done");
                if (!over.await(AT_MOST.toSeconds(), TimeUnit.SECONDS)) {
                    log.warn("The start-up work did not end within {}; stopping anyway", AT_MOST);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            running = false;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE; // stopped first
    }
}
