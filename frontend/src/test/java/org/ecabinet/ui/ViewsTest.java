package org.ecabinet.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;

import org.ecabinet.ui.identity.LoginView;
import org.ecabinet.ui.session.SessionsView;
import org.ecabinet.ui.session.SessionModels;
import org.ecabinet.ui.session.SessionRoomView;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.select.Select;

import reactor.core.publisher.Sinks;

class ViewsTest extends KaribuTest {

    @Test
    void strangersAreSentToTheSignInPage() {
        UI.getCurrent().navigate(SessionsView.class);
        _get(LoginView.class);
        assertThat(_find(SessionsView.class)).isEmpty();
    }

    @Test
    void theSignInPageSpeaksVietnamese() {
        UI.getCurrent().navigate(LoginView.class);
        LoginForm form = _get(LoginForm.class);
        assertThat(i18n(form)).contains("\"submit\":\"Đăng nhập\"", "\"username\":\"Tên đăng nhập\"");
    }

    @Test
    void theLanguageSwitchChoosesEnglishForTheSession() {
        UI.getCurrent().navigate(LoginView.class);
        com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue(_get(LanguageSwitch.class), Translations.ENGLISH);
        assertThat(com.vaadin.flow.server.VaadinSession.getCurrent().getLocale()).isEqualTo(Translations.ENGLISH);
    }

    @Test
    void theRoomSpeaksEnglishToAnEnglishSession() {
        signIn(MEMBER, "MEMBER");
        UI.getCurrent().getSession().setLocale(Translations.ENGLISH);
        UI.getCurrent().setLocale(Translations.ENGLISH);
        when(sessions.room("token-" + MEMBER, "s-1")).thenReturn(room("PUBLISHED", List.of(), 4));
        when(sessions.changes(any(), any())).thenReturn(reactor.core.publisher.Flux.never());

        UI.getCurrent().navigate(SessionRoomView.class, "s-1");
        assertThat(_get(Span.class, spec -> spec.withId("present-count")).getText()).isEqualTo("0 of 27 members present (18 needed to open)");
        assertThat(_get(Button.class, spec -> spec.withId("check-in")).getText()).isEqualTo("Check in");
    }

    @Test
    void aMemberSeesTheirSessionsAndOpensOne() {
        signIn(MEMBER, "MEMBER");
        when(sessions.list("token-" + MEMBER)).thenReturn(List.of(new SessionModels.SessionSummary("s-1", "[DEMO] Phiên họp thường kỳ",
                "REGULAR", Instant.parse("2026-11-26T01:00:00Z"), "Trụ sở Chính phủ", false, "PUBLISHED", 3, true)));
        when(sessions.room("token-" + MEMBER, "s-1")).thenReturn(room("PUBLISHED", List.of(), 4));
        when(sessions.changes(any(), any())).thenReturn(reactor.core.publisher.Flux.never());

        UI.getCurrent().navigate(SessionsView.class);
        @SuppressWarnings("unchecked")
        Grid<SessionModels.SessionSummary> grid = _get(Grid.class);
        assertThat(GridKt._size(grid)).isEqualTo(1);
        assertThat(GridKt._getFormattedRow(grid, 0)).contains("RouterLink[text='[DEMO] Phiên họp thường kỳ']", "Thường kỳ", "26/11/2026 08:00", "Đã phát hành tài liệu");

        GridKt._clickItem(grid, 0);
        _get(SessionRoomView.class);
        assertThat(_get(H2.class, spec -> spec.withId("session-title")).getText()).isEqualTo("[DEMO] Phiên họp thường kỳ");
    }

    @Test
    void theRoomShowsAgendaPapersPositionsAndAttendance() {
        signIn(MEMBER, "MEMBER");
        when(sessions.room("token-" + MEMBER, "s-1")).thenReturn(room("PUBLISHED", List.of(), 4));
        when(sessions.changes(any(), any())).thenReturn(reactor.core.publisher.Flux.never());

        UI.getCurrent().navigate(SessionRoomView.class, "s-1");
        String agenda = text(_get(Section.class, spec -> spec.withId("agenda")));
        assertThat(agenda).contains("1. Báo cáo tình hình kinh tế - xã hội", "Cơ quan trình: Bộ Kế hoạch và Đầu tư",
                "Đồng ý: 0 · Đề nghị thảo luận: 0 · Không đồng ý: 1",
                "Bộ trưởng Bộ Quốc phòng (Thành viên 06 (demo)): Không đồng ý — Chưa đủ căn cứ");
        assertThat(_get(Anchor.class).getText()).isEqualTo("bao-cao.pdf (2 KB)");
        assertThat(_get(Span.class, spec -> spec.withId("present-count")).getText()).isEqualTo("Có mặt 0/27 thành viên (cần ít nhất 18 để khai mạc)");
        assertThat(_find(Select.class, spec -> spec.withLabel("Ý kiến của bạn"))).as("a member may record a position before the opening").hasSize(1);
    }

    @Test
    void checkingInAsksTheBackendAndTheLiveStreamRedrawsTheRoom() {
        signIn(MEMBER, "MEMBER");
        Sinks.Many<SessionModels.SessionRoom> stream = Sinks.many().multicast().directBestEffort();
        when(sessions.room("token-" + MEMBER, "s-1")).thenReturn(room("PUBLISHED", List.of(), 4));
        when(sessions.changes("token-" + MEMBER, "s-1")).thenReturn(stream.asFlux());

        UI.getCurrent().navigate(SessionRoomView.class, "s-1");
        ButtonKt._click(_get(Button.class, spec -> spec.withId("check-in")));
        verify(sessions).checkIn("token-" + MEMBER, "s-1");

        stream.tryEmitNext(room("PUBLISHED", List.of(MEMBER, "member06"), 6));
        MockVaadin.clientRoundtrip();
        assertThat(_get(Span.class, spec -> spec.withId("present-count")).getText()).startsWith("Có mặt 2/27");
        assertThat(_find(Button.class, spec -> spec.withId("check-in"))).isEmpty();
        _get(Span.class, spec -> spec.withId("checked-in"));

        stream.tryEmitNext(room("PUBLISHED", List.of(), 5));
        MockVaadin.clientRoundtrip();
        assertThat(_get(Span.class, spec -> spec.withId("present-count")).getText()).as("an older state is ignored").startsWith("Có mặt 2/27");
    }

    @Test
    void aRefusalFromTheBackendIsShownToTheUser() {
        signIn(MEMBER, "MEMBER");
        when(sessions.room("token-" + MEMBER, "s-1")).thenReturn(room("PUBLISHED", List.of(), 4));
        when(sessions.changes(any(), any())).thenReturn(reactor.core.publisher.Flux.never());
        doThrow(new BackendApi.BackendException(HttpStatus.CONFLICT, "not-allowed-now", "", java.util.Map.of(), "Check-in is possible once the session is published"))
                .when(sessions).checkIn(eq("token-" + MEMBER), eq("s-1"));

        UI.getCurrent().navigate(SessionRoomView.class, "s-1");
        ButtonKt._click(_get(Button.class, spec -> spec.withId("check-in")));
        // In the user's language, not the backend's English; and the room is read again to show what is true now.
        NotificationsKt.expectNotifications("Thao tác này không thực hiện được ở trạng thái hiện tại; màn hình đã được cập nhật.");
        org.mockito.Mockito.verify(sessions, org.mockito.Mockito.times(2)).room("token-" + MEMBER, "s-1");
    }

    @Test
    void anUninvitedUserIsToldTheRoomIsUnavailable() {
        signIn("clerk.g12", "AGENCY_CLERK");
        when(directory.people("token-clerk.g12")).thenReturn(java.util.Map.of());
        when(sessions.room("token-clerk.g12", "s-1")).thenThrow(new BackendApi.BackendException(HttpStatus.FORBIDDEN, "You are not invited to this session."));

        UI.getCurrent().navigate(SessionRoomView.class, "s-1");
        assertThat(_find(H2.class)).extracting(H2::getText).contains("Không mở được phiên họp");
        assertThat(_find(Section.class)).isEmpty();
    }

    @Test
    void aRefusalNamesWhatItIsAboutInTheUsersWordsAndTime() {
        signIn(MEMBER, "MEMBER");
        var deadlinePassed = new BackendApi.BackendException(HttpStatus.CONFLICT, "ballot.deadline-passed", "",
                java.util.Map.of("deadline", "2026-11-26T10:00:00Z"), "The deadline for answers passed at 2026-11-26T10:00:00Z.");
        assertThat(Feedback.explain(deadlinePassed)).isEqualTo("Đã quá hạn trả lời phiếu này (hạn: 26/11/2026 17:00).");
        var voteOpen = new BackendApi.BackendException(HttpStatus.CONFLICT, "session.vote-open", "",
                java.util.Map.of("item", "Dự thảo Nghị định về giao dịch điện tử"), "The vote on item 7f0c… is still open.");
        assertThat(Feedback.explain(voteOpen)).isEqualTo("Cuộc biểu quyết về nội dung \"Dự thảo Nghị định về giao dịch điện tử\" chưa kết thúc; hãy kết thúc trước.");
    }

    @Test
    void stoppingTheApplicationEndsEveryOpenLiveFeedFirst() {
        signIn(MEMBER, "MEMBER");
        Sinks.Many<SessionModels.SessionRoom> stream = Sinks.many().multicast().directBestEffort();
        when(sessions.room("token-" + MEMBER, "s-1")).thenReturn(room("PUBLISHED", List.of(), 4));
        when(sessions.changes("token-" + MEMBER, "s-1")).thenReturn(stream.asFlux());
        UI.getCurrent().navigate(SessionRoomView.class, "s-1");
        assertThat(stream.currentSubscriberCount()).as("the room follows its stream").isEqualTo(1);
        try {
            context.getBean(LiveFeedShutdown.class).stop();
            assertThat(stream.currentSubscriberCount()).as("ended before the HTTP client goes").isZero();
            UI.getCurrent().navigate(SessionRoomView.class, "s-1");
            assertThat(stream.currentSubscriberCount()).as("and none opened while stopping").isZero();
        } finally {
            context.getBean(LiveFeedShutdown.class).start();
        }
    }

    /** What the login form's web component receives as its texts. */
    private static String i18n(LoginForm form) {
        return String.valueOf(form.getElement().getPropertyRaw("i18n"));
    }
}
