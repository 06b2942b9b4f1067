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
        if (args.length == 3 && args[0].equals("verify-proof")) {
            System.exit(verifyProof(Path.of(args[1]), Path.of(args[2])) ? 0 : 1);
        } else if (args.length == 3 && args[0].equals("verify-checkpoints")) {
            System.exit(verifyCheckpoints(Path.of(args[1]), Path.of(args[2])) ? 0 : 1);
        } else if (args.length == 4 && args[0].equals("verify")) {
            System.exit(verifyStore(args[1], args[2], args[3]) ? 0 : 1);
        }
        System.err.println("""
                usage: audit verify-proof PROOF.json CA.pem
                       audit verify-checkpoints DIR CA.pem
                       audit verify BACKEND_URL USER PASSWORD""");
        System.exit(2);
    }

    static boolean verifyProof(Path file, Path trustAnchorsPem) throws Exception {
        List<X509Certificate> anchors = anchors(trustAnchorsPem);
        InclusionProof proof = JSON.readValue(file.toFile(), InclusionProof.class);
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
        return CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(Files.readAllBytes(pem))).stream()
                .map(X509Certificate.class::cast).toList();
    }
}
