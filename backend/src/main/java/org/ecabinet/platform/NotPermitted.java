package org.ecabinet.platform;

/** The authenticated user may not do this to this resource: answered with 403, with a more precise code where one helps the user. */
public class NotPermitted extends RuntimeException {

    private final String code;

    public NotPermitted(String message) {
        this(message, "forbidden");
    }

    public NotPermitted(String message, String code) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
