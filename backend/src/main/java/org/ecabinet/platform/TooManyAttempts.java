package org.ecabinet.platform;

import java.time.Duration;

/** Too many failed attempts (sign-in, signing PIN): HTTP 429 with Retry-After. */
public class TooManyAttempts extends RuntimeException {

    private final Duration retryAfter;

    public TooManyAttempts(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
