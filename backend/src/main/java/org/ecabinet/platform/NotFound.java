package org.ecabinet.platform;

/** The resource does not exist, or the user may not know it exists: answered with 404. */
public class NotFound extends RuntimeException {
    public NotFound(String message) {
        super(message);
    }
}
