package org.ecabinet.audit;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import org.bson.Document;
import org.ecabinet.platform.storage.StoredNumbers;
import org.bson.types.Binary;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;

/**
 * The ledger's leaves and the right edge of its tree, kept in the store: leaves in chunks of
 * {@value #CHUNK} (one document each, {@code ledger_leaves}), and the folded size with the frontier in
 * {@code ledger_state}. Chunks are written before the state that counts them, so after a crash the state
 * never counts a leaf that is not stored; a chunk longer than the state is cut back on reading.
 */
class LeafLog {

    static final int CHUNK = 1024;
    private static final int HASH = 32;

    private final MongoCollection<Document> chunks;
    private final MongoCollection<Document> state;

    LeafLog(MongoDatabase database) {
        this.chunks = database.getCollection("ledger_leaves");
        this.state = database.getCollection("ledger_state");
    }

    private long storedSize() {
        Document saved = state.find(eq("_id", "ledger")).first();
        return saved == null ? 0 : StoredNumbers.longOf(saved, "size");
    }

    /** The folded tree's frontier (its size is the number of leaves). */
    Frontier frontier() {
        Document saved = state.find(eq("_id", "ledger")).first();
        if (saved == null) {
            return new Frontier();
        }
        List<byte[]> roots = saved.getList("frontier", Binary.class).stream().map(Binary::getData).toList();
        return new Frontier(roots, StoredNumbers.longOf(saved, "size"));
    }

    /** Appends {@code leaves} after the first {@code size} leaves, then records the new frontier. */
    void append(long size, List<byte[]> leaves, Frontier frontier) {
        if (leaves.isEmpty()) {
            return;
        }
        // Checked first as well, so that a stale writer does not even rewrite a chunk (the lease makes this rare).
        if (storedSize() != size) {
            throw new FoldedElsewhere(size);
        }
        long end = size + leaves.size();
        for (long chunk = size / CHUNK; chunk * CHUNK < end; chunk++) {
            long chunkStart = chunk * CHUNK;
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            if (chunkStart < size) {
                byte[] kept = stored(chunk);
                bytes.write(kept, 0, (int) (size - chunkStart) * HASH);
            }
            for (long i = Math.max(chunkStart, size); i < Math.min(end, chunkStart + CHUNK); i++) {
                bytes.writeBytes(leaves.get((int) (i - size)));
            }
            Document stored = new Document("_id", chunk).append("leaves", new Binary(bytes.toByteArray()));
            if (bytes.size() == CHUNK * HASH) {
                stored.append("root", new Binary(MerkleTree.root(split(bytes.toByteArray()), CHUNK))); // a full chunk is a perfect subtree
            }
            chunks.replaceOne(eq("_id", chunk), stored, new ReplaceOptions().upsert(true));
        }
        Document folded = new Document("_id", "ledger").append("size", frontier.size())
                .append("frontier", frontier.roots().stream().map(Binary::new).toList());
        // Written only over the size this writer started from: a node that lost the ledger's lease while paused
        // finds another's progress here and stops, instead of writing a second history over it.
        boolean written;
        if (size == 0) {
            written = insertedFirst(folded);
        } else {
            written = state.replaceOne(and(eq("_id", "ledger"), eq("size", size)), folded).getMatchedCount() == 1;
        }
        if (!written) {
            throw new FoldedElsewhere(size);
        }
    }

    private boolean insertedFirst(Document folded) {
        try {
            state.insertOne(folded);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /** Another node folded past the size this one started from: its in-memory frontier is stale. */
    static final class FoldedElsewhere extends RuntimeException {
        FoldedElsewhere(long size) {
            super("The ledger's state is no longer at size " + size + ": another node folds it.");
        }
    }

    /** Leaves {@code from} (inclusive) to {@code to} (exclusive), as far as they are stored. */
    List<byte[]> leaves(long from, long to) {
        if (to <= from) {
            return List.of();
        }
        List<Long> ids = LongStream.rangeClosed(from / CHUNK, (to - 1) / CHUNK).boxed().toList();
        Map<Long, byte[]> byChunk = new HashMap<>();
        chunks.find(in("_id", ids)).forEach(d -> byChunk.put(StoredNumbers.longOf(d, "_id"), d.get("leaves", Binary.class).getData()));
        List<byte[]> leaves = new ArrayList<>();
        for (long i = from; i < to; i++) {
            byte[] chunk = byChunk.get(i / CHUNK);
            int offset = (int) (i % CHUNK) * HASH;
            if (chunk == null || chunk.length < offset + HASH) {
                break;
            }
            leaves.add(Arrays.copyOfRange(chunk, offset, offset + HASH));
        }
        return leaves;
    }

    /** The root of the first {@code size} leaves, in hex as a checkpoint states it. */
    String rootHex(long size) {
        return java.util.HexFormat.of().formatHex(subtrees(size).hash(0, size));
    }

    /**
     * The subtree hashes of the first {@code size} leaves, from the roots of full chunks where a subtree is
     * made of whole chunks and from leaves only inside a chunk: a proof reads about size/1024 roots and two
     * chunks of leaves, not every leaf.
     */
    MerkleTree.Subtrees subtrees(long size) {
        long fullChunks = size / CHUNK;
        List<byte[]> roots = new ArrayList<>();
        if (fullChunks > 0) {
            Map<Long, byte[]> byChunk = new HashMap<>();
            chunks.find(in("_id", LongStream.range(0, fullChunks).boxed().toList()))
                    .projection(new Document("root", 1))
                    .forEach(d -> byChunk.put(StoredNumbers.longOf(d, "_id"), d.get("root", Binary.class) == null ? null : d.get("root", Binary.class).getData()));
            for (long c = 0; c < fullChunks; c++) {
                byte[] root = byChunk.get(c);
                roots.add(root != null ? root : MerkleTree.root(leaves(c * CHUNK, (c + 1) * CHUNK), CHUNK)); // chunks kept before roots were
            }
        }
        Map<Long, List<byte[]>> chunkLeaves = new HashMap<>();
        return new MerkleTree.Subtrees() {
            @Override
            public byte[] hash(long from, long to) {
                if (from % CHUNK == 0 && (to - from) % CHUNK == 0) { // whole chunks: a tree over their roots
                    return MerkleTree.root(roots.subList((int) (from / CHUNK), (int) (to / CHUNK)), (int) ((to - from) / CHUNK));
                }
                long chunk = from / CHUNK;
                if (chunk == (to - 1) / CHUNK) { // inside one chunk: from its leaves
                    List<byte[]> inChunk = chunkLeaves.computeIfAbsent(chunk, c -> leaves(c * CHUNK, Math.min(size, (c + 1) * CHUNK)));
                    return MerkleTree.root(inChunk.subList((int) (from - chunk * CHUNK), (int) (to - chunk * CHUNK)), (int) (to - from));
                }
                long k = Long.highestOneBit(to - from - 1); // across chunks: split as RFC 9162 does
                return MerkleTree.node(hash(from, from + k), hash(from + k, to));
            }
        };
    }

    private static List<byte[]> split(byte[] concatenated) {
        List<byte[]> hashes = new ArrayList<>();
        for (int offset = 0; offset < concatenated.length; offset += HASH) {
            hashes.add(Arrays.copyOfRange(concatenated, offset, offset + HASH));
        }
        return hashes;
    }

    private byte[] stored(long chunk) {
        Document document = chunks.find(eq("_id", chunk)).first();
        return document == null ? new byte[0] : document.get("leaves", Binary.class).getData();
    }
}
