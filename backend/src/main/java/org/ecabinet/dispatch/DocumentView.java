package org.ecabinet.dispatch;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.ecabinet.events.dispatch.Confidentiality;
import org.ecabinet.events.dispatch.DocumentFile;
import org.ecabinet.events.dispatch.RecallKind;
import org.ecabinet.events.dispatch.SignerInfo;
import org.ecabinet.events.dispatch.Urgency;

/**
 * The query model of one document: its register entry, the current version and its signature, and where
 * it stands at each recipient with the whole status timeline. Kept in {@code document_views}.
 */
public class DocumentView {

    public String documentId;
    public String senderOrganId;
    public String codeNumber;
    public String codeNotation;
    /** The id the document travels under on the axis: {@code {OrganId},{yyyy/MM/dd},{number}/{notation}}. */
    public String edxmlDocumentId;
    public String documentType;
    public String subject;
    public String promulgationPlace;
    public LocalDate promulgationDate;
    public SignerInfo signer;
    public Urgency urgency;
    public Confidentiality confidentiality;
    public LocalDate dueDate;
    public int currentVersion;
    public DocumentFile file;
    public int pageCount;
    public List<DocumentFile> attachments = new ArrayList<>();
    public String replacesDocumentId;
    public Signature signature;
    public String state;
    public Instant registeredAt;
    public Instant dispatchedAt;
    public List<String> dispatchedTo = new ArrayList<>();
    public List<Recipient> recipients = new ArrayList<>();
    public List<Step> timeline = new ArrayList<>();
    public RecallKind recallRequested;
    public String recallReason;
    public long version;
    public Instant updatedAt;

    /** The PAdES signature of one version: the signed PDF, who signed, with which certificate, when. */
    public record Signature(int version, DocumentFile signedFile, String signedBy, String signerName, String certificateSha256,
                            Instant signingTime) {
    }

    public static class Recipient {
        public String organId;
        public RecipientStatus status;
        public String statusCode;
        public Instant deliveredAt;
        public Instant acceptedAt;
        public Instant completedAt;
        public String signatureReport;
        public String assignee;
        public String reason;
        public Boolean recallAgreed;
    }

    /**
     * One line of the timeline: what happened ({@code kind}: REGISTERED, REVISED, SIGNED, DISPATCHED, and the
     * recipient statuses), its edXML status code if it has one, where, by whom, and its particulars (a reason,
     * an assignee, a signature report).
     */
    public record Step(Instant at, String kind, String code, String organId, String staffName, String detail) {
    }

    /** The PDF to show: the signed one when the current version is signed. */
    DocumentFile currentPdf() {
        return signature != null && signature.version() == currentVersion ? signature.signedFile() : file;
    }

    Optional<Recipient> recipient(String organId) {
        return recipients.stream().filter(r -> r.organId.equals(organId)).findFirst();
    }
}
