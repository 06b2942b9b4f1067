package org.ecabinet.events.dispatch;

import org.axonframework.serialization.Revision;

/** A new version of the PDF before dispatch; a signature of an earlier version no longer counts. */
@Revision("1")
public record DocumentRevised(String documentId, int version, DocumentFile file, int pageCount, String reason) implements DispatchEvent {
}
