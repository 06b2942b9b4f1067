package org.ecabinet.dispatch;

import org.ecabinet.dispatch.DispatchCommands.AcceptDocument;
import org.ecabinet.dispatch.DispatchCommands.SignDocument;
import org.ecabinet.dispatch.DispatchCommands.Staff;
import org.ecabinet.events.dispatch.DocumentFile;
import org.ecabinet.platform.NotFound;
import org.ecabinet.platform.storage.DocumentStore;
import org.ecabinet.signing.RemoteSigning;
import org.ecabinet.signing.SignatureVerifier;
import org.ecabinet.signing.VerificationReport;
import org.springframework.stereotype.Component;

/** Signing a document's PDF for its sender (PAdES, the signer's PIN) and checking it for a recipient. */
@Component
class DocumentSignatures {

    private final DocumentStore files;
    private final RemoteSigning signing;
    private final SignatureVerifier verifier;

    DocumentSignatures(DocumentStore files, RemoteSigning signing, SignatureVerifier verifier) {
        this.files = files;
        this.signing = signing;
        this.verifier = verifier;
    }

    /** Signs {@code file} (the current version) with the staff member's key and stores the signed PDF. */
    SignDocument sign(String documentId, Staff staff, int version, DocumentFile file, String reason, char[] pin) {
        byte[] signed = signing.signPdf(staff.id(), pin, read(file), reason);
        VerificationReport report = verifier.verifyPdf(signed).get(0);
        var stored = files.store(DispatchController.attachedTo(documentId), file.fileName().replaceAll("(?i)\\.pdf$", "") + ".signed.pdf", signed);
        return new SignDocument(documentId, staff, version, new DocumentFile(stored.documentId(), stored.fileName(), stored.sha256(), stored.size()),
                report.certificateSha256(), report.signingTime());
    }

    /** A recipient's receipt, with the verification report of the PDF's signature. */
    AcceptDocument receive(String documentId, Staff staff, DocumentFile signedFile) {
        VerificationReport report = verifier.verifyPdf(read(signedFile)).get(0);
        String summary = report.indication() + (report.subIndication() == null ? "" : "/" + report.subIndication())
                + (report.signer() == null ? "" : ", " + report.signer()) + (report.signingTime() == null ? "" : ", " + report.signingTime());
        return new AcceptDocument(documentId, staff, report.passed(), summary);
    }

    private byte[] read(DocumentFile file) {
        return files.read(file.fileId()).orElseThrow(() -> new NotFound("The document's PDF is missing."));
    }
}
