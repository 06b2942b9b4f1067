package org.ecabinet.events.dispatch;

/** A PDF kept in the document store: the event carries its SHA-256, never its bytes. */
public record DocumentFile(String fileId, String fileName, String sha256, long size) {
}
