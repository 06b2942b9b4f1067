package org.ecabinet.events.ballot;

/** One question of a ballot. */
public record BallotQuestion(String questionId, String text) {
}
