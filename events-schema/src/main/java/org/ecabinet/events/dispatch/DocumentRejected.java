package org.ecabinet.events.dispatch;

import org.axonframework.serialization.Revision;

/** A recipient refused the document, with a reason (edXML status 02). */
@Revision("1")
public record DocumentRejected(String documentId, String recipientOrganId, String staffId, String staffName, String reason) implements DispatchEvent {
}
