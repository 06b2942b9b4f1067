package org.ecabinet.session;

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

/** Session papers (PDFs) in GridFS; the events carry only their id and SHA-256. */
@Component
class PaperStore {

    static final int MAX_SIZE = 20 * 1024 * 1024;

    private final GridFSBucket bucket;

    PaperStore(GridFSBucket papersBucket) {
        this.bucket = papersBucket;
    }

    record StoredPaper(String paperId, String sha256, long size) {
    }

    StoredPaper store(String sessionId, String fileName, byte[] pdf) {
        String sha256 = sha256(pdf);
        ObjectId id = bucket.uploadFromStream(fileName, new ByteArrayInputStream(pdf), new GridFSUploadOptions()
                .metadata(new Document("sessionId", sessionId).append("sha256", sha256).append("contentType", "application/pdf")));
        return new StoredPaper(id.toHexString(), sha256, pdf.length);
    }

    Optional<byte[]> read(String paperId) {
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

    static boolean looksLikePdf(byte[] bytes) {
        return bytes.length > 5 && new String(bytes, 0, 5, java.nio.charset.StandardCharsets.US_ASCII).equals("%PDF-");
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
