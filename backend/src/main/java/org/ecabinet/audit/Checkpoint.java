package org.ecabinet.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A signed statement of the ledger: "the first {@code treeSize} global indexes of the event store have
 * the Merkle root {@code rootHash}", sealed by the system and time-stamped. The statement is compact JSON
 * with sorted keys; the seal is a detached CMS signature of exactly its UTF-8 bytes and the time-stamp is
 * over their SHA-256, so {@code openssl cms -verify} and {@code openssl ts -verify} check them.
 */
record Checkpoint(long treeSize, String rootHash, Instant time, String statement, byte[] seal, byte[] timeStamp) {

    static final String LOG = "e-Cabinet event ledger";
    private static final ObjectMapper JSON = new ObjectMapper();

    static String statementOf(long treeSize, byte[] root, Instant time) {
        Map<String, Object> fields = new TreeMap<>();
        fields.put("log", LOG);
        fields.put("rootHash", HexFormat.of().formatHex(root));
        fields.put("time", time.toString());
        fields.put("treeSize", treeSize);
        try {
            return JSON.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The checkpoint a statement and its proofs make, as far as the statement can be read. */
    static Checkpoint parse(String statement, byte[] seal, byte[] timeStamp) {
        try {
            var node = JSON.readTree(statement);
            return new Checkpoint(node.path("treeSize").asLong(-1), node.path("rootHash").asText(""),
                    Instant.parse(node.path("time").asText()), statement, seal, timeStamp);
        } catch (Exception e) {
            throw new IllegalArgumentException("Not a ledger checkpoint statement: " + e.getMessage(), e);
        }
    }

    byte[] statementBytes() {
        return statement.getBytes(StandardCharsets.UTF_8);
    }
}
