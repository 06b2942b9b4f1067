package org.ecabinet.events.ballot;

import java.time.Instant;
import java.util.List;

import org.axonframework.serialization.Revision;

/**
 * A member answered (version 1) or amended the answer (version 2, 3 …; the latest counts). {@code signedContent}
 * is the exact canonical text the member signed and {@code signature} the detached CMS signature over its
 * UTF-8 bytes (base64), verified before this event was written.
 */
@Revision("1")
public record AnswerSubmitted(String ballotId, String memberId, int version, List<QuestionAnswer> answers, String signedContent,
                              String signature, String certificateSha256, Instant signingTime) implements BallotEvent {
    public AnswerSubmitted {
        answers = List.copyOf(answers);
    }
}
