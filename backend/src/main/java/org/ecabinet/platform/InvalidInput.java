package org.ecabinet.platform;

/**
 * A field of a request that cannot be taken, found beyond its declared constraints (an unknown file, a period
 * that ends before it starts): 400 with that field, a machine {@code code} the UI translates, and a sentence.
 */
public class InvalidInput extends RuntimeException {

    private final String field;
    private final String code;

    public InvalidInput(String field, String code, String message) {
        super(message);
        this.field = field;
        this.code = code;
    }

    public String field() {
        return field;
    }

    public String code() {
        return code;
    }
}
