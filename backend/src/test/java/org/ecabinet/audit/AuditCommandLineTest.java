package org.ecabinet.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The offline tools say in one line what is wrong with their input, and exit with 2. */
class AuditCommandLineTest {

    @TempDir
    Path directory;
    private final ByteArrayOutputStream errors = new ByteArrayOutputStream();
    private PrintStream standardError;

    @BeforeEach
    void captureErrors() {
        standardError = System.err;
        System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreErrors() {
        System.setErr(standardError);
    }

    String said() {
        return errors.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aProblemAnswerSavedAsTheTrustAnchorsIsNamedAsSuch() throws Exception {
        Path ca = Files.writeString(directory.resolve("ca.pem"), "{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401}");
        Path proof = Files.writeString(directory.resolve("proof.json"), "{}");
        assertThat(AuditCommandLine.run("verify-proof", proof.toString(), ca.toString())).isEqualTo(2);
        assertThat(said()).startsWith("audit: " + ca + " holds no").contains("trust-anchors.pem").doesNotContain("\tat ");
        assertThat(said().strip().lines()).hasSize(1);
    }

    @Test
    void aMissingFileIsNamed() throws Exception {
        assertThat(AuditCommandLine.run("verify-checkpoints", directory.toString(), directory.resolve("none.pem").toString())).isEqualTo(2);
        assertThat(said()).startsWith("audit: cannot read the trust anchors file").doesNotContain("\tat ");
    }

    @Test
    void aProofThatIsNoProofIsNamed() throws Exception {
        Path ca = directory.resolve("ca.pem");
        Files.writeString(ca, org.ecabinet.signing.TestCertificates.selfSignedPem());
        Path proof = Files.writeString(directory.resolve("proof.json"), "<html>not json</html>");
        assertThat(AuditCommandLine.run("verify-proof", proof.toString(), ca.toString())).isEqualTo(2);
        assertThat(said()).startsWith("audit: " + proof + " is not an inclusion proof").doesNotContain("\tat ");
    }

    @Test
    void wrongUsageIsExplained() throws Exception {
        assertThat(AuditCommandLine.run("verify-proof")).isEqualTo(2);
        assertThat(said()).contains("usage: audit verify-proof PROOF.json CA.pem");
    }
}
