package org.ecabinet.platform.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A plain A4 text document (headings, paragraphs, wrapped lines, page breaks) for official reports such as
 * ballot results and session minutes. The DejaVu fonts are embedded (subset) because they carry every
 * Vietnamese diacritic; the standard PDF fonts do not.
 */
public final class TextPdf implements AutoCloseable {

    private static final float MARGIN = 56;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

    private final PDDocument document = new PDDocument();
    private final PDType0Font regular;
    private final PDType0Font bold;
    private final PDFont monospace = new PDType1Font(Standard14Fonts.FontName.COURIER);
    private PDPageContentStream page;
    private float y;

    public TextPdf(String title) {
        regular = font("/fonts/DejaVuSans.ttf");
        bold = font("/fonts/DejaVuSans-Bold.ttf");
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(title);
        info.setProducer("e-Cabinet");
        newPage();
    }

    public TextPdf heading(String text) {
        space(6);
        return lines(bold, 14, text);
    }

    public TextPdf subheading(String text) {
        space(4);
        return lines(bold, 11, text);
    }

    public TextPdf paragraph(String text) {
        return lines(regular, 10, text);
    }

    /**
     * An identifier or a hash, in Courier: copied from the PDF it reads exactly as printed (the text fonts
     * would join "ff" or "fi" into one ligature glyph, and a copied hash would no longer match). ASCII only.
     */
    public TextPdf code(String text) {
        return lines(monospace, 9, text == null ? "" : text.replaceAll("[^\\x20-\\x7E]", "?"));
    }

    public TextPdf space(float points) {
        y -= points;
        return this;
    }

    public byte[] toBytes() {
        try {
            page.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            document.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TextPdf lines(PDFont font, float size, String text) {
        float leading = size * 1.4f;
        for (String line : wrap(font, size, text == null ? "" : text)) {
            if (y - leading < MARGIN) {
                newPage();
            }
            y -= leading;
            try {
                page.beginText();
                page.setFont(font, size);
                page.newLineAtOffset(MARGIN, y);
                page.showText(line);
                page.endText();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return this;
    }

    private static List<String> wrap(PDFont font, float size, String text) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split(" ")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (width(font, size, candidate) > WIDTH && !line.isEmpty()) {
                    lines.add(line.toString());
                    line = new StringBuilder(word);
                } else {
                    line = new StringBuilder(candidate);
                }
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private static float width(PDFont font, float size, String text) {
        try {
            return font.getStringWidth(text) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void newPage() {
        try {
            if (page != null) {
                page.close();
            }
            PDPage next = new PDPage(PDRectangle.A4);
            document.addPage(next);
            page = new PDPageContentStream(document, next);
            y = PDRectangle.A4.getHeight() - MARGIN;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private PDType0Font font(String resource) {
        try (InputStream in = TextPdf.class.getResourceAsStream(resource)) {
            return PDType0Font.load(document, in);
        } catch (IOException e) {
            throw new UncheckedIOException("Missing font " + resource, e);
        }
    }
}
