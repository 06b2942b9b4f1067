package org.ecabinet.audit;

import java.time.Clock;
import java.util.Comparator;
import java.util.Optional;

import org.ecabinet.platform.StartupRefused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At start-up, before anything is served: is the store at least where the latest exported checkpoint says
 * it was, with the same history? A store that is behind (truncated, rolled back, restored from an older
 * backup) or that differs (rewritten) is refused, with the reason and what to do; an operator who restored
 * an older backup on purpose starts once with {@code cabinet.ledger.accept-rollback}, and the checkpoints
 * the store no longer matches are set aside, not deleted.
 */
final class RollbackGuard {

    private static final Logger log = LoggerFactory.getLogger(RollbackGuard.class);

    private final CheckpointStore checkpoints;
    private final LeafLog leaves;
    private final boolean acceptRollback;
    private final Clock clock;

    RollbackGuard(CheckpointStore checkpoints, LeafLog leaves, boolean acceptRollback, Clock clock) {
        this.checkpoints = checkpoints;
        this.leaves = leaves;
        this.acceptRollback = acceptRollback;
        this.clock = clock;
    }

    /** {@code ledgerSize}: how many indexes the store's ledger holds. */
    void check(long ledgerSize) {
        Optional<Checkpoint> latest = checkpoints.exported().checkpoints().stream().filter(c -> c.treeSize() > 0).max(Comparator.comparingLong(Checkpoint::treeSize));
        if (latest.isEmpty()) {
            return;
        }
        Checkpoint exported = latest.get();
        String problem = problem(exported, ledgerSize);
        if (problem == null) {
            return;
        }
        if (!acceptRollback) {
            throw new StartupRefused(problem,
                    "Restore the store (and its master key) from a backup taken at or after that checkpoint. If an older backup was restored on purpose, "
                            + "start once with CABINET_ACCEPT_ROLLBACK=true: the exported checkpoints the store no longer matches are set aside and the ledger "
                            + "continues from the store; the events after the backup are lost.");
        }
        long keep = largestMatching(ledgerSize);
        var aside = checkpoints.setAside(keep, "superseded-" + clock.instant().toString().replace(':', '-'));
        log.warn("Started on a rolled-back store as asked (CABINET_ACCEPT_ROLLBACK): {} The exported checkpoints beyond {} indexes were moved to {}.",
                problem, keep, aside);
    }

    private String problem(Checkpoint exported, long ledgerSize) {
        if (ledgerSize < exported.treeSize()) {
            return "the store is behind its latest exported checkpoint: that checkpoint (" + exported.time() + ") covers " + exported.treeSize()
                    + " global indexes, the store holds " + ledgerSize + ". It was rolled back, truncated or restored from an older backup.";
        }
        String root = leaves.rootHex(exported.treeSize());
        if (!root.equals(exported.rootHash())) {
            return "the store's history differs from its latest exported checkpoint (" + exported.time() + "): the first " + exported.treeSize()
                    + " indexes have the root " + root + ", the checkpoint states " + exported.rootHash() + ".";
        }
        return null;
    }

    private long largestMatching(long ledgerSize) {
        return checkpoints.exported().checkpoints().stream()
                .filter(c -> c.treeSize() <= ledgerSize && leaves.rootHex(c.treeSize()).equals(c.rootHash()))
                .mapToLong(Checkpoint::treeSize).max().orElse(0);
    }
}
