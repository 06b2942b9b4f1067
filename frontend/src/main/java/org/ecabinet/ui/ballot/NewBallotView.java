package org.ecabinet.ui.ballot;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.ecabinet.ui.BackendApi;
import org.ecabinet.ui.Pickers;
import org.ecabinet.ui.Feedback;
import org.ecabinet.ui.Formats;
import org.ecabinet.ui.MainLayout;
import org.ecabinet.ui.PdfUpload;
import org.ecabinet.ui.ballot.BallotModels.NewBallot;
import org.ecabinet.ui.identity.CurrentUser;
import org.ecabinet.ui.identity.SignedInUser;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

/** The secretariat issues a ballot: subject, drafts (PDF), questions (one per line) and the deadline. */
@Route(value = "ballots/new", layout = MainLayout.class)
@RolesAllowed("SECRETARIAT")
public class NewBallotView extends VerticalLayout implements HasDynamicTitle {

    final TextField subject = new TextField();
    final TextArea questions = new TextArea();
    final DateTimePicker deadline = new DateTimePicker();
    final List<String> draftIds = new ArrayList<>();

    public NewBallotView(BallotsClient client, CurrentUser currentUser) {
        SignedInUser user = currentUser.get();
        subject.setLabel(getTranslation("newBallot.subject"));
        subject.setId("ballot-subject-field");
        subject.setMaxLength(500);
        subject.setWidthFull();
        questions.setLabel(getTranslation("newBallot.questions"));
        questions.setHelperText(getTranslation("newBallot.questionsHelp"));
        questions.setId("ballot-questions");
        questions.setWidthFull();
        deadline.setLabel(getTranslation("newBallot.deadline"));
        deadline.setId("ballot-deadline");
        Pickers.localise(deadline);
        deadline.setWidth("min(100%, 24rem)"); // its date and time fields share the width: on a phone they stay on the screen
        deadline.setMin(LocalDateTime.now(Formats.HANOI));
        deadline.setValue(LocalDateTime.now(Formats.HANOI).plusDays(3).withHour(17).withMinute(0).withSecond(0).withNano(0));

        UnorderedList uploaded = new UnorderedList();
        uploaded.setId("uploaded-drafts");
        UI ui = UI.getCurrent();
        var drafts = PdfUpload.create("draft-upload", (fileName, bytes) -> {
            try {
                String id = client.uploadDraft(user.token(), fileName, bytes);
                ui.access(() -> {
                    draftIds.add(id);
                    uploaded.add(new ListItem(fileName));
                });
            } catch (BackendApi.BackendException e) {
                ui.access(() -> Feedback.error(Feedback.explain(e)));
            }
        });

        // bound, so that an error shows when a field is left wrong and clears as soon as it is right
        Binder<Form> binder = new Binder<>(Form.class);
        binder.forField(subject).asRequired(getTranslation("newBallot.required")).bind(Form::getSubject, Form::setSubject);
        binder.forField(questions).withValidator(text -> !lines(text).isEmpty(), getTranslation("newBallot.required"))
                .bind(Form::getQuestions, Form::setQuestions);
        // not asRequired: its required indicator puts aria-required on the picker's host element, which axe finds
        // not allowed there (critical); the picker starts with a deadline anyway
        binder.forField(deadline).withValidator(java.util.Objects::nonNull, getTranslation("newBallot.required"))
                .bind(Form::getDeadline, Form::setDeadline);
        Form form = new Form();
        form.setDeadline(deadline.getValue());
        binder.setBean(form);

        Button issue = new Button(getTranslation("newBallot.issue"), click -> {
            if (!binder.validate().isOk()) {
                return;
            }
            NewBallot ballot = new NewBallot(form.getSubject().strip(), List.copyOf(draftIds), lines(form.getQuestions()),
                    form.getDeadline().atZone(Formats.HANOI).toInstant());
            try {
                String ballotId = client.issue(user.token(), ballot);
                Feedback.success(getTranslation("newBallot.issued"));
                getUI().ifPresent(current -> current.navigate(BallotView.class, ballotId));
            } catch (BackendApi.BackendException e) {
                Feedback.error(Feedback.explain(e));
            }
        });
        issue.setId("issue-ballot");
        issue.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        add(new H2(getTranslation("newBallot.heading")), subject, new Paragraph(getTranslation("newBallot.drafts")), drafts, uploaded,
                questions, deadline, new Paragraph(getTranslation("newBallot.allMembers")), issue);
    }

    /** One question per non-empty line, trimmed. */
    static List<String> lines(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("\\R")).map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    /** The form's values. */
    public static final class Form {
        private String subject = "";
        private String questions = "";
        private LocalDateTime deadline;

        public String getSubject() {
            return subject;
        }

        public void setSubject(String subject) {
            this.subject = subject;
        }

        public String getQuestions() {
            return questions;
        }

        public void setQuestions(String questions) {
            this.questions = questions;
        }

        public LocalDateTime getDeadline() {
            return deadline;
        }

        public void setDeadline(LocalDateTime deadline) {
            this.deadline = deadline;
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("newBallot.heading") + " — e-Cabinet";
    }
}
