package org.ecabinet.ui.dispatch;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The backend's document and report API as this UI reads it. */
public final class DispatchModels {

    private DispatchModels() {
    }

    public record Agency(String organId, String name) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DocumentSummary(String documentId, String senderOrganId, String number, String documentType, String subject, String urgency,
                                  String state, Instant dispatchedAt, String myStatus, LocalDate dueDate) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record File(String fileId, String fileName, String sha256, long size) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Signer(String competence, String position, String fullName) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Signature(int version, File signedFile, String signedBy, String signerName, String certificateSha256, Instant signingTime) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Recipient(String organId, String status, String statusCode, Instant deliveredAt, Instant acceptedAt, String signatureReport,
                            String assignee, String reason, Boolean recallAgreed) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Step(Instant at, String kind, String code, String organId, String staffName, String detail) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Document(String documentId, String senderOrganId, String codeNumber, String codeNotation, String documentType, String subject,
                           String promulgationPlace, LocalDate promulgationDate, Signer signer, String urgency, String confidentiality,
                           LocalDate dueDate, int currentVersion, int pageCount, Signature signature, String state, List<String> dispatchedTo,
                           List<Recipient> recipients, List<Step> timeline, String recallRequested, String recallReason, long version) {

        public Optional<Recipient> recipient(String organId) {
            return recipients.stream().filter(r -> r.organId().equals(organId)).findFirst();
        }

        public boolean signedCurrentVersion() {
            return signature != null && signature.version() == currentVersion;
        }
    }

    public record NewDocument(String codeNumber, String codeNotation, String documentType, String subject, String promulgationPlace,
                              LocalDate promulgationDate, Signer signer, String urgency, String confidentiality, LocalDate dueDate, String fileId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AgencyFigures(String organId, String name, long sent, long signed, Double signedShare, long dispatched, long received,
                                Long medianMinutesToAcceptance, long overdue, long pagesSaved) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Report(Instant from, Instant to, List<AgencyFigures> agencies) {
    }
}
