package org.ecabinet.ui.admin;

import java.util.function.Consumer;

import org.ecabinet.ui.BackendApi;
import org.ecabinet.ui.Feedback;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationException;

/**
 * One question before an irreversible or sensitive step (a reason, a temporary password, a PIN, a PEM): the
 * field is validated by a {@link Binder}, the step runs on confirmation, and a refusal is explained in the
 * user's language while the dialog stays open.
 */
class PromptDialog<F extends Component & HasValue<?, String>> extends Dialog {

    /** The answer, bound so that an error clears as soon as the field becomes valid. */
    static final class Answer {
        private String value = "";

        public String getValue() {
            return value;
        }

        public void setValue(String value) {
            this.value = value;
        }
    }

    final F field;
    final Button confirm;

    PromptDialog(String heading, String explanation, F field, String confirmLabel, int minLength, Consumer<String> step) {
        this.field = field;
        setHeaderTitle(heading);
        if (explanation != null) {
            add(new Paragraph(explanation));
        }
        Binder<Answer> binder = new Binder<>(Answer.class);
        binder.forField(field).asRequired(getTranslation("form.required"))
                .withValidator(v -> v.strip().length() >= minLength, getTranslation("form.minLength", minLength))
                .bind(Answer::getValue, Answer::setValue);
        binder.setBean(new Answer());
        field.getElement().setAttribute("style", "width: 100%");
        field.setId("prompt-field");
        add(field);
        confirm = new Button(confirmLabel, click -> {
            try {
                Answer answer = new Answer();
                binder.writeBean(answer);
                step.accept(answer.getValue().strip());
                close();
            } catch (ValidationException invalid) {
                // the field says what is wrong
            } catch (BackendApi.BackendException refused) {
                Feedback.error(Feedback.explain(refused));
            }
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setId("prompt-confirm");
        getFooter().add(new Button(getTranslation("form.cancel"), click -> close()), confirm);
        setWidth("min(32rem, 100vw)");
    }
}
