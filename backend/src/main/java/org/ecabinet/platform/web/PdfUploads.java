package org.ecabinet.platform.web;

import java.nio.charset.StandardCharsets;

import org.ecabinet.platform.NotFound;
import org.ecabinet.platform.storage.DocumentStore;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.web.server.ServerWebInputException;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** PDF files in and out over HTTP: a multipart part read whole (size-limited, checked to be a PDF), and a download. */
public final class PdfUploads {

    private PdfUploads() {
    }

    public record UploadedPdf(String fileName, byte[] bytes) {
    }

    public static Mono<UploadedPdf> read(Mono<FilePart> file) {
        return file.flatMap(part -> DataBufferUtils.join(part.content(), DocumentStore.MAX_SIZE).map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return new UploadedPdf(safeFileName(part.filename()), bytes);
                }))
                .switchIfEmpty(Mono.error(new ServerWebInputException("The part 'file' is missing.")))
                .map(upload -> {
                    if (!DocumentStore.looksLikePdf(upload.bytes())) {
                        throw new ServerWebInputException("The file must be a PDF.");
                    }
                    return upload;
                });
    }

    /** A stored PDF as an inline download, read off the event loop; 404 if its file is gone. */
    public static Mono<ResponseEntity<byte[]>> download(DocumentStore documents, String documentId, String fileName, String sha256) {
        return Mono.fromCallable(() -> documents.read(documentId).orElseThrow(() -> new NotFound("The file " + fileName + " is missing.")))
                .subscribeOn(Schedulers.boundedElastic())
                .map(bytes -> download(fileName, sha256, bytes));
    }

    private static ResponseEntity<byte[]> download(String fileName, String sha256, byte[] bytes) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(fileName, StandardCharsets.UTF_8).build().toString())
                .header("X-Content-SHA256", sha256)
                .body(bytes);
    }

    static String safeFileName(String name) {
        String base = name == null ? "document.pdf" : name.replaceAll("[\\\\/\\p{Cntrl}]", "_").strip();
        if (base.isEmpty()) {
            base = "document.pdf";
        }
        return base.length() > 200 ? base.substring(base.length() - 200) : base;
    }
}
