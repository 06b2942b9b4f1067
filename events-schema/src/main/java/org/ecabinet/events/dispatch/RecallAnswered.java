package org.ecabinet.events.dispatch;

import org.axonframework.serialization.Revision;

/** A recipient agreed (edXML 15) or refused (16) the sender's recall or update request. */
@Revision("1")
public record RecallAnswered(String documentId, String recipientOrganId, String staffId, String staffName, boolean agreed, String reason) implements DispatchEvent {
}
