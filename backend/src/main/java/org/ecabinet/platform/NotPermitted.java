package org.ecabinet.platform;

/** The authenticated user may not do this to this resource: answered with 403. */
public class NotPermitted extends RuntimeException {
    public NotPermitted(String message) {
        super(message);
    }
}
