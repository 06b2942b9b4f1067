package org.ecabinet.ui.ballot;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.ecabinet.ui.BackendApi;
import org.ecabinet.ui.Feedback;
import org.ecabinet.ui.Formats;
import org.ecabinet.ui.MainLayout;
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
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;

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
        deadline.setMin(LocalDateTime.now(Formats.HANOI));
        deadline.setValue(LocalDateTime.now(Formats.HANOI).plusDays(3).withHour(17).withMinute(0).withSecond(0).withNano(0));

        UnorderedList uploaded = new UnorderedList();
        uploaded.setId("uploaded-drafts");
        UI ui = UI.getCurrent();
        Upload drafts = new Upload(UploadHandler.inMemory((metadata, bytes) -> {
            try {
                String id = client.uploadDraft(user.token(), metadata.fileName(), bytes);
                ui.access(() -> {
                    draftIds.add(id);
                    uploaded.add(new ListItem(metadata.fileName()));
                });
            } catch (BackendApi.BackendException e) {
                ui.access(() -> Feedback.error(e.getMessage()));
            }
        }));
        drafts.setAcceptedFileTypes("application/pdf", ".pdf");
        drafts.setMaxFileSize(20 * 1024 * 1024);
        drafts.setId("draft-upload");

        Button issue = new Button(getTranslation("newBallot.issue"), click -> {
            List<String> lines = Arrays.stream(questions.getValue().split("\\R")).map(String::strip).filter(l -> !l.isEmpty()).toList();
            subject.setInvalid(subject.getValue().isBlank());
            subject.setErrorMessage(getTranslation("newBallot.required"));
            questions.setInvalid(lines.isEmpty());
            questions.setErrorMessage(getTranslation("newBallot.required"));
            deadline.setInvalid(deadline.getValue() == null);
            if (subject.isInvalid() || questions.isInvalid() || deadline.isInvalid()) {
                return;
            }
            NewBallot ballot = new NewBallot(subject.getValue().strip(), List.copyOf(draftIds), lines,
                    deadline.getValue().atZone(Formats.HANOI).toInstant());
            try {
                String ballotId = client.issue(user.token(), ballot);
                Feedback.success(getTranslation("newBallot.issued"));
                getUI().ifPresent(current -> current.navigate(BallotView.class, ballotId));
            } catch (BackendApi.BackendException e) {
                Feedback.error(e.getMessage());
            }
        });
        issue.setId("issue-ballot");
        issue.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        add(new H2(getTranslation("newBallot.heading")), subject, new Paragraph(getTranslation("newBallot.drafts")), drafts, uploaded,
                questions, deadline, new Paragraph(getTranslation("newBallot.allMembers")), issue);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("newBallot.heading") + " — e-Cabinet";
    }
}
