package org.ecabinet.dispatch;

import java.time.LocalDate;
import java.util.List;

import org.ecabinet.events.dispatch.Confidentiality;
import org.ecabinet.events.dispatch.RecallKind;
import org.ecabinet.events.dispatch.Urgency;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Bodies of the document API, validated field by field before any command is sent. */
final class DispatchRequests {

    private DispatchRequests() {
    }

    static final String ORGAN_ID = "^\\d{3}\\.\\d{2}\\.\\d{2}\\.[A-Z]\\d{2}$";

    record Signer(@Size(max = 200) String competence, @NotBlank @Size(max = 200) String position, @NotBlank @Size(max = 200) String fullName) {
    }

    /** {@code fileId}: the PDF uploaded to {@code /api/documents/files}; {@code attachmentIds} likewise. */
    record NewDocument(@NotBlank @Size(max = 20) @Pattern(regexp = "^[0-9]+$", message = "digits only") String codeNumber,
                       @NotBlank @Size(max = 100) String codeNotation,
                       @NotBlank @Size(max = 100) String documentType,
                       @NotBlank @Size(max = 2000) String subject,
                       @NotBlank @Size(max = 200) String promulgationPlace,
                       @NotNull LocalDate promulgationDate,
                       @NotNull @Valid Signer signer,
                       @NotNull Urgency urgency,
                       @NotNull Confidentiality confidentiality,
                       LocalDate dueDate,
                       @NotBlank @Size(max = 64) String fileId,
                       @Size(max = 20) List<@NotBlank @Size(max = 64) String> attachmentIds,
                       @Size(max = 64) String replacesDocumentId) {
    }

    record Revision(@NotBlank @Size(max = 64) String fileId, @NotBlank @Size(max = 1000) String reason) {
    }

    record Dispatch(@NotEmpty @Size(max = 200) List<@NotBlank @Pattern(regexp = ORGAN_ID, message = "an organisation code like 000.00.00.G22") String> recipients) {
    }

    record Reason(@NotBlank @Size(max = 2000) String reason) {
    }

    record Assignment(@NotBlank @Size(max = 200) String assignee) {
    }

    record Recall(@NotNull RecallKind kind, @NotBlank @Size(max = 2000) String reason) {
    }

    record RecallAnswer(@NotNull Boolean agreed, @Size(max = 2000) String reason) {
    }

    record Created(String id) {
    }

    /** One line of an inbox or outbox. */
    record DocumentSummary(String documentId, String senderOrganId, String number, String documentType, String subject,
                           Urgency urgency, String state, java.time.Instant dispatchedAt, String myStatus, LocalDate dueDate) {
    }
}
