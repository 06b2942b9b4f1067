package org.ecabinet.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.ecabinet.ui.admin.AdminModels.Account;
import org.ecabinet.ui.admin.AdminModels.Certificate;
import org.ecabinet.ui.admin.AdminModels.CertificateFacts;
import org.ecabinet.ui.admin.AdminModels.NewAccount;
import org.ecabinet.ui.admin.AdminModels.Role;
import org.ecabinet.ui.admin.UsersAdminView;
import org.ecabinet.ui.dispatch.DispatchModels.Agency;
import org.ecabinet.ui.identity.ChangePasswordView;
import org.ecabinet.ui.session.SessionsView;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.HasValueUtilsKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;

class AdminViewsTest extends KaribuTest {

    static final String ADMIN = "admin";
    static final String TOKEN = "token-" + ADMIN;
    static final String G12 = "000.00.00.G12";
    static final Account CLERK = new Account("clerk.g12", "Văn thư Bộ Tài chính (demo)", "Văn thư", Set.of(Role.AGENCY_CLERK), G12, null,
            true, false, true);
    static final Account NEW_MEMBER = new Account("thanhvien.moi", "Nguyễn Văn Mới", "Bộ trưởng", Set.of(Role.MEMBER), null, null,
            true, true, false);
    static final Certificate CLERKS_CERTIFICATE = new Certificate(new CertificateFacts("ab".repeat(32), "1f2e", "CN=Văn thư,O=e-Cabinet",
            "CN=e-Cabinet Development CA,O=e-Cabinet", Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2028-03-01T00:00:00Z")),
            true, null, null);

    void anAdministratorOnTheAccounts() {
        signIn(ADMIN, "ADMIN");
        when(documents.agencies(TOKEN)).thenReturn(List.of(new Agency(G12, "Bộ Tài chính"), new Agency("000.00.00.H29", "UBND thành phố Hà Nội")));
        when(admin.accounts(TOKEN)).thenReturn(List.of(CLERK, NEW_MEMBER));
        when(admin.certificates(TOKEN, CLERK.id())).thenReturn(List.of(CLERKS_CERTIFICATE));
        UI().navigate(UsersAdminView.class);
    }

    @SuppressWarnings("unchecked")
    Grid<Account> accounts() {
        return _get(Grid.class, spec -> spec.withId("admin-accounts"));
    }

    @Test
    void theAccountsSpeakOfRolesAgenciesAndStatesInWords() {
        anAdministratorOnTheAccounts();
        assertThat(GridKt._getFormattedRow(accounts(), 0)).containsSubsequence("Văn thư Bộ Tài chính (demo)", "clerk.g12", "Văn thư cơ quan",
                "Bộ Tài chính");
        assertThat(text(accounts())).doesNotContain("AGENCY_CLERK");
        assertThat(GridKt._getFormattedRow(accounts(), 1)).contains("Thành viên Chính phủ");
    }

    @Test
    void aClerkIsCreatedOnlyWithAnAgencyAndThenSent() {
        anAdministratorOnTheAccounts();
        ButtonKt._click(_get(Button.class, spec -> spec.withId("admin-new-account")));
        HasValueUtilsKt._setValue(_get(TextField.class, spec -> spec.withId("new-account-id")), "vanthu.moi");
        HasValueUtilsKt._setValue(_get(TextField.class, spec -> spec.withId("new-account-name")), "Trần Thị Văn Thư");
        HasValueUtilsKt._setValue(_get(TextField.class, spec -> spec.withId("new-account-title")), "Văn thư");
        @SuppressWarnings("unchecked")
        CheckboxGroup<Role> roles = _get(CheckboxGroup.class, spec -> spec.withId("new-account-roles"));
        HasValueUtilsKt._setValue(roles, Set.of(Role.AGENCY_CLERK));
        HasValueUtilsKt._setValue(_get(PasswordField.class, spec -> spec.withId("new-account-password")), "Tam-thoi@2026-x");
        ButtonKt._click(_get(Button.class, spec -> spec.withId("new-account-save")));
        @SuppressWarnings("unchecked")
        ComboBox<String> agency = _get(ComboBox.class, spec -> spec.withId("new-account-agency"));
        assertThat(agency.isInvalid()).as("a clerk without an agency").isTrue();
        verify(admin, never()).create(any(), any());

        HasValueUtilsKt._setValue(agency, G12);
        assertThat(agency.isInvalid()).as("the error clears once the field is valid").isFalse();
        ButtonKt._click(_get(Button.class, spec -> spec.withId("new-account-save")));
        verify(admin).create(TOKEN, new NewAccount("vanthu.moi", "Trần Thị Văn Thư", "Văn thư", Set.of(Role.AGENCY_CLERK), G12, null,
                "Tam-thoi@2026-x"));
        assertThat(_find(Dialog.class)).isEmpty();
    }

    @Test
    void aRefusalIsExplainedInWordsAndTheDialogStaysOpen() {
        anAdministratorOnTheAccounts();
        doThrow(new BackendApi.BackendException(HttpStatus.CONFLICT, "account.exists", "", java.util.Map.of(), "An account with this user name exists already."))
                .when(admin).create(eq(TOKEN), any());
        ButtonKt._click(_get(Button.class, spec -> spec.withId("admin-new-account")));
        HasValueUtilsKt._setValue(_get(TextField.class, spec -> spec.withId("new-account-id")), "clerk.g12");
        HasValueUtilsKt._setValue(_get(TextField.class, spec -> spec.withId("new-account-name")), "Trùng tên");
        HasValueUtilsKt._setValue(_get(TextField.class, spec -> spec.withId("new-account-title")), "Văn thư");
        @SuppressWarnings("unchecked")
        CheckboxGroup<Role> roles = _get(CheckboxGroup.class, spec -> spec.withId("new-account-roles"));
        HasValueUtilsKt._setValue(roles, Set.of(Role.AUDITOR));
        HasValueUtilsKt._setValue(_get(PasswordField.class, spec -> spec.withId("new-account-password")), "Tam-thoi@2026-x");
        ButtonKt._click(_get(Button.class, spec -> spec.withId("new-account-save")));
        NotificationsKt.expectNotifications("Tên đăng nhập này đã có người dùng.");
        assertThat(_find(Dialog.class)).hasSize(1);
    }

    @Test
    void revokingACertificateAsksForAReasonFirst() {
        anAdministratorOnTheAccounts();
        accounts().select(CLERK);
        @SuppressWarnings("unchecked")
        Grid<Certificate> certificates = _get(Grid.class, spec -> spec.withId("admin-certificates"));
        assertThat(GridKt._getFormattedRow(certificates, 0))
                .containsSubsequence("1f2e", "e-Cabinet Development CA", "01/03/2028", "Có hiệu lực (khóa giữ trên hệ thống)");
        ButtonKt._click((Button) GridKt._getCellComponent(certificates, 0, "actions").getChildren()
                .findFirst().orElseThrow());
        verify(admin, never()).revoke(any(), any(), any(), any());
        Button confirm = _get(Dialog.class).getFooter().getElement().getChildren()
                .map(e -> e.getComponent().orElseThrow()).filter(c -> c instanceof Button b && b.getText().equals("Thu hồi"))
                .map(Button.class::cast).findFirst().orElseThrow();
        ButtonKt._click(confirm);
        verify(admin, never()).revoke(any(), any(), any(), any()); // no reason yet
        HasValueUtilsKt._setValue(_get(Dialog.class).getChildren().filter(TextField.class::isInstance).map(TextField.class::cast)
                .findFirst().orElseThrow(), "Mất thiết bị");
        ButtonKt._click(confirm);
        verify(admin).revoke(TOKEN, CLERK.id(), CLERKS_CERTIFICATE.facts().fingerprint(), "Mất thiết bị");
    }

    @Test
    void aUserWhosePasswordWasSetByAnAdministratorLandsOnThePasswordPage() {
        signInWithPasswordPending("vanthu.moi", "AGENCY_CLERK");
        UI().navigate(SessionsView.class);
        assertThat(_find(ChangePasswordView.class)).hasSize(1);
        assertThat(_find(SessionsView.class)).isEmpty();
    }

    @Test
    void onlyAdministratorsReachTheAccounts() {
        signIn(AUDITOR_ID, "AUDITOR");
        UI().navigate(UsersAdminView.class);
        assertThatThrownBy(() -> _find(UsersAdminView.class)).hasMessageContaining("com.vaadin.flow.router.AccessDeniedException");
    }

    static final String AUDITOR_ID = "auditor";
}
