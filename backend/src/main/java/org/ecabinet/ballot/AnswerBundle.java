package org.ecabinet.ballot;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.ecabinet.events.ballot.AnswerSubmitted;

/**
 * Every signed answer of a ballot, every version, as the member signed it: {@code answers/<member>/v<n>.json}
 * (the canonical bytes) and {@code .p7s} (the detached CMS signature), with the trusted roots and a script
 * that checks them all with OpenSSL. Read from the event store, so it proves what was recorded.
 */
final class AnswerBundle {

    private AnswerBundle() {
    }

    static byte[] of(EventStore events, String ballotId, String trustAnchorsPem) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            StringBuilder script = new StringBuilder("#!/bin/sh\n# Verifies every signed answer with OpenSSL; prints one line per file.\nset -u\nstatus=0\n");
            var stream = events.readEvents(ballotId);
            while (stream.hasNext()) {
                if (stream.next().getPayload() instanceof AnswerSubmitted answer) {
                    String base = "answers/" + answer.memberId() + "/v" + answer.version();
                    put(zip, base + ".json", answer.signedContent().getBytes(StandardCharsets.UTF_8));
                    put(zip, base + ".p7s", Base64.getDecoder().decode(answer.signature()));
                    script.append("if openssl cms -verify -binary -inform DER -purpose any -CAfile ca.pem -in ").append(base)
                            .append(".p7s -content ").append(base).append(".json -out /dev/null 2>/dev/null; then echo \"OK   ")
                            .append(base).append("\"; else echo \"FAIL ").append(base).append("\"; status=1; fi\n");
                }
            }
            script.append("exit $status\n");
            put(zip, "ca.pem", trustAnchorsPem.getBytes(StandardCharsets.US_ASCII));
            put(zip, "verify.sh", script.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }
}
