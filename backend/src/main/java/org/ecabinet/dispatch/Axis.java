package org.ecabinet.dispatch;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.ecabinet.dispatch.DispatchCommands.ReceiveFromAxis;
import org.ecabinet.dispatch.DispatchCommands.RecordRemoteRecall;
import org.ecabinet.dispatch.DispatchCommands.RecordRemoteStatus;
import org.ecabinet.dispatch.DispatchQueries.FindByEdXmlId;
import org.ecabinet.events.dispatch.DocumentFile;
import org.ecabinet.events.dispatch.RecallKind;
import org.ecabinet.identity.Agencies;
import org.ecabinet.platform.Causes;
import org.ecabinet.platform.CommandSender;
import org.ecabinet.platform.NotFound;
import org.ecabinet.platform.NotPermitted;
import org.ecabinet.platform.storage.DocumentStore;
import org.ecabinet.platform.web.PdfUploads;
import org.ecabinet.signing.AgencySeals;
import org.ecabinet.signing.SignatureVerifier;
import org.ecabinet.signing.VerificationReport;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ServerWebInputException;
import org.w3c.dom.Document;

/**
 * This system's end of the axis: seals outgoing edXML packages with the sending agency's certificate, and
 * takes incoming ones (documents and status messages) only when well-formed, sealed by a trusted
 * certificate of the organisation they say they come from, and addressed to an organisation hosted
 * here. A package received twice is recorded once: the local id of an incoming document is derived
 * from its sender and edXML DocumentId.
 */
@Service
class Axis {

    /** What an import did: the local document it concerns, and whether this delivery was the first. */
    record Received(String documentId, boolean first) {
    }

    private final AgencySeals seals;
    private final SignatureVerifier verifier;
    private final Agencies agencies;
    private final AxisProperties properties;
    private final DocumentStore files;
    private final CommandSender commands;
    private final QueryGateway queries;
    private final Clock clock;

    Axis(AgencySeals seals, SignatureVerifier verifier, Agencies agencies, AxisProperties properties, DocumentStore files, CommandSender commands,
         QueryGateway queries, Clock clock) {
        this.seals = seals;
        this.verifier = verifier;
        this.agencies = agencies;
        this.properties = properties;
        this.files = files;
        this.commands = commands;
        this.queries = queries;
        this.clock = clock;
    }

    /** The sealed package of a dispatched (or signed) document, as its sender sends it. */
    byte[] packageOf(DocumentView view) {
        return packageOf(view, null, null);
    }

    /** The sealed package asking the recipients to give the document back or to let it be updated. */
    byte[] recallPackageOf(DocumentView view, RecallKind kind, String reason) {
        return packageOf(view, kind, reason);
    }

    private byte[] packageOf(DocumentView view, RecallKind recall, String reason) {
        if (view.signature == null) {
            throw new org.ecabinet.platform.RuleViolation("Only a signed document has an edXML package.");
        }
        byte[] pdf = files.read(view.currentPdf().fileId()).orElseThrow(() -> new NotFound("The document's PDF is missing."));
        List<EdXml.Attached> attachments = view.attachments.stream()
                .map(a -> new EdXml.Attached(a.fileName(), files.read(a.fileId()).orElseThrow(() -> new NotFound("An attachment is missing."))))
                .toList();
        List<EdXml.Organ> to = view.dispatchedTo.stream().map(this::organ).toList();
        Document document = recall == null
                ? EdXml.documentPackage(view, organ(view.senderOrganId), to, pdf, attachments, clock.instant())
                : EdXml.documentPackage(view, organ(view.senderOrganId), to, pdf, attachments,
                        recall == RecallKind.RECALL ? EdXml.RECALL : EdXml.UPDATE, reason, clock.instant());
        seals.seal(document, EdXml.header(document), view.senderOrganId, organ(view.senderOrganId).name());
        return EdXml.serialize(document);
    }

    /** A sealed status message from a recipient about a document sent from elsewhere. */
    byte[] statusOf(DocumentView view, String fromOrganId, String statusCode, String description, String staff) {
        Document document = EdXml.statusMessage(view.edxmlDocumentId, view.senderOrganId, organ(fromOrganId), statusCode, description, staff, clock.instant());
        seals.seal(document, EdXml.header(document), fromOrganId, organ(fromOrganId).name());
        return EdXml.serialize(document);
    }

    /** Takes a package from another system; refuses it (400/403) when it cannot be trusted or is not for us. */
    Received receive(byte[] xml) {
        Document document;
        try {
            document = EdXml.parse(xml);
        } catch (IllegalArgumentException e) {
            throw new ServerWebInputException("package: " + e.getMessage());
        }
        AgencySeals.Check seal = seals.check(document);
        if (!seal.valid()) {
            throw new NotPermitted("The package's seal does not hold: " + seal.detail());
        }
        try {
            return EdXml.isStatusMessage(document) ? status(EdXml.readStatus(document), seal) : document(EdXml.readDocument(document), seal);
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw new ServerWebInputException("package: " + e.getMessage());
        }
    }

    private Received document(EdXml.DocumentPackage received, AgencySeals.Check seal) {
        String sender = received.from().organId();
        requireSealedBy(seal, sender);
        List<String> to = received.to().stream().map(EdXml.Organ::organId).distinct().toList();
        List<String> here = to.stream().filter(o -> properties.hostedHere(o) && agencies.find(o).isPresent()).toList();
        if (here.isEmpty()) {
            throw new ServerWebInputException("To: no recipient of this package is hosted here.");
        }
        if (!DocumentStore.looksLikePdf(received.pdf())) {
            throw new ServerWebInputException("Attachment: not a PDF.");
        }
        VerificationReport signature = verifier.verifyPdf(received.pdf()).get(0);
        if (signature.certificateSha256() == null || signature.signingTime() == null) {
            throw new ServerWebInputException("Attachment: the document is not signed (" + signature.message() + "); unsigned documents do not travel.");
        }
        // One document per sender and edXML DocumentId, whichever way it came: over the axis, or from an agency of this system.
        Optional<String> known = Optional.ofNullable(queries.query(new FindByEdXmlId(sender, received.documentId()),
                ResponseTypes.instanceOf(DocumentView.class)).join()).map(view -> view.documentId);
        String documentId = known.orElseGet(() -> UUID.nameUUIDFromBytes((sender + "|" + received.documentId())
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString());
        if (received.businessType() == EdXml.RECALL || received.businessType() == EdXml.UPDATE) {
            commands.sendAsSystem(new RecordRemoteRecall(documentId, sender, received.businessType() == EdXml.RECALL ? RecallKind.RECALL : RecallKind.UPDATE,
                    received.businessReason() == null ? "" : received.businessReason()), "axis");
            return new Received(documentId, true);
        }
        if (known.isPresent()) {
            return new Received(documentId, false);
        }
        for (EdXml.Attached attachment : received.attachments()) {
            if (!DocumentStore.looksLikePdf(attachment.bytes())) {
                throw new ServerWebInputException("Attachment " + attachment.name() + ": not a PDF.");
            }
        }
        String attachedTo = DispatchController.attachedTo(documentId);
        var stored = files.store(attachedTo, received.fileName().isBlank() ? "van-ban.pdf" : PdfUploads.safeFileName(received.fileName()), received.pdf());
        List<DocumentFile> attachments = received.attachments().stream().map(a -> files.store(attachedTo, PdfUploads.safeFileName(a.name()), a.bytes()))
                .map(a -> new DocumentFile(a.documentId(), a.fileName(), a.sha256(), a.size())).toList();
        try {
            commands.sendAsSystem(new ReceiveFromAxis(documentId, sender, received.codeNumber(), received.codeNotation(), received.documentType(),
                    received.subject(), received.place(), received.promulgationDate(), received.signer(), received.urgency(), received.dueDate(),
                    new DocumentFile(stored.documentId(), stored.fileName(), stored.sha256(), stored.size()), received.pageCount(),
                    attachments, signature.certificateSha256(), signature.signingTime(), to, here), "axis");
            return new Received(documentId, true);
        } catch (RuntimeException e) {
            // A replay that raced the first delivery, or a refusal: either way the files of this request are not kept.
            files.delete(stored.documentId());
            attachments.forEach(a -> files.delete(a.fileId()));
            if (Causes.aggregateAlreadyStored(e)) {
                return new Received(documentId, false);
            }
            throw e;
        }
    }

    private Received status(EdXml.StatusMessage status, AgencySeals.Check seal) {
        requireSealedBy(seal, status.from().organId());
        DocumentView view = queries.query(new FindByEdXmlId(status.responseForOrganId(), status.responseForDocumentId()),
                ResponseTypes.instanceOf(DocumentView.class)).join();
        if (view == null) {
            throw new NotFound("No document " + status.responseForDocumentId() + " here.");
        }
        commands.sendAsSystem(new RecordRemoteStatus(view.documentId, status.from().organId(), status.statusCode(), status.description(),
                status.staff()), "axis");
        return new Received(view.documentId, true);
    }

    private static void requireSealedBy(AgencySeals.Check seal, String organId) {
        if (!organId.equals(seal.organId())) {
            throw new NotPermitted("The package says it comes from " + organId + " but is sealed by " + seal.organId() + ".");
        }
    }

    EdXml.Organ organ(String organId) {
        return new EdXml.Organ(organId, agencies.find(organId).map(Agencies.Agency::name).orElse(organId));
    }
}
