package org.ecabinet.ui.ballot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.ecabinet.ui.BackendApi;
import org.ecabinet.ui.Confirmation;
import org.ecabinet.ui.Feedback;
import org.ecabinet.ui.RequiredFields;
import org.ecabinet.ui.LiveFeed;
import org.ecabinet.ui.Formats;
import org.ecabinet.ui.MainLayout;
import org.ecabinet.ui.ballot.BallotModels.Answer;
import org.ecabinet.ui.ballot.BallotModels.Ballot;
import org.ecabinet.ui.ballot.BallotModels.MemberAnswer;
import org.ecabinet.ui.ballot.BallotModels.Question;
import org.ecabinet.ui.ballot.BallotModels.QuestionResult;
import org.ecabinet.ui.identity.CurrentUser;
import org.ecabinet.ui.identity.Directory;
import org.ecabinet.ui.identity.SignedInUser;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.PermitAll;

/**
 * One ballot: the drafts to read, the questions, and, for a member still consulted, the answer form that
 * signs the answer with the member's key after the PIN. The secretariat and auditors watch the tally move
 * live (the backend's stream, pushed to the browser) and the secretariat closes and publishes the result.
 */
@Route(value = "ballot", layout = MainLayout.class)
@PermitAll
public class BallotView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {

    static final List<String> CHOICES = List.of("AGREE", "DISAGREE", "OTHER_OPINION");

    private final BallotsClient client;
    private final SignedInUser user;
    private final Directory directory;
    private Map<String, Directory.Person> people = Map.of();
    private String ballotId;
    private Ballot ballot;
    private LiveFeed<Ballot> liveUpdates;
    private Object actionsShownFor;

    private final H2 subject = new H2();
    private final Paragraph details = new Paragraph();
    private final Section drafts = new Section();
    private final Section mine = new Section();
    private final Section form = new Section();
    private final Section tally = new Section();
    private final Section actions = new Section();

    public BallotView(BallotsClient client, CurrentUser currentUser, Directory directory) {
        this.client = client;
        this.user = currentUser.get();
        this.directory = directory;
        subject.setId("ballot-subject");
        details.setId("ballot-details");
        drafts.setId("drafts");
        mine.setId("my-answer");
        form.setId("answer-form");
        tally.setId("tally");
        actions.setId("ballot-actions");
        add(subject, details, drafts, mine, form, tally, actions);
    }

    @Override
    public void setParameter(BeforeEvent event, String ballotId) {
        this.ballotId = ballotId;
        try {
            people = directory.people(user.token());
            ballot = null;
            actionsShownFor = null;
            render(client.ballot(user.token(), ballotId));
            renderForm();
            if (liveUpdates != null) {
                liveUpdates.stop();
            }
            liveUpdates = LiveFeed.follow(this, () -> client.changes(user.token(), ballotId), this::render);
        } catch (BackendApi.BackendException e) {
            removeAll();
            add(new H2(getTranslation("ballot.unavailable")), new Paragraph(Feedback.explain(e)));
        }
    }

    /** Shows the ballot as it was at a past moment: drawn like now, without the answer form, not followed. */
    public void showPast(Ballot past) {
        ballotId = past.ballotId();
        people = directory.people(user.token());
        ballot = null;
        actionsShownFor = null;
        render(past);
    }

    /** Redraws what changes with the ballot; the answer form is left alone so that a member's typing survives. */
    void render(Ballot changed) {
        if (ballot != null && changed.version() < ballot.version()) {
            return; // a late copy of an older state
        }
        boolean wasOpen = ballot != null && ballot.isOpen();
        ballot = changed;
        subject.setText(ballot.subject());
        List<String> facts = new ArrayList<>(List.of(getTranslation("ballot.status." + ballot.status()),
                getTranslation("ballot.deadline", Formats.when(ballot.deadline()))));
        if (!ballot.results().isEmpty()) {
            // Only a view with the tally holds everyone's answers; a member's view before the close holds their own.
            facts.add(getTranslation("ballot.answeredCount", ballot.answers().size(), ballot.eligibleMembers().size()));
        }
        if (ballot.withdrawalReason() != null) {
            facts.add(getTranslation("ballot.withdrawnBecause", ballot.withdrawalReason()));
        }
        details.setText(String.join(" · ", facts));
        renderDrafts();
        renderMine();
        renderTally();
        renderActions();
        if (wasOpen && !ballot.isOpen()) {
            form.removeAll();
        }
    }

    private void renderDrafts() {
        drafts.removeAll();
        drafts.add(new H3(getTranslation("ballot.drafts")));
        UnorderedList list = new UnorderedList();
        ballot.drafts().forEach(d -> list.add(new ListItem(download(d.fileName(), d.size(), d.sha256(),
                () -> client.draft(user.token(), ballotId, d.documentId())))));
        drafts.add(list);
        if (ballot.report() != null) {
            Anchor report = download(ballot.report().fileName(), ballot.report().size(), ballot.report().sha256(),
                    () -> client.result(user.token(), ballotId));
            report.setId("result-report");
            drafts.add(new Paragraph(getTranslation("ballot.report")), report);
        }
    }

    private void renderMine() {
        mine.removeAll();
        ballot.answerOf(user.id()).ifPresent(answer -> {
            mine.add(new H3(getTranslation("ballot.yourAnswer")));
            Paragraph accepted = new Paragraph(getTranslation("ballot.accepted", answer.version(), Formats.when(answer.signingTime()),
                    String.valueOf(answer.certificateSha256())));
            accepted.setId("answer-accepted");
            mine.add(accepted, answers(answer));
        });
    }

    private UnorderedList answers(MemberAnswer answer) {
        UnorderedList list = new UnorderedList();
        for (Answer a : answer.answers()) {
            String text = questionNumber(a.questionId()) + ". " + getTranslation("choice." + a.choice())
                    + (a.comment() == null || a.comment().isBlank() ? "" : " — " + a.comment());
            list.add(new ListItem(text));
        }
        return list;
    }

    /** The answer form, drawn once per visit: a live update must not wipe what the member is typing. */
    private void renderForm() {
        form.removeAll();
        if (!ballot.isOpen() || !ballot.isEligible(user.id())) {
            return;
        }
        MemberAnswer previous = ballot.answerOf(user.id()).orElse(null);
        form.add(new H3(getTranslation(previous == null ? "ballot.answerHeading" : "ballot.amendHeading")));
        List<QuestionInput> inputs = new ArrayList<>();
        for (Question question : ballot.questions()) {
            QuestionInput input = new QuestionInput(question, previous);
            inputs.add(input);
            form.add(input.layout);
        }
        PasswordField pin = new PasswordField(getTranslation("ballot.pin"));
        pin.setId("signing-pin");
        pin.setHelperText(getTranslation("ballot.pinHelp"));
        pin.setMinLength(6);
        pin.setMaxLength(32);
        RequiredFields pinRequired = new RequiredFields().text(pin, 6, getTranslation("ballot.pinRequired"));
        Button submit = new Button(getTranslation("ballot.signAndSubmit"));
        submit.setId("sign-and-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.setDisableOnClick(true);
        submit.addClickListener(click -> {
            try {
                List<Answer> answers = inputs.stream().map(QuestionInput::answer).toList();
                boolean pinMissing = !pinRequired.valid();
                if (answers.stream().anyMatch(java.util.Objects::isNull) || pinMissing) {
                    return;
                }
                if (Feedback.attempt(() -> client.answer(user.token(), ballotId, answers, pin.getValue()), getTranslation("ballot.signed"))) {
                    pin.clear();
                }
            } finally {
                submit.setEnabled(true);
            }
        });
        HorizontalLayout signing = new HorizontalLayout(pin, submit);
        signing.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        form.add(signing);
    }

    private void renderTally() {
        tally.removeAll();
        if (ballot.results().isEmpty()) {
            return;
        }
        tally.add(new H3(getTranslation(ballot.isOpen() ? "ballot.liveTally" : "ballot.result")));
        Grid<Question> grid = new Grid<>();
        grid.setAllRowsVisible(true);
        grid.addColumn(q -> questionNumber(q.questionId()) + ". " + q.text()).setHeader(getTranslation("ballot.question")).setFlexGrow(3);
        grid.addColumn(q -> result(q).agree()).setHeader(getTranslation("choice.AGREE"));
        grid.addColumn(q -> result(q).disagree()).setHeader(getTranslation("choice.DISAGREE"));
        grid.addColumn(q -> result(q).otherOpinion()).setHeader(getTranslation("choice.OTHER_OPINION"));
        grid.addColumn(q -> result(q).notAnswered()).setHeader(getTranslation("ballot.notAnswered"));
        grid.addColumn(q -> getTranslation(result(q).passed() ? "ballot.passes" : "ballot.doesNotPass"))
                .setHeader(getTranslation(ballot.isOpen() ? "ballot.ifClosedNow" : "ballot.outcome"));
        grid.setItems(ballot.questions());
        grid.setId("tally-grid");
        tally.add(grid);
        UnorderedList who = new UnorderedList();
        ballot.answers().forEach(a -> who.add(new ListItem(name(a.memberId()) + " — " + getTranslation("ballot.versionSigned",
                a.version(), Formats.when(a.signingTime())))));
        tally.add(new Paragraph(getTranslation("ballot.whoAnswered", ballot.answers().size(), ballot.eligibleMembers().size())), who);
    }

    /** The secretariat's steps; redrawn only when the ballot's stage changes, so that each answer arriving leaves what is being typed. */
    private void renderActions() {
        Object stage = java.util.Arrays.asList(ballot.status(), ballot.report() == null);
        if (stage.equals(actionsShownFor)) {
            return;
        }
        actionsShownFor = stage;
        actions.removeAll();
        if (!user.has("SECRETARIAT")) {
            return;
        }
        if (ballot.isOpen()) {
            // closing ends the consultation for everyone who has not answered: asked first
            Button close = new Button(getTranslation("ballot.close"), click -> Confirmation.ask("confirm-close-ballot",
                    getTranslation("ballot.closeHeading"), getTranslation("ballot.closeText"), getTranslation("ballot.close"), true,
                    () -> Feedback.attempt(() -> client.close(user.token(), ballotId), getTranslation("room.saved"))));
            close.setId("close-ballot");
            close.addThemeVariants(ButtonVariant.LUMO_ERROR);
            TextField reason = new TextField(getTranslation("ballot.withdrawReason"));
            reason.setId("withdraw-reason");
            RequiredFields reasonRequired = new RequiredFields().text(reason, getTranslation("newBallot.required"));
            Button withdraw = new Button(getTranslation("ballot.withdraw"), click -> {
                if (!reasonRequired.valid()) {
                    return;
                }
                Confirmation.ask("confirm-withdraw-ballot", getTranslation("ballot.withdrawHeading"),
                        getTranslation("ballot.withdrawText", reason.getValue().strip()), getTranslation("ballot.withdraw"), true,
                        () -> Feedback.attempt(() -> client.withdraw(user.token(), ballotId, reason.getValue().strip()), getTranslation("ballot.withdrawn")));
            });
            withdraw.setId("withdraw-ballot");
            HorizontalLayout withdrawal = new HorizontalLayout(reason, withdraw);
            withdrawal.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
            withdrawal.setWrap(true);
            actions.add(close, withdrawal);
        } else if ("CLOSED".equals(ballot.status()) && ballot.report() == null) {
            PasswordField pin = new PasswordField(getTranslation("ballot.pin"));
            pin.setId("publish-pin");
            // the report is signed and sent to every member: asked first, after the PIN is typed
            RequiredFields pinRequired = new RequiredFields().text(pin, 6, getTranslation("ballot.pinRequired"));
            Button publish = new Button(getTranslation("ballot.publish"), click -> {
                if (!pinRequired.valid()) {
                    return;
                }
                Confirmation.ask("confirm-publish-result", getTranslation("ballot.publishHeading"), getTranslation("ballot.publishText"),
                        getTranslation("ballot.publish"), false,
                        () -> Feedback.attempt(() -> client.publishResult(user.token(), ballotId, pin.getValue()), getTranslation("ballot.published")));
            });
            publish.setId("publish-result");
            publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            HorizontalLayout row = new HorizontalLayout(pin, publish);
            row.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
            actions.add(row);
        }
    }

    private QuestionResult result(Question question) {
        return ballot.resultOf(question.questionId()).orElseThrow();
    }

    private int questionNumber(String questionId) {
        for (int i = 0; i < ballot.questions().size(); i++) {
            if (ballot.questions().get(i).questionId().equals(questionId)) {
                return i + 1;
            }
        }
        return 0;
    }

    private String name(String userId) {
        Directory.Person person = people.get(userId);
        return person == null ? userId : person.label();
    }

    private static Anchor download(String fileName, long size, String sha256, Supplier<byte[]> bytes) {
        return org.ecabinet.ui.Downloads.pdf(fileName, size, sha256, bytes);
    }

    /** One question's choice and comment; a comment is required unless the member agrees. */
    private final class QuestionInput {
        final Question question;
        final RadioButtonGroup<String> choice = new RadioButtonGroup<>();
        final TextArea comment = new TextArea(getTranslation("ballot.comment"));
        final Div layout = new Div();
        /** A choice always; a comment unless the member agrees. The marks clear as the member completes the answer. */
        final Binder<Object> checks = new Binder<>();

        QuestionInput(Question question, MemberAnswer previous) {
            checks.forField(choice).asRequired(getTranslation("ballot.chooseAnswer")).bind(form -> null, (form, value) -> { });
            var commentCheck = checks.forField(comment)
                    .withValidator(text -> choice.getValue() == null || choice.getValue().equals("AGREE") || !text.isBlank(), getTranslation("ballot.commentRequired"))
                    .bind(form -> null, (form, value) -> { });
            choice.addValueChangeListener(changed -> {
                if (comment.isInvalid()) {
                    commentCheck.validate(); // agreeing needs no comment: the mark goes
                }
            });
            this.question = question;
            choice.setLabel(questionNumber(question.questionId()) + ". " + question.text());
            choice.setItems(CHOICES);
            choice.setItemLabelGenerator(c -> getTranslation("choice." + c));
            choice.setId("choice-" + question.questionId());
            comment.setId("comment-" + question.questionId());
            comment.setMaxLength(4000);
            comment.setWidthFull();
            if (previous != null) {
                previous.answers().stream().filter(a -> a.questionId().equals(question.questionId())).findFirst().ifPresent(a -> {
                    choice.setValue(a.choice());
                    comment.setValue(a.comment() == null ? "" : a.comment());
                });
            }
            layout.addClassName("ballot-question");
            layout.add(choice, comment);
        }

        /** The answer, or null (with the field marked) when it is incomplete. */
        Answer answer() {
            if (!checks.validate().isOk()) {
                return null;
            }
            return new Answer(question.questionId(), choice.getValue(), comment.getValue().isBlank() ? null : comment.getValue().strip());
        }
    }

    @Override
    public String getPageTitle() {
        return (ballot == null ? getTranslation("ballots.heading") : ballot.subject()) + " — e-Cabinet";
    }
}
