package org.ecabinet.ballot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.ecabinet.support.ChildBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/** The backend is killed before a ballot's deadline and comes back after it: the ballot closes then. */
class BallotDeadlineRestartTest {

    @Test
    void aDeadlineThatPassedWhileTheBackendWasDownClosesTheBallotWhenItIsBack(@TempDir Path data) throws Exception {
        int port = ChildBackend.freePort();
        String ballotId;
        Instant deadline;
        try (ChildBackend backend = ChildBackend.start(data, port, "before.log")) {
            String token = backend.token("secretariat");
            deadline = Instant.now().plusSeconds(8);
            var created = backend.post("/api/ballots", token, "{\"subject\":\"Phiếu thử khởi động lại\",\"draftIds\":[],"
                    + "\"questions\":[\"Đồng ý?\"],\"eligibleMembers\":[\"member05\"],\"deadline\":\"" + deadline + "\"}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            ballotId = ChildBackend.JSON.readTree(created.body()).get("id").asText();
            backend.kill();
        }
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), deadline).toMillis()) + 2000);

        try (ChildBackend backend = ChildBackend.start(data, port, "after.log")) {
            String token = backend.token("secretariat");
            JsonNode ballot = null;
            long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < until) {
                var response = backend.get("/api/ballots/" + ballotId, token);
                ballot = response.statusCode() == 200 ? ChildBackend.JSON.readTree(response.body()) : null;
                if (ballot != null && ballot.get("status").asText().equals("CLOSED")) {
                    break;
                }
                Thread.sleep(500);
            }
            assertThat(ballot).isNotNull();
            assertThat(ballot.get("status").asText()).isEqualTo("CLOSED");
            assertThat(ballot.get("closeReason").asText()).isEqualTo("DEADLINE");
        }
    }
}
