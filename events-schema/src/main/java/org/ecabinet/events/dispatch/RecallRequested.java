package org.ecabinet.events.dispatch;

import org.axonframework.serialization.Revision;

/** The sender asked its recipients to give the document back (edXML 13), to recall it or to let it be updated. */
@Revision("1")
public record RecallRequested(String documentId, RecallKind kind, String staffId, String staffName, String reason) implements DispatchEvent {
}
