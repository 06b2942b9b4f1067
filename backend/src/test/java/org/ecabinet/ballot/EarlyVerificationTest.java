package org.ecabinet.ballot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import org.ecabinet.events.ballot.AnswerChoice;
import org.ecabinet.events.ballot.QuestionAnswer;
import org.ecabinet.signing.SignatureVerifier;
import org.ecabinet.signing.VerificationReport;
import org.ecabinet.signing.VerificationReport.Indication;
import org.ecabinet.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A signature checked before the ballot's lock counts only for exactly the bytes the ballot then checks, once, for a short time. */
class EarlyVerificationTest {

    static final List<String> DRAFTS = List.of("ab".repeat(32));
    static final List<QuestionAnswer> ANSWERS = List.of(new QuestionAnswer("q1", AnswerChoice.AGREE, null));
    static final byte[] SIGNATURE = "cms of m05".getBytes(StandardCharsets.UTF_8);
    static final VerificationReport EARLY = new VerificationReport(Indication.TOTAL_PASSED, null, "checked early", "m05", "m05", "cd", List.of(), null);
    static final VerificationReport AGAIN = new VerificationReport(Indication.TOTAL_PASSED, null, "checked again", "m05", "m05", "cd", List.of(), null);

    SignatureVerifier verifier = mock(SignatureVerifier.class);
    MutableClock clock = new MutableClock(Instant.parse("2026-11-30T02:00:00Z"));
    EarlyVerification early = new EarlyVerification(verifier, clock);
    byte[] content = AnswerCanonicalForm.bytes(AnswerCanonicalForm.of("b-1", "m05", DRAFTS, ANSWERS));

    @BeforeEach
    void verifierAnswers() {
        when(verifier.verifyCms(any(), any())).thenReturn(EARLY, AGAIN);
        early.ahead("b-1", "m05", DRAFTS, ANSWERS, Base64.getEncoder().encodeToString(SIGNATURE));
    }

    @Test
    void theBallotGetsTheEarlyReportForTheSameContentAndSignature() {
        assertThat(early.verify(content, SIGNATURE)).isSameAs(EARLY);
        verify(verifier, times(1)).verifyCms(any(), any());
    }

    @Test
    void otherContentIsVerifiedInFull() {
        byte[] other = AnswerCanonicalForm.bytes(AnswerCanonicalForm.of("b-1", "m06", DRAFTS, ANSWERS));
        assertThat(early.verify(other, SIGNATURE)).isSameAs(AGAIN);
    }

    @Test
    void anotherSignatureIsVerifiedInFull() {
        assertThat(early.verify(content, "cms of m06".getBytes(StandardCharsets.UTF_8))).isSameAs(AGAIN);
    }

    @Test
    void anEarlyReportServesOnce() {
        early.verify(content, SIGNATURE);
        assertThat(early.verify(content, SIGNATURE)).isSameAs(AGAIN);
    }

    @Test
    void anEarlyReportOlderThanTenSecondsIsNotUsed() {
        clock.advance(Duration.ofSeconds(11));
        assertThat(early.verify(content, SIGNATURE)).isSameAs(AGAIN);
    }

    @Test
    void aSignatureThatIsNotBase64IsLeftToTheBallot() {
        early.ahead("b-1", "m05", DRAFTS, ANSWERS, "%%% not base64");
        verify(verifier, times(1)).verifyCms(any(), any());
    }
}
