package org.ecabinet.ballot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.ecabinet.ballot.BallotCommands.*;
import org.ecabinet.events.ballot.*;
import org.ecabinet.platform.NotPermitted;
import org.ecabinet.platform.RuleViolation;
import org.ecabinet.signing.VerificationReport;
import org.ecabinet.signing.VerificationReport.Indication;
import org.ecabinet.signing.VerificationReport.SubIndication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpinionBallotTest {

    static final String BALLOT = "b-1";
    static final String CHAIR = "m01";
    static final List<String> MEMBERS = IntStream.rangeClosed(1, 27).mapToObj("m%02d"::formatted).toList();
    static final Instant NOW = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    static final Instant DEADLINE = NOW.plus(Duration.ofDays(3));
    static final List<Duration> REMINDERS = List.of(Duration.ofHours(24), Duration.ofHours(2));
    static final DraftDocument DRAFT = new DraftDocument("d-1", "du-thao.pdf", "ab".repeat(32), 1234);
    static final List<BallotQuestion> QUESTIONS = List.of(new BallotQuestion("q1", "Thông qua dự thảo Nghị định?"),
            new BallotQuestion("q2", "Giao Bộ Tư pháp thẩm định?"));
    static final Instant SIGNED_AT = NOW.plusSeconds(60);

    private FixtureConfiguration<OpinionBallot> fixture;

    /** Accepts a signature reading "signed-by:X" over content that names member X; anything else fails like the real check. */
    static final SignatureCheck SIGNATURES = (content, signature) -> {
        String by = new String(signature, StandardCharsets.UTF_8);
        String text = new String(content, StandardCharsets.UTF_8);
        if (!by.startsWith("signed-by:")) {
            return new VerificationReport(Indication.TOTAL_FAILED, SubIndication.FORMAT_FAILURE, "Not a readable CMS signature.",
                    null, null, null, List.of(), null);
        }
        String signer = by.substring("signed-by:".length());
        if (!text.contains("\"memberId\":\"" + signer + "\"") && !by.endsWith("(someone else)")) {
            return new VerificationReport(Indication.TOTAL_FAILED, SubIndication.HASH_FAILURE, "The signed content was changed after signing.",
                    signer, signer, "cd".repeat(32), List.of(), SIGNED_AT);
        }
        return new VerificationReport(Indication.TOTAL_PASSED, null, "The signature is valid.", signer,
                signer.replace("(someone else)", ""), "cd".repeat(32), List.of("CN=" + signer), SIGNED_AT);
    };

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(OpinionBallot.class);
        fixture.registerInjectableResource(SIGNATURES);
    }

    static BallotIssued issued() {
        return new BallotIssued(BALLOT, "Dự thảo Nghị định về Chính phủ điện tử", List.of(DRAFT), QUESTIONS, MEMBERS, CHAIR, DEADLINE);
    }

    static IssueBallot issue() {
        return new IssueBallot(BALLOT, issued().subject(), List.of(DRAFT), QUESTIONS, MEMBERS, CHAIR, DEADLINE, REMINDERS, NOW);
    }

    static List<QuestionAnswer> agreeToAll() {
        return List.of(new QuestionAnswer("q1", AnswerChoice.AGREE, null), new QuestionAnswer("q2", AnswerChoice.AGREE, null));
    }

    static SubmitAnswer answer(String member, List<QuestionAnswer> answers) {
        return new SubmitAnswer(BALLOT, member, answers, sign(member), NOW.plusSeconds(60));
    }

    static String sign(String member) {
        return Base64.getEncoder().encodeToString(("signed-by:" + member).getBytes(StandardCharsets.UTF_8));
    }

    static AnswerSubmitted submitted(String member, int version, List<QuestionAnswer> answers) {
        return new AnswerSubmitted(BALLOT, member, version, answers,
                AnswerCanonicalForm.of(BALLOT, member, List.of(DRAFT.sha256()), answers), sign(member), "cd".repeat(32), SIGNED_AT);
    }

    @Test
    void issuingABallotSchedulesItsClosingAndTheReminders() {
        fixture.givenNoPriorActivity()
                .when(issue())
                .expectEvents(issued())
                .expectScheduledDeadlineWithName(DEADLINE, OpinionBallot.CLOSING)
                .expectScheduledDeadlineWithName(DEADLINE.minus(Duration.ofHours(24)), OpinionBallot.REMINDER)
                .expectScheduledDeadlineWithName(DEADLINE.minus(Duration.ofHours(2)), OpinionBallot.REMINDER);
    }

    @Test
    void aDeadlineInThePastOrNoQuestionIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new IssueBallot(BALLOT, "x", List.of(), QUESTIONS, MEMBERS, CHAIR, NOW.minusSeconds(1), REMINDERS, NOW))
                .expectException(RuleViolation.class).expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new IssueBallot(BALLOT, "x", List.of(), List.of(), MEMBERS, CHAIR, DEADLINE, REMINDERS, NOW))
                .expectException(RuleViolation.class).expectNoEvents();
    }

    @Test
    void aMemberAnswersWithAVerifiedSignatureAndMayAmend() {
        List<QuestionAnswer> amended = List.of(new QuestionAnswer("q1", AnswerChoice.DISAGREE, "Cần làm rõ Điều 5"),
                new QuestionAnswer("q2", AnswerChoice.AGREE, null));
        fixture.given(issued())
                .when(answer("m05", agreeToAll()))
                .expectEvents(submitted("m05", 1, agreeToAll()));
        fixture.given(issued(), submitted("m05", 1, agreeToAll()))
                .when(answer("m05", amended))
                .expectEvents(submitted("m05", 2, amended));
    }

    @Test
    void theSignedContentIsTheCanonicalForm() {
        String canonical = AnswerCanonicalForm.of(BALLOT, "m05", List.of("ab"), List.of(new QuestionAnswer("q1", AnswerChoice.OTHER_OPINION, "Ý kiến khác")));
        assertThat(canonical).isEqualTo("{\"answers\":[{\"choice\":\"OTHER_OPINION\",\"comment\":\"Ý kiến khác\",\"questionId\":\"q1\"}],"
                + "\"ballotId\":\"b-1\",\"draftHashes\":[\"ab\"],\"memberId\":\"m05\"}");
    }

    @Test
    void onlyEligibleMembersAnswer() {
        fixture.given(issued())
                .when(answer("outsider", agreeToAll()))
                .expectException(NotPermitted.class).expectNoEvents();
    }

    @Test
    void disagreeingOrAnotherOpinionNeedsAComment() {
        fixture.given(issued())
                .when(answer("m05", List.of(new QuestionAnswer("q1", AnswerChoice.DISAGREE, " "), new QuestionAnswer("q2", AnswerChoice.AGREE, null))))
                .expectException(RuleViolation.class).expectNoEvents();
        fixture.given(issued())
                .when(answer("m05", List.of(new QuestionAnswer("q1", AnswerChoice.OTHER_OPINION, null), new QuestionAnswer("q2", AnswerChoice.AGREE, null))))
                .expectException(RuleViolation.class).expectNoEvents();
    }

    @Test
    void everyQuestionIsAnsweredOnceAndOnlyQuestionsOfTheBallot() {
        fixture.given(issued())
                .when(answer("m05", List.of(new QuestionAnswer("q1", AnswerChoice.AGREE, null))))
                .expectException(RuleViolation.class).expectNoEvents();
        fixture.given(issued())
                .when(answer("m05", List.of(new QuestionAnswer("q1", AnswerChoice.AGREE, null), new QuestionAnswer("q1", AnswerChoice.AGREE, null))))
                .expectException(RuleViolation.class).expectNoEvents();
        fixture.given(issued())
                .when(answer("m05", List.of(new QuestionAnswer("q1", AnswerChoice.AGREE, null), new QuestionAnswer("q9", AnswerChoice.AGREE, null))))
                .expectException(RuleViolation.class).expectNoEvents();
    }

    @Test
    void aLateAnswerIsRefused() {
        fixture.given(issued())
                .when(new SubmitAnswer(BALLOT, "m05", agreeToAll(), sign("m05"), DEADLINE.plusSeconds(1)))
                .expectException(RuleViolation.class).expectExceptionMessage(org.hamcrest.Matchers.containsString("deadline"))
                .expectNoEvents();
    }

    @Test
    void anAnswerWhoseSignatureFailsOrIsSomeoneElsesIsRefused() {
        fixture.given(issued())
                .when(new SubmitAnswer(BALLOT, "m05", agreeToAll(), Base64.getEncoder().encodeToString("garbage".getBytes()), NOW))
                .expectException(RuleViolation.class).expectNoEvents();
        fixture.given(issued())
                .when(new SubmitAnswer(BALLOT, "m05", agreeToAll(), "%%% not base64", NOW))
                .expectException(RuleViolation.class).expectNoEvents();
        fixture.given(issued())
                .when(new SubmitAnswer(BALLOT, "m05", agreeToAll(), sign("m06"), NOW))
                .expectException(RuleViolation.class).expectNoEvents();
        fixture.given(issued())
                .when(new SubmitAnswer(BALLOT, "m05", agreeToAll(), sign("m06(someone else)"), NOW))
                .expectException(NotPermitted.class).expectNoEvents();
    }

    @Test
    void theBallotClosesEarlyWhenEveryEligibleMemberAnswered() {
        List<Object> given = new ArrayList<>(List.of(issued()));
        MEMBERS.stream().filter(m -> !m.equals("m27")).forEach(m -> given.add(submitted(m, 1, agreeToAll())));
        fixture.given(given)
                .when(answer("m27", agreeToAll()))
                .expectEvents(submitted("m27", 1, agreeToAll()), new BallotClosed(BALLOT, CloseReason.ALL_ANSWERED,
                        List.of(new QuestionResult("q1", 27, 0, 0, 0, true), new QuestionResult("q2", 27, 0, 0, 0, true))));
    }

    @Test
    void theBallotClosesAtTheDeadlineCountingAllEligibleMembers() {
        List<Object> answers = new ArrayList<>();
        MEMBERS.stream().limit(13).forEach(m -> answers.add(submitted(m, 1, agreeToAll())));
        fixture.givenCommands(issue()).andGiven(answers)
                .whenTimeAdvancesTo(DEADLINE.plusSeconds(1))
                .expectDeadlinesMetMatching(org.axonframework.test.matchers.Matchers.listWithAnyOf(
                        org.axonframework.test.matchers.Matchers.messageWithPayload(org.hamcrest.Matchers.equalTo(DEADLINE))))
                .expectEvents(new BallotReminderDue(BALLOT, "PT24H", MEMBERS.subList(13, 27)),
                        new BallotReminderDue(BALLOT, "PT2H", MEMBERS.subList(13, 27)),
                        new BallotClosed(BALLOT, CloseReason.DEADLINE,
                        List.of(new QuestionResult("q1", 13, 0, 0, 14, false), new QuestionResult("q2", 13, 0, 0, 14, false))));
    }

    @Test
    void afterAnExtensionTheOldDeadlineNoLongerCloses() {
        Instant later = DEADLINE.plus(Duration.ofDays(2));
        fixture.given(issued())
                .when(new ExtendDeadline(BALLOT, later, "Chờ ý kiến Bộ Tư pháp", REMINDERS, NOW))
                .expectEvents(new BallotDeadlineExtended(BALLOT, later, "Chờ ý kiến Bộ Tư pháp"))
                .expectScheduledDeadlineWithName(later, OpinionBallot.CLOSING);
        fixture.givenCommands(issue(), new ExtendDeadline(BALLOT, later, "x", List.of(), NOW))
                .whenTimeAdvancesTo(DEADLINE.plusSeconds(1))
                .expectNoEvents();
        fixture.given(issued(), new BallotDeadlineExtended(BALLOT, later, "x"))
                .when(answer("m05", agreeToAll()).withNow(DEADLINE.plusSeconds(60)))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void anExtensionMustMoveTheDeadlineLater() {
        fixture.given(issued())
                .when(new ExtendDeadline(BALLOT, DEADLINE.minusSeconds(1), "x", REMINDERS, NOW))
                .expectException(RuleViolation.class).expectNoEvents();
    }

    @Test
    void aReminderNamesOnlyMembersWhoHaveNotAnswered() {
        List<Object> answers = new ArrayList<>();
        MEMBERS.stream().limit(25).forEach(m -> answers.add(submitted(m, 1, agreeToAll())));
        fixture.givenCommands(issue()).andGiven(answers)
                .whenTimeAdvancesTo(DEADLINE.minus(Duration.ofHours(24)).plusSeconds(1))
                .expectEvents(new BallotReminderDue(BALLOT, "PT24H", List.of("m26", "m27")));
    }

    @Test
    void aWithdrawnBallotTakesNoAnswersAndDoesNotClose() {
        fixture.given(issued())
                .when(new WithdrawBallot(BALLOT, "Dự thảo được rút để chỉnh sửa"))
                .expectEvents(new BallotWithdrawn(BALLOT, "Dự thảo được rút để chỉnh sửa"));
        fixture.givenCommands(issue(), new WithdrawBallot(BALLOT, "x"))
                .whenTimeAdvancesTo(DEADLINE.plusSeconds(1))
                .expectNoEvents();
        fixture.given(issued(), new BallotWithdrawn(BALLOT, "x"))
                .when(answer("m05", agreeToAll()))
                .expectException(RuleViolation.class).expectNoEvents();
    }

    @Test
    void theSecretariatClosesOnceAndPublishesTheResultOnceAfterClosing() {
        BallotClosed closed = new BallotClosed(BALLOT, CloseReason.SECRETARIAT,
                List.of(new QuestionResult("q1", 0, 0, 0, 27, false), new QuestionResult("q2", 0, 0, 0, 27, false)));
        fixture.given(issued()).when(new CloseBallot(BALLOT)).expectEvents(closed);
        fixture.givenCommands(issue(), new CloseBallot(BALLOT)).whenTimeAdvancesTo(DEADLINE.plusSeconds(1)).expectNoEvents();
        fixture.given(issued(), closed).when(new CloseBallot(BALLOT)).expectException(RuleViolation.class);
        PublishResult publish = new PublishResult(BALLOT, "r-1", "ket-qua.pdf", "ef".repeat(32), 999, "secretariat");
        fixture.given(issued()).when(publish).expectException(RuleViolation.class);
        fixture.given(issued(), closed).when(publish)
                .expectEvents(new BallotResultPublished(BALLOT, "r-1", "ket-qua.pdf", "ef".repeat(32), 999, "secretariat"));
        fixture.given(issued(), closed, new BallotResultPublished(BALLOT, "r-1", "ket-qua.pdf", "ef".repeat(32), 999, "secretariat"))
                .when(publish).expectException(RuleViolation.class);
    }

    @Test
    void aQuestionPassesWithMoreThanHalfOfAllEligibleMembersAndOnATieWithTheChair() {
        List<BallotQuestion> one = List.of(new BallotQuestion("q1", "?"));
        assertThat(Tally.count(one, MEMBERS, CHAIR, agreeing(MEMBERS.subList(0, 14))).get(0).passed()).as("14 of 27").isTrue();
        assertThat(Tally.count(one, MEMBERS, CHAIR, agreeing(MEMBERS.subList(0, 13))).get(0).passed()).as("13 of 27").isFalse();
        List<String> even = MEMBERS.subList(0, 26);
        assertThat(Tally.count(one, even, CHAIR, agreeing(even.subList(0, 13))).get(0).passed()).as("13 of 26 with the chair").isTrue();
        assertThat(Tally.count(one, even, CHAIR, agreeing(even.subList(1, 14))).get(0).passed()).as("13 of 26 without the chair").isFalse();

        var mixed = new java.util.HashMap<>(agreeing(MEMBERS.subList(0, 10)));
        mixed.put("m20", List.of(new QuestionAnswer("q1", AnswerChoice.DISAGREE, "không")));
        mixed.put("m21", List.of(new QuestionAnswer("q1", AnswerChoice.OTHER_OPINION, "khác")));
        assertThat(Tally.count(one, MEMBERS, CHAIR, mixed).get(0)).isEqualTo(new QuestionResult("q1", 10, 1, 1, 15, false));
    }

    private static Map<String, List<QuestionAnswer>> agreeing(List<String> members) {
        Map<String, List<QuestionAnswer>> answers = new java.util.HashMap<>();
        members.forEach(m -> answers.put(m, List.of(new QuestionAnswer("q1", AnswerChoice.AGREE, null))));
        return answers;
    }
}
