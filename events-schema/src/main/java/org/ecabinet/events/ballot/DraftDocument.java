package org.ecabinet.events.ballot;

/** A draft the members are asked about: a PDF in the document store, pinned by its SHA-256. */
public record DraftDocument(String documentId, String fileName, String sha256, long size) {
}
