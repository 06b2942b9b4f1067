package org.ecabinet.ui.identity;

import org.ecabinet.ui.BackendApi;
import org.ecabinet.ui.Feedback;
import org.ecabinet.ui.MainLayout;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.PermitAll;

/**
 * Choose your own password: required after an administrator created the account or reset its password (every
 * other page leads here until then), open to everyone else from the header. Afterwards the user signs in again
 * with the new password.
 */
@Route(value = "password", layout = MainLayout.class)
@PermitAll
public class ChangePasswordView extends VerticalLayout implements HasDynamicTitle {

    /** The only role of a user who must choose their password first. */
    public static final String PENDING = "PASSWORD_CHANGE_PENDING";
    /** The backend's rule for every password a person chooses or is given (its Credentials.MIN_PASSWORD_LENGTH). */
    public static final int MIN_LENGTH = 12;

    /** The form's values. */
    public static final class Change {
        private String current = "";
        private String chosen = "";
        private String repeated = "";

        public String getCurrent() {
            return current;
        }

        public void setCurrent(String current) {
            this.current = current;
        }

        public String getChosen() {
            return chosen;
        }

        public void setChosen(String chosen) {
            this.chosen = chosen;
        }

        public String getRepeated() {
            return repeated;
        }

        public void setRepeated(String repeated) {
            this.repeated = repeated;
        }
    }

    final PasswordField current = new PasswordField();
    final PasswordField chosen = new PasswordField();
    final PasswordField repeated = new PasswordField();
    final Button save = new Button();

    public ChangePasswordView(BackendApi api, CurrentUser currentUser) {
        SignedInUser user = currentUser.get();
        setMaxWidth("40rem");
        current.setId("password-current");
        current.setLabel(getTranslation("password.current"));
        chosen.setId("password-new");
        chosen.setLabel(getTranslation("password.new"));
        chosen.setHelperText(getTranslation("password.rule", MIN_LENGTH));
        repeated.setId("password-repeat");
        repeated.setLabel(getTranslation("password.repeat"));
        Binder<Change> binder = new Binder<>(Change.class);
        binder.forField(current).asRequired(getTranslation("form.required")).bind(Change::getCurrent, Change::setCurrent);
        binder.forField(chosen).asRequired(getTranslation("form.required"))
                .withValidator(v -> v.length() >= MIN_LENGTH, getTranslation("form.minLength", MIN_LENGTH))
                .withValidator(v -> !v.equals(current.getValue()), getTranslation("password.same"))
                .bind(Change::getChosen, Change::setChosen);
        binder.forField(repeated).asRequired(getTranslation("form.required"))
                .withValidator(v -> v.equals(chosen.getValue()), getTranslation("password.mismatch"))
                .bind(Change::getRepeated, Change::setRepeated);
        binder.setBean(new Change());

        save.setText(getTranslation("password.save"));
        save.setId("password-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> {
            try {
                Change change = new Change();
                binder.writeBean(change);
                api.as(user.token()).post().uri("/api/auth/password").contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .bodyValue(java.util.Map.of("currentPassword", change.getCurrent(), "newPassword", change.getChosen()))
                        .retrieve().toBodilessEntity().block(java.time.Duration.ofSeconds(30));
                Feedback.success(getTranslation("password.changed"));
                currentUser.signOut();
            } catch (ValidationException invalid) {
                // the fields say what is wrong
            } catch (BackendApi.BackendException refused) {
                Feedback.error(Feedback.explain(refused));
            }
        });
        add(new H2(getTranslation("password.heading")),
                new Paragraph(getTranslation(user.mustChangePassword() ? "password.required" : "password.intro")),
                new FormLayout(current, chosen, repeated), save);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("password.heading") + " — e-Cabinet";
    }
}
