package org.ecabinet.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.ecabinet.platform.cluster.Lease;
import org.ecabinet.platform.storage.EventAuthenticity;
import org.ecabinet.platform.storage.StoredEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Folds the event store, in global order, into an RFC 9162 Merkle tree (one leaf per global index, see
 * {@link LedgerLeaf}) and publishes a sealed, time-stamped {@link Checkpoint} every
 * {@code checkpointEvents} indexes or {@code checkpointInterval}, whichever comes first.
 *
 * <p>An index is folded only once it is settled: its event is stored, or a later event is stored and
 * older than the gap timeout (then the index's writer failed and it is recorded as unused). So the tree
 * never records as empty a place that a slow writer fills later. One node folds: the one holding the
 * ledger's lease, taken over by another within its term when that node dies; the store holds where it
 * got to, so a restart continues.
 */
class Ledger {

    private static final Logger log = LoggerFactory.getLogger(Ledger.class);

    private final StoredEvents store;
    private final EventAuthenticity authenticity;
    private final LeafLog leaves;
    private final CheckpointStore checkpoints;
    private final Notary notary;
    private final LedgerProperties properties;
    private final Clock clock;
    private Frontier frontier;
    /** How many indexes are folded, readable while a fold runs (progress). */
    private volatile long folded;
    private long checkpointedSize;
    private Instant checkpointedAt;
    private ScheduledExecutorService scheduler;
    private final Lease lease;
    /** Whether this node held the lease at its last fold: its frontier is then the ledger's. */
    private boolean holding;

    /** The index the ledger refuses to fold (a forged or malformed event), once it was reported. */
    private long refusedAt = -1;

    Ledger(StoredEvents store, EventAuthenticity authenticity, LeafLog leaves, CheckpointStore checkpoints, Notary notary,
           LedgerProperties properties, Clock clock, Lease lease) {
        this.lease = lease;
        this.store = store;
        this.authenticity = authenticity;
        this.leaves = leaves;
        this.checkpoints = checkpoints;
        this.notary = notary;
        this.properties = properties;
        this.clock = clock;
        this.frontier = leaves.frontier();
        this.folded = frontier.size();
        new RollbackGuard(checkpoints, leaves, properties.acceptRollback(), clock).check(frontier.size());
        Optional<Checkpoint> latest = checkpoints.latest();
        this.checkpointedSize = latest.map(Checkpoint::treeSize).orElse(0L);
        this.checkpointedAt = latest.map(Checkpoint::time).orElse(clock.instant());
    }

    void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "ledger"));
        long every = properties.foldInterval().toMillis();
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                foldAndCheckpoint();
            } catch (RuntimeException e) {
                log.warn("The ledger could not fold or checkpoint; it tries again: {}", e.toString());
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    void stop() throws InterruptedException {
        if (scheduler != null) {
            scheduler.shutdown();
            if (!scheduler.awaitTermination(5, TimeUnit.SECONDS)) {
                // A fold waiting for an unreachable store: interrupted. Safe: the leaves and the frontier are written
                // only over the size read, and a checkpoint stored but not exported is exported by the next folder.
                scheduler.shutdownNow();
                scheduler.awaitTermination(5, TimeUnit.SECONDS);
            }
        }
        if (holding) {
            lease.release(); // another node folds at its next round instead of waiting out the term
        }
    }

    /**
     * Folds what is settled, and publishes a checkpoint when one is due — on the node that holds the ledger's lease;
     * any other node only reads how far the ledger got, so that the ledger never forks.
     */
    synchronized void foldAndCheckpoint() {
        if (!lease.hold()) {
            holding = false;
            readFrontier(); // how far the folding node got: what size() and proofs here say
            return;
        }
        if (!holding) {
            reload(); // another node may have folded since this one last did
            exportInterrupted();
            holding = true;
            log.info("This node folds the ledger from index {}", frontier.size());
        }
        try {
            foldAndCheckpointHeld();
        } catch (LeafLog.FoldedElsewhere e) {
            holding = false;
            log.warn("{} This node stops folding.", e.getMessage());
            reload();
        } catch (RuntimeException e) {
            holding = false; // the next round starts as a node taking over: from the stored frontier, finishing any export
            throw e;
        }
    }

    /**
     * Exports the latest stored checkpoint whose files are missing because the node that made it stopped (was
     * killed, or its disk refused) between storing and exporting it. Only one this ledger made: its seal holds
     * and it states the root of this ledger's leaves; any other is left for the verification to report.
     */
    private void exportInterrupted() {
        checkpoints.unexportedLatest().ifPresent(checkpoint -> {
            String seal = notary.checkSeal(checkpoint.statementBytes(), checkpoint.seal());
            boolean ours = seal == null && checkpoint.treeSize() <= frontier.size()
                    && leaves.rootHex(checkpoint.treeSize()).equals(checkpoint.rootHash());
            if (ours) {
                checkpoints.export(checkpoint);
                log.warn("Checkpoint {} was stored but not exported (its node stopped in between): exported now", checkpoint.treeSize());
            } else {
                log.warn("Checkpoint {} in the database has no exported file and is not this ledger's ({}): left for the verification to report",
                        checkpoint.treeSize(), seal != null ? seal : "its root is not this ledger's");
            }
        });
    }

    private void readFrontier() {
        frontier = leaves.frontier();
        folded = frontier.size();
    }

    private void reload() {
        readFrontier();
        Optional<Checkpoint> latest = checkpoints.latest();
        checkpointedSize = latest.map(Checkpoint::treeSize).orElse(0L);
        checkpointedAt = latest.map(Checkpoint::time).orElse(clock.instant());
    }

    private void foldAndCheckpointHeld() {
        while (foldOnce()) {
            if (frontier.size() % properties.checkpointEvents() == 0) {
                checkpoint();
            }
        }
        if (frontier.size() > checkpointedSize && !clock.instant().isBefore(checkpointedAt.plus(properties.checkpointInterval()))) {
            checkpoint();
        }
    }

    /** A checkpoint of everything folded so far, unless the last one already covers it; the latest on a node that does not fold. */
    synchronized Checkpoint checkpoint() {
        if (frontier.size() == checkpointedSize || !holding) {
            return checkpoints.latest().orElseThrow(() -> new IllegalStateException("Nothing is folded yet."));
        }
        Instant now = clock.instant();
        String statement = Checkpoint.statementOf(frontier.size(), frontier.root(), now);
        byte[] bytes = statement.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Checkpoint checkpoint = new Checkpoint(frontier.size(), HexFormat.of().formatHex(frontier.root()), now, statement,
                notary.seal(bytes), notary.stamp(sha256(bytes)));
        checkpoints.save(checkpoint);
        checkpointedSize = checkpoint.treeSize();
        checkpointedAt = now;
        log.info("Ledger checkpoint: {} indexes, root {}", checkpoint.treeSize(), checkpoint.rootHash());
        return checkpoint;
    }

    long size() {
        return folded;
    }

    /**
     * Folds the settled indexes of the next window, stopping at the next checkpoint's size so that
     * checkpoints fall on multiples of {@code checkpointEvents}; false when nothing more is settled now.
     */
    private boolean foldOnce() {
        long next = frontier.size();
        long head = store.allocated() - 1;
        long limit = (next / properties.checkpointEvents() + 1) * properties.checkpointEvents();
        if (next > head) {
            return false;
        }
        Instant settledBefore = clock.instant().minus(properties.gapTimeout());
        List<byte[]> added = new ArrayList<>();
        Frontier grown = new Frontier(frontier.roots(), frontier.size());
        commits:
        for (StoredEvents.Commit commit : store.commitsFrom(next, head)) {
            if (commit.lastGlobal() < next) {
                continue;
            }
            if (commit.firstGlobal() > next) {
                boolean settled = commit.timestamp() != null && commit.timestamp().isBefore(settledBefore)
                        || store.knownUnused(next, commit.firstGlobal());
                if (!settled) {
                    break; // a writer may still be storing the indexes before this commit
                }
                for (; next < commit.firstGlobal() && next < limit; next++) {
                    add(LedgerLeaf.unused(next), added, grown);
                }
            }
            if (commit.malformed() || !commit.events().stream().allMatch(authenticity::holds)) {
                refuse(commit);
                break;
            }
            for (StoredEvents.StoredEvent event : commit.events()) {
                if (next >= limit) {
                    break commits;
                }
                if (event.global() == next) {
                    add(LedgerLeaf.of(event.global(), event.recomputedHash()), added, grown);
                    next++;
                }
            }
        }
        leaves.append(frontier.size(), added, grown);
        frontier = grown;
        folded = grown.size();
        return !added.isEmpty();
    }

    /**
     * A commit that this system did not write (its MAC does not hold) or that is not a commit at all is not
     * folded, nor anything after it: a checkpoint must never vouch for it. The integrity check names it.
     */
    private void refuse(StoredEvents.Commit commit) {
        if (refusedAt != commit.lastGlobal()) {
            refusedAt = commit.lastGlobal();
            log.error("The ledger stops before global index {}: {}. Run the integrity verification (GET /api/audit/integrity).",
                    commit.firstGlobal(), commit.malformed() ? commit.problem() : "an event there is not authenticated by this system");
        }
    }

    private static void add(byte[] leaf, List<byte[]> folded, Frontier frontier) {
        folded.add(leaf);
        frontier.append(leaf);
    }

    static byte[] sha256(byte[] bytes) {
        return MerkleTree.sha256().digest(bytes);
    }
}
