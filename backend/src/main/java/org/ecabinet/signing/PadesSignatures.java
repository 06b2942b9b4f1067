package org.ecabinet.signing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;

/**
 * PAdES signatures (sub-filter ETSI.CAdES.detached) with Apache PDFBox: an incremental update adds a
 * signature dictionary whose /Contents is a detached CMS over every byte of the file but the /Contents
 * hole itself.
 */
final class PadesSignatures {

    private PadesSignatures() {
    }

    static byte[] sign(byte[] pdf, PrivateKey key, List<X509Certificate> chain, String reason, String location, Instant at) {
        try (PDDocument document = Loader.loadPDF(pdf); SignatureOptions options = new SignatureOptions()) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
            signature.setName(Pki.commonName(chain.get(0)));
            signature.setReason(reason);
            signature.setLocation(location);
            Calendar time = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
            time.setTimeInMillis(at.toEpochMilli());
            signature.setSignDate(time);
            options.setPreferredSignatureSize(SignatureOptions.DEFAULT_SIGNATURE_SIZE * 2);
            document.addSignature(signature, content -> CmsSignatures.signDetached(content.readAllBytes(), key, chain, null), options);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.saveIncremental(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalArgumentException("Not a PDF that can be signed.", e);
        }
    }

    /** One signature found in a PDF, with the bytes it covers. */
    record Embedded(byte[] cms, byte[] signedContent, Instant signDate, boolean coversWholeFile) {
    }

    static List<Embedded> extract(byte[] pdf) throws IOException {
        List<Embedded> found = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (PDSignature signature : document.getSignatureDictionaries()) {
                int[] range = signature.getByteRange();
                boolean whole = range.length == 4 && range[0] == 0 && (long) range[2] + range[3] == pdf.length;
                Instant date = signature.getSignDate() == null ? null : signature.getSignDate().toInstant();
                found.add(new Embedded(withoutPadding(signature.getContents(pdf)), signature.getSignedContent(pdf), date, whole));
            }
        }
        return found;
    }

    /** /Contents is a fixed-size hole: the DER signature is followed by zero padding. */
    private static byte[] withoutPadding(byte[] contents) throws IOException {
        try (var in = new org.bouncycastle.asn1.ASN1InputStream(contents)) {
            var object = in.readObject();
            return object == null ? new byte[0] : object.getEncoded();
        }
    }
}
