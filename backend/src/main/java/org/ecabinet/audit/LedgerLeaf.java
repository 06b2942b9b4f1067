package org.ecabinet.audit;

import java.nio.charset.StandardCharsets;

/**
 * What the ledger records of each global index: leaf {@code g} is {@code H(0x00 || "g:" + hash)} for the
 * event stored under index g (its hash over the stored bytes, see EventHash), or {@code H(0x00 || "g:")}
 * for an index that no event holds (a failed writer's). Because every index has a leaf, leaf number =
 * global index, and an event removed, added or changed anywhere changes the tree.
 */
final class LedgerLeaf {

    private LedgerLeaf() {
    }

    static String entry(long global, String eventHash) {
        return global + ":" + (eventHash == null ? "" : eventHash);
    }

    static byte[] of(long global, String eventHash) {
        return MerkleTree.leafHash(entry(global, eventHash).getBytes(StandardCharsets.UTF_8));
    }

    static byte[] unused(long global) {
        return of(global, null);
    }
}
