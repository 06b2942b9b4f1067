package org.ecabinet.ui;

import java.util.function.BiConsumer;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.server.streams.UploadHandler;

/**
 * An upload of PDFs (20 MB at most) that speaks the user's language; each finished file is handed to
 * {@code received} off the UI thread, which must use {@code UI.access} to change the page.
 */
public final class PdfUpload {

    public static final int MAX_BYTES = 20 * 1024 * 1024;

    private PdfUpload() {
    }

    public static Upload create(String id, BiConsumer<String, byte[]> received) {
        Upload upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> received.accept(metadata.fileName(), bytes)));
        upload.setId(id);
        upload.setAcceptedFileTypes("application/pdf", ".pdf");
        upload.setMaxFileSize(MAX_BYTES);
        UI ui = UI.getCurrent();
        if (ui != null) {
            upload.setI18n(i18n(ui));
        }
        return upload;
    }

    private static UploadI18N i18n(UI ui) {
        UploadI18N i18n = new UploadI18N();
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne(ui.getTranslation("upload.dropOne")).setMany(ui.getTranslation("upload.dropMany")));
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne(ui.getTranslation("upload.addOne")).setMany(ui.getTranslation("upload.addMany")));
        i18n.setError(new UploadI18N.Error().setTooManyFiles(ui.getTranslation("upload.tooMany"))
                .setFileIsTooBig(ui.getTranslation("upload.tooBig")).setIncorrectFileType(ui.getTranslation("upload.notPdf")));
        i18n.setUploading(new UploadI18N.Uploading()
                .setStatus(new UploadI18N.Uploading.Status().setConnecting(ui.getTranslation("upload.connecting"))
                        .setStalled(ui.getTranslation("upload.stalled")).setProcessing(ui.getTranslation("upload.processing"))
                        .setHeld(ui.getTranslation("upload.held")))
                .setRemainingTime(new UploadI18N.Uploading.RemainingTime().setPrefix(ui.getTranslation("upload.remaining"))
                        .setUnknown(ui.getTranslation("upload.remainingUnknown")))
                .setError(new UploadI18N.Uploading.Error().setServerUnavailable(ui.getTranslation("upload.serverUnavailable"))
                        .setUnexpectedServerError(ui.getTranslation("upload.serverError")).setForbidden(ui.getTranslation("upload.forbidden"))));
        i18n.setUnits(new UploadI18N.Units(java.util.List.of("B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB")));
        return i18n;
    }
}
