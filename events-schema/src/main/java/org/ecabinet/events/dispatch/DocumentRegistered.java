package org.ecabinet.events.dispatch;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.serialization.Revision;

/**
 * An agency registered an outgoing document: its number and notation (số, ký hiệu), type, subject
 * (trích yếu), promulgation, signer, urgency, confidentiality, due date, the PDF (version 1) and its
 * attachments; {@code replacesDocumentId} when it replaces a document sent before.
 */
@Revision("1")
public record DocumentRegistered(String documentId, String senderOrganId, String codeNumber, String codeNotation, String documentType,
                                 String subject, String promulgationPlace, LocalDate promulgationDate, SignerInfo signer,
                                 Urgency urgency, Confidentiality confidentiality, LocalDate dueDate, DocumentFile file, int pageCount,
                                 List<DocumentFile> attachments, String replacesDocumentId) implements DispatchEvent {
    public DocumentRegistered {
        attachments = List.copyOf(attachments);
    }
}
