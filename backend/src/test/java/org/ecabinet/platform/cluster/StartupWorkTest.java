package org.ecabinet.platform.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class StartupWorkTest {

    @Test
    void aStopAskedForDuringTheStartUpWorkWaitsUntilItIsOver() throws Exception {
        StartupWork work = new StartupWork();
        work.start();
        CompletableFuture<Void> stopping = CompletableFuture.runAsync(work::stop);

        Thread.sleep(300); // the shutdown hook would now close the context under the runners
        assertThat(stopping).as("still waiting for the runners").isNotDone();
        assertThat(work.isRunning()).isTrue();

        work.over(); // the last runner ended: ApplicationReadyEvent
        stopping.get(5, TimeUnit.SECONDS);
        assertThat(work.isRunning()).isFalse();
    }

    @Test
    void aStopAfterTheStartUpWorkDoesNotWait() throws Exception {
        StartupWork work = new StartupWork();
        work.start();
        work.over();
        CompletableFuture.runAsync(work::stop).get(1, TimeUnit.SECONDS);
        assertThat(work.isRunning()).isFalse();
    }
}
