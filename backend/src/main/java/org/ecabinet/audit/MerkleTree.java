package org.ecabinet.audit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Merkle tree hash of RFC 9162 (Certificate Transparency 2.0), section 2.1, over SHA-256: a leaf is
 * {@code H(0x00 || entry)}, an inner node {@code H(0x01 || left || right)}, and a tree of n leaves splits
 * at the largest power of two smaller than n. Inclusion proofs and their verification follow 2.1.3.
 */
final class MerkleTree {

    private MerkleTree() {
    }

    static byte[] leafHash(byte[] entry) {
        MessageDigest sha = sha256();
        sha.update((byte) 0x00);
        return sha.digest(entry);
    }

    /** The root of the tree over the first {@code size} leaf hashes. */
    static byte[] root(List<byte[]> leaves, int size) {
        if (size == 0) {
            return sha256().digest();
        }
        return subtree(leaves, 0, size);
    }

    /** The hash of the subtree over leaves {@code from} (inclusive) to {@code to} (exclusive), however it is found. */
    interface Subtrees {
        byte[] hash(long from, long to);
    }

    /** The audit path of leaf {@code index} in the tree of the first {@code size} leaves. */
    static List<byte[]> inclusionPath(List<byte[]> leaves, int index, int size) {
        if (size > leaves.size()) {
            throw new IllegalArgumentException("Leaf " + index + " is not in a tree of " + size + " leaves.");
        }
        return inclusionPath(index, size, (from, to) -> subtree(leaves, (int) from, (int) to));
    }

    /**
     * The audit path of leaf {@code index}, asking {@code subtrees} only for the siblings on the way: the
     * left part of every split is a perfect, aligned subtree, which a store can keep precomputed.
     */
    static List<byte[]> inclusionPath(long index, long size, Subtrees subtrees) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("Leaf " + index + " is not in a tree of " + size + " leaves.");
        }
        List<byte[]> path = new ArrayList<>();
        path(subtrees, index, 0, size, path);
        return path;
    }

    /** RFC 9162, 2.1.3.2: whether the path proves that {@code leaf} is leaf {@code index} of the tree with {@code root}. */
    static boolean verifyInclusion(byte[] leaf, long index, long size, List<byte[]> path, byte[] root) {
        if (index >= size) {
            return false;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leaf;
        for (byte[] p : path) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = node(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = node(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(r, root);
    }

    private static byte[] subtree(List<byte[]> leaves, int from, int to) {
        if (to - from == 1) {
            return leaves.get(from);
        }
        int k = split(to - from);
        return node(subtree(leaves, from, from + k), subtree(leaves, from + k, to));
    }

    private static void path(Subtrees subtrees, long index, long from, long to, List<byte[]> path) {
        if (to - from == 1) {
            return;
        }
        long k = Long.highestOneBit(to - from - 1);
        if (index < from + k) {
            path(subtrees, index, from, from + k, path);
            path.add(subtrees.hash(from + k, to));
        } else {
            path(subtrees, index, from + k, to, path);
            path.add(subtrees.hash(from, from + k));
        }
    }

    /** The largest power of two smaller than n (n > 1). */
    private static int split(int n) {
        return Integer.highestOneBit(n - 1);
    }

    static byte[] node(byte[] left, byte[] right) {
        MessageDigest sha = sha256();
        sha.update((byte) 0x01);
        sha.update(left);
        return sha.digest(right);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
