package org.ecabinet.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

class MerkleTreeTest {

    static List<byte[]> leaves(int n) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            leaves.add(MerkleTree.leafHash(("event " + i).getBytes(StandardCharsets.UTF_8)));
        }
        return leaves;
    }

    @Test
    void theEmptyTreeAndOneLeafFollowRfc9162() {
        // RFC 9162 2.1.1: the hash of an empty list is the hash of an empty string.
        assertThat(HexFormat.of().formatHex(MerkleTree.root(List.of(), 0)))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        // A one-leaf tree is its leaf hash: H(0x00 || ""), the well-known CT value.
        assertThat(HexFormat.of().formatHex(MerkleTree.leafHash(new byte[0])))
                .isEqualTo("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
    }

    @Test
    void everyLeafOfTreesOfManySizesHasAProofThatVerifies() {
        List<byte[]> leaves = leaves(70);
        for (int size = 1; size <= 70; size++) {
            byte[] root = MerkleTree.root(leaves, size);
            for (int index = 0; index < size; index++) {
                List<byte[]> path = MerkleTree.inclusionPath(leaves, index, size);
                assertThat(MerkleTree.verifyInclusion(leaves.get(index), index, size, path, root)).as("leaf %d of %d", index, size).isTrue();
            }
        }
    }

    @Test
    void aProofFailsForAnotherLeafAnotherPlaceOrAnotherRoot() {
        List<byte[]> leaves = leaves(13);
        byte[] root = MerkleTree.root(leaves, 13);
        List<byte[]> path = MerkleTree.inclusionPath(leaves, 5, 13);
        assertThat(MerkleTree.verifyInclusion(leaves.get(6), 5, 13, path, root)).isFalse();
        assertThat(MerkleTree.verifyInclusion(leaves.get(5), 4, 13, path, root)).isFalse();
        assertThat(MerkleTree.verifyInclusion(leaves.get(5), 5, 13, path, MerkleTree.root(leaves, 12))).isFalse();
        assertThat(MerkleTree.verifyInclusion(leaves.get(5), 5, 13, path.subList(0, path.size() - 1), root)).isFalse();
    }

    @Test
    void changingRemovingOrSwappingALeafChangesTheRoot() {
        List<byte[]> leaves = leaves(10);
        byte[] root = MerkleTree.root(leaves, 10);
        List<byte[]> swapped = new ArrayList<>(leaves);
        swapped.set(3, leaves.get(4));
        swapped.set(4, leaves.get(3));
        assertThat(MerkleTree.root(swapped, 10)).isNotEqualTo(root);
        List<byte[]> removed = new ArrayList<>(leaves);
        removed.remove(9);
        assertThat(MerkleTree.root(removed, 9)).isNotEqualTo(root);
    }
}
