package org.ecabinet.ui;

import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.ecabinet.ui.ballot.BallotsClient;
import org.ecabinet.ui.identity.Directory;
import org.ecabinet.ui.identity.SignedInUser;
import org.ecabinet.ui.session.SessionModels;
import org.ecabinet.ui.session.SessionsClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinServletRequest;

import kotlin.jvm.functions.Function0;

/**
 * Views in a browserless Vaadin (Karibu-Testing) inside the real Spring context, with the backend
 * replaced by mocks: what the views show and what they ask of the backend.
 */
@SpringBootTest
public abstract class KaribuTest {

    private static final Routes ROUTES = new Routes().autoDiscoverViews("org.ecabinet.ui");

    protected static final String MEMBER = "member05";
    private static final Locale JVM_LOCALE = Locale.getDefault();

    @Autowired
    protected ApplicationContext context;
    @MockitoBean
    protected SessionsClient sessions;
    @MockitoBean
    protected Directory directory;
    @MockitoBean
    protected BallotsClient ballots;
    @MockitoBean
    protected org.ecabinet.ui.audit.AuditClient audit;
    @MockitoBean
    protected org.ecabinet.ui.dispatch.DocumentsClient documents;
    @MockitoBean
    protected org.ecabinet.ui.admin.AdminClient admin;

    @BeforeEach
    void startVaadin() {
        Function0<UI> uiFactory = UI::new;
        // Karibu's mock session does not run the session-init listener that makes Vietnamese the default,
        // so the mock browser asks for Vietnamese (the end-to-end test checks the listener in a real browser).
        Locale.setDefault(Translations.VIETNAMESE);
        MockVaadin.setup(uiFactory, new MockSpringServlet(ROUTES, context, uiFactory));
        when(directory.people("token-" + MEMBER)).thenReturn(Map.of(
                MEMBER, new Directory.Person(MEMBER, "Thành viên 05 (demo)", "Phó Thủ tướng Chính phủ"),
                "member06", new Directory.Person("member06", "Thành viên 06 (demo)", "Bộ trưởng Bộ Quốc phòng")));
    }

    @AfterEach
    void stopVaadin() {
        SecurityContextHolder.clearContext();
        MockVaadin.tearDown();
        Locale.setDefault(JVM_LOCALE);
    }

    protected void signIn(String userId, String... roles) {
        signInFor(null, userId, roles);
    }

    /** Signs in a user who acts for an organisation (a clerk). */
    protected void signInFor(String organisationCode, String userId, String... roles) {
        authenticate(new SignedInUser(userId, "Thành viên 05 (demo)", "Phó Thủ tướng Chính phủ", Set.of(roles), organisationCode,
                "token-" + userId, false), roles);
    }

    /** Signs in a user whose password an administrator set: the frontend gives them the pending-password role only. */
    protected void signInWithPasswordPending(String userId, String... roles) {
        authenticate(new SignedInUser(userId, "Người dùng mới", "Văn thư", Set.of(roles), null, "token-" + userId, true),
                org.ecabinet.ui.identity.ChangePasswordView.PENDING);
    }

    private void authenticate(SignedInUser user, String... roles) {
        var authentication = UsernamePasswordAuthenticationToken.authenticated(user, null,
                java.util.Arrays.stream(roles).map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList());
        SecurityContextHolder.getContext().setAuthentication(authentication);
        FakeRequest request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(authentication);
        request.setUserInRole((principal, role) -> Set.of(roles).contains(role));
    }

    protected static UI UI() {
        return UI.getCurrent();
    }

    protected static String text(com.vaadin.flow.component.Component component) {
        return component.getElement().getTextRecursively();
    }

    protected static SessionModels.SessionRoom room(String status, List<String> checkedIn, long version) {
        List<String> members = java.util.stream.IntStream.rangeClosed(1, 27)
                .mapToObj(i -> i == 1 ? "thutuong" : "member%02d".formatted(i)).toList();
        var item = new SessionModels.AgendaItem("item-1", "Báo cáo tình hình kinh tế - xã hội", "Bộ Kế hoạch và Đầu tư",
                List.of(new SessionModels.Paper("p1", "bao-cao.pdf", "ab".repeat(32), 2048)),
                List.of(new SessionModels.MemberPosition("member06", "OBJECT", "Chưa đủ căn cứ")), null, null, null);
        return new SessionModels.SessionRoom("s-1", "[DEMO] Phiên họp thường kỳ", "REGULAR", Instant.parse("2026-11-26T01:00:00Z"),
                "Trụ sở Chính phủ", false, status, !status.equals("SCHEDULED"), "thutuong", members, List.of(), 18,
                List.of(item), checkedIn, List.of(), null, null, null, null, version);
    }
}
