package org.ecabinet.dispatch;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.ecabinet.dispatch.DispatchCommands.*;
import org.ecabinet.events.dispatch.*;
import org.ecabinet.platform.AggregateLocks;
import org.ecabinet.platform.NotPermitted;
import org.ecabinet.platform.RuleViolation;

/**
 * An official document sent by one agency to others (văn bản đi). Registered, signed (PAdES, by the
 * version that is current), dispatched to recipient organisations, then followed at each recipient
 * through the edXML statuses. Policy: a secret document never travels over the axis, and an ordinary
 * document travels only signed (paperless dispatch of signed documents).
 */
@Aggregate(lockFactory = AggregateLocks.BEAN)
public class DocumentDispatch {

    @AggregateIdentifier
    private String documentId;
    private String senderOrganId;
    private Confidentiality confidentiality;
    private int version;
    private boolean signed;
    private boolean dispatched;
    private RecallKind recallRequested;
    private List<String> dispatchedTo = List.of();
    private final Map<String, RecipientStatus> recipients = new LinkedHashMap<>();
    private final Map<String, Boolean> recallAnswered = new HashMap<>();

    protected DocumentDispatch() {
        // for Axon
    }

    @CommandHandler
    DocumentDispatch(RegisterDocument command) {
        if (command.pageCount() < 1) {
            throw new RuleViolation("A document has at least one page.");
        }
        apply(new DocumentRegistered(command.documentId(), command.staff().organId(), command.codeNumber(), command.codeNotation(),
                command.documentType(), command.subject(), command.promulgationPlace(), command.promulgationDate(), command.signer(),
                command.urgency(), command.confidentiality(), command.dueDate(), command.file(), command.pageCount(),
                command.attachments(), command.replacesDocumentId()));
    }

    @CommandHandler
    void handle(ReviseDocument command) {
        requireSender(command.staff());
        requireNotDispatched("revise");
        apply(new DocumentRevised(documentId, version + 1, command.file(), command.pageCount(), command.reason()));
    }

    @CommandHandler
    void handle(SignDocument command) {
        requireSender(command.staff());
        requireNotDispatched("sign");
        if (command.version() != version) {
            throw new RuleViolation("dispatch.signed-old-version", "Version " + command.version() + " was signed, but version " + version + " is current: sign it again.",
                    Map.of("signed", command.version(), "current", version));
        }
        if (signed) {
            throw new RuleViolation("dispatch.already-signed", "Version " + version + " is already signed.", Map.of("version", version));
        }
        apply(new DocumentSigned(documentId, version, command.signedFile(), command.staff().id(), command.staff().name(),
                command.certificateSha256(), command.signingTime()));
    }

    @CommandHandler
    void handle(DispatchDocument command) {
        requireSender(command.staff());
        requireNotDispatched("dispatch");
        if (confidentiality == Confidentiality.SECRET) {
            throw new RuleViolation("dispatch.secret", "Secret documents never travel over the axis: send it by the confidential channel.");
        }
        if (!signed) {
            throw new RuleViolation("dispatch.unsigned", "Only signed documents are dispatched paperless: sign version " + version + " first.",
                    Map.of("version", version));
        }
        List<String> to = command.recipients().stream().distinct().toList();
        if (to.isEmpty()) {
            throw new RuleViolation("dispatch.no-recipient", "A dispatch needs at least one recipient organisation.");
        }
        if (to.contains(senderOrganId)) {
            throw new RuleViolation("dispatch.to-itself", "An agency does not dispatch a document to itself.");
        }
        apply(new DocumentDispatched(documentId, to));
        // Recipients hosted here have it at once; the others when their system acknowledges the package.
        to.stream().filter(command.hostedHere()::contains).forEach(recipient -> apply(new DocumentDelivered(documentId, recipient)));
    }

    @CommandHandler
    DocumentDispatch(ReceiveFromAxis command) {
        apply(new DocumentRegistered(command.documentId(), command.senderOrganId(), command.codeNumber(), command.codeNotation(),
                command.documentType(), command.subject(), command.promulgationPlace(), command.promulgationDate(), command.signer(),
                command.urgency(), Confidentiality.ORDINARY, command.dueDate(), command.signedFile(), command.pageCount(), command.attachments(),
                null));
        apply(new DocumentSigned(command.documentId(), 1, command.signedFile(), "axis:" + command.senderOrganId(), command.signer().fullName(),
                command.certificateSha256(), command.signingTime()));
        apply(new DocumentDispatched(command.documentId(), command.recipients()));
        command.recipients().stream().filter(command.hostedHere()::contains)
                .forEach(recipient -> apply(new DocumentDelivered(command.documentId(), recipient)));
    }

    @CommandHandler
    void handle(RecordDelivery command) {
        if (!dispatchedTo.contains(command.recipientOrganId())) {
            throw new RuleViolation(command.recipientOrganId() + " is not a recipient of this document.");
        }
        if (!recipients.containsKey(command.recipientOrganId())) { // delivered twice (at least once): recorded once
            apply(new DocumentDelivered(documentId, command.recipientOrganId()));
        }
    }

    /** The sender, on another system, asks for its document back (edXML business type 1) or to update it (2). */
    @CommandHandler
    void handle(RecordRemoteRecall command) {
        if (!command.fromOrganId().equals(senderOrganId)) {
            throw new NotPermitted(command.fromOrganId() + " did not send this document.");
        }
        if (recallRequested == null) { // a package may arrive twice
            apply(new RecallRequested(documentId, command.kind(), "axis:" + senderOrganId, senderOrganId, command.reason()));
        }
    }

    /**
     * Applies an edXML status code sent by a recipient on another system (02–06, 15, 16) to this sender's
     * document. A status already recorded, or one that does not follow from the current one, changes
     * nothing: messages may arrive twice.
     */
    @CommandHandler
    void handle(RecordRemoteStatus command) {
        String from = command.fromOrganId();
        String staff = command.staffName() == null || command.staffName().isBlank() ? from : command.staffName();
        if (!dispatchedTo.contains(from)) {
            throw new NotPermitted(from + " is not a recipient of this document.");
        }
        if (!recipients.containsKey(from)) {
            apply(new DocumentDelivered(documentId, from));
        }
        RecipientStatus now = recipients.get(from);
        String id = "axis:" + from;
        switch (command.statusCode()) {
            case "02" -> {
                if (now == RecipientStatus.DELIVERED || now == RecipientStatus.ACCEPTED) {
                    apply(new DocumentRejected(documentId, from, id, staff, command.description()));
                }
            }
            case "03" -> {
                if (now == RecipientStatus.DELIVERED) {
                    apply(new DocumentAccepted(documentId, from, id, staff, true, command.description()));
                }
            }
            case "04" -> {
                if (now == RecipientStatus.ACCEPTED) {
                    apply(new DocumentAssigned(documentId, from, id, staff, command.description()));
                }
            }
            case "05" -> {
                if (now == RecipientStatus.ASSIGNED) {
                    apply(new DocumentProcessingStarted(documentId, from, id, staff));
                }
            }
            case "06" -> {
                if (now == RecipientStatus.PROCESSING) {
                    apply(new DocumentProcessingCompleted(documentId, from, id, staff));
                }
            }
            case "15", "16" -> {
                if (recallRequested != null && !recallAnswered.containsKey(from)) {
                    apply(new RecallAnswered(documentId, from, id, staff, command.statusCode().equals("15"), command.description()));
                }
            }
            default -> throw new RuleViolation("Unknown edXML status code " + command.statusCode() + ".");
        }
    }

    @CommandHandler
    void handle(AcceptDocument command) {
        move(command.staff(), RecipientStatus.DELIVERED, "receive");
        if (!command.signatureValid()) {
            throw new RuleViolation("dispatch.signature-invalid", "The document's signature does not verify (" + command.signatureReport() + "): reject it with this reason.");
        }
        apply(new DocumentAccepted(documentId, command.staff().organId(), command.staff().id(), command.staff().name(), true,
                command.signatureReport()));
    }

    @CommandHandler
    void handle(RejectDocument command) {
        RecipientStatus now = statusOf(command.staff());
        if (now != RecipientStatus.DELIVERED && now != RecipientStatus.ACCEPTED) {
            throw new RuleViolation("dispatch.wrong-state", "A document is rejected on arrival or after receipt, not when it is " + now + ".");
        }
        apply(new DocumentRejected(documentId, command.staff().organId(), command.staff().id(), command.staff().name(), command.reason()));
    }

    @CommandHandler
    void handle(AssignDocument command) {
        move(command.staff(), RecipientStatus.ACCEPTED, "assign");
        apply(new DocumentAssigned(documentId, command.staff().organId(), command.staff().id(), command.staff().name(), command.assignee()));
    }

    @CommandHandler
    void handle(StartProcessing command) {
        move(command.staff(), RecipientStatus.ASSIGNED, "start handling");
        apply(new DocumentProcessingStarted(documentId, command.staff().organId(), command.staff().id(), command.staff().name()));
    }

    @CommandHandler
    void handle(CompleteProcessing command) {
        move(command.staff(), RecipientStatus.PROCESSING, "complete");
        apply(new DocumentProcessingCompleted(documentId, command.staff().organId(), command.staff().id(), command.staff().name()));
    }

    @CommandHandler
    void handle(RequestRecall command) {
        requireSender(command.staff());
        if (!dispatched) {
            throw new RuleViolation("dispatch.not-dispatched", "Only a dispatched document is recalled; before that, revise it.");
        }
        if (recallRequested != null) {
            throw new RuleViolation("dispatch.recall-pending", "A " + recallRequested + " request is already pending.");
        }
        apply(new RecallRequested(documentId, command.kind(), command.staff().id(), command.staff().name(), command.reason()));
    }

    @CommandHandler
    void handle(AnswerRecall command) {
        RecipientStatus now = statusOf(command.staff());
        if (recallRequested == null) {
            throw new RuleViolation("dispatch.no-recall", "The sender has not asked for this document back.");
        }
        if (recallAnswered.containsKey(command.staff().organId()) || now.isFinal() && now != RecipientStatus.DONE) {
            throw new RuleViolation("dispatch.recall-answered", "Your organisation has already answered, or the document is " + now + " there.");
        }
        apply(new RecallAnswered(documentId, command.staff().organId(), command.staff().id(), command.staff().name(), command.agreed(),
                command.reason()));
    }

    private void move(Staff staff, RecipientStatus required, String action) {
        RecipientStatus now = statusOf(staff);
        if (now != required) {
            throw new RuleViolation("dispatch.wrong-state", "Cannot " + action + " a document that is " + now + " at your organisation (it must be " + required + ").");
        }
    }

    private RecipientStatus statusOf(Staff staff) {
        RecipientStatus status = recipients.get(staff.organId());
        if (status == null) {
            throw new NotPermitted("Your organisation is not a recipient of this document.");
        }
        return status;
    }

    private void requireSender(Staff staff) {
        if (!senderOrganId.equals(staff.organId())) {
            throw new NotPermitted("Only the sending organisation's clerks act on its outgoing document.");
        }
    }

    private void requireNotDispatched(String action) {
        if (dispatched) {
            throw new RuleViolation("dispatch.already-dispatched", "Cannot " + action + " a document that was dispatched: recall it, or register a replacement.");
        }
    }

    @EventSourcingHandler
    void on(DocumentRegistered event) {
        documentId = event.documentId();
        senderOrganId = event.senderOrganId();
        confidentiality = event.confidentiality();
        version = 1;
    }

    @EventSourcingHandler
    void on(DocumentRevised event) {
        version = event.version();
        signed = false;
    }

    @EventSourcingHandler
    void on(DocumentSigned event) {
        signed = true;
    }

    @EventSourcingHandler
    void on(DocumentDispatched event) {
        dispatched = true;
        dispatchedTo = event.recipients();
    }

    @EventSourcingHandler
    void on(DocumentDelivered event) {
        recipients.put(event.recipientOrganId(), RecipientStatus.DELIVERED);
    }

    @EventSourcingHandler
    void on(DocumentAccepted event) {
        recipients.put(event.recipientOrganId(), RecipientStatus.ACCEPTED);
    }

    @EventSourcingHandler
    void on(DocumentRejected event) {
        recipients.put(event.recipientOrganId(), RecipientStatus.REJECTED);
    }

    @EventSourcingHandler
    void on(DocumentAssigned event) {
        recipients.put(event.recipientOrganId(), RecipientStatus.ASSIGNED);
    }

    @EventSourcingHandler
    void on(DocumentProcessingStarted event) {
        recipients.put(event.recipientOrganId(), RecipientStatus.PROCESSING);
    }

    @EventSourcingHandler
    void on(DocumentProcessingCompleted event) {
        recipients.put(event.recipientOrganId(), RecipientStatus.DONE);
    }

    @EventSourcingHandler
    void on(RecallRequested event) {
        recallRequested = event.kind();
        recallAnswered.clear();
    }

    @EventSourcingHandler
    void on(RecallAnswered event) {
        recallAnswered.put(event.recipientOrganId(), event.agreed());
        if (event.agreed() && recallRequested == RecallKind.RECALL) {
            recipients.put(event.recipientOrganId(), RecipientStatus.RECALLED);
        }
    }
}
