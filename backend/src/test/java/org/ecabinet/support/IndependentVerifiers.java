package org.ecabinet.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Tools that are not ours, run on our signatures: OpenSSL for CMS, poppler's pdfsig (with an NSS database
 * that trusts our CA) for PDFs. Missing tools fail the test: CI installs them.
 */
public final class IndependentVerifiers {

    private IndependentVerifiers() {
    }

    public record Result(int exitCode, String output) {
    }

    /** {@code openssl cms -verify} of a detached DER signature; exit code 0 means valid. */
    public static Result openssl(byte[] content, byte[] p7s, String caPem) throws IOException {
        Path dir = Files.createTempDirectory("openssl-");
        Files.write(dir.resolve("content.bin"), content);
        Files.write(dir.resolve("signature.p7s"), p7s);
        Files.writeString(dir.resolve("ca.pem"), caPem);
        return run(dir, List.of("openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", "signature.p7s",
                "-content", "content.bin", "-CAfile", "ca.pem", "-purpose", "any", "-out", "/dev/null"));
    }

    /** pdfsig's report; it exits 0 even on a digest mismatch, so callers read the output. */
    public static Result pdfsig(byte[] pdf, String caPem) throws IOException {
        Path dir = Files.createTempDirectory("pdfsig-");
        Files.write(dir.resolve("document.pdf"), pdf);
        Files.writeString(dir.resolve("ca.pem"), caPem);
        Path nss = Files.createDirectory(dir.resolve("nss"));
        assertThat(run(dir, List.of("certutil", "-N", "-d", "sql:" + nss, "--empty-password")).exitCode()).isZero();
        assertThat(run(dir, List.of("certutil", "-A", "-d", "sql:" + nss, "-n", "ecabinet-ca", "-t", "CT,C,C", "-i", "ca.pem")).exitCode()).isZero();
        return run(dir, List.of("pdfsig", "-nssdir", "sql:" + nss, "document.pdf"));
    }

    /** The text of a PDF as poppler's {@code pdftotext} extracts it: what a reader copies from the page. */
    public static String pdftotext(byte[] pdf) throws IOException {
        Path dir = Files.createTempDirectory("pdftotext-");
        Files.write(dir.resolve("document.pdf"), pdf);
        Result result = run(dir, List.of("pdftotext", "-enc", "UTF-8", "document.pdf", "document.txt"));
        assertThat(result.exitCode()).as(result.output()).isZero();
        return Files.readString(dir.resolve("document.txt"));
    }

    /** {@code openssl ts -verify} of a time-stamp token over {@code data}; valid when the output says "Verification: OK". */
    public static Result opensslTimeStamp(byte[] data, byte[] token, String caPem) throws IOException {
        Path dir = Files.createTempDirectory("openssl-ts-");
        Files.write(dir.resolve("data.bin"), data);
        Files.write(dir.resolve("token.der"), token);
        Files.writeString(dir.resolve("ca.pem"), caPem);
        return run(dir, List.of("openssl", "ts", "-verify", "-data", "data.bin", "-in", "token.der", "-token_in", "-CAfile", "ca.pem"));
    }

    /** {@code xmlsec1 --verify} of an enveloped XML-DSig signature against our trust anchors; exit code 0 means valid. */
    public static Result xmlsec1(byte[] xml, String caPem) throws IOException {
        Path dir = Files.createTempDirectory("xmlsec1-");
        Files.write(dir.resolve("package.xml"), xml);
        Files.writeString(dir.resolve("ca.pem"), caPem);
        return run(dir, List.of("xmlsec1", "--verify", "--trusted-pem", "ca.pem", "package.xml"));
    }

    /** A zip unpacked into a new directory. */
    public static Path unzip(byte[] zip) throws IOException {
        Path dir = Files.createTempDirectory("bundle-");
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path file = dir.resolve(entry.getName()).normalize();
                if (!file.startsWith(dir)) {
                    throw new IOException("Zip entry outside the directory: " + entry.getName());
                }
                Files.createDirectories(file.getParent());
                Files.write(file, in.readAllBytes());
            }
        }
        return dir;
    }

    public static Result run(Path dir, List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("Timed out: " + command);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
