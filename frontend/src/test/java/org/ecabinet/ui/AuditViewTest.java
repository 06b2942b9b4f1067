package org.ecabinet.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import org.ecabinet.ui.audit.AuditModels;
import org.ecabinet.ui.audit.AuditModels.AuditedEvent;
import org.ecabinet.ui.audit.AuditModels.ReplayProgress;
import org.ecabinet.ui.audit.AuditModels.ReplayState;
import org.ecabinet.ui.audit.AuditModels.TimelineQuery;
import org.ecabinet.ui.audit.AuditView;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.HasValueUtilsKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;

import reactor.core.publisher.Sinks;

class AuditViewTest extends KaribuTest {

    static final String AUDITOR = "auditor";
    static final String TOKEN = "token-" + AUDITOR;

    @Test
    void anAuditorVerifiesTheHistoryAndIsToldWhereItWasAltered() {
        signIn(AUDITOR, "AUDITOR");
        when(audit.projections(TOKEN)).thenReturn(List.of("session-room", "ballot-views"));
        when(audit.verify(TOKEN)).thenReturn(
                new AuditModels.IntegrityReport(true, null, new AuditModels.Chains(9, 42, 0), List.of(), 42, 3, 3,
                        new AuditModels.Checkpoint(40, "ab".repeat(32), Instant.parse("2026-11-25T03:00:00Z"))),
                new AuditModels.IntegrityReport(false, new AuditModels.Finding("ALTERED", 7, "s-1", 2, "The stored event does not match its hash."),
                        new AuditModels.Chains(9, 42, 0), List.of(new AuditModels.CheckpointProblem(40, "The store's first 40 indexes no longer have the root")),
                        42, 3, 3, null));
        UI().navigate(AuditView.class);

        ButtonKt._click(_get(Button.class, spec -> spec.withId("verify")));
        assertThat(_get(Paragraph.class, spec -> spec.withId("integrity-result")).getText())
                .startsWith("Toàn vẹn: 42 sự kiện; 3 mốc đã ký").contains("25/11/2026 10:00");

        ButtonKt._click(_get(Button.class, spec -> spec.withId("verify")));
        assertThat(_get(Paragraph.class, spec -> spec.withId("integrity-result")).getText())
                .contains("bị sửa").contains("#7").contains("s-1").contains("does not match its hash");
        assertThat(text(_get(com.vaadin.flow.component.html.UnorderedList.class))).contains("Mốc 40");
    }

    @Test
    void theTimelineIsSearchedWithTheFiltersAndAnEventShowsItsPastState() {
        signIn(AUDITOR, "AUDITOR");
        when(audit.projections(TOKEN)).thenReturn(List.of("session-room"));
        AuditedEvent checkIn = new AuditedEvent(12, "s-1", "CabinetSession", 4, "MemberCheckedIn", Instant.parse("2026-11-25T02:30:00Z"),
                MEMBER, "10.0.0.5", null);
        when(audit.timeline(eq(TOKEN), any(), eq(-1L), eq(100))).thenReturn(List.of(checkIn));
        var json = context.getBean(com.fasterxml.jackson.databind.ObjectMapper.class);
        when(audit.asOf(TOKEN, "CabinetSession", "s-1", 12)).thenReturn(json.valueToTree(room("PUBLISHED", List.of(MEMBER), 4)));
        when(audit.asOf(TOKEN, "CabinetSession", "s-1", 10)).thenReturn(json.valueToTree(room("PUBLISHED", List.of(), 3)));
        UI().navigate(AuditView.class);

        HasValueUtilsKt._setValue(_get(DateTimePicker.class, spec -> spec.withId("filter-from")), LocalDateTime.of(2026, 11, 25, 8, 0));
        HasValueUtilsKt._setValue(_get(TextField.class, spec -> spec.withId("filter-user")), MEMBER);
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.combobox.ComboBox<String> eventType = _get(com.vaadin.flow.component.combobox.ComboBox.class,
                spec -> spec.withId("filter-event-type"));
        assertThat(eventType.getItemLabelGenerator().apply("UserRolesChanged")).as("event types in the auditor's words").isEqualTo("Thay đổi vai trò");
        HasValueUtilsKt._setValue(eventType, "MemberCheckedIn");
        ButtonKt._click(_get(Button.class, spec -> spec.withId("search")));

        ArgumentCaptor<TimelineQuery> query = ArgumentCaptor.forClass(TimelineQuery.class);
        verify(audit).timeline(eq(TOKEN), query.capture(), eq(-1L), eq(100));
        assertThat(query.getValue().from()).isEqualTo(Instant.parse("2026-11-25T01:00:00Z"));
        assertThat(query.getValue().userId()).isEqualTo(MEMBER);
        assertThat(query.getValue().eventType()).isEqualTo("MemberCheckedIn");
        assertThat(query.getValue().to()).isNull();
        @SuppressWarnings("unchecked")
        Grid<AuditedEvent> grid = _get(Grid.class, spec -> spec.withId("timeline"));
        assertThat(GridKt._getFormattedRow(grid, 0)).containsSubsequence("12", "25/11/2026 09:30", "Điểm danh", "Phiên họp s-1 #4", MEMBER, "10.0.0.5");

        GridKt._clickItem(grid, 0);
        ButtonKt._click(_get(Button.class, spec -> spec.withId("show-as-of")));

        _get(org.ecabinet.ui.audit.AsOfView.class);
        assertThat(_get(Paragraph.class, spec -> spec.withId("as-of-moment")).getText()).isEqualTo("Phiên họp như ngay sau sự kiện #12, dựng lại từ các sự kiện đã lưu:");
        assertThat(_get(com.vaadin.flow.component.html.H2.class, spec -> spec.withId("session-title")).getText())
                .as("drawn by the session's own page").isEqualTo("[DEMO] Phiên họp thường kỳ");
        assertThat(_get(Span.class, spec -> spec.withId("present-count")).getText()).startsWith("Có mặt 1/27");
        assertThat(_find(Button.class, spec -> spec.withId("check-in"))).as("nothing to act on in the past").isEmpty();
        _get(com.vaadin.flow.component.html.Anchor.class, spec -> spec.withId("download-as-of-json"));
        assertThat(_find(Pre.class, spec -> spec.withId("as-of"))).as("no raw JSON on the page").isEmpty();

        HasValueUtilsKt._setValue(_get(com.vaadin.flow.component.textfield.IntegerField.class, spec -> spec.withId("compare-with")), 10);
        ButtonKt._click(_get(Button.class, spec -> spec.withId("compare")));
        assertThat(text(_get(com.vaadin.flow.component.html.UnorderedList.class, spec -> spec.withId("changes"))))
                .contains("checkedIn[member05]: (chưa có) → ✓").contains("version: 3 → 4");
    }

    @Test
    void aReplayShowsItsProgressLiveAndTheComparison() {
        signIn(AUDITOR, "AUDITOR");
        when(audit.projections(TOKEN)).thenReturn(List.of("session-room", "ballot-views"));
        Sinks.Many<ReplayProgress> progress = Sinks.many().multicast().directBestEffort();
        when(audit.startReplay(TOKEN, "session-room")).thenReturn(new ReplayProgress("session-room", ReplayState.REQUESTED, 0, 0, 0, null,
                List.of(), 0, null));
        when(audit.replayProgress(TOKEN, "session-room")).thenReturn(progress.asFlux());
        UI().navigate(AuditView.class);

        ButtonKt._click(_get(Button.class, spec -> spec.withId("replay")));
        @SuppressWarnings("unchecked")
        Select<String> projection = _get(Select.class, spec -> spec.withId("projection"));
        assertThat(projection.isInvalid()).isTrue();
        verify(audit, never()).startReplay(any(), any());

        HasValueUtilsKt._setValue(projection, "session-room");
        ButtonKt._click(_get(Button.class, spec -> spec.withId("replay")));
        assertThat(_get(Paragraph.class, spec -> spec.withId("replay-status")).getText()).startsWith("Đã ghi nhận yêu cầu");
        progress.tryEmitNext(running(250, 1000));
        MockVaadin.clientRoundtrip();
        assertThat(_get(ProgressBar.class, spec -> spec.withId("replay-progress")).getValue()).isEqualTo(0.25);
        assertThat(_get(Paragraph.class, spec -> spec.withId("replay-status")).getText()).startsWith("Đã xử lý 250/1.000 sự kiện");

        progress.tryEmitNext(new ReplayProgress("session-room", ReplayState.FINISHED, 1000, 1000, 800, 0L,
                List.of(new AuditModels.Difference("s-1", "CHANGED")), 0, null));
        MockVaadin.clientRoundtrip();
        assertThat(_get(Paragraph.class, spec -> spec.withId("replay-status")).getText()).contains("1 bản ghi khác trước: s-1 (đã thay đổi)")
                .doesNotContain("CHANGED");
    }

    @Test
    void aReplayWhoseServerStoppedSaysSoInTheAuditorsLanguage() {
        signIn(AUDITOR, "AUDITOR");
        when(audit.projections(TOKEN)).thenReturn(List.of("session-room"));
        when(audit.startReplay(TOKEN, "session-room")).thenReturn(running(0, 1000));
        when(audit.replayProgress(TOKEN, "session-room")).thenReturn(reactor.core.publisher.Flux.just(
                new ReplayProgress("session-room", ReplayState.FAILED, 1000, 400, 500, null, List.of(), 0, "replay.node-stopped")));
        UI().navigate(AuditView.class);

        @SuppressWarnings("unchecked")
        Select<String> projection = _get(Select.class, spec -> spec.withId("projection"));
        HasValueUtilsKt._setValue(projection, "session-room");
        ButtonKt._click(_get(Button.class, spec -> spec.withId("replay")));
        MockVaadin.clientRoundtrip();

        assertThat(_get(Paragraph.class, spec -> spec.withId("replay-status")).getText())
                .startsWith("Dựng lại không thành công: máy chủ thực hiện đã dừng giữa chừng").doesNotContain("replay.");
    }

    @Test
    void onlyAuditorsAndAdminsReachTheAuditDesk() {
        signIn(MEMBER, "MEMBER");
        UI().navigate(AuditView.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> _find(AuditView.class))
                .hasMessageContaining("com.vaadin.flow.router.AccessDeniedException");
    }

    static ReplayProgress running(long done, long total) {
        return new ReplayProgress("session-room", ReplayState.RUNNING, total, done, 500, (total - done) / 500, List.of(), 0, null);
    }

    @Test
    void onlyAuditorsAndAdministratorsReachThePastStateOfAnything() {
        for (String[] who : new String[][] {{MEMBER, "MEMBER"}, {"secretariat", "SECRETARIAT"}, {"clerk.g12", "AGENCY_CLERK"}}) {
            signIn(who[0], who[1]);
            UI().navigate("audit/as-of", org.ecabinet.ui.audit.AsOfView.at("DocumentDispatch", "d-1", 3));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> _find(org.ecabinet.ui.audit.AsOfView.class))
                    .as("%s is refused", who[1]).hasMessageContaining("AccessDeniedException");
        }
        verify(audit, never()).asOf(any(), any(), any(), anyLong());
    }
}
