package org.ecabinet.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import org.ecabinet.ui.ballot.BallotModels;
import org.ecabinet.ui.ballot.BallotModels.Answer;
import org.ecabinet.ui.ballot.BallotModels.Ballot;
import org.ecabinet.ui.ballot.BallotModels.MemberAnswer;
import org.ecabinet.ui.ballot.BallotModels.QuestionResult;
import org.ecabinet.ui.ballot.BallotView;
import org.ecabinet.ui.ballot.MyBallotsView;
import org.ecabinet.ui.ballot.NewBallotView;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.http.HttpStatus;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.HasValueUtilsKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

class BallotViewsTest extends KaribuTest {

    static final String SECRETARIAT = "secretariat";
    static final List<String> MEMBERS = java.util.stream.IntStream.rangeClosed(1, 27)
            .mapToObj(i -> i == 1 ? "thutuong" : "member%02d".formatted(i)).toList();

    @Test
    void aMembersWorkListPutsTheBallotAwaitingTheirAnswerFirst() {
        signIn(MEMBER, "MEMBER");
        when(ballots.list("token-" + MEMBER)).thenReturn(List.of(
                new BallotModels.BallotSummary("b-old", "Phiếu đã kết thúc", "CLOSED", Instant.parse("2026-11-01T10:00:00Z"), 1, 27, 27, false, true),
                new BallotModels.BallotSummary("b-1", "Dự thảo Nghị định về giao dịch điện tử", "OPEN", Instant.parse("2026-11-26T10:00:00Z"), 2, 27, 3, true, false)));

        UI().navigate(MyBallotsView.class);
        @SuppressWarnings("unchecked")
        Grid<BallotModels.BallotSummary> grid = _get(Grid.class);
        assertThat(GridKt._size(grid)).isEqualTo(2);
        assertThat(GridKt._get(grid, 0).ballotId()).isEqualTo("b-1");
        assertThat(GridKt._getFormattedRow(grid, 0)).contains("RouterLink[text='Dự thảo Nghị định về giao dịch điện tử']", "Đang lấy ý kiến", "26/11/2026 17:00", "3/27");
        assertThat(_find(Button.class, spec -> spec.withId("new-ballot"))).as("only the secretariat issues").isEmpty();
    }

    @Test
    void aMemberAnswersEntersThePinAndSeesTheAcceptedSignedAnswer() {
        signIn(MEMBER, "MEMBER");
        Sinks.Many<Ballot> stream = Sinks.many().multicast().directBestEffort();
        when(ballots.ballot("token-" + MEMBER, "b-1")).thenReturn(ballot(1, List.of(), List.of()));
        when(ballots.changes("token-" + MEMBER, "b-1")).thenReturn(stream.asFlux());

        UI().navigate(BallotView.class, "b-1");
        assertThat(_get(H2.class, spec -> spec.withId("ballot-subject")).getText()).isEqualTo("Dự thảo Nghị định về giao dịch điện tử");
        assertThat(text(_get(Section.class, spec -> spec.withId("drafts")))).contains("du-thao.pdf (40 KB)");
        assertThat(text(_get(Section.class, spec -> spec.withId("tally")))).as("a member sees no tally before the close").isEmpty();
        assertThat(_get(Paragraph.class, spec -> spec.withId("ballot-details")).getText()).isEqualTo("Đang lấy ý kiến · Hạn trả lời: 26/11/2026 17:00");

        HasValueUtilsKt._setValue(choice("q1"), "AGREE");
        HasValueUtilsKt._setValue(choice("q2"), "OTHER_OPINION");
        HasValueUtilsKt._setValue(_get(TextArea.class, spec -> spec.withId("comment-q2")), "Đề nghị lùi hiệu lực sang 1/7/2027");
        HasValueUtilsKt._setValue(_get(PasswordField.class, spec -> spec.withId("signing-pin")), "123456");
        ButtonKt._click(_get(Button.class, spec -> spec.withId("sign-and-submit")));

        verify(ballots).answer("token-" + MEMBER, "b-1",
                List.of(new Answer("q1", "AGREE", null), new Answer("q2", "OTHER_OPINION", "Đề nghị lùi hiệu lực sang 1/7/2027")), "123456");
        NotificationsKt.expectNotifications("Đã ký số và gửi ý kiến");
        assertThat(_get(PasswordField.class, spec -> spec.withId("signing-pin")).getValue()).as("the PIN is not kept").isEmpty();

        MemberAnswer mine = new MemberAnswer(MEMBER, 1, List.of(new Answer("q1", "AGREE", null),
                new Answer("q2", "OTHER_OPINION", "Đề nghị lùi hiệu lực sang 1/7/2027")),
                Instant.parse("2026-11-23T03:15:00Z"), "c0ffee".repeat(10) + "abcd", Instant.parse("2026-11-23T03:15:01Z"));
        stream.tryEmitNext(ballot(2, List.of(mine), List.of()));
        MockVaadin.clientRoundtrip();
        assertThat(_get(Paragraph.class, spec -> spec.withId("answer-accepted")).getText())
                .isEqualTo("Bản 1, ký số lúc 23/11/2026 10:15; chứng thư số SHA-256 " + "c0ffee".repeat(10) + "abcd");
        assertThat(text(_get(Section.class, spec -> spec.withId("my-answer"))))
                .contains("1. Đồng ý", "2. Ý kiến khác — Đề nghị lùi hiệu lực sang 1/7/2027");
    }

    @Test
    void anIncompleteAnswerOrAMissingPinIsMarkedAndNothingIsSent() {
        signIn(MEMBER, "MEMBER");
        when(ballots.ballot("token-" + MEMBER, "b-1")).thenReturn(ballot(1, List.of(), List.of()));
        when(ballots.changes(any(), any())).thenReturn(Flux.never());

        UI().navigate(BallotView.class, "b-1");
        HasValueUtilsKt._setValue(choice("q1"), "DISAGREE");
        ButtonKt._click(_get(Button.class, spec -> spec.withId("sign-and-submit")));

        assertThat(choice("q2").isInvalid()).isTrue();
        assertThat(_get(TextArea.class, spec -> spec.withId("comment-q1")).isInvalid()).as("disagreeing needs a comment").isTrue();
        assertThat(_get(PasswordField.class, spec -> spec.withId("signing-pin")).isInvalid()).isTrue();
        verify(ballots, never()).answer(anyString(), anyString(), any(), anyString());

        HasValueUtilsKt._setValue(choice("q2"), "AGREE");
        HasValueUtilsKt._setValue(choice("q1"), "AGREE");
        HasValueUtilsKt._setValue(_get(PasswordField.class, spec -> spec.withId("signing-pin")), "123456");
        assertThat(choice("q2").isInvalid()).as("marks clear as the answer is completed").isFalse();
        assertThat(_get(TextArea.class, spec -> spec.withId("comment-q1")).isInvalid()).as("agreeing needs no comment").isFalse();
        assertThat(_get(PasswordField.class, spec -> spec.withId("signing-pin")).isInvalid()).isFalse();
    }

    @Test
    void aWrongPinIsExplainedByTheBackendAndTheFormStays() {
        signIn(MEMBER, "MEMBER");
        when(ballots.ballot("token-" + MEMBER, "b-1")).thenReturn(ballot(1, List.of(), List.of()));
        when(ballots.changes(any(), any())).thenReturn(Flux.never());
        doThrow(new BackendApi.BackendException(HttpStatus.FORBIDDEN, "signing.wrong-pin", "", java.util.Map.of(), "Wrong signing PIN."))
                .when(ballots).answer(eq("token-" + MEMBER), eq("b-1"), any(), eq("000000"));

        UI().navigate(BallotView.class, "b-1");
        HasValueUtilsKt._setValue(choice("q1"), "AGREE");
        HasValueUtilsKt._setValue(choice("q2"), "AGREE");
        HasValueUtilsKt._setValue(_get(PasswordField.class, spec -> spec.withId("signing-pin")), "000000");
        ButtonKt._click(_get(Button.class, spec -> spec.withId("sign-and-submit")));

        NotificationsKt.expectNotifications("Mã PIN ký số không đúng.");
        assertThat(choice("q1").getValue()).isEqualTo("AGREE");
        assertThat(_get(Button.class, spec -> spec.withId("sign-and-submit")).isEnabled()).isTrue();
    }

    @Test
    void theSecretariatSeesTheTallyMoveLive() {
        signIn(SECRETARIAT, "SECRETARIAT");
        Sinks.Many<Ballot> stream = Sinks.many().multicast().directBestEffort();
        when(ballots.ballot("token-" + SECRETARIAT, "b-1")).thenReturn(ballot(1, List.of(), tally(0)));
        when(ballots.changes("token-" + SECRETARIAT, "b-1")).thenReturn(stream.asFlux());

        UI().navigate(BallotView.class, "b-1");
        assertThat(GridKt._getFormattedRow(tallyGrid(), 0)).containsSubsequence("0", "0", "0", "27", "Không thông qua");
        assertThat(_find(Section.class, spec -> spec.withId("answer-form")).get(0).getChildren()).as("no form for non-members").isEmpty();

        List<MemberAnswer> answers = MEMBERS.subList(0, 14).stream().map(m -> new MemberAnswer(m, 1,
                List.of(new Answer("q1", "AGREE", null), new Answer("q2", "AGREE", null)), Instant.now(), "ab".repeat(32), Instant.now())).toList();
        stream.tryEmitNext(ballot(2, answers, tally(14)));
        MockVaadin.clientRoundtrip();
        assertThat(GridKt._getFormattedRow(tallyGrid(), 0)).containsSubsequence("14", "0", "0", "13", "Thông qua");
        assertThat(text(_get(Section.class, spec -> spec.withId("tally")))).contains("Thành viên đã trả lời (14/27)");
        assertThat(_get(Paragraph.class, spec -> spec.withId("ballot-details")).getText()).endsWith("Đã trả lời 14/27 thành viên");

        ButtonKt._click(_get(Button.class, spec -> spec.withId("close-ballot")));
        verify(ballots, org.mockito.Mockito.never()).close(any(), any()); // asked first
        var confirm = _get(com.vaadin.flow.component.confirmdialog.ConfirmDialog.class);
        com.vaadin.flow.component.ComponentUtil.fireEvent(confirm, new com.vaadin.flow.component.confirmdialog.ConfirmDialog.ConfirmEvent(confirm, false));
        verify(ballots).close("token-" + SECRETARIAT, "b-1");
    }

    @Test
    void theSecretariatWithdrawsAnOpenBallotWithAReasonThatSurvivesTheLiveTally() {
        signIn(SECRETARIAT, "SECRETARIAT");
        Sinks.Many<Ballot> stream = Sinks.many().multicast().directBestEffort();
        when(ballots.ballot("token-" + SECRETARIAT, "b-1")).thenReturn(ballot(1, List.of(), tally(0)));
        when(ballots.changes("token-" + SECRETARIAT, "b-1")).thenReturn(stream.asFlux());
        UI().navigate(BallotView.class, "b-1");

        ButtonKt._click(_get(Button.class, spec -> spec.withId("withdraw-ballot")));
        assertThat(_get(TextField.class, spec -> spec.withId("withdraw-reason")).isInvalid()).as("a withdrawal needs its reason").isTrue();
        assertThat(_find(com.vaadin.flow.component.confirmdialog.ConfirmDialog.class)).isEmpty();
        HasValueUtilsKt._setValue(_get(TextField.class, spec -> spec.withId("withdraw-reason")), "Dự thảo được thay thế");
        stream.tryEmitNext(ballot(2, List.of(), tally(3)));
        MockVaadin.clientRoundtrip();

        ButtonKt._click(_get(Button.class, spec -> spec.withId("withdraw-ballot")));
        verify(ballots, org.mockito.Mockito.never()).withdraw(any(), any(), any()); // asked first, naming the reason
        var confirm = _get(com.vaadin.flow.component.confirmdialog.ConfirmDialog.class);
        assertThat(confirm.getElement().getProperty("message")).contains("Dự thảo được thay thế");
        assertThat(confirm.getElement().getProperty("cancelText")).isEqualTo("Hủy bỏ");
        com.vaadin.flow.component.ComponentUtil.fireEvent(confirm, new com.vaadin.flow.component.confirmdialog.ConfirmDialog.ConfirmEvent(confirm, false));
        verify(ballots).withdraw("token-" + SECRETARIAT, "b-1", "Dự thảo được thay thế");
    }

    @Test
    void publishingTheSignedResultAsksFirst() {
        signIn(SECRETARIAT, "SECRETARIAT");
        Ballot open = ballot(9, List.of(), tally(20));
        Ballot closed = new Ballot(open.ballotId(), open.subject(), "CLOSED", open.issuedAt(), open.deadline(), open.drafts(), open.questions(),
                open.eligibleMembers(), open.answers(), open.results(), "DEADLINE", open.deadline(), null, null, 10);
        when(ballots.ballot("token-" + SECRETARIAT, "b-1")).thenReturn(closed);
        when(ballots.changes(any(), any())).thenReturn(Flux.never());
        UI().navigate(BallotView.class, "b-1");

        HasValueUtilsKt._setValue(_get(PasswordField.class, spec -> spec.withId("publish-pin")), "123456");
        ButtonKt._click(_get(Button.class, spec -> spec.withId("publish-result")));
        verify(ballots, org.mockito.Mockito.never()).publishResult(any(), any(), any());
        var confirm = _get(com.vaadin.flow.component.confirmdialog.ConfirmDialog.class);
        assertThat(confirm.getElement().getProperty("header")).isEqualTo("Công bố kết quả lấy ý kiến?");
        com.vaadin.flow.component.ComponentUtil.fireEvent(confirm, new com.vaadin.flow.component.confirmdialog.ConfirmDialog.ConfirmEvent(confirm, false));
        verify(ballots).publishResult("token-" + SECRETARIAT, "b-1", "123456");
    }

    @Test
    void theSecretariatIssuesABallotWithQuestionsOnePerLine() {
        signIn(SECRETARIAT, "SECRETARIAT");
        when(ballots.issue(eq("token-" + SECRETARIAT), any())).thenReturn("b-new");
        when(ballots.ballot("token-" + SECRETARIAT, "b-new")).thenReturn(ballot(1, List.of(), tally(0)));
        when(ballots.changes(any(), any())).thenReturn(Flux.never());
        when(directory.people("token-" + SECRETARIAT)).thenReturn(java.util.Map.of());

        UI().navigate(NewBallotView.class);
        ButtonKt._click(_get(Button.class, spec -> spec.withId("issue-ballot")));
        assertThat(_get(TextField.class, spec -> spec.withId("ballot-subject-field")).isInvalid()).isTrue();
        verify(ballots, never()).issue(any(), any());

        HasValueUtilsKt._setValue(_get(TextField.class, spec -> spec.withId("ballot-subject-field")), "Dự thảo Nghị định về giao dịch điện tử");
        TextArea questions = _get(TextArea.class, spec -> spec.withId("ballot-questions"));
        assertThat(questions.isInvalid()).as("no question yet").isTrue();
        HasValueUtilsKt._setValue(questions, "Thông qua dự thảo?\n\n  Hiệu lực từ 1/1/2027?  \n");
        assertThat(questions.isInvalid()).as("the error clears once the field is filled").isFalse();
        // a deadline in the future whatever day the test runs: the picker refuses one before now
        LocalDateTime deadline = LocalDateTime.now(Formats.HANOI).plusDays(3).withHour(17).withMinute(0).withSecond(0).withNano(0);
        HasValueUtilsKt._setValue(_get(DateTimePicker.class, spec -> spec.withId("ballot-deadline")), deadline);
        ButtonKt._click(_get(Button.class, spec -> spec.withId("issue-ballot")));

        ArgumentCaptor<BallotModels.NewBallot> issued = ArgumentCaptor.forClass(BallotModels.NewBallot.class);
        verify(ballots).issue(eq("token-" + SECRETARIAT), issued.capture());
        assertThat(issued.getValue().questions()).containsExactly("Thông qua dự thảo?", "Hiệu lực từ 1/1/2027?");
        assertThat(issued.getValue().deadline()).isEqualTo(deadline.atZone(Formats.HANOI).toInstant());
        assertThat(deadline.atZone(Formats.HANOI).toInstant().toString()).endsWith("T10:00:00Z"); // 17:00 in Hanoi
        _get(BallotView.class);
    }

    @Test
    void onlyTheSecretariatReachesTheIssueForm() {
        signIn(MEMBER, "MEMBER");
        UI().navigate(NewBallotView.class);
        // Karibu shows the router's refusal as an error page and fails any look-up on it, naming the cause.
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> _find(NewBallotView.class))
                .hasMessageContaining("com.vaadin.flow.router.AccessDeniedException");
    }

    static Ballot ballot(long version, List<MemberAnswer> answers, List<QuestionResult> results) {
        return new Ballot("b-1", "Dự thảo Nghị định về giao dịch điện tử", "OPEN", Instant.parse("2026-11-22T10:00:00Z"),
                Instant.parse("2026-11-26T10:00:00Z"), List.of(new BallotModels.Draft("d-1", "du-thao.pdf", "ab".repeat(32), 40_960)),
                List.of(new BallotModels.Question("q1", "Thông qua dự thảo Nghị định?"), new BallotModels.Question("q2", "Hiệu lực từ 1/1/2027?")),
                MEMBERS, answers, results, null, null, null, null, version);
    }

    static List<QuestionResult> tally(int agree) {
        boolean passed = agree * 2 > MEMBERS.size();
        return List.of(new QuestionResult("q1", agree, 0, 0, MEMBERS.size() - agree, passed),
                new QuestionResult("q2", agree, 0, 0, MEMBERS.size() - agree, passed));
    }

    @SuppressWarnings("unchecked")
    private static RadioButtonGroup<String> choice(String questionId) {
        return _get(RadioButtonGroup.class, spec -> spec.withId("choice-" + questionId));
    }

    @SuppressWarnings("unchecked")
    private static Grid<BallotModels.Question> tallyGrid() {
        return _get(Grid.class, spec -> spec.withId("tally-grid"));
    }
}
