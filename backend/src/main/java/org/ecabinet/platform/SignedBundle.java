package org.ecabinet.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A zip of signed files, each beside its detached CMS signature ({@code .p7s}), with the trusted roots
 * ({@code ca.pem}) and a {@code verify.sh} that checks every signature with OpenSSL, one line per file,
 * and exits non-zero when any fails: anyone can check it without our software.
 */
public final class SignedBundle {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ZipOutputStream zip = new ZipOutputStream(out);
    private final StringBuilder script = new StringBuilder(
            "#!/bin/sh\n# Verifies every signed file with OpenSSL; prints one line per file.\nset -u\nstatus=0\n");

    /** {@code name} with its signature in {@code name + ".p7s"}. */
    public SignedBundle addSigned(String name, byte[] content, byte[] signature) {
        put(name, content);
        put(name + ".p7s", signature);
        script.append("if openssl cms -verify -binary -inform DER -purpose any -CAfile ca.pem -in ").append(name)
                .append(".p7s -content ").append(name).append(" -out /dev/null 2>/dev/null; then echo \"OK   ")
                .append(name).append("\"; else echo \"FAIL ").append(name).append("\"; status=1; fi\n");
        return this;
    }

    public byte[] finish(String trustAnchorsPem) {
        put("ca.pem", trustAnchorsPem.getBytes(StandardCharsets.US_ASCII));
        put("verify.sh", script.append("exit $status\n").toString().getBytes(StandardCharsets.UTF_8));
        try {
            zip.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private void put(String name, byte[] bytes) {
        try {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(bytes);
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
