package org.ecabinet.replay;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.ecabinet.events.session.SessionPublished;
import org.springframework.stereotype.Component;

/** Event handlers of the test context that record what a replay does to them (see {@link ReplaySafetyTest}). */
final class ReplayProbes {

    static final String GROUP = "replay-probe";

    private ReplayProbes() {
    }

    @Component
    @ProcessingGroup(GROUP)
    static class SideEffect {
        final Map<String, AtomicInteger> fired = new ConcurrentHashMap<>();

        @EventHandler
        @DisallowReplay
        void on(SessionPublished event) {
            fired.computeIfAbsent(event.sessionId(), id -> new AtomicInteger()).incrementAndGet();
        }
    }

    @Component
    @ProcessingGroup(GROUP)
    static class ReplayAware {
        final Map<String, List<Boolean>> replaying = new ConcurrentHashMap<>();

        @EventHandler
        void on(SessionPublished event, ReplayStatus status) {
            replaying.computeIfAbsent(event.sessionId(), id -> new CopyOnWriteArrayList<>()).add(status.isReplay());
        }
    }

}
