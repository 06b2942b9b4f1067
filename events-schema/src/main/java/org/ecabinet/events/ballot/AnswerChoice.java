package org.ecabinet.events.ballot;

/** A member's answer to one question: agree, disagree, or another opinion (the last two need a comment). */
public enum AnswerChoice {
    AGREE, DISAGREE, OTHER_OPINION
}
