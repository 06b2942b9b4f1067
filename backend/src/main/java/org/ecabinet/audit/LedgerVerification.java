package org.ecabinet.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

import org.ecabinet.platform.storage.EventStoreIntegrity;
import org.ecabinet.platform.storage.EventStoreIntegrity.Finding;
import org.ecabinet.platform.storage.EventStoreIntegrity.Kind;
import org.ecabinet.platform.storage.StoredEvents.StoredEvent;

/**
 * The whole check of the history, in one pass over the store in global order: every stream's hash chain
 * ({@link EventStoreIntegrity}); every event against the ledger's leaf for its index (naming the first
 * index that was altered, removed or filled since it was folded); and every checkpoint, from the database
 * and from the export directory, against the tree recomputed from the store, with its seal and time-stamp.
 * The checkpoints in the export directory are the ones to trust: whoever rewrites the database can
 * rewrite the leaves and the checkpoints kept there, but not those.
 */
class LedgerVerification {

    /** A checkpoint that does not hold: its root differs from the store's, or its seal or time-stamp fails, or the copies differ. */
    record CheckpointProblem(long treeSize, String detail) {
    }

    record CheckpointSummary(long treeSize, String rootHash, java.time.Instant time) {
    }

    record Report(boolean intact, Finding firstProblem, EventStoreIntegrity.Report chains, List<Finding> ledgerFindings,
                  List<CheckpointProblem> checkpointProblems, long ledgerSize, int checkpointsVerified, int checkpointsExported,
                  CheckpointSummary latestCheckpoint) {
    }

    private final EventStoreIntegrity integrity;
    private final LeafLog leaves;
    private final CheckpointStore checkpoints;
    private final Notary notary;

    LedgerVerification(EventStoreIntegrity integrity, LeafLog leaves, CheckpointStore checkpoints, Notary notary) {
        this.integrity = integrity;
        this.leaves = leaves;
        this.checkpoints = checkpoints;
        this.notary = notary;
    }

    Report verify(LongConsumer progress) {
        List<CheckpointProblem> problems = new ArrayList<>();
        CheckpointStore.BothPlaces read = checkpoints.inBothPlaces();
        CheckpointStore.Found exported = read.exported();
        TreeMap<Long, Checkpoint> toCheck = checkpointsToCheck(read.database(), exported, problems);
        long ledgerSize = leaves.frontier().size();
        Walk walk = new Walk(toCheck, ledgerSize, problems);
        EventStoreIntegrity.Report chains = integrity.verify(progress, walk);
        long end = Math.max(ledgerSize, toCheck.isEmpty() ? 0 : toCheck.lastKey());
        walk.removedAfterTheLastEvent(end);
        Finding first = Stream.concat(chains.findings().stream(), walk.findings.stream())
                .min(Comparator.comparingLong(Finding::global)).orElse(null);
        boolean intact = chains.intact() && walk.findings.isEmpty() && problems.isEmpty();
        Checkpoint latest = toCheck.isEmpty() ? null : toCheck.lastEntry().getValue();
        return new Report(intact, first, chains, walk.findings, problems, ledgerSize, toCheck.size(), exported.checkpoints().size(),
                latest == null ? null : new CheckpointSummary(latest.treeSize(), latest.rootHash(), latest.time()));
    }

    /**
     * The checkpoints kept in the database, each of whose seal and time-stamp must hold; where checkpoints
     * are exported, a copy in the database that differs from or lacks its file, or a file whose copy in the
     * database is gone, is itself a finding, and the file's statement is the one checked against the store.
     * A checkpoint that cannot be read at all, in either place, is a finding too.
     */
    private TreeMap<Long, Checkpoint> checkpointsToCheck(CheckpointStore.Found kept, CheckpointStore.Found exportedCheckpoints,
                                                         List<CheckpointProblem> problems) {
        TreeMap<Long, Checkpoint> byTreeSize = new TreeMap<>();
        kept.checkpoints().forEach(c -> byTreeSize.put(c.treeSize(), c));
        kept.unreadable().forEach((treeSize, why) -> problems.add(new CheckpointProblem(treeSize, why)));
        exportedCheckpoints.unreadable().forEach((treeSize, why) -> problems.add(new CheckpointProblem(treeSize, why)));
        if (checkpoints.exports()) {
            java.util.Set<Long> exportedSizes = exportedCheckpoints.treeSizes();
            for (Checkpoint inDatabase : kept.checkpoints()) {
                if (!exportedSizes.contains(inDatabase.treeSize())) {
                    problems.add(new CheckpointProblem(inDatabase.treeSize(),
                            "The database's checkpoint has no exported file: the files were deleted, or the checkpoint was added to the database alone."));
                }
            }
        }
        for (Checkpoint exported : exportedCheckpoints.checkpoints()) {
            Checkpoint inDatabase = byTreeSize.get(exported.treeSize());
            if (inDatabase == null) {
                problems.add(new CheckpointProblem(exported.treeSize(), "The exported checkpoint is missing from the database."));
            } else if (!inDatabase.rootHash().equals(exported.rootHash())) {
                problems.add(new CheckpointProblem(exported.treeSize(), "Two checkpoints for this tree size state different roots (" + inDatabase.rootHash()
                        + " in the database, " + exported.rootHash() + " exported): the ledger forked, or one of them was rewritten."));
            } else if (!inDatabase.statement().equals(exported.statement())) {
                problems.add(new CheckpointProblem(exported.treeSize(), "The database's copy of this checkpoint differs from the exported one."));
            }
            byTreeSize.put(exported.treeSize(), exported);
        }
        for (Checkpoint checkpoint : byTreeSize.values()) {
            byte[] statement = checkpoint.statementBytes();
            String seal = notary.checkSeal(statement, checkpoint.seal());
            if (seal != null) {
                problems.add(new CheckpointProblem(checkpoint.treeSize(), "The seal does not hold: " + seal));
            }
            String stamp = notary.checkStamp(checkpoint.timeStamp(), Ledger.sha256(statement));
            if (stamp != null) {
                problems.add(new CheckpointProblem(checkpoint.treeSize(), "The time-stamp does not hold: " + stamp));
            }
        }
        return byTreeSize;
    }

    /** Recomputes the tree from the store while the chains are checked, and compares it with the ledger. */
    private final class Walk implements EventStoreIntegrity.IndexVisitor {
        private final Map<Long, Checkpoint> checkpoints;
        private final long ledgerSize;
        private final List<CheckpointProblem> problems;
        private final List<Finding> findings = new ArrayList<>();
        private final Frontier recomputed = new Frontier();
        private List<byte[]> ledgerChunk = List.of();
        private long ledgerChunkStart = -1;

        Walk(Map<Long, Checkpoint> checkpoints, long ledgerSize, List<CheckpointProblem> problems) {
            this.checkpoints = checkpoints;
            this.ledgerSize = ledgerSize;
            this.problems = problems;
        }

        @Override
        public void stored(StoredEvent event) {
            fold(event.global(), event, LedgerLeaf.of(event.global(), event.recomputedHash()));
        }

        @Override
        public void unused(long global) {
            fold(global, null, LedgerLeaf.unused(global));
        }

        /** Indexes the ledger or a checkpoint covers but the store no longer reaches: their events were removed. */
        void removedAfterTheLastEvent(long end) {
            for (long global = recomputed.size(); global < end; global++) {
                unused(global);
            }
        }

        private void fold(long global, StoredEvent event, byte[] leaf) {
            if (global != recomputed.size()) {
                return; // out of place: the chain check names it (REORDERED)
            }
            Optional<byte[]> folded = ledgerLeaf(global);
            if (folded.isPresent() && !Arrays.equals(folded.get(), leaf) && findings.size() < 100) {
                findings.add(difference(global, event, folded.get()));
            }
            recomputed.append(leaf);
            Checkpoint checkpoint = checkpoints.get(recomputed.size());
            if (checkpoint != null && !checkpoint.rootHash().equals(HexFormat.of().formatHex(recomputed.root()))) {
                problems.add(new CheckpointProblem(checkpoint.treeSize(),
                        "The store's first " + checkpoint.treeSize() + " indexes no longer have the root this checkpoint states."));
            }
        }

        private Finding difference(long global, StoredEvent event, byte[] folded) {
            if (event == null) {
                return new Finding(Kind.MISSING, global, null, -1, "The ledger recorded an event under this index; the store has none.");
            }
            if (Arrays.equals(folded, LedgerLeaf.unused(global))) {
                return new Finding(Kind.INSERTED, global, event.aggregateId(), event.sequence(),
                        "The ledger recorded this index as unused; the store now has an event there.");
            }
            return new Finding(Kind.ALTERED, global, event.aggregateId(), event.sequence(),
                    "The event differs from the one the ledger recorded under this index.");
        }

        private Optional<byte[]> ledgerLeaf(long global) {
            if (global >= ledgerSize) {
                return Optional.empty();
            }
            long chunkStart = global / LeafLog.CHUNK * LeafLog.CHUNK;
            if (chunkStart != ledgerChunkStart) {
                ledgerChunk = leaves.leaves(chunkStart, Math.min(ledgerSize, chunkStart + LeafLog.CHUNK));
                ledgerChunkStart = chunkStart;
            }
            int offset = (int) (global - chunkStart);
            return offset < ledgerChunk.size() ? Optional.of(ledgerChunk.get(offset)) : Optional.empty();
        }
    }
}
