package org.ecabinet.ballot;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.ecabinet.events.ballot.AnswerSubmitted;
import org.ecabinet.platform.SignedBundle;

/**
 * Every signed answer of a ballot, every version, as the member signed it: {@code answers/<member>/v<n>.json}
 * (the canonical bytes) and {@code .p7s} (the detached CMS signature), with the trusted roots and a script
 * that checks them all with OpenSSL. Read from the event store, so it proves what was recorded.
 */
final class AnswerBundle {

    private AnswerBundle() {
    }

    static byte[] of(EventStore events, String ballotId, String trustAnchorsPem) {
        SignedBundle bundle = new SignedBundle();
        var stream = events.readEvents(ballotId, 0); // every version, not from the latest snapshot
        while (stream.hasNext()) {
            if (stream.next().getPayload() instanceof AnswerSubmitted answer) {
                bundle.addSigned("answers/" + answer.memberId() + "/v" + answer.version() + ".json",
                        answer.signedContent().getBytes(StandardCharsets.UTF_8), Base64.getDecoder().decode(answer.signature()));
            }
        }
        return bundle.finish(trustAnchorsPem);
    }
}
