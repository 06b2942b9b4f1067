package org.ecabinet.events.dispatch;

import org.axonframework.serialization.Revision;

/** A recipient started handling the document (edXML status 05). */
@Revision("1")
public record DocumentProcessingStarted(String documentId, String recipientOrganId, String staffId, String staffName) implements DispatchEvent {
}
