package org.ecabinet.platform.storage;

import org.bson.Document;

/**
 * Numbers as they are stored, whatever their BSON width: a document written by hand or by another driver
 * may hold a 32-bit integer where we wrote a 64-bit one. Anything that is not a number is a malformed
 * document, reported as such rather than as a class cast.
 */
public final class StoredNumbers {

    private StoredNumbers() {
    }

    public static long longOf(Document document, String field) {
        Object value = document.get(field);
        if (value instanceof Number number && !(value instanceof Double || value instanceof Float)) {
            return number.longValue();
        }
        throw new MalformedDocument("The field '" + field + "' is " + (value == null ? "missing" : "not a whole number: " + value) + ".");
    }

    /** A stored document that does not have the shape we write. */
    public static final class MalformedDocument extends IllegalArgumentException {
        public MalformedDocument(String message) {
            super(message);
        }
    }
}
