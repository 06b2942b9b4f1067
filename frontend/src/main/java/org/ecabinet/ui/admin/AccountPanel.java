package org.ecabinet.ui.admin;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.ecabinet.ui.BackendApi;
import org.ecabinet.ui.RequiredFields;
import org.ecabinet.ui.Feedback;
import org.ecabinet.ui.Formats;
import org.ecabinet.ui.admin.AdminModels.Account;
import org.ecabinet.ui.admin.AdminModels.Certificate;
import org.ecabinet.ui.admin.AdminModels.Role;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

/**
 * One account, for its administrator: roles and agency, disabling and enabling, a temporary password, and the
 * signing certificates (issue, import, revoke). Every irreversible step asks first; every change reloads the list.
 */
class AccountPanel extends VerticalLayout {

    private final AdminClient admin;
    private final String token;
    private final Account account;
    private final Consumer<String> reload;
    final CheckboxGroup<Role> roles = new CheckboxGroup<>();
    final ComboBox<String> agency = new ComboBox<>();
    final Button saveRoles = new Button();
    final Button disable = new Button();
    final Button enable = new Button();
    final Button resetPassword = new Button();
    final Button issue = new Button();
    final Button importCertificate = new Button();
    final Grid<Certificate> certificates = new Grid<>();

    AccountPanel(AdminClient admin, String token, Account account, Map<String, String> agencies, Consumer<String> reload) {
        this.admin = admin;
        this.token = token;
        this.account = account;
        this.reload = reload;
        setId("admin-account");
        setPadding(false);

        H3 heading = new H3(account.displayName() + " (" + account.id() + ")");
        Paragraph standing = new Paragraph(account.title() + " · " + getTranslation("admin.standing." + account.standing()));

        roles.setId("admin-roles");
        roles.setLabel(getTranslation("admin.account.roles"));
        roles.setItems(Role.values());
        roles.setItemLabelGenerator(r -> getTranslation("role." + r));
        roles.setValue(account.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(account.roles()));
        agency.setId("admin-agency");
        agency.setLabel(getTranslation("admin.account.agency"));
        agency.setItems(List.copyOf(agencies.keySet()));
        agency.setItemLabelGenerator(code -> agencies.getOrDefault(code, code));
        agency.setClearButtonVisible(true);
        agency.setValue(account.organisationCode());
        agency.setWidth("min(28rem, 100%)");
        saveRoles.setText(getTranslation("admin.roles.save"));
        saveRoles.setId("admin-save-roles");
        RequiredFields required = new RequiredFields().choice(roles, getTranslation("form.required"));
        saveRoles.addClickListener(click -> {
            if (!required.valid()) {
                return;
            }
            explainRefusal(() -> change(() -> admin.changeRoles(token, account.id(), roles.getValue(), agency.getValue()), "admin.roles.saved"));
        });

        disable.setText(getTranslation("admin.disable"));
        disable.setId("admin-disable");
        disable.addThemeVariants(ButtonVariant.LUMO_ERROR);
        disable.setVisible(account.enabled());
        disable.addClickListener(click -> new PromptDialog<>(getTranslation("admin.disable.heading", account.displayName()),
                getTranslation("admin.disable.explanation"), labelled(new TextField(), "admin.reason"), getTranslation("admin.disable"), 3,
                reason -> change(() -> admin.disable(token, account.id(), reason), "admin.disabled")).open());
        enable.setText(getTranslation("admin.enable"));
        enable.setId("admin-enable");
        enable.setVisible(!account.enabled());
        enable.addClickListener(click -> explainRefusal(() -> change(() -> admin.enable(token, account.id()), "admin.enabled")));
        resetPassword.setText(getTranslation("admin.password.reset"));
        resetPassword.setId("admin-reset-password");
        resetPassword.addClickListener(click -> new PromptDialog<>(getTranslation("admin.password.heading", account.displayName()),
                getTranslation("admin.password.explanation"), labelled(new PasswordField(), "admin.account.temporaryPassword"),
                getTranslation("admin.password.reset"), org.ecabinet.ui.identity.ChangePasswordView.MIN_LENGTH,
                password -> change(() -> admin.resetPassword(token, account.id(), password), "admin.password.done")).open());

        issue.setText(getTranslation("admin.certificates.issue"));
        issue.setId("admin-issue-certificate");
        issue.addClickListener(click -> new PromptDialog<>(getTranslation("admin.certificates.issueHeading", account.displayName()),
                getTranslation("admin.certificates.issueExplanation"), labelled(new PasswordField(), "admin.certificates.pin"),
                getTranslation("admin.certificates.issue"), 6,
                pin -> change(() -> admin.issue(token, account.id(), pin), "admin.certificates.issued")).open());
        importCertificate.setText(getTranslation("admin.certificates.import"));
        importCertificate.setId("admin-import-certificate");
        importCertificate.addClickListener(click -> new PromptDialog<>(getTranslation("admin.certificates.importHeading", account.displayName()),
                getTranslation("admin.certificates.importExplanation"), labelled(new TextArea(), "admin.certificates.pem"),
                getTranslation("admin.certificates.import"), 20,
                pem -> change(() -> admin.importCertificate(token, account.id(), pem), "admin.certificates.imported")).open());

        certificates.setId("admin-certificates");
        certificates.addColumn(c -> c.facts().serial()).setHeader(getTranslation("admin.certificates.serial")).setFlexGrow(1);
        certificates.addColumn(c -> commonName(c.facts().issuer())).setHeader(getTranslation("admin.certificates.issuer")).setFlexGrow(2);
        certificates.addColumn(c -> Formats.day(Formats.hanoi(c.facts().notAfter()).toLocalDate()))
                .setHeader(getTranslation("admin.certificates.validUntil")).setFlexGrow(1);
        certificates.addColumn(c -> c.revoked()
                        ? getTranslation("admin.certificates.revokedOn", Formats.when(c.revokedAt()), c.revocationReason())
                        : getTranslation(c.keyHeldHere() ? "admin.certificates.activeHere" : "admin.certificates.activeElsewhere"))
                .setHeader(getTranslation("admin.account.standing")).setFlexGrow(2);
        certificates.addComponentColumn(this::revokeButton).setKey("actions").setHeader(getTranslation("admin.certificates.actions")).setAutoWidth(true);
        certificates.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        certificates.setAllRowsVisible(true);
        certificates.setItems(admin.certificates(token, account.id()));

        add(heading, standing, roles, agency, saveRoles, buttons(disable, enable, resetPassword),
                new H4(getTranslation("admin.certificates.heading")), buttons(issue, importCertificate), certificates);
    }

    private Span revokeButton(Certificate certificate) {
        Span cell = new Span();
        if (!certificate.revoked()) {
            Button revoke = new Button(getTranslation("admin.certificates.revoke"));
            revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
            revoke.setAriaLabel(getTranslation("admin.certificates.revokeSerial", certificate.facts().serial()));
            revoke.addClickListener(click -> new PromptDialog<>(getTranslation("admin.certificates.revokeHeading", certificate.facts().serial()),
                    getTranslation("admin.certificates.revokeExplanation"), labelled(new TextField(), "admin.reason"),
                    getTranslation("admin.certificates.revoke"), 3,
                    reason -> change(() -> admin.revoke(token, account.id(), certificate.facts().fingerprint(), reason), "admin.certificates.revoked"))
                    .open());
            cell.add(revoke);
        }
        return cell;
    }

    /** Runs the change; a refusal from the backend escapes to the dialog that asked, which explains it and stays open. */
    private void change(Runnable call, String doneKey) {
        call.run();
        Feedback.success(getTranslation(doneKey));
        reload.accept(account.id());
    }

    private <F extends com.vaadin.flow.component.HasLabel> F labelled(F field, String key) {
        field.setLabel(getTranslation(key));
        return field;
    }

    private static FlexLayout buttons(Button... buttons) {
        FlexLayout row = new FlexLayout(buttons);
        row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        row.getStyle().set("gap", "var(--lumo-space-s)");
        return row;
    }

    /** The CN of a distinguished name: the readable part of an issuer. */
    static String commonName(String distinguishedName) {
        for (String part : distinguishedName.split(",")) {
            if (part.strip().startsWith("CN=")) {
                return part.strip().substring(3);
            }
        }
        return distinguishedName;
    }

    /** A button outside a dialog: its refusal is explained here. */
    private static void explainRefusal(Runnable call) {
        try {
            call.run();
        } catch (BackendApi.BackendException refused) {
            Feedback.error(Feedback.explain(refused));
        }
    }
}
