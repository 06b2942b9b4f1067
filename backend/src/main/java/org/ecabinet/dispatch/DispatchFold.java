package org.ecabinet.dispatch;

import java.time.Instant;

import org.ecabinet.events.dispatch.*;

/** What each dispatch event does to a {@link DocumentView}: used by the projection and by point-in-time views. */
final class DispatchFold {

    private DispatchFold() {
    }

    static void apply(DocumentView view, DispatchEvent event, Instant at) {
        if (event instanceof DocumentRegistered e) {
            view.documentId = e.documentId();
            view.senderOrganId = e.senderOrganId();
            view.codeNumber = e.codeNumber();
            view.codeNotation = e.codeNotation();
            view.edxmlDocumentId = EdXml.documentId(e.senderOrganId(), e.promulgationDate(), e.codeNumber(), e.codeNotation());
            view.documentType = e.documentType();
            view.subject = e.subject();
            view.promulgationPlace = e.promulgationPlace();
            view.promulgationDate = e.promulgationDate();
            view.signer = e.signer();
            view.urgency = e.urgency();
            view.confidentiality = e.confidentiality();
            view.dueDate = e.dueDate();
            view.currentVersion = 1;
            view.file = e.file();
            view.pageCount = e.pageCount();
            view.attachments = new java.util.ArrayList<>(e.attachments());
            view.replacesDocumentId = e.replacesDocumentId();
            view.state = "REGISTERED";
            view.registeredAt = at;
            step(view, at, "REGISTERED", null, e.senderOrganId(), null, e.codeNumber() + "/" + e.codeNotation());
        } else if (event instanceof DocumentRevised e) {
            view.currentVersion = e.version();
            view.file = e.file();
            view.pageCount = e.pageCount();
            view.state = "REGISTERED";
            step(view, at, "REVISED", null, view.senderOrganId, null, e.version() + ": " + e.reason());
        } else if (event instanceof DocumentSigned e) {
            view.signature = new DocumentView.Signature(e.version(), e.signedFile(), e.signedBy(), e.signerName(), e.certificateSha256(),
                    e.signingTime());
            view.state = "SIGNED";
            step(view, at, "SIGNED", null, view.senderOrganId, e.signerName(), String.valueOf(e.version()));
        } else if (event instanceof DocumentDispatched e) {
            view.dispatchedAt = at;
            view.dispatchedTo = new java.util.ArrayList<>(e.recipients());
            view.state = "DISPATCHED";
            step(view, at, "DISPATCHED", null, view.senderOrganId, null, String.join(", ", e.recipients()));
        } else if (event instanceof DocumentDelivered e) {
            DocumentView.Recipient recipient = new DocumentView.Recipient();
            recipient.organId = e.recipientOrganId();
            recipient.deliveredAt = at;
            view.recipients.add(recipient);
            status(view, e.recipientOrganId(), RecipientStatus.DELIVERED, at, null, "");
        } else if (event instanceof DocumentAccepted e) {
            status(view, e.recipientOrganId(), RecipientStatus.ACCEPTED, at, e.staffName(), e.signatureReport())
                    .ifPresent(r -> {
                        r.acceptedAt = at;
                        r.signatureReport = e.signatureReport();
                    });
        } else if (event instanceof DocumentRejected e) {
            status(view, e.recipientOrganId(), RecipientStatus.REJECTED, at, e.staffName(), e.reason())
                    .ifPresent(r -> r.reason = e.reason());
        } else if (event instanceof DocumentAssigned e) {
            status(view, e.recipientOrganId(), RecipientStatus.ASSIGNED, at, e.staffName(), e.assignee())
                    .ifPresent(r -> r.assignee = e.assignee());
        } else if (event instanceof DocumentProcessingStarted e) {
            status(view, e.recipientOrganId(), RecipientStatus.PROCESSING, at, e.staffName(), "");
        } else if (event instanceof DocumentProcessingCompleted e) {
            status(view, e.recipientOrganId(), RecipientStatus.DONE, at, e.staffName(), "").ifPresent(r -> r.completedAt = at);
        } else if (event instanceof RecallRequested e) {
            view.recallRequested = e.kind();
            view.recallReason = e.reason();
            step(view, at, e.kind() == RecallKind.RECALL ? "RECALL_REQUESTED" : "UPDATE_REQUESTED", "13", view.senderOrganId, e.staffName(), e.reason());
        } else if (event instanceof RecallAnswered e) {
            view.recipient(e.recipientOrganId()).ifPresent(r -> {
                r.recallAgreed = e.agreed();
                if (e.agreed() && view.recallRequested == RecallKind.RECALL) {
                    r.status = RecipientStatus.RECALLED;
                    r.statusCode = RecipientStatus.RECALLED.edxmlCode;
                }
            });
            step(view, at, e.agreed() ? "RECALL_AGREED" : "RECALL_REFUSED", e.agreed() ? "15" : "16", e.recipientOrganId(), e.staffName(),
                    e.reason() == null ? "" : e.reason());
        }
    }

    private static java.util.Optional<DocumentView.Recipient> status(DocumentView view, String organId, RecipientStatus status, Instant at,
                                                                    String staffName, String detail) {
        java.util.Optional<DocumentView.Recipient> recipient = view.recipient(organId);
        recipient.ifPresent(r -> {
            r.status = status;
            r.statusCode = status.edxmlCode;
        });
        step(view, at, status.name(), status.edxmlCode, organId, staffName, detail);
        return recipient;
    }

    private static void step(DocumentView view, Instant at, String kind, String code, String organId, String staffName, String detail) {
        view.timeline.add(new DocumentView.Step(at, kind, code, organId, staffName, detail));
    }
}
