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

    void save(Checkpoint checkpoint) {
        try {
            checkpoints.insertOne(new Document("_id", checkpoint.treeSize()).append("statement", checkpoint.statement())
                    .append("seal", new Binary(checkpoint.seal())).append("timeStamp", new Binary(checkpoint.timeStamp())));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        if (exportDirectory != null) {
            export(checkpoint);
        }
    }

    List<Checkpoint> all() {
        List<Checkpoint> all = new ArrayList<>();
        checkpoints.find().forEach(d -> all.add(read(d)));
        all.sort(Comparator.comparingLong(Checkpoint::treeSize));
        return all;
    }

    /** The checkpoint of the largest tree; only it is read (there is one every thousand events). */
    Optional<Checkpoint> latest() {
        return Optional.ofNullable(checkpoints.find().sort(Sorts.descending("_id")).limit(1).first()).map(CheckpointStore::read);
    }

    Optional<Checkpoint> find(long treeSize) {
        return Optional.ofNullable(checkpoints.find(eq("_id", treeSize)).first()).map(CheckpointStore::read);
    }

    private static Checkpoint read(Document document) {
        return Checkpoint.parse(document.getString("statement"), document.get("seal", Binary.class).getData(),
                document.get("timeStamp", Binary.class).getData());
    }

    /** The checkpoints found in the export directory, by tree size. */
    List<Checkpoint> exported() {
        return exportedIn(exportDirectory);
    }

    /** The checkpoints exported to a directory, by tree size. */
    static List<Checkpoint> exportedIn(Path exportDirectory) {
        if (exportDirectory == null || !Files.isDirectory(exportDirectory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(exportDirectory)) {
            List<Checkpoint> found = new ArrayList<>();
            for (Path statement : files.filter(f -> f.getFileName().toString().matches("checkpoint-\\d+\\.json")).toList()) {
                String base = statement.getFileName().toString().replace(".json", "");
                found.add(Checkpoint.parse(Files.readString(statement, StandardCharsets.UTF_8),
                        readOrEmpty(statement.resolveSibling(base + ".p7s")), readOrEmpty(statement.resolveSibling(base + ".tst"))));
            }
            found.sort(Comparator.comparingLong(Checkpoint::treeSize));
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void export(Checkpoint checkpoint) {
        try {
            Files.createDirectories(exportDirectory);
            String base = "checkpoint-%012d".formatted(checkpoint.treeSize());
            // Seal and time-stamp first: a statement file without its proofs never appears.
            write(base + ".p7s", checkpoint.seal());
            write(base + ".tst", checkpoint.timeStamp());
            write(base + ".json", checkpoint.statementBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot export checkpoint " + checkpoint.treeSize() + " to " + exportDirectory, e);
        }
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
