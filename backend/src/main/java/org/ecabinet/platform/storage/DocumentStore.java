package org.ecabinet.platform.storage;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Component;

import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;

/**
 * Documents (PDFs: session papers, ballot drafts, signed reports) in GridFS; events carry only their id and
 * SHA-256, so the event store stays small and the hash pins the exact bytes.
 */
@Component
public class DocumentStore {

    public static final int MAX_SIZE = 20 * 1024 * 1024;

    private final GridFSBucket bucket;

    DocumentStore(GridFSBucket papersBucket) {
        this.bucket = papersBucket;
    }

    public record StoredDocument(String documentId, String fileName, String sha256, long size) {
    }

    /** Stores the PDF; {@code owner} names what it belongs to (e.g. {@code session:…}, {@code ballot-draft}). */
    public StoredDocument store(String owner, String fileName, byte[] pdf) {
        String sha256 = sha256(pdf);
        ObjectId id = bucket.uploadFromStream(fileName, new ByteArrayInputStream(pdf), new GridFSUploadOptions()
                .metadata(new Document("owner", owner).append("sha256", sha256).append("contentType", "application/pdf")));
        return new StoredDocument(id.toHexString(), fileName, sha256, pdf.length);
    }

    /** What is known of a stored document without reading its bytes. */
    public Optional<StoredDocument> describe(String documentId) {
        if (!ObjectId.isValid(documentId)) {
            return Optional.empty();
        }
        return Optional.ofNullable(bucket.find(new Document("_id", new ObjectId(documentId))).first())
                .map(f -> new StoredDocument(documentId, f.getFilename(), f.getMetadata().getString("sha256"), f.getLength()));
    }

    public Optional<byte[]> read(String paperId) {
        if (!ObjectId.isValid(paperId)) {
            return Optional.empty();
        }
        ObjectId id = new ObjectId(paperId);
        if (bucket.find(new Document("_id", id)).first() == null) {
            return Optional.empty();
        }
        var out = new java.io.ByteArrayOutputStream();
        bucket.downloadToStream(id, out);
        return Optional.of(out.toByteArray());
    }

    public static boolean looksLikePdf(byte[] bytes) {
        return bytes.length > 5 && new String(bytes, 0, 5, java.nio.charset.StandardCharsets.US_ASCII).equals("%PDF-");
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
