package org.ecabinet.events.dispatch;

import org.axonframework.serialization.Revision;

/** A recipient finished handling the document (edXML status 06). */
@Revision("1")
public record DocumentProcessingCompleted(String documentId, String recipientOrganId, String staffId, String staffName) implements DispatchEvent {
}
