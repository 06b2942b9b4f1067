package org.ecabinet.platform.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.apache.pdfbox.Loader;
import org.ecabinet.platform.InvalidInput;
import org.ecabinet.platform.NotFound;
import org.ecabinet.platform.storage.DocumentStore;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * PDF files in and out over HTTP: a multipart part read whole (size-limited) and accepted only when PDFBox
 * reads it as a PDF with pages; uploads claimed for what a command creates, and given back when the command
 * is refused; a download.
 */
public final class PdfUploads {

    static final int MAX_FILE_NAME = 200;

    private PdfUploads() {
    }

    public record UploadedPdf(String fileName, byte[] bytes, int pageCount) {
    }

    public static Mono<UploadedPdf> read(Mono<FilePart> file) {
        return file.flatMap(part -> DataBufferUtils.join(part.content(), DocumentStore.MAX_SIZE)
                        .map(buffer -> new UploadedPdf(safeFileName(part.filename()), Buffers.bytes(buffer), 0)))
                .switchIfEmpty(Mono.error(new InvalidInput("file", "file.missing", "The part 'file' is missing.")))
                .publishOn(Schedulers.boundedElastic())
                .map(upload -> new UploadedPdf(upload.fileName(), upload.bytes(), pageCount(upload.bytes())));
    }

    /** The number of pages of a readable, unencrypted PDF; anything else is refused as the field {@code file}. */
    public static int pageCount(byte[] bytes) {
        if (!DocumentStore.looksLikePdf(bytes)) {
            throw new InvalidInput("file", "file.not-pdf", "The file must be a PDF.");
        }
        try (var document = Loader.loadPDF(bytes)) {
            if (document.isEncrypted() || document.getNumberOfPages() < 1) {
                throw new InvalidInput("file", "file.not-pdf", "The file is not a readable PDF (encrypted, or without pages).");
            }
            return document.getNumberOfPages();
        } catch (java.io.IOException | RuntimeException e) {
            if (e instanceof InvalidInput invalid) {
                throw invalid;
            }
            throw new InvalidInput("file", "file.not-pdf", "The file is not a readable PDF.");
        }
    }

    /** One file a request names, and the field that names it. */
    public record Named(String field, String fileId) {
    }

    /**
     * Claims the uploads {@code named} of {@code uploader} for {@code attachTo}, then runs {@code command}
     * with them, in the same order; if a file is not the caller's to attach, nothing is claimed (a field
     * error), and if the command is refused, every claimed file is given back.
     */
    public static <T> Mono<T> attach(DocumentStore files, List<Named> named, DocumentStore.Uploader uploader, String attachTo,
                                     Function<List<DocumentStore.StoredDocument>, Mono<T>> command) {
        return Mono.fromCallable(() -> {
                    List<DocumentStore.StoredDocument> claimed = new ArrayList<>();
                    for (Named file : named) {
                        var stored = files.claim(file.fileId(), uploader, attachTo);
                        if (stored.isEmpty()) {
                            claimed.forEach(c -> files.release(c.documentId(), attachTo));
                            throw new InvalidInput(file.field(), "file.unknown", "No upload of yours with the id " + abbreviate(file.fileId())
                                    + " is waiting to be attached: upload the file first.");
                        }
                        claimed.add(stored.get());
                    }
                    return claimed;
                })
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(claimed -> Mono.defer(() -> command.apply(claimed))
                        .onErrorResume(refused -> Mono.fromRunnable(() -> claimed.forEach(c -> files.release(c.documentId(), attachTo)))
                                .subscribeOn(Schedulers.boundedElastic()).then(Mono.error(refused))));
    }

    /** Runs the command that attaches a file just stored for it; when the command is refused, the file is deleted, so nothing is left behind. */
    public static <T> Mono<T> deleteIfRefused(DocumentStore files, String fileId, Mono<T> command) {
        return command.onErrorResume(refused -> Mono.fromRunnable(() -> files.delete(fileId)).subscribeOn(Schedulers.boundedElastic())
                .then(Mono.error(refused)));
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

    /** A file name fit to keep and show: no path, no control or direction-changing character, at most 200 characters. */
    public static String safeFileName(String name) {
        String base = name == null ? "document.pdf" : name.replaceAll("[\\\\/\\p{Cntrl}\\u202A-\\u202E\\u2066-\\u2069\\u200E\\u200F\\u061C]", "_").strip();
        if (base.isEmpty()) {
            base = "document.pdf";
        }
        return base.length() > MAX_FILE_NAME ? base.substring(base.length() - MAX_FILE_NAME) : base;
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
