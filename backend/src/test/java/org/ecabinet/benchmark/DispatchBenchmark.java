package org.ecabinet.benchmark;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javax.xml.parsers.DocumentBuilderFactory;

import org.ecabinet.CabinetApplication;
import org.ecabinet.identity.Users;
import org.ecabinet.platform.pdf.TextPdf;
import org.ecabinet.platform.storage.DocumentStore;
import org.ecabinet.signing.AgencySeals;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Official documents through the HTTP API: {@code threads} clerks of the Government Office each register,
 * sign (PAdES with the PIN) and dispatch documents to two agencies; then the edXML package of every
 * document is verified (its XML-DSig seal, in this JVM) and posted to the axis endpoint (parse, seal, PDF
 * signature, idempotent receipt: this node has already delivered its own dispatches to the agencies it serves, so
 * these are receipts of packages it knows). The whole backend runs in this JVM on a fresh embedded store:
 *
 * <pre>mvn -q -pl backend test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.ecabinet.benchmark.DispatchBenchmark [-Dthreads=8] [-Dwarmup=15] [-Dseconds=20]</pre>
 */
public final class DispatchBenchmark {

    public static void main(String[] args) {
        try {
            run();
        } catch (Throwable failed) {
            failed.printStackTrace(); // printed now: Axon's non-daemon threads would keep exec:java from reporting it
            System.exit(1);
        }
        System.exit(0); // the embedded store's and JobRunr's threads would keep exec:java waiting
    }

    private static void run() throws Exception {
        int threads = Integer.getInteger("threads", 8);
        Duration warmUp = Duration.ofSeconds(Integer.getInteger("warmup", 15));
        Duration measurement = Duration.ofSeconds(Integer.getInteger("seconds", 20));
        var data = Files.createTempDirectory("ecabinet-dispatch-benchmark-");
        System.out.printf("Dispatch benchmark: %d clerks, %d s warm-up and %d s measured, %d cores, store %s%n",
                threads, warmUp.toSeconds(), measurement.toSeconds(), Runtime.getRuntime().availableProcessors(), data);
        try (ConfigurableApplicationContext backend = new SpringApplicationBuilder(CabinetApplication.class).run(
                "--server.port=0", "--cabinet.mongodb.data-directory=" + data, "--cabinet.mongodb.uri=", "--spring.profiles.active=demo", "--logging.level.root=WARN")) {
            String base = "http://127.0.0.1:" + backend.getEnvironment().getProperty("local.server.port");
            String token = Http.token(base, "clerk.g22");
            DocumentStore files = backend.getBean(DocumentStore.class);
            // An upload belongs to its clerk and agency: a document can be registered with it by them only.
            var clerk = new DocumentStore.Uploader("dispatch", "clerk.g22",
                    backend.getBean(Users.class).find("clerk.g22").orElseThrow().organisationCode());
            byte[] pdf;
            try (TextPdf document = new TextPdf("Công văn")) {
                pdf = document.heading("CÔNG VĂN").paragraph("Kính gửi: Bộ Tài chính; UBND thành phố Hà Nội. ".repeat(40)).toBytes();
            }

            ConcurrentLinkedQueue<Long> signing = new ConcurrentLinkedQueue<>();
            List<String> ids = java.util.Collections.synchronizedList(new ArrayList<>());
            AtomicInteger next = new AtomicInteger();
            Phase dispatched = Phase.run("signed documents dispatched (register, PAdES with PIN, dispatch to 2 agencies)", threads, warmUp, measurement,
                    thread -> {
                        int n = next.getAndIncrement();
                        ids.add(dispatch(base, token, files.upload(clerk, "cong-van-" + n + ".pdf", pdf).documentId(), n, signing));
                    });

            List<byte[]> packages = new ArrayList<>();
            for (String id : ids) {
                packages.add(Http.bytes("GET", base + "/api/documents/" + id + "/edxml", token, null, null).body());
            }
            AgencySeals seals = backend.getBean(AgencySeals.class);
            DocumentBuilderFactory parser = DocumentBuilderFactory.newInstance();
            parser.setNamespaceAware(true);
            AtomicInteger nextPackage = new AtomicInteger();
            Phase verified = Phase.run("edXML seals verified (XML-DSig, chain to the trust store)", threads, warmUp, measurement, thread -> {
                var check = seals.check(parser.newDocumentBuilder().parse(new ByteArrayInputStream(packages.get(nextPackage.getAndIncrement() % packages.size()))));
                if (!check.valid()) {
                    throw new IllegalStateException(check.detail());
                }
            });

            // Each package is imported once (a second import is an idempotent receipt): the first third warms up.
            int warmUpPackages = packages.size() / 3;
            importAll(base, packages.subList(0, warmUpPackages), threads, "edXML packages imported (warm-up)");
            double importedPerSecond = importAll(base, packages.subList(warmUpPackages, packages.size()), threads, "edXML packages imported");

            System.out.println();
            System.out.println("DISPATCH " + dispatched.line());
            System.out.printf("  signing alone (PIN, PAdES, signature checked, stored): p50 %s, p99 %s; target ≥ 50 documents/s%n",
                    Http.millis(signing, 50), Http.millis(signing, 99));
            System.out.println("SEALS    " + verified.line());
            System.out.printf("IMPORT   edXML packages posted to the axis endpoint (hardened parse, seal, PDF signature, receipt), %d threads: %,.1f/s "
                    + "(%,d packages after %,d to warm up; %,d received first, %,d again; target ≥ 300/s for first receipts)%n",
                    threads, importedPerSecond, packages.size() - warmUpPackages, warmUpPackages, FIRST.get(), AGAIN.get());
            if (FIRST.get() == 0) {
                System.out.println("  every package had been received already: this node delivered its own dispatches to the recipients it serves; "
                        + "first receipts need packages from another node");
            }
        }
    }

    /** Packages received for the first time (202), and again (200: already received, nothing recorded twice). */
    private static final AtomicLong FIRST = new AtomicLong();
    private static final AtomicLong AGAIN = new AtomicLong();

    private static double importAll(String base, List<byte[]> packages, int threads, String what) throws Exception {
        AtomicLong imported = new AtomicLong();
        AtomicInteger nextImport = new AtomicInteger();
        return Measure.timed(what, packages.size(), () -> Measure.parallel(threads, () -> {
            for (int n; (n = nextImport.getAndIncrement()) < packages.size(); ) {
                try {
                    var response = Http.bytes("POST", base + "/api/axis/packages", null, "application/xml", packages.get(n));
                    if (response.statusCode() != 202 && response.statusCode() != 200) {
                        throw new IllegalStateException("Import answered " + response.statusCode() + ": " + new String(response.body()));
                    }
                    (response.statusCode() == 202 ? FIRST : AGAIN).incrementAndGet();
                    imported.incrementAndGet();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }), imported::get);
    }

    private static String dispatch(String base, String token, String fileId, int n, ConcurrentLinkedQueue<Long> signing) throws Exception {
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
        Http.call("POST", base + "/api/documents/" + id + "/dispatch", token, Map.of("recipients", List.of("000.00.00.G12", "000.00.00.H29")), 204);
        return id;
    }

    /**
     * The projection follows the events asynchronously: the next step reads it. Asked every 50 ms: asked every
     * 10 ms, eight clerks' polling took most of the backend's CPU (each request costs ~5 ms) and the benchmark
     * measured its own polling.
     */
    private static void await(String base, String token, String id, String state) throws Exception {
        while (true) {
            var response = Http.send("GET", base + "/api/documents/" + id, token, null);
            if (response.statusCode() == 200 && Http.JSON.readTree(response.body()).get("state").asText().equals(state)) {
                return;
            }
            Thread.sleep(50);
        }
    }
}
