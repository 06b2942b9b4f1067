package org.ecabinet.events.session;

import org.axonframework.serialization.Revision;

/** The minutes of a closed session (a PDF signed by the secretariat with PAdES) were stored and attached. */
@Revision("1")
public record MinutesSigned(String sessionId, String documentId, String fileName, String sha256, long size, String signedBy)
        implements SessionEvent {
}
