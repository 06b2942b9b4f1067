package org.ecabinet.benchmark;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javax.xml.parsers.DocumentBuilderFactory;

import org.ecabinet.CabinetApplication;
import org.ecabinet.platform.pdf.TextPdf;
import org.ecabinet.platform.storage.DocumentStore;
import org.ecabinet.signing.AgencySeals;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Official documents through the HTTP API: {@code threads} clerks of the Government Office each register,
 * sign (PAdES with the PIN) and dispatch documents to two agencies; then the edXML package of every
 * document is verified (its XML-DSig seal, in this JVM) and imported through the axis endpoint (parse,
 * seal, PDF signature, idempotent receipt). The whole backend runs in this JVM on a fresh embedded store:
 *
 * <pre>mvn -q -pl backend test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.ecabinet.benchmark.DispatchBenchmark [-Dthreads=8] [-Ddocuments=200]</pre>
 */
public final class DispatchBenchmark {

    public static void main(String[] args) throws Exception {
        int threads = Integer.getInteger("threads", 8);
        int count = Integer.getInteger("documents", 200);
        var data = Files.createTempDirectory("ecabinet-dispatch-benchmark-");
        System.out.printf("Dispatch benchmark: %d documents by %d client threads, store %s%n", count, threads, data);
        try (ConfigurableApplicationContext backend = new SpringApplicationBuilder(CabinetApplication.class).run(
                "--server.port=0", "--cabinet.mongodb.data-directory=" + data, "--cabinet.mongodb.uri=", "--spring.profiles.active=demo", "--logging.level.root=WARN")) {
            String base = "http://127.0.0.1:" + backend.getEnvironment().getProperty("local.server.port");
            String token = Http.token(base, "clerk.g22");
            DocumentStore files = backend.getBean(DocumentStore.class);
            byte[] pdf;
            try (TextPdf document = new TextPdf("Công văn")) {
                pdf = document.heading("CÔNG VĂN").paragraph("Kính gửi: Bộ Tài chính; UBND thành phố Hà Nội. ".repeat(40)).toBytes();
            }

            ConcurrentLinkedQueue<Long> signing = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<Long> dispatching = new ConcurrentLinkedQueue<>();
            List<String> ids = java.util.Collections.synchronizedList(new ArrayList<>());
            AtomicInteger next = new AtomicInteger();
            double dispatchedPerSecond = Measure.timed("signed documents dispatched", count, () -> Measure.parallel(threads, () -> {
                for (int n; (n = next.getAndIncrement()) < count; ) {
                    try {
                        ids.add(dispatch(base, token, files.store("benchmark", "cong-van-" + n + ".pdf", pdf).documentId(), n, signing, dispatching));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            }), ids::size);

            List<byte[]> packages = new ArrayList<>();
            for (String id : ids) {
                packages.add(Http.bytes("GET", base + "/api/documents/" + id + "/edxml", token, null, null).body());
            }
            AgencySeals seals = backend.getBean(AgencySeals.class);
            DocumentBuilderFactory parser = DocumentBuilderFactory.newInstance();
            parser.setNamespaceAware(true);
            AtomicLong verified = new AtomicLong();
            AtomicInteger nextPackage = new AtomicInteger();
            double verifiedPerSecond = Measure.timed("edXML seals verified", packages.size(), () -> Measure.parallel(threads, () -> {
                for (int n; (n = nextPackage.getAndIncrement()) < packages.size(); ) {
                    try {
                        var check = seals.check(parser.newDocumentBuilder().parse(new ByteArrayInputStream(packages.get(n))));
                        if (!check.valid()) {
                            throw new IllegalStateException(check.detail());
                        }
                        verified.incrementAndGet();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            }), verified::get);

            AtomicLong imported = new AtomicLong();
            AtomicInteger nextImport = new AtomicInteger();
            double importedPerSecond = Measure.timed("edXML packages imported", packages.size(), () -> Measure.parallel(threads, () -> {
                for (int n; (n = nextImport.getAndIncrement()) < packages.size(); ) {
                    try {
                        var response = Http.bytes("POST", base + "/api/axis/packages", null, "application/xml", packages.get(n));
                        if (response.statusCode() != 202) {
                            throw new IllegalStateException("Import answered " + response.statusCode() + ": " + new String(response.body()));
                        }
                        imported.incrementAndGet();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            }), imported::get);

            System.out.println();
            System.out.printf("SIGNED DOCUMENTS DISPATCHED through HTTP (register, PAdES sign with PIN, dispatch to 2 agencies), %d threads: %,.1f/s (%,d)%n",
                    threads, dispatchedPerSecond, ids.size());
            System.out.printf("  latency of signing (PIN, PAdES, signature checked, stored): p50 %s, p99 %s; of dispatching: p50 %s, p99 %s%n",
                    Http.millis(signing, 50), Http.millis(signing, 99), Http.millis(dispatching, 50), Http.millis(dispatching, 99));
            System.out.printf("EDXML SEALS VERIFIED (XML-DSig ECDSA-SHA256 over a %,d-byte package, chain to the trust store), %d threads: %,.0f/s%n",
                    packages.get(0).length, threads, verifiedPerSecond);
            System.out.printf("EDXML PACKAGES IMPORTED through HTTP (hardened parse, seal, PDF signature, receipt recorded), %d threads: %,.1f/s%n",
                    threads, importedPerSecond);
        }
        System.exit(0); // the embedded store's and JobRunr's threads would keep exec:java waiting
    }

    private static String dispatch(String base, String token, String fileId, int n, ConcurrentLinkedQueue<Long> signing,
                                   ConcurrentLinkedQueue<Long> dispatching) throws Exception {
        Map<String, Object> document = new java.util.HashMap<>(Map.of("codeNumber", String.valueOf(10_000 + n), "codeNotation", "VPCP-TTĐT",
                "documentType", "Công văn", "subject", "V/v thử tải hệ thống " + n, "promulgationPlace", "Hà Nội",
                "promulgationDate", java.time.LocalDate.now().toString(), "urgency", "NORMAL", "confidentiality", "ORDINARY", "fileId", fileId));
        document.put("signer", Map.of("position", "Phó Chủ nhiệm", "fullName", "Nguyễn Văn A (demo)"));
        String id = Http.call("POST", base + "/api/documents", token, document, 201).get("id").asText();
        await(base, token, id, "REGISTERED");
        long start = System.nanoTime();
        Http.call("POST", base + "/api/documents/" + id + "/signature", token, Map.of("pin", "123456"), 204);
        signing.add(System.nanoTime() - start);
        await(base, token, id, "SIGNED");
        start = System.nanoTime();
        Http.call("POST", base + "/api/documents/" + id + "/dispatch", token, Map.of("recipients", List.of("000.00.00.G12", "000.00.00.H29")), 204);
        dispatching.add(System.nanoTime() - start);
        return id;
    }

    /** The projection follows the events asynchronously: the next step reads it. */
    private static void await(String base, String token, String id, String state) throws Exception {
        while (true) {
            var response = Http.send("GET", base + "/api/documents/" + id, token, null);
            if (response.statusCode() == 200 && Http.JSON.readTree(response.body()).get("state").asText().equals(state)) {
                return;
            }
            Thread.sleep(10);
        }
    }
}
