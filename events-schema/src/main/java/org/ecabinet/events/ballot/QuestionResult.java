package org.ecabinet.events.ballot;

/** The count for one question at close; it passes when more than half of ALL eligible members agreed (on exactly half, the chair's side). */
public record QuestionResult(String questionId, int agree, int disagree, int otherOpinion, int notAnswered, boolean passed) {
}
