package org.ecabinet.events.dispatch;

import org.axonframework.serialization.Revision;

/** A recipient assigned the document to someone to handle it (edXML status 04). */
@Revision("1")
public record DocumentAssigned(String documentId, String recipientOrganId, String staffId, String staffName, String assignee) implements DispatchEvent {
}
