package org.ecabinet.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.ecabinet.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Side effects (reminders, e-mails, outgoing deliveries) must never fire during a replay, and handlers
 * must be told that they are replaying. Axon 4.12.3 and 4.13.0 broke both with the Mongo token store;
 * this test fails on such a version.
 */
class ReplaySafetyTest extends ApiTest {

    @Autowired
    ReplayProbes.SideEffect sideEffect;
    @Autowired
    ReplayProbes.ReplayAware replayAware;
    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void aReplayRebuildsStateButFiresNoSideEffect() {
        String sessionId = publishedSession()[0];
        await().atMost(Duration.ofSeconds(20)).until(() -> replayAware.replaying.getOrDefault(sessionId, List.of()).size() == 1);
        assertThat(replayAware.replaying.get(sessionId)).containsExactly(false);
        assertThat(sideEffect.fired.get(sessionId)).hasValue(1);

        TrackingEventProcessor processor = processing.eventProcessor(ReplayProbes.GROUP, TrackingEventProcessor.class).orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        processor.start();

        await().atMost(Duration.ofSeconds(30)).until(() -> replayAware.replaying.get(sessionId).size() == 2);
        assertThat(replayAware.replaying.get(sessionId)).containsExactly(false, true);
        assertThat(sideEffect.fired.get(sessionId)).as("no side effect during the replay").hasValue(1);
    }
}
