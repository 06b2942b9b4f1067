package org.ecabinet.ui.admin;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.ecabinet.ui.BackendApi;
import org.ecabinet.ui.Feedback;
import org.ecabinet.ui.admin.AdminModels.NewAccount;
import org.ecabinet.ui.admin.AdminModels.Role;
import org.ecabinet.ui.identity.ChangePasswordView;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationException;

/**
 * "Create an account": who, which roles, which agency (required for a clerk), and a temporary password that
 * the user must replace at the first sign-in. Validated field by field; the backend's refusals in words.
 */
class NewAccountDialog extends Dialog {

    final TextField userId = new TextField();
    final TextField displayName = new TextField();
    final TextField title = new TextField();
    final CheckboxGroup<Role> roles = new CheckboxGroup<>();
    final ComboBox<String> organisationCode = new ComboBox<>();
    final EmailField email = new EmailField();
    final PasswordField temporaryPassword = new PasswordField();
    final Button save = new Button();
    private final Binder<NewAccount> binder = new Binder<>(NewAccount.class);

    /** {@code agencies}: code → name; {@code created} sends the account and throws what the backend refused. */
    NewAccountDialog(Map<String, String> agencies, Consumer<NewAccount> created) {
        setHeaderTitle(getTranslation("admin.new.heading"));
        userId.setId("new-account-id");
        userId.setLabel(getTranslation("admin.account.id"));
        userId.setHelperText(getTranslation("admin.account.idHelp"));
        userId.setMaxLength(40);
        displayName.setId("new-account-name");
        displayName.setLabel(getTranslation("admin.account.name"));
        displayName.setMaxLength(200);
        title.setId("new-account-title");
        title.setLabel(getTranslation("admin.account.title"));
        title.setMaxLength(200);
        roles.setId("new-account-roles");
        roles.setLabel(getTranslation("admin.account.roles"));
        roles.setItems(Role.values());
        roles.setItemLabelGenerator(r -> getTranslation("role." + r));
        organisationCode.setId("new-account-agency");
        organisationCode.setLabel(getTranslation("admin.account.agency"));
        organisationCode.setItems(List.copyOf(agencies.keySet()));
        organisationCode.setItemLabelGenerator(code -> agencies.getOrDefault(code, code));
        organisationCode.setClearButtonVisible(true);
        email.setId("new-account-email");
        email.setLabel(getTranslation("admin.account.email"));
        email.setErrorMessage(getTranslation("form.email"));
        temporaryPassword.setId("new-account-password");
        temporaryPassword.setLabel(getTranslation("admin.account.temporaryPassword"));
        temporaryPassword.setHelperText(getTranslation("admin.account.temporaryPasswordHelp", ChangePasswordView.MIN_LENGTH));

        String required = getTranslation("form.required");
        binder.forField(userId).asRequired(required)
                .withValidator(v -> v.matches("[a-z0-9][a-z0-9._-]{2,39}"), getTranslation("admin.account.idInvalid")).bind("userId");
        binder.forField(displayName).asRequired(required).bind("displayName");
        binder.forField(title).asRequired(required).bind("title");
        binder.forField(roles).asRequired(required).bind("roles");
        binder.forField(organisationCode)
                .withValidator(code -> code != null || !roles.getValue().contains(Role.AGENCY_CLERK), getTranslation("admin.account.clerkNeedsAgency"))
                .bind("organisationCode");
        binder.forField(email).bind("email");
        binder.forField(temporaryPassword).asRequired(required)
                .withValidator(v -> v.length() >= ChangePasswordView.MIN_LENGTH, getTranslation("form.minLength", ChangePasswordView.MIN_LENGTH)).bind("temporaryPassword");
        binder.readRecord(new NewAccount("", "", "", EnumSet.noneOf(Role.class), null, "", ""));
        // the agency's rule depends on the roles: checked again when they change
        roles.addValueChangeListener(change -> binder.validate());

        FormLayout form = new FormLayout(userId, displayName, title, email, roles, organisationCode, temporaryPassword);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("600px", 2));
        form.setColspan(roles, 2);
        add(form);

        save.setText(getTranslation("admin.new.save"));
        save.setId("new-account-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> {
            try {
                NewAccount account = binder.writeRecord();
                created.accept(new NewAccount(account.userId().strip(), account.displayName().strip(), account.title().strip(),
                        Set.copyOf(account.roles()), account.organisationCode(), blankToNull(account.email()), account.temporaryPassword()));
                Feedback.success(getTranslation("admin.new.saved", account.userId()));
                close();
            } catch (ValidationException invalid) {
                // the fields say what is missing
            } catch (BackendApi.BackendException refused) {
                Feedback.error(Feedback.explain(refused));
            }
        });
        getFooter().add(new Button(getTranslation("form.cancel"), click -> close()), save);
        setWidth("min(44rem, 100vw)");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
