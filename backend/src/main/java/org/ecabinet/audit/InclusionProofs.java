package org.ecabinet.audit;

import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import org.ecabinet.platform.NotFound;
import org.ecabinet.platform.RuleViolation;
import org.ecabinet.platform.storage.EventAuthenticity;
import org.ecabinet.platform.storage.StoredEvents;
import org.ecabinet.platform.storage.StoredEvents.StoredEvent;

/** Builds the inclusion proof of one event against the latest checkpoint, taking a new checkpoint when none covers it yet. */
class InclusionProofs {

    private final StoredEvents store;
    private final EventAuthenticity authenticity;
    private final LeafLog leaves;
    private final CheckpointStore checkpoints;
    private final Ledger ledger;

    InclusionProofs(StoredEvents store, EventAuthenticity authenticity, LeafLog leaves, CheckpointStore checkpoints, Ledger ledger) {
        this.store = store;
        this.authenticity = authenticity;
        this.leaves = leaves;
        this.checkpoints = checkpoints;
        this.ledger = ledger;
    }

    InclusionProof of(long global) {
        StoredEvent event = store.at(global).orElseThrow(() -> new NotFound("No event is stored under global index " + global + "."));
        if (!authenticity.holds(event)) {
            throw new RuleViolation("The event under global index " + global + " was not written by this system (its authentication code does not hold): "
                    + "no proof is given for it; run the integrity verification.");
        }
        Checkpoint checkpoint = checkpoints.latest().filter(c -> c.treeSize() > global).orElseGet(() -> {
            ledger.foldAndCheckpoint();
            // On a node that does not fold, the checkpoint is the folding node's latest, which may not cover it yet.
            Checkpoint latest = ledger.size() <= global ? null : ledger.checkpoint();
            if (latest == null || latest.treeSize() <= global) {
                throw new RuleViolation("The ledger has not folded this event yet (an earlier index is still being written); try again shortly.");
            }
            return latest;
        });
        byte[] leaf = LedgerLeaf.of(global, event.recomputedHash());
        List<byte[]> recorded = leaves.leaves(global, global + 1);
        if (recorded.isEmpty() || !java.util.Arrays.equals(recorded.get(0), leaf)) {
            throw new RuleViolation("The stored event differs from what the ledger recorded: run the integrity verification.");
        }
        List<String> path = MerkleTree.inclusionPath(global, checkpoint.treeSize(), leaves.subtrees(checkpoint.treeSize())).stream()
                .map(HexFormat.of()::formatHex).toList();
        Base64.Encoder base64 = Base64.getEncoder();
        return new InclusionProof(InclusionProof.FORMAT, event, global, checkpoint.treeSize(), path, checkpoint.statement(),
                base64.encodeToString(checkpoint.seal()), base64.encodeToString(checkpoint.timeStamp()));
    }
}
