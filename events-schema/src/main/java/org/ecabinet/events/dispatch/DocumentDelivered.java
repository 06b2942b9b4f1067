package org.ecabinet.events.dispatch;

import org.axonframework.serialization.Revision;

/** The document arrived at a recipient organisation (edXML status 01). */
@Revision("1")
public record DocumentDelivered(String documentId, String recipientOrganId) implements DispatchEvent {
}
