package org.ecabinet.ballot;

import java.util.List;
import java.util.Map;

import org.ecabinet.events.ballot.AnswerChoice;
import org.ecabinet.events.ballot.BallotQuestion;
import org.ecabinet.events.ballot.QuestionAnswer;
import org.ecabinet.events.ballot.QuestionResult;

/**
 * Counts the latest answers against ALL eligible members: a question passes when more than half of them
 * agree, not half of those who answered; on exactly half, the side the chair took prevails.
 */
final class Tally {

    private Tally() {
    }

    static List<QuestionResult> count(List<BallotQuestion> questions, List<String> eligible, String chairId,
                                      Map<String, List<QuestionAnswer>> latestAnswers) {
        return questions.stream().map(q -> count(q.questionId(), eligible, chairId, latestAnswers)).toList();
    }

    private static QuestionResult count(String questionId, List<String> eligible, String chairId, Map<String, List<QuestionAnswer>> latest) {
        int agree = 0;
        int disagree = 0;
        int other = 0;
        for (String member : eligible) {
            AnswerChoice choice = choiceOf(latest.get(member), questionId);
            if (choice == AnswerChoice.AGREE) {
                agree++;
            } else if (choice == AnswerChoice.DISAGREE) {
                disagree++;
            } else if (choice == AnswerChoice.OTHER_OPINION) {
                other++;
            }
        }
        int notAnswered = eligible.size() - agree - disagree - other;
        boolean passed = agree * 2 > eligible.size()
                || (agree * 2 == eligible.size() && choiceOf(latest.get(chairId), questionId) == AnswerChoice.AGREE);
        return new QuestionResult(questionId, agree, disagree, other, notAnswered, passed);
    }

    private static AnswerChoice choiceOf(List<QuestionAnswer> answers, String questionId) {
        if (answers == null) {
            return null;
        }
        return answers.stream().filter(a -> a.questionId().equals(questionId)).map(QuestionAnswer::choice).findFirst().orElse(null);
    }
}
