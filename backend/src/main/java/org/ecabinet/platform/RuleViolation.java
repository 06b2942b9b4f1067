package org.ecabinet.platform;

/** A command that the current state does not allow (an illegal transition): answered with 409. */
public class RuleViolation extends RuntimeException {
    public RuleViolation(String message) {
        super(message);
    }
}
