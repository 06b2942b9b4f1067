package org.ecabinet.platform;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A command that the current state does not allow (an illegal transition): answered with 409. {@code code} is the
 * stable name a client translates for its user, {@code arguments} what its sentence names (an agenda item by its
 * title, a deadline as an ISO instant); the message is English, for developers and logs.
 */
public class RuleViolation extends RuntimeException {

    private final String code;
    private final Map<String, String> arguments;

    public RuleViolation(String message) {
        this("not-allowed-now", message);
    }

    public RuleViolation(String code, String message) {
        this(code, message, Map.of());
    }

    public RuleViolation(String code, String message, Map<String, ?> arguments) {
        super(message);
        this.code = code;
        Map<String, String> named = new LinkedHashMap<>();
        arguments.forEach((name, value) -> named.put(name, String.valueOf(value)));
        this.arguments = Collections.unmodifiableMap(named);
    }

    public String code() {
        return code;
    }

    public Map<String, String> arguments() {
        return arguments;
    }
}
