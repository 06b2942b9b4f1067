package org.ecabinet.ballot;

import java.time.Instant;
import java.util.List;

import org.ecabinet.events.ballot.AnswerChoice;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Bodies of the ballot API, validated field by field before any command is sent. */
final class BallotRequests {

    private BallotRequests() {
    }

    record NewBallot(@NotBlank @Size(max = 500) String subject,
                     @NotNull @Size(max = 20) List<@NotBlank @Size(max = 64) String> draftIds,
                     @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 2000) String> questions,
                     @Size(max = 200) List<@NotBlank @Size(max = 64) String> eligibleMembers,
                     @NotNull @Future Instant deadline) {
    }

    record Extension(@NotNull @Future Instant deadline, @NotBlank @Size(max = 1000) String reason) {
    }

    record Withdrawal(@NotBlank @Size(max = 1000) String reason) {
    }

    record Answer(@NotBlank @Size(max = 64) String questionId, @NotNull AnswerChoice choice, @Size(max = 4000) String comment) {
    }

    record Answers(@NotEmpty @Size(max = 50) List<@Valid @NotNull Answer> answers) {
    }

    record SignedAnswers(@NotEmpty @Size(max = 50) List<@Valid @NotNull Answer> answers,
                         @NotBlank @Size(max = 64 * 1024) String signature) {
    }

    record Created(String id) {
    }

    /** The exact text to sign for these answers, and its UTF-8 bytes in base64 for a signing service. */
    record ContentToSign(String text, String content) {
    }
}
