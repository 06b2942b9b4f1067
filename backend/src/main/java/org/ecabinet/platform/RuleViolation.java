package org.ecabinet.platform;

/**
 * A command that the current state does not allow (an illegal transition): answered with 409. {@code code} is the
 * stable name a client translates for its user; the message is English, for developers and logs.
 */
public class RuleViolation extends RuntimeException {

    private final String code;

    public RuleViolation(String message) {
        this("not-allowed-now", message);
    }

    public RuleViolation(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
