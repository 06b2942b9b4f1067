package org.ecabinet.audit;

import static com.mongodb.client.model.Filters.eq;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.stream.Stream;

import org.bson.Document;
import org.bson.types.Binary;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;

/**
 * Checkpoints in the database ({@code ledger_checkpoints}) and, when an export directory is set, as files
 * outside it: {@code checkpoint-N.json} (the statement), {@code .p7s} (the seal), {@code .tst} (the
 * time-stamp token). The files are what protects against whoever can rewrite the database.
 */
class CheckpointStore {

    private final MongoCollection<Document> checkpoints;
    private final Path exportDirectory;

    CheckpointStore(MongoDatabase database, Path exportDirectory) {
        this.checkpoints = database.getCollection("ledger_checkpoints");
        this.exportDirectory = exportDirectory;
    }

    record BothPlaces(Found database, Found exported) {
    }

    /** Both places read together, never between a checkpoint's database copy and its files. */
    synchronized BothPlaces inBothPlaces() {
        return new BothPlaces(all(), exported());
    }

    synchronized void save(Checkpoint checkpoint) {
        try {
            checkpoints.insertOne(new Document("_id", checkpoint.treeSize()).append("statement", checkpoint.statement())
                    .append("seal", new Binary(checkpoint.seal())).append("timeStamp", new Binary(checkpoint.timeStamp())));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            String kept = find(checkpoint.treeSize()).map(Checkpoint::rootHash).orElse(checkpoint.rootHash());
            if (!kept.equals(checkpoint.rootHash())) {
                throw new IllegalStateException("The ledger forked: a checkpoint of tree size " + checkpoint.treeSize() + " with root " + kept
                        + " is stored, and this node computed root " + checkpoint.rootHash() + ". Run the integrity verification.");
            }
            return; // another node checkpointed this size first: its statement and files are the checkpoint
        }
        if (exportDirectory != null) {
            export(checkpoint);
        }
    }

    /**
     * What a reading of checkpoints found: those that read, by tree size, and for each one that does not
     * (a document or file of another shape), its tree size as far as known and why. Reading never fails.
     */
    record Found(List<Checkpoint> checkpoints, Map<Long, String> unreadable) {

        /** The tree sizes found, readable or not. */
        java.util.NavigableSet<Long> treeSizes() {
            java.util.TreeSet<Long> sizes = new java.util.TreeSet<>(unreadable.keySet());
            checkpoints.forEach(c -> sizes.add(c.treeSize()));
            return sizes;
        }
    }

    Found all() {
        List<Checkpoint> all = new ArrayList<>();
        Map<Long, String> unreadable = new TreeMap<>();
        checkpoints.find().forEach(d -> read(d).ifPresentOrElse(all::add, () -> unreadable.put(idOf(d), "The database's checkpoint document is malformed.")));
        all.sort(Comparator.comparingLong(Checkpoint::treeSize));
        return new Found(all, unreadable);
    }

    /** The readable checkpoint of the largest tree; usually only it is read (there is one every thousand events). */
    Optional<Checkpoint> latest() {
        for (Document document : checkpoints.find().sort(Sorts.descending("_id"))) {
            Optional<Checkpoint> readable = read(document);
            if (readable.isPresent()) {
                return readable;
            }
        }
        return Optional.empty();
    }

    Optional<Checkpoint> find(long treeSize) {
        return Optional.ofNullable(checkpoints.find(eq("_id", treeSize)).first()).flatMap(CheckpointStore::read);
    }

    private static Optional<Checkpoint> read(Document document) {
        try {
            return Optional.of(Checkpoint.parse(document.getString("statement"), document.get("seal", Binary.class).getData(),
                    document.get("timeStamp", Binary.class).getData()));
        } catch (RuntimeException malformed) { // a missing field, another type, a statement that is not one
            return Optional.empty();
        }
    }

    private static long idOf(Document document) {
        return document.get("_id") instanceof Number number ? number.longValue() : -1;
    }

    boolean exports() {
        return exportDirectory != null;
    }

    /** The checkpoints found in the export directory, by tree size. */
    Found exported() {
        return exportedIn(exportDirectory);
    }

    /** The checkpoints exported to a directory, by tree size. */
    static Found exportedIn(Path exportDirectory) {
        if (exportDirectory == null || !Files.isDirectory(exportDirectory)) {
            return new Found(List.of(), Map.of());
        }
        try (Stream<Path> files = Files.list(exportDirectory)) {
            List<Checkpoint> found = new ArrayList<>();
            Map<Long, String> unreadable = new TreeMap<>();
            for (Path statement : files.filter(f -> f.getFileName().toString().matches("checkpoint-\\d{1,18}\\.json")).toList()) {
                String base = statement.getFileName().toString().replace(".json", "");
                try {
                    found.add(Checkpoint.parse(Files.readString(statement, StandardCharsets.UTF_8),
                            readOrEmpty(statement.resolveSibling(base + ".p7s")), readOrEmpty(statement.resolveSibling(base + ".tst"))));
                } catch (IOException | RuntimeException e) {
                    unreadable.put(Long.parseLong(base.substring("checkpoint-".length())), "The exported file " + statement.getFileName()
                            + " cannot be read as a checkpoint.");
                }
            }
            found.sort(Comparator.comparingLong(Checkpoint::treeSize));
            return new Found(found, unreadable);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Moves the exported checkpoints of larger trees than {@code keepUpTo} aside, into a directory named for
     * {@code reason}: after a deliberate restore of an older store, they describe a history this store no
     * longer has, and new checkpoints of the same sizes must not be confused with them.
     */
    Path setAside(long keepUpTo, String reason) {
        Path aside = exportDirectory.resolve(reason);
        try (Stream<Path> files = Files.list(exportDirectory)) {
            Files.createDirectories(aside);
            for (Path file : files.filter(f -> f.getFileName().toString().matches("checkpoint-\\d{1,18}\\.(json|p7s|tst)")).toList()) {
                String name = file.getFileName().toString();
                if (Long.parseLong(name.substring("checkpoint-".length(), name.indexOf('.'))) > keepUpTo) {
                    Files.move(file, aside.resolve(name));
                }
            }
            return aside;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The latest checkpoint in the database when it has no exported file and is newer than every exported one:
     * its node stopped between storing and exporting it. An older one without files had them removed, which is
     * the verification's to report.
     */
    synchronized Optional<Checkpoint> unexportedLatest() {
        if (exportDirectory == null) {
            return Optional.empty();
        }
        Optional<Checkpoint> latest = latest();
        if (latest.isEmpty() || Files.exists(exportDirectory.resolve(baseName(latest.get().treeSize()) + ".json"))) {
            return Optional.empty();
        }
        java.util.NavigableSet<Long> exportedSizes = exported().treeSizes();
        long newestExported = exportedSizes.isEmpty() ? 0 : exportedSizes.last();
        return latest.filter(c -> c.treeSize() > newestExported);
    }

    synchronized void export(Checkpoint checkpoint) {
        try {
            Files.createDirectories(exportDirectory);
            String base = baseName(checkpoint.treeSize());
            // Seal and time-stamp first: a statement file without its proofs never appears.
            write(base + ".p7s", checkpoint.seal());
            write(base + ".tst", checkpoint.timeStamp());
            write(base + ".json", checkpoint.statementBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot export checkpoint " + checkpoint.treeSize() + " to " + exportDirectory, e);
        }
    }

    private static String baseName(long treeSize) {
        return "checkpoint-%012d".formatted(treeSize);
    }

    private void write(String name, byte[] bytes) throws IOException {
        Path target = exportDirectory.resolve(name);
        Path temporary = exportDirectory.resolve(name + ".tmp");
        Files.write(temporary, bytes);
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static byte[] readOrEmpty(Path file) throws IOException {
        return Files.exists(file) ? Files.readAllBytes(file) : new byte[0];
    }
}
