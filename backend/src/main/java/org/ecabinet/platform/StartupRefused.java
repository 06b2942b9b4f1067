package org.ecabinet.platform;

/**
 * The backend will not serve this store, for a reason an operator must act on (a damaged or rolled-back
 * store, a missing master key). Start-up stops with the reason and what to do, in a few lines of the log
 * rather than a chain of bean-creation errors ({@link StartupRefusalAnalyzer}).
 */
public class StartupRefused extends RuntimeException {

    private final String action;

    public StartupRefused(String reason, String action) {
        super(reason);
        this.action = action;
    }

    public StartupRefused(String reason) {
        this(reason, "Fix the cause above and start again.");
    }

    public String action() {
        return action;
    }
}
