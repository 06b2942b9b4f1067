package org.ecabinet.ballot;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ecabinet.events.ballot.QuestionAnswer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The bytes a member signs for an answer: deterministic JSON, UTF-8, object keys sorted, no insignificant
 * whitespace, non-ASCII characters written as themselves (not escaped). It names the ballot, the member,
 * the SHA-256 of every draft (so the signature pins what the member read) and the answers in question
 * order; a missing comment is {@code null}. Example:
 *
 * <pre>{"answers":[{"choice":"AGREE","comment":null,"questionId":"q1"}],"ballotId":"b1","draftHashes":["9f…"],"memberId":"member05"}</pre>
 */
final class AnswerCanonicalForm {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private AnswerCanonicalForm() {
    }

    static String of(String ballotId, String memberId, List<String> draftHashes, List<QuestionAnswer> answers) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("ballotId", ballotId);
        form.put("memberId", memberId);
        form.put("draftHashes", draftHashes);
        form.put("answers", answers.stream().map(a -> {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("questionId", a.questionId());
            answer.put("choice", a.choice().name());
            answer.put("comment", a.comment());
            return answer;
        }).toList());
        try {
            return JSON.writeValueAsString(form);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] bytes(String canonical) {
        return canonical.getBytes(StandardCharsets.UTF_8);
    }
}
