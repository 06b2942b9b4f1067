package org.ecabinet.platform.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import org.ecabinet.support.IndependentVerifiers;
import org.junit.jupiter.api.Test;

/** A hash printed in a generated PDF is copied back exactly as the API gives it, whatever letters it holds. */
class TextPdfTest {

    @Test
    void aHashFullOfFsReadsBackAsPrinted() throws Exception {
        String hash = "ff".repeat(16) + "0ffe1ffb" + "f".repeat(24);
        byte[] pdf;
        try (TextPdf document = new TextPdf("Kiểm tra")) {
            pdf = document.paragraph("Tài liệu: báo cáo.pdf").code("SHA-256: " + hash).toBytes();
        }
        String text = IndependentVerifiers.pdftotext(pdf);
        assertThat(text).contains("SHA-256: " + hash).contains("Tài liệu: báo cáo.pdf");
    }
}
