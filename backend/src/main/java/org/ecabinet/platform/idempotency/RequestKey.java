package org.ecabinet.platform.idempotency;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import org.ecabinet.platform.storage.DocumentStore;

/**
 * One caller's idempotency key: {@code id} is a digest of the caller and the key (two callers' keys never meet, and
 * the key itself is not stored); {@code fingerprint} is a digest of what was asked (method, path, query, body), so
 * that a key sent again with another request is refused instead of answered with the first one's outcome.
 */
record RequestKey(String id, String user, String fingerprint) {

    /** Printable ASCII, as the IETF draft's examples and common clients (a UUID) have it; at most 255 characters. */
    private static final Pattern VALID = Pattern.compile("[\\x21-\\x7e]{1,255}");

    static boolean valid(String key) {
        return VALID.matcher(key).matches();
    }

    static RequestKey of(String user, String key, String method, String pathAndQuery, String bodyDigest) {
        return new RequestKey(sha256(user + "\n" + key), user, sha256(method + " " + pathAndQuery + "\n" + bodyDigest));
    }

    static String sha256(byte[] bytes) {
        return DocumentStore.sha256(bytes);
    }

    private static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }
}
