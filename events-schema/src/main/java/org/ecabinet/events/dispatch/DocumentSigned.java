package org.ecabinet.events.dispatch;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** The current version was signed: {@code signedFile} is the PDF with its PAdES signature inside. */
@Revision("1")
public record DocumentSigned(String documentId, int version, DocumentFile signedFile, String signedBy, String signerName,
                             String certificateSha256, Instant signingTime) implements DispatchEvent {
}
