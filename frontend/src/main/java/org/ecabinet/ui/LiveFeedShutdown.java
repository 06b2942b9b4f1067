package org.ecabinet.ui;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Ends the open live feeds first when the application stops (the highest phase stops first), before the web
 * server and the HTTP client to the backend are shut down.
 */
@Component
class LiveFeedShutdown implements SmartLifecycle {

    private volatile boolean running;

    @Override
    public void start() {
        LiveFeed.allow();
        running = true;
    }

    @Override
    public void stop() {
        LiveFeed.stopAll();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
