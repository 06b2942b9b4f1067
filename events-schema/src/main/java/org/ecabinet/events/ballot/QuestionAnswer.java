package org.ecabinet.events.ballot;

/** A member's answer to one question; {@code comment} is null only for an unconditional agreement. */
public record QuestionAnswer(String questionId, AnswerChoice choice, String comment) {
}
