package org.ecabinet.dispatch;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ecabinet.events.dispatch.Confidentiality;
import org.ecabinet.events.dispatch.DocumentFile;
import org.ecabinet.events.dispatch.RecallKind;
import org.ecabinet.events.dispatch.SignerInfo;
import org.ecabinet.events.dispatch.Urgency;

/**
 * What can be asked of a {@link DocumentDispatch}. {@code staff} is always the authenticated clerk and the
 * organisation they act for; the aggregate decides whether that organisation may do it.
 */
final class DispatchCommands {

    private DispatchCommands() {
    }

    /** Who acts: a clerk (văn thư) of one organisation. */
    record Staff(String id, String name, String organId) {
    }

    record RegisterDocument(@TargetAggregateIdentifier String documentId, Staff staff, String codeNumber, String codeNotation,
                            String documentType, String subject, String promulgationPlace, LocalDate promulgationDate, SignerInfo signer,
                            Urgency urgency, Confidentiality confidentiality, LocalDate dueDate, DocumentFile file, int pageCount,
                            List<DocumentFile> attachments, String replacesDocumentId) {
    }

    record ReviseDocument(@TargetAggregateIdentifier String documentId, Staff staff, DocumentFile file, int pageCount, String reason) {
    }

    /** {@code version}: the version the signer saw and signed; a newer one makes the signature stale. */
    record SignDocument(@TargetAggregateIdentifier String documentId, Staff staff, int version, DocumentFile signedFile,
                        String certificateSha256, java.time.Instant signingTime) {
    }

    /** {@code knownRecipients}: the recipients that are organisations of the directory. */
    record DispatchDocument(@TargetAggregateIdentifier String documentId, Staff staff, List<String> recipients) {
    }

    record AcceptDocument(@TargetAggregateIdentifier String documentId, Staff staff, boolean signatureValid, String signatureReport) {
    }

    record RejectDocument(@TargetAggregateIdentifier String documentId, Staff staff, String reason) {
    }

    record AssignDocument(@TargetAggregateIdentifier String documentId, Staff staff, String assignee) {
    }

    record StartProcessing(@TargetAggregateIdentifier String documentId, Staff staff) {
    }

    record CompleteProcessing(@TargetAggregateIdentifier String documentId, Staff staff) {
    }

    record RequestRecall(@TargetAggregateIdentifier String documentId, Staff staff, RecallKind kind, String reason) {
    }

    record AnswerRecall(@TargetAggregateIdentifier String documentId, Staff staff, boolean agreed, String reason) {
    }
}
