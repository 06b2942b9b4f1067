package org.ecabinet.events.dispatch;

import org.axonframework.serialization.Revision;

/** A recipient's clerk received the document after verifying its signature (edXML status 03). */
@Revision("1")
public record DocumentAccepted(String documentId, String recipientOrganId, String staffId, String staffName, boolean signatureValid, String signatureReport) implements DispatchEvent {
}
