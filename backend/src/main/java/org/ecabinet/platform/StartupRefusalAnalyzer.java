package org.ecabinet.platform;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a {@link StartupRefused} anywhere in the start-up failure into Spring Boot's short report: reason and action. */
public class StartupRefusalAnalyzer extends AbstractFailureAnalyzer<StartupRefused> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, StartupRefused cause) {
        return new FailureAnalysis("e-Cabinet refuses to start: " + cause.getMessage(), cause.action(), null);
    }
}
