package org.ecabinet.platform.storage;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import com.mongodb.client.model.Updates;

/**
 * Files (PDFs: session papers, ballot drafts, documents, signed reports) in GridFS; events carry only their
 * id and SHA-256, so the event store stays small and the hash pins the exact bytes.
 * <p>
 * A file belongs to whoever uploaded it (the user, and the agency they act for) and to at most one thing
 * (a document, a session, a ballot), named in {@code attachedTo}. An upload is unattached until its uploader
 * {@link #claim claims} it for one thing, atomically, so nobody can attach another's file and no file is
 * attached twice; a file is only ever served through the thing it is attached to. Uploads left unattached
 * are {@link #reclaim reclaimed}.
 */
@Component
public class DocumentStore {

    public static final int MAX_SIZE = 20 * 1024 * 1024;
    static final String BUCKET = "papers";
    private static final String ATTACHED_TO = "metadata.attachedTo";
    private static final String UPLOADED_BY = "metadata.uploadedBy";
    private static final String ORGANISATION = "metadata.organisation";
    private static final String PURPOSE = "metadata.purpose";
    private static final String UPLOADED_AT = "metadata.uploadedAt";
    private static final String SHA256 = "sha256";

    private final GridFSBucket bucket;
    private final MongoCollection<Document> files;

    DocumentStore(GridFSBucket papersBucket, MongoDatabase database) {
        this.bucket = papersBucket;
        this.files = database.getCollection(BUCKET + ".files");
    }

    public record StoredDocument(String documentId, String fileName, String sha256, long size) {
    }

    /** Who may claim an upload: its uploader, or any user of the same organisation, for the same purpose. */
    public record Uploader(String purpose, String userId, String organisation) {
    }

    /** Stores an upload, attached to nothing yet. */
    public StoredDocument upload(Uploader uploader, String fileName, byte[] pdf) {
        return put(fileName, pdf, new Document("purpose", uploader.purpose()).append("uploadedBy", uploader.userId())
                .append("organisation", uploader.organisation()).append("attachedTo", null).append("uploadedAt", new Date()));
    }

    /** Stores a file the system made (a signed copy, minutes, a received package), attached at once to {@code attachedTo}. */
    public StoredDocument store(String attachedTo, String fileName, byte[] pdf) {
        return put(fileName, pdf, new Document("attachedTo", attachedTo).append("uploadedAt", new Date()));
    }

    /**
     * Attaches an upload of {@code uploader} (or of their organisation) to {@code attachTo}; empty when there
     * is no such upload, it is someone else's, or it is attached already: the caller cannot tell which.
     */
    public Optional<StoredDocument> claim(String fileId, Uploader uploader, String attachTo) {
        if (!ObjectId.isValid(fileId)) {
            return Optional.empty();
        }
        Bson owner = uploader.organisation() == null || uploader.organisation().isBlank() ? eq(UPLOADED_BY, uploader.userId())
                : or(eq(UPLOADED_BY, uploader.userId()), eq(ORGANISATION, uploader.organisation()));
        Document claimed = files.findOneAndUpdate(and(eq("_id", new ObjectId(fileId)), eq(PURPOSE, uploader.purpose()),
                exists(UPLOADED_BY), eq(ATTACHED_TO, null), owner), Updates.set(ATTACHED_TO, attachTo));
        return Optional.ofNullable(claimed).map(DocumentStore::describe);
    }

    /** Undoes a claim whose command was refused, so the uploader may use the file again. */
    public void release(String fileId, String attachedTo) {
        if (ObjectId.isValid(fileId)) {
            files.updateOne(and(eq("_id", new ObjectId(fileId)), eq(ATTACHED_TO, attachedTo), exists(UPLOADED_BY)), Updates.set(ATTACHED_TO, null));
        }
    }

    public void delete(String fileId) {
        if (ObjectId.isValid(fileId)) {
            bucket.delete(new ObjectId(fileId));
        }
    }

    /** Deletes the uploads that were never attached and are older than {@code before}; how many. */
    public int reclaim(Instant before) {
        List<ObjectId> stale = files.find(and(exists(UPLOADED_BY), eq(ATTACHED_TO, null), lt(UPLOADED_AT, Date.from(before))))
                .map(d -> d.getObjectId("_id")).into(new ArrayList<>());
        stale.forEach(bucket::delete);
        return stale.size();
    }

    /** What is known of a stored file without reading its bytes. */
    public Optional<StoredDocument> describe(String documentId) {
        if (!ObjectId.isValid(documentId)) {
            return Optional.empty();
        }
        return Optional.ofNullable(files.find(eq("_id", new ObjectId(documentId))).first()).map(DocumentStore::describe);
    }

    public Optional<byte[]> read(String fileId) {
        if (!ObjectId.isValid(fileId)) {
            return Optional.empty();
        }
        ObjectId id = new ObjectId(fileId);
        if (files.find(eq("_id", id)).first() == null) {
            return Optional.empty();
        }
        var out = new java.io.ByteArrayOutputStream();
        bucket.downloadToStream(id, out);
        return Optional.of(out.toByteArray());
    }

    private StoredDocument put(String fileName, byte[] pdf, Document metadata) {
        String sha256 = sha256(pdf);
        ObjectId id = bucket.uploadFromStream(fileName, new ByteArrayInputStream(pdf), new GridFSUploadOptions()
                .metadata(metadata.append(SHA256, sha256).append("contentType", "application/pdf")));
        return new StoredDocument(id.toHexString(), fileName, sha256, pdf.length);
    }

    private static StoredDocument describe(Document file) {
        return new StoredDocument(file.getObjectId("_id").toHexString(), file.getString("filename"),
                file.get("metadata", Document.class).getString(SHA256), ((Number) file.get("length")).longValue());
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
