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

    /** {@code hostedHere}: the recipients whose clerks work on this system; the others are reached over the axis. */
    record DispatchDocument(@TargetAggregateIdentifier String documentId, Staff staff, List<String> recipients, List<String> hostedHere) {
    }

    /** A document that arrived over the axis in a sealed edXML package, already signed by its sender. */
    record ReceiveFromAxis(@TargetAggregateIdentifier String documentId, String senderOrganId, String codeNumber, String codeNotation,
                           String documentType, String subject, String promulgationPlace, LocalDate promulgationDate, SignerInfo signer,
                           Urgency urgency, LocalDate dueDate, DocumentFile signedFile, int pageCount, List<DocumentFile> attachments,
                           String certificateSha256,
                           java.time.Instant signingTime, List<String> recipients, List<String> hostedHere) {
    }

    /** The axis delivered the document to a recipient hosted elsewhere (its system acknowledged the package). */
    record RecordDelivery(@TargetAggregateIdentifier String documentId, String recipientOrganId) {
    }

    /** A recall or update request from the sender, hosted elsewhere (a package of business type 1 or 2). */
    record RecordRemoteRecall(@TargetAggregateIdentifier String documentId, String fromOrganId, RecallKind kind, String reason) {
    }

    /** A status message from a recipient hosted elsewhere. */
    record RecordRemoteStatus(@TargetAggregateIdentifier String documentId, String fromOrganId, String statusCode, String description,
                              String staffName) {
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
