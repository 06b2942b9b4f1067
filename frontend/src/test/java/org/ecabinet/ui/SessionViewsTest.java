package org.ecabinet.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.ecabinet.ui.dispatch.DispatchModels;
import org.ecabinet.ui.session.SessionEditorView;
import org.ecabinet.ui.session.SessionModels;
import org.ecabinet.ui.session.SessionModels.AgendaItem;
import org.ecabinet.ui.session.SessionModels.MemberPosition;
import org.ecabinet.ui.session.SessionModels.SessionRoom;
import org.ecabinet.ui.session.SessionModels.Vote;
import org.ecabinet.ui.session.SessionRoomView;
import org.ecabinet.ui.session.SessionsView;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.HasValueUtilsKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * A cabinet session held in the browser, role by role: what each person is offered, and exactly which
 * commands reach the (mocked) backend; what a role may not do is not offered at all.
 */
class SessionViewsTest extends KaribuTest {

    static final String SECRETARIAT = "secretariat";
    static final String CHAIR = "thutuong";
    static final List<String> MEMBERS = IntStream.rangeClosed(1, 27).mapToObj(i -> i == 1 ? CHAIR : "member%02d".formatted(i)).toList();

    @Nested
    class Secretariat {

        @Test
        void seesAllSessionsNewestFirstAndSchedulesOne() {
            signInFor("000.00.00.G22", SECRETARIAT, "SECRETARIAT");
            when(sessions.list("token-" + SECRETARIAT)).thenReturn(List.of(
                    new SessionModels.SessionSummary("s-old", "Phiên họp tháng 10", "REGULAR", Instant.parse("2026-10-01T01:00:00Z"), "Hà Nội", false, "CLOSED", 3, false),
                    new SessionModels.SessionSummary("s-new", "Phiên họp tháng 12", "THEMATIC", Instant.parse("2026-12-10T01:00:00Z"), null, true, "SCHEDULED", 0, false)));
            when(sessions.schedule(eq("token-" + SECRETARIAT), any())).thenReturn("s-3");
            stubEditor("s-3", scheduled());

            UI().navigate(SessionsView.class);
            assertThat(_get(H2.class, spec -> spec.withId("sessions-heading")).getText()).isEqualTo("Tất cả phiên họp");
            @SuppressWarnings("unchecked")
            Grid<SessionModels.SessionSummary> grid = _get(Grid.class);
            assertThat(GridKt._get(grid, 0).sessionId()).as("newest first").isEqualTo("s-new");
            assertThat(GridKt._getFormattedRow(grid, 0)).contains("Chuyên đề", "10/12/2026 08:00", "Trực tuyến", "Đã lên lịch");

            ButtonKt._click(_get(Button.class, spec -> spec.withId("schedule-session")));
            HasValueUtilsKt._setValue(_get(TextField.class, spec -> spec.withId("schedule-title")), "Phiên họp Chính phủ thường kỳ tháng 12");
            @SuppressWarnings("unchecked")
            RadioButtonGroup<String> kind = _get(RadioButtonGroup.class, spec -> spec.withId("schedule-kind"));
            HasValueUtilsKt._setValue(kind, "EXTRAORDINARY");
            LocalDateTime when = LocalDateTime.now(Formats.HANOI).plusDays(10).withHour(9).withMinute(0).withSecond(0).withNano(0);
            HasValueUtilsKt._setValue(_get(DateTimePicker.class, spec -> spec.withId("schedule-starts-at")), when);
            ButtonKt._click(_get(Button.class, spec -> spec.withId("schedule-save")));

            ArgumentCaptor<SessionModels.Schedule> sent = ArgumentCaptor.forClass(SessionModels.Schedule.class);
            verify(sessions).schedule(eq("token-" + SECRETARIAT), sent.capture());
            assertThat(sent.getValue()).isEqualTo(new SessionModels.Schedule("Phiên họp Chính phủ thường kỳ tháng 12", "EXTRAORDINARY", when,
                    "Trụ sở Chính phủ, số 1 Hoàng Hoa Thám, Hà Nội", false));
            assertThat(_get(H2.class, spec -> spec.withId("editor-title")).getText()).as("on to the new session's editor").isEqualTo("Phiên họp thử");
        }

        @Test
        void aScheduleWithoutTitleIsNotSent() {
            signInFor("000.00.00.G22", SECRETARIAT, "SECRETARIAT");
            when(sessions.list(anyString())).thenReturn(List.of());
            UI().navigate(SessionsView.class);
            ButtonKt._click(_get(Button.class, spec -> spec.withId("schedule-session")));
            ButtonKt._click(_get(Button.class, spec -> spec.withId("schedule-save")));
            assertThat(_get(TextField.class, spec -> spec.withId("schedule-title")).isInvalid()).isTrue();
            verify(sessions, never()).schedule(anyString(), any());
        }

        @Test
        void buildsTheAgendaAndPublishesWithAConfirmation() {
            signInFor("000.00.00.G22", SECRETARIAT, "SECRETARIAT");
            SessionRoom room = scheduled(item("i-1", "Báo cáo kinh tế - xã hội"), item("i-2", "Dự thảo Nghị định"));
            stubEditor("s-1", room);
            when(documents.agencies(anyString())).thenReturn(List.of(new DispatchModels.Agency("000.00.00.G12", "Bộ Tài chính")));

            UI().navigate(SessionEditorView.class, "s-1");
            HasValueUtilsKt._setValue(_get(TextField.class, spec -> spec.withId("item-title")), "Tờ trình về ngân sách");
            @SuppressWarnings("unchecked")
            ComboBox<DispatchModels.Agency> agency = _get(ComboBox.class, spec -> spec.withId("item-agency"));
            HasValueUtilsKt._setValue(agency, new DispatchModels.Agency("000.00.00.G12", "Bộ Tài chính"));
            ButtonKt._click(_get(Button.class, spec -> spec.withId("add-item")));
            verify(sessions).addItem("token-" + SECRETARIAT, "s-1", "Tờ trình về ngân sách", "Bộ Tài chính");

            Button down = _find(Button.class, spec -> spec.withClasses("move-down")).get(0);
            assertThat(down.getElement().getAttribute("aria-label")).isEqualTo("Chuyển xuống dưới: Báo cáo kinh tế - xã hội");
            ButtonKt._click(down);
            verify(sessions).reorder("token-" + SECRETARIAT, "s-1", List.of("i-2", "i-1"));

            ButtonKt._click(_find(Button.class, spec -> spec.withClasses("remove-item")).get(1));
            confirm();
            verify(sessions).removeItem("token-" + SECRETARIAT, "s-1", "i-2");

            ButtonKt._click(_get(Button.class, spec -> spec.withId("publish")));
            assertThat(_get(ConfirmDialog.class).getElement().getProperty("message")).contains("2 nội dung", "27 thành viên");
            confirm();
            verify(sessions).publish("token-" + SECRETARIAT, "s-1");
        }

        @Test
        void cancelsOnlyWithAReason() {
            signInFor("000.00.00.G22", SECRETARIAT, "SECRETARIAT");
            stubEditor("s-1", scheduled(item("i-1", "Báo cáo")));
            UI().navigate(SessionEditorView.class, "s-1");
            ButtonKt._click(_get(Button.class, spec -> spec.withId("cancel-session")));
            ButtonKt._click(_get(Button.class, spec -> spec.withId("confirm-cancel")));
            verify(sessions, never()).cancel(anyString(), anyString(), anyString());
            HasValueUtilsKt._setValue(_get(TextArea.class, spec -> spec.withId("reason")), "Trùng lịch làm việc với Quốc hội");
            ButtonKt._click(_get(Button.class, spec -> spec.withId("confirm-cancel")));
            verify(sessions).cancel("token-" + SECRETARIAT, "s-1", "Trùng lịch làm việc với Quốc hội");
        }

        @Test
        void theReadinessPanelNamesWhoHasNotAnsweredAndWhoIsAbsent() {
            signInFor("000.00.00.G22", SECRETARIAT, "SECRETARIAT");
            AgendaItem item = new AgendaItem("i-1", "Báo cáo kinh tế - xã hội", "Bộ Kế hoạch và Đầu tư", List.of(),
                    MEMBERS.subList(0, 25).stream().map(m -> new MemberPosition(m, m.equals("member03") ? "OBJECT" : "AGREE", "x")).toList(),
                    null, null, null);
            SessionRoom room = room("PUBLISHED", List.of(item), List.of(), List.of(new SessionModels.Absence("member27", "Thứ trưởng A", "Công tác")), null);
            stubEditor("s-1", room);
            UI().navigate(SessionEditorView.class, "s-1");
            String readiness = text(_get(Section.class, spec -> spec.withId("readiness")));
            assertThat(readiness).contains("Đồng ý: 24 · Đề nghị thảo luận: 0 · Không đồng ý: 1", "Chưa cho ý kiến (1): member26",
                    "member27 vắng mặt; ủy quyền: Thứ trưởng A; lý do: Công tác");
            assertThat(_find(Button.class, spec -> spec.withId("publish"))).as("published already").isEmpty();
        }

        @Test
        void signsTheMinutesWithThePinAndTheRoomLinksThem() {
            signInFor("000.00.00.G22", SECRETARIAT, "SECRETARIAT");
            SessionRoom closed = room("CLOSED", List.of(item("i-1", "Báo cáo")), MEMBERS.subList(0, 18), List.of(), null);
            Sinks.Many<SessionRoom> stream = stubRoom(closed);
            UI().navigate(SessionRoomView.class, "s-1");
            HasValueUtilsKt._setValue(_get(PasswordField.class, spec -> spec.withId("minutes-pin")), "123456");
            ButtonKt._click(_get(Button.class, spec -> spec.withId("sign-minutes")));
            verify(sessions).signMinutes("token-" + SECRETARIAT, "s-1", "123456");

            stream.tryEmitNext(room("CLOSED", List.of(item("i-1", "Báo cáo")), MEMBERS.subList(0, 18), List.of(),
                    new SessionModels.Minutes("m-1", "bien-ban.pdf", "ff".repeat(32), 40_000, SECRETARIAT), 9));
            assertThat(_get(Anchor.class, spec -> spec.withId("minutes-link")).getText()).isEqualTo("bien-ban.pdf (39 KB)");
            assertThat(_find(Button.class, spec -> spec.withId("sign-minutes"))).isEmpty();
        }
    }

    @Nested
    class Member {

        @Test
        void votesAndChangesTheVoteWhileItIsOpenAndSeesTheResultWhenItCloses() {
            signIn(MEMBER, "MEMBER");
            Sinks.Many<SessionRoom> stream = stubRoom(voting(MEMBERS.subList(0, 18), List.of()));
            UI().navigate(SessionRoomView.class, "s-1");
            assertThat(text(_get(Span.class, spec -> spec.withId("my-vote-1")))).isEqualTo("Bạn chưa biểu quyết.");
            ButtonKt._click(_get(Button.class, spec -> spec.withId("vote-for-1")));
            verify(sessions).vote("token-" + MEMBER, "s-1", "i-1", "FOR");

            stream.tryEmitNext(voting(MEMBERS.subList(0, 18), List.of(new SessionModels.Ballot(MEMBER, "FOR"))));
            assertThat(_get(Button.class, spec -> spec.withId("vote-for-1")).getElement().getAttribute("aria-pressed")).isEqualTo("true");
            assertThat(text(_get(Span.class, spec -> spec.withId("tally-1")))).startsWith("Tán thành 1 · Không tán thành 0");
            ButtonKt._click(_get(Button.class, spec -> spec.withId("vote-against-1")));
            verify(sessions).vote("token-" + MEMBER, "s-1", "i-1", "AGAINST");

            AgendaItem decided = new AgendaItem("i-1", "Dự thảo Nghị định", "Bộ Tư pháp", List.of(), List.of(),
                    new Vote(false, List.of(), 15, 2, 1, true), "PASSED", null);
            stream.tryEmitNext(room("OPENED", List.of(decided), MEMBERS.subList(0, 18), List.of(), null, 12));
            assertThat(text(_get(Span.class, spec -> spec.withId("result-1")))).isEqualTo("Thông qua");
            assertThat(_find(Button.class, spec -> spec.withId("vote-for-1"))).isEmpty();
            NotificationsKt.expectNotifications("Kết quả biểu quyết \"Dự thảo Nghị định\": thông qua"); // one notice at a time: the latest
        }

        @Test
        void aMemberWhoDidNotCheckInCannotVote() {
            signIn(MEMBER, "MEMBER");
            stubRoom(voting(MEMBERS.subList(5, 23), List.of()));
            UI().navigate(SessionRoomView.class, "s-1");
            assertThat(_find(Button.class, spec -> spec.withId("vote-for-1"))).isEmpty();
            assertThat(text(_get(Section.class, spec -> spec.withId("agenda")))).contains("Hãy điểm danh để được biểu quyết.");
        }

        @Test
        void declaresAnAbsenceWithADeputyAndWithdrawsIt() {
            signIn(MEMBER, "MEMBER");
            Sinks.Many<SessionRoom> stream = stubRoom(room("PUBLISHED", List.of(item("i-1", "Báo cáo")), List.of(), List.of(), null));
            UI().navigate(SessionRoomView.class, "s-1");
            HasValueUtilsKt._setValue(_get(TextField.class, spec -> spec.withId("absence-reason")), "Công tác nước ngoài");
            @SuppressWarnings("unchecked")
            ComboBox<String> deputy = _get(ComboBox.class, spec -> spec.withId("absence-delegate"));
            HasValueUtilsKt._setValue(deputy, "Bộ trưởng Bộ Quốc phòng (Thành viên 06 (demo))");
            ButtonKt._click(_get(Button.class, spec -> spec.withId("declare-absence")));
            verify(sessions).declareAbsence("token-" + MEMBER, "s-1", "Bộ trưởng Bộ Quốc phòng (Thành viên 06 (demo))", "Công tác nước ngoài");

            stream.tryEmitNext(room("PUBLISHED", List.of(item("i-1", "Báo cáo")), List.of(),
                    List.of(new SessionModels.Absence(MEMBER, "Thứ trưởng B", "Công tác nước ngoài")), null, 5));
            assertThat(_find(Button.class, spec -> spec.withId("check-in"))).as("absent: no check-in offered").isEmpty();
            ButtonKt._click(_get(Button.class, spec -> spec.withId("withdraw-absence")));
            verify(sessions).withdrawAbsence("token-" + MEMBER, "s-1");
        }

        @Test
        void seesNoneOfTheChairsNorTheSecretariatsControls() {
            signIn(MEMBER, "MEMBER");
            stubRoom(voting(MEMBERS.subList(0, 18), List.of()));
            UI().navigate(SessionRoomView.class, "s-1");
            assertThat(_find(Section.class, spec -> spec.withId("chair-console"))).isEmpty();
            assertThat(_find(Button.class, spec -> spec.withId("close-vote-1"))).isEmpty();
            assertThat(_find(TextArea.class, spec -> spec.withId("conclusion-1"))).isEmpty();
            assertThat(_find(Button.class, spec -> spec.withId("prepare-session"))).isEmpty();
        }
    }

    @Nested
    class Chair {

        @Test
        void opensOnlyAtQuorumAndSaysWhyNot() {
            signIn(CHAIR, "MEMBER", "CHAIR");
            Sinks.Many<SessionRoom> stream = stubRoom(room("PUBLISHED", List.of(item("i-1", "Báo cáo")), MEMBERS.subList(0, 17), List.of(), null));
            UI().navigate(SessionRoomView.class, "s-1");
            assertThat(text(_get(Span.class, spec -> spec.withId("quorum-count")))).isEqualTo("Có mặt 17/27 thành viên · cần 18 (hai phần ba) để khai mạc");
            assertThat(_get(Button.class, spec -> spec.withId("open-session")).isEnabled()).isFalse();
            assertThat(_get(Paragraph.class, spec -> spec.withId("open-disabled-reason")).getText()).isEqualTo("Chưa đủ túc số: cần thêm 1 thành viên điểm danh.");

            stream.tryEmitNext(room("PUBLISHED", List.of(item("i-1", "Báo cáo")), MEMBERS.subList(0, 18), List.of(), null, 6));
            ButtonKt._click(_get(Button.class, spec -> spec.withId("open-session")));
            verify(sessions).open("token-" + CHAIR, "s-1");
        }

        @Test
        void adoptsUncontestedItemsAsABlockRunsAVoteRecordsAConclusionAndCloses() {
            signIn(CHAIR, "MEMBER", "CHAIR");
            AgendaItem uncontested = item("i-1", "Báo cáo kinh tế - xã hội");
            AgendaItem contested = new AgendaItem("i-2", "Dự thảo Nghị định", "Bộ Tư pháp", List.of(),
                    List.of(new MemberPosition("member06", "WISH_TO_DISCUSS", "Cần làm rõ")), null, null, null);
            Sinks.Many<SessionRoom> stream = stubRoom(room("OPENED", List.of(uncontested, contested), MEMBERS.subList(0, 20), List.of(), null));
            UI().navigate(SessionRoomView.class, "s-1");

            ButtonKt._click(_get(Button.class, spec -> spec.withId("adopt-block")));
            assertThat(_get(ConfirmDialog.class).getElement().getProperty("message")).contains("Báo cáo kinh tế - xã hội").doesNotContain("Dự thảo Nghị định");
            confirm();
            verify(sessions).adopt("token-" + CHAIR, "s-1", List.of("i-1"));

            ButtonKt._click(_get(Button.class, spec -> spec.withId("open-vote-2")));
            verify(sessions).openVote("token-" + CHAIR, "s-1", "i-2");
            AgendaItem adopted = new AgendaItem("i-1", "Báo cáo kinh tế - xã hội", "Bộ KH&ĐT", List.of(), List.of(), null, "ADOPTED_WITHOUT_DISCUSSION", null);
            AgendaItem underVote = new AgendaItem("i-2", "Dự thảo Nghị định", "Bộ Tư pháp", List.of(), contested.positions(),
                    new Vote(true, List.of(), 3, 0, 0, null), null, null);
            stream.tryEmitNext(room("OPENED", List.of(adopted, underVote), MEMBERS.subList(0, 20), List.of(), null, 10));
            assertThat(_get(Button.class, spec -> spec.withId("close-session")).isEnabled()).as("not while a vote is open").isFalse();
            ButtonKt._click(_get(Button.class, spec -> spec.withId("close-vote-2")));
            verify(sessions).closeVote("token-" + CHAIR, "s-1", "i-2");

            AgendaItem passed = new AgendaItem("i-2", "Dự thảo Nghị định", "Bộ Tư pháp", List.of(), contested.positions(),
                    new Vote(false, List.of(), 16, 2, 2, true), "PASSED", null);
            stream.tryEmitNext(room("OPENED", List.of(adopted, passed), MEMBERS.subList(0, 20), List.of(), null, 14));
            HasValueUtilsKt._setValue(_get(TextArea.class, spec -> spec.withId("conclusion-2")), "Giao Bộ Tư pháp hoàn thiện, trình ký ban hành.");
            ButtonKt._click(_get(Button.class, spec -> spec.withId("save-conclusion-2")));
            verify(sessions).recordConclusion("token-" + CHAIR, "s-1", "i-2", "Giao Bộ Tư pháp hoàn thiện, trình ký ban hành.");

            ButtonKt._click(_get(Button.class, spec -> spec.withId("close-session")));
            assertThat(_get(ConfirmDialog.class).getElement().getProperty("message")).contains("chưa có kết luận", "Báo cáo kinh tế - xã hội", "Dự thảo Nghị định");
            confirm();
            verify(sessions).close("token-" + CHAIR, "s-1");
        }
    }

    @Nested
    class LiveRedraws {

        @Test
        void aConclusionBeingTypedSurvivesAnUpdateOfTheSession() {
            signIn(CHAIR, "MEMBER", "CHAIR");
            Sinks.Many<SessionRoom> stream = stubRoom(room("OPENED", List.of(item("i-1", "Báo cáo")), MEMBERS.subList(0, 18), List.of(), null, 7));
            UI().navigate(SessionRoomView.class, "s-1");
            HasValueUtilsKt._setValue(_get(TextArea.class, spec -> spec.withId("conclusion-1")), "Giao Bộ Kế hoạch và Đầu tư");

            stream.tryEmitNext(room("OPENED", List.of(item("i-1", "Báo cáo")), MEMBERS.subList(0, 19), List.of(), null, 8)); // one more check-in

            assertThat(_get(TextArea.class, spec -> spec.withId("conclusion-1")).getValue()).isEqualTo("Giao Bộ Kế hoạch và Đầu tư");
        }
    }

    // --- fixtures -------------------------------------------------------------------------------------

    private void confirm() {
        ConfirmDialog dialog = _get(ConfirmDialog.class);
        ComponentUtil.fireEvent(dialog, new ConfirmDialog.ConfirmEvent(dialog, false));
        dialog.close(); // the browser closes a confirmed dialog by itself
    }

    private Sinks.Many<SessionRoom> stubRoom(SessionRoom room) {
        Sinks.Many<SessionRoom> stream = Sinks.many().multicast().directBestEffort();
        when(sessions.room(anyString(), eq("s-1"))).thenReturn(room);
        when(sessions.changes(anyString(), eq("s-1"))).thenReturn(stream.asFlux());
        when(directory.people(anyString())).thenReturn(people());
        return stream;
    }

    private void stubEditor(String sessionId, SessionRoom room) {
        when(sessions.room(anyString(), eq(sessionId))).thenReturn(room);
        when(sessions.changes(anyString(), eq(sessionId))).thenReturn(Flux.never());
        when(directory.people(anyString())).thenReturn(people());
        when(documents.agencies(anyString())).thenReturn(List.of());
    }

    private static java.util.Map<String, org.ecabinet.ui.identity.Directory.Person> people() {
        return java.util.Map.of(MEMBER, new org.ecabinet.ui.identity.Directory.Person(MEMBER, "Thành viên 05 (demo)", "Phó Thủ tướng Chính phủ"),
                "member06", new org.ecabinet.ui.identity.Directory.Person("member06", "Thành viên 06 (demo)", "Bộ trưởng Bộ Quốc phòng"),
                "clerk.g23", new org.ecabinet.ui.identity.Directory.Person("clerk.g23", "Văn thư Bộ Tư pháp (demo)", "Văn thư"));
    }

    static AgendaItem item(String id, String title) {
        return new AgendaItem(id, title, "Bộ Kế hoạch và Đầu tư", List.of(), List.of(), null, null, null);
    }

    static SessionRoom scheduled(AgendaItem... items) {
        return new SessionRoom("s-1", "Phiên họp thử", "REGULAR", Instant.parse("2026-12-20T01:00:00Z"), "Hà Nội", false, "SCHEDULED", false,
                CHAIR, MEMBERS, List.of(), 18, List.of(items), List.of(), List.of(), null, null, null, null, 3);
    }

    static SessionRoom voting(List<String> checkedIn, List<SessionModels.Ballot> ballots) {
        AgendaItem item = new AgendaItem("i-1", "Dự thảo Nghị định", "Bộ Tư pháp", List.of(), List.of(),
                new Vote(true, ballots, (int) ballots.stream().filter(b -> b.choice().equals("FOR")).count(), 0, 0, null), null, null);
        return room("OPENED", List.of(item), checkedIn, List.of(), null, 8 + ballots.size());
    }

    static SessionRoom room(String status, List<AgendaItem> agenda, List<String> checkedIn, List<SessionModels.Absence> absences,
                            SessionModels.Minutes minutes) {
        return room(status, agenda, checkedIn, absences, minutes, 4);
    }

    static SessionRoom room(String status, List<AgendaItem> agenda, List<String> checkedIn, List<SessionModels.Absence> absences,
                            SessionModels.Minutes minutes, long version) {
        return new SessionRoom("s-1", "Phiên họp thử", "REGULAR", Instant.parse("2026-12-20T01:00:00Z"), "Hà Nội", false, status, true,
                CHAIR, MEMBERS, List.of(), 18, new ArrayList<>(agenda), checkedIn, absences, null,
                status.equals("OPENED") || status.equals("CLOSED") ? Instant.parse("2026-12-20T01:05:00Z") : null,
                status.equals("CLOSED") ? Instant.parse("2026-12-20T04:00:00Z") : null, minutes, version);
    }
}
