package org.ecabinet.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.ecabinet.support.ChildBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store that lost its latest writes (a file truncated after a clean stop, an older backup put back) or
 * whose file is damaged is never served silently: the backend refuses to start, saying why in a few lines.
 */
class DamagedStoreTest {

    @Test
    void aTruncatedStoreIsRefusedAtStartUpAndADamagedHeaderSaysSoInOneLine(@TempDir Path data) throws Exception {
        int port = ChildBackend.freePort();
        Path exports = data.resolve("ledger-export");
        String[] settings = {"--cabinet.ledger.export-directory=" + exports, "--cabinet.ledger.checkpoint-interval=PT1S",
                "--cabinet.ledger.fold-interval=PT0.2S"};
        try (ChildBackend backend = ChildBackend.start(data, port, "first.log", settings)) {
            String token = backend.token("secretariat");
            for (int i = 0; i < 30; i++) {
                assertThat(backend.post("/api/sessions", token, "{\"title\":\"Phiên họp " + i + "\",\"kind\":\"REGULAR\",\"startsAt\":\"2030-01-01T02:00:00Z\"}")
                        .statusCode()).isEqualTo(201);
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> latestExported(exports) >= 60);
            backend.stop();
        }
        Path file = data.resolve("store").resolve("ecabinet.mv");
        try (RandomAccessFile store = new RandomAccessFile(file.toFile(), "rw")) {
            store.setLength(store.length() / 2);
        }

        String truncated = ChildBackend.refusedStart(data, port, "truncated.log", settings);
        assertThat(truncated).contains("e-Cabinet refuses to start").doesNotContain("Started CabinetApplication");
        assertThat(truncated).containsAnyOf("behind its latest exported checkpoint", "cannot be opened", "differs from its latest exported checkpoint");

        try (RandomAccessFile store = new RandomAccessFile(file.toFile(), "rw")) {
            store.write("this is not an H2 store header".repeat(200).getBytes());
        }
        String damaged = ChildBackend.refusedStart(data, port, "damaged.log", settings);
        assertThat(damaged).contains("e-Cabinet refuses to start: the embedded store file").contains("cannot be opened")
                .doesNotContain("BeanCreationException").doesNotContain("UnsatisfiedDependencyException");
    }

    private static long latestExported(Path exports) throws Exception {
        if (!Files.isDirectory(exports)) {
            return 0;
        }
        try (var files = Files.list(exports)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.matches("checkpoint-\\d+\\.json"))
                    .mapToLong(n -> Long.parseLong(n.substring("checkpoint-".length(), n.indexOf('.')))).max().orElse(0);
        }
    }
}
