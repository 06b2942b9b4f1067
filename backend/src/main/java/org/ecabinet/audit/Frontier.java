package org.ecabinet.audit;

import java.util.ArrayList;
import java.util.List;

/**
 * The right edge of an RFC 9162 Merkle tree that only grows: the roots of its perfect subtrees, largest
 * (leftmost) first. Appending a leaf costs O(1) amortized and the root of the whole tree is the fold of
 * these roots from the right, so the ledger never re-reads old leaves to compute a checkpoint.
 */
final class Frontier {

    private final List<byte[]> roots;
    private long size;

    Frontier() {
        this(new ArrayList<>(), 0);
    }

    Frontier(List<byte[]> roots, long size) {
        if (roots.size() != Long.bitCount(size)) {
            throw new IllegalArgumentException("A tree of " + size + " leaves has " + Long.bitCount(size) + " perfect subtrees, not " + roots.size());
        }
        this.roots = new ArrayList<>(roots);
        this.size = size;
    }

    void append(byte[] leafHash) {
        byte[] hash = leafHash;
        for (long s = size; (s & 1) == 1; s >>= 1) {
            hash = MerkleTree.node(roots.remove(roots.size() - 1), hash);
        }
        roots.add(hash);
        size++;
    }

    byte[] root() {
        if (roots.isEmpty()) {
            return MerkleTree.sha256().digest();
        }
        byte[] root = roots.get(roots.size() - 1);
        for (int i = roots.size() - 2; i >= 0; i--) {
            root = MerkleTree.node(roots.get(i), root);
        }
        return root;
    }

    long size() {
        return size;
    }

    List<byte[]> roots() {
        return List.copyOf(roots);
    }
}
