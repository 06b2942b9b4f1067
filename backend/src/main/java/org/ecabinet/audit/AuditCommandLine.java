package org.ecabinet.audit;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;

import org.ecabinet.platform.storage.StoredEvents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The auditor's command line, without starting the backend (see {@code docker/audit.sh}):
 * <pre>
 *   verify-proof PROOF.json CA.pem         check an inclusion proof offline
 *   verify-checkpoints DIR CA.pem          check the seals and time-stamps of exported checkpoints offline
 *   verify URL USER PASSWORD               ask a running backend to verify its whole store; print the report
 * </pre>
 * Exit code 0: everything holds; 1: something does not (the output says what); 2: wrong usage.
 */
public final class AuditCommandLine {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private AuditCommandLine() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args));
    }

    /** The exit code; input that cannot be read is said in one line (exit code 2), never with a stack trace. */
    static int run(String... args) throws Exception {
        try {
            if (args.length == 3 && args[0].equals("verify-proof")) {
                return verifyProof(Path.of(args[1]), Path.of(args[2])) ? 0 : 1;
            } else if (args.length == 3 && args[0].equals("verify-checkpoints")) {
                return verifyCheckpoints(Path.of(args[1]), Path.of(args[2])) ? 0 : 1;
            } else if (args.length == 4 && args[0].equals("verify")) {
                return verifyStore(args[1], args[2], args[3]) ? 0 : 1;
            }
        } catch (UnreadableInput e) {
            System.err.println("audit: " + e.getMessage());
            return 2;
        }
        System.err.println("""
                usage: audit verify-proof PROOF.json CA.pem
                       audit verify-checkpoints DIR CA.pem
                       audit verify BACKEND_URL USER PASSWORD""");
        return 2;
    }

    /** A file given on the command line that is missing or not what it should be. */
    static final class UnreadableInput extends Exception {
        UnreadableInput(String message) {
            super(message);
        }
    }

    static boolean verifyProof(Path file, Path trustAnchorsPem) throws Exception {
        List<X509Certificate> anchors = anchors(trustAnchorsPem);
        InclusionProof proof;
        try {
            proof = JSON.readValue(readable(file, "proof"), InclusionProof.class);
        } catch (java.io.IOException e) {
            throw new UnreadableInput(file + " is not an inclusion proof (GET /api/audit/events/{global}/proof): " + firstLine(e));
        }
        StoredEvents.StoredEvent event = proof.event();
        System.out.printf("Event %d: %s #%d of %s (%s)%n", event.global(), event.eventType(), event.sequence(), event.aggregateId(), event.timestamp());
        boolean holds = true;
        for (ProofCheck.Step step : ProofCheck.check(proof, anchors)) {
            System.out.printf("%-4s %-10s %s%n", step.holds() ? "OK" : "FAIL", step.what(), step.detail());
            holds &= step.holds();
        }
        return holds;
    }

    static boolean verifyCheckpoints(Path directory, Path trustAnchorsPem) throws Exception {
        List<X509Certificate> anchors = anchors(trustAnchorsPem);
        CheckpointStore.Found found = CheckpointStore.exportedIn(directory);
        List<Checkpoint> checkpoints = found.checkpoints();
        found.unreadable().forEach((treeSize, why) -> System.out.printf("FAIL checkpoint %d: %s%n", treeSize, why));
        boolean holds = !checkpoints.isEmpty() && found.unreadable().isEmpty();
        long previous = 0;
        for (Checkpoint checkpoint : checkpoints) {
            byte[] statement = checkpoint.statementBytes();
            String seal = ProofCheck.checkSeal(statement, checkpoint.seal(), anchors);
            String stamp = ProofCheck.checkStamp(checkpoint.timeStamp(), Ledger.sha256(statement), anchors);
            String order = checkpoint.treeSize() > previous ? null : "tree sizes do not grow";
            boolean ok = seal == null && stamp == null && order == null;
            System.out.printf("%-4s checkpoint %d root %s at %s%s%n", ok ? "OK" : "FAIL", checkpoint.treeSize(), checkpoint.rootHash(),
                    checkpoint.time(), ok ? "" : ": " + String.join("; ", java.util.stream.Stream.of(seal, stamp, order)
                            .filter(java.util.Objects::nonNull).toList()));
            holds &= ok;
            previous = checkpoint.treeSize();
        }
        if (checkpoints.isEmpty()) {
            System.out.println("FAIL no checkpoint-N.json in " + directory);
        }
        return holds;
    }

    static boolean verifyStore(String url, String user, String password) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(url + "/api/auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("username", user, "password", password)))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (login.statusCode() != 200) {
            System.out.println("FAIL sign-in: " + login.statusCode() + " " + login.body());
            return false;
        }
        String token = JSON.readTree(login.body()).get("token").asText();
        System.out.println("Verifying the whole store (this reads every event)...");
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url + "/api/audit/integrity"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            System.out.println("FAIL verification: " + response.statusCode() + " " + response.body());
            return false;
        }
        JsonNode report = JSON.readTree(response.body());
        System.out.printf("%d events in %d commits; ledger of %d indexes; %d checkpoints checked (%d exported)%n",
                report.at("/chains/events").asLong(), report.at("/chains/commits").asLong(), report.get("ledgerSize").asLong(),
                report.get("checkpointsVerified").asInt(), report.get("checkpointsExported").asInt());
        if (report.get("intact").asBoolean()) {
            System.out.println("OK   intact");
            return true;
        }
        System.out.println("FAIL first problem: " + report.get("firstProblem"));
        report.get("checkpointProblems").forEach(p -> System.out.println("FAIL checkpoint " + p.get("treeSize") + ": " + p.get("detail").asText()));
        return false;
    }

    private static List<X509Certificate> anchors(Path pem) throws Exception {
        byte[] bytes = readable(pem, "trust anchors");
        String hint = " (expected PEM certificates, as GET /api/signing/trust-anchors.pem serves them)";
        List<X509Certificate> anchors;
        try {
            anchors = CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(bytes)).stream()
                    .map(X509Certificate.class::cast).toList();
        } catch (java.security.cert.CertificateException e) {
            throw new UnreadableInput(pem + " holds no readable certificate" + hint + ": " + firstLine(e));
        }
        if (anchors.isEmpty()) {
            throw new UnreadableInput(pem + " holds no certificate" + hint);
        }
        return anchors;
    }

    private static byte[] readable(Path file, String what) throws UnreadableInput {
        try {
            return Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            throw new UnreadableInput("cannot read the " + what + " file " + file + ": " + e.getClass().getSimpleName());
        }
    }

    private static String firstLine(Exception e) {
        String message = String.valueOf(e.getMessage());
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
