package org.ecabinet.events.session;

import org.axonframework.serialization.Revision;

/** A paper (a PDF kept in GridFS) was attached to an agenda item; the event carries its SHA-256, never its bytes. */
@Revision("1")
public record PaperAttached(String sessionId, String itemId, String paperId, String fileName, String sha256, long size) implements SessionEvent {
}
