package org.ecabinet.ui.session;

import java.util.List;

import org.ecabinet.ui.Feedback;
import org.ecabinet.ui.RequiredFields;
import org.ecabinet.ui.Formats;
import org.ecabinet.ui.MainLayout;
import org.ecabinet.ui.identity.CurrentUser;
import org.ecabinet.ui.identity.Directory;
import org.ecabinet.ui.session.SessionModels.AgendaItem;
import org.ecabinet.ui.session.SessionModels.MemberPosition;
import org.ecabinet.ui.session.SessionModels.Paper;
import org.ecabinet.ui.session.SessionModels.SessionRoom;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.PermitAll;

/**
 * The session room: agenda with papers and positions, attendance, outcomes. It follows the backend's
 * stream of the session and redraws, through Push, whenever anyone changes anything.
 */
@Route(value = "session", layout = MainLayout.class)
@PermitAll
public class SessionRoomView extends LiveSessionView {

    private static final List<String> POSITIONS = List.of("AGREE", "WISH_TO_DISCUSS", "OBJECT");

    private final H2 title = new H2();
    private final Paragraph details = new Paragraph();
    private final Div console = new Div();
    private final Section attendance = new Section();
    private final Section agenda = new Section();
    private final Div minutes = new Div();

    public SessionRoomView(SessionsClient client, CurrentUser currentUser, Directory directory) {
        super(client, directory, currentUser.get());
        title.setId("session-title");
        details.setId("session-details");
        attendance.setId("attendance");
        agenda.setId("agenda");
        add(title, details, console, attendance, agenda, minutes);
    }

    @Override
    protected void draw(SessionRoom before, SessionRoom now) {
        title.setText(room.title());
        List<String> parts = new java.util.ArrayList<>(List.of(getTranslation("session.kind." + room.kind()), Formats.when(room.startsAt()),
                room.online() ? getTranslation("session.online") : java.util.Objects.toString(room.location(), ""),
                getTranslation("session.status." + room.status())));
        if (room.openedAt() != null) {
            parts.add(getTranslation("room.openedAt", Formats.when(room.openedAt())));
        }
        if (room.closedAt() != null) {
            parts.add(getTranslation("room.closedAt", Formats.when(room.closedAt())));
        }
        details.setText(String.join(" · ", parts));
        renderConsole();
        renderAttendance();
        renderAgenda();
        renderMinutes();
        if (before != null) {
            RoomNotices.between(before, room).forEach(notice -> Feedback.success(getTranslation(notice.key(), notice.arguments())));
        }
    }

    private void renderConsole() {
        console.removeAll();
        if (user.has("SECRETARIAT") && room.beforeOpening()) {
            Button prepare = new Button(getTranslation("room.prepare"), click -> getUI().ifPresent(ui -> ui.navigate(SessionEditorView.class, sessionId)));
            prepare.setId("prepare-session");
            console.add(prepare);
        }
        if (room.isChair(user.id()) && (room.is("PUBLISHED") || room.is("OPENED"))) {
            console.add(new ChairConsole(room, client, user.token(), this::act));
        }
    }

    private void renderMinutes() {
        minutes.removeAll();
        if (room.is("CLOSED")) {
            minutes.add(new MinutesPanel(room, user.has("SECRETARIAT"), client, user.token(), this::act));
        }
    }

    private void renderAttendance() {
        attendance.removeAll();
        attendance.add(new H3(getTranslation("room.attendance")));
        Span present = new Span(getTranslation("room.present", room.checkedIn().size(), room.members().size(), room.quorum()));
        present.setId("present-count");
        attendance.add(present);
        if (!room.absences().isEmpty()) {
            UnorderedList absences = new UnorderedList();
            room.absences().forEach(a -> absences.add(new ListItem(getTranslation("room.absent", name(a.memberId()),
                    a.delegate() == null || a.delegate().isBlank() ? "—" : a.delegate(), a.reason()))));
            attendance.add(absences);
        }
        if (room.isMember(user.id()) && room.is("PUBLISHED") && !room.checkedIn().contains(user.id())) {
            attendance.add(new AbsencePanel(room, user.id(), people.values(), client, user.token(), this::act, drafts));
        }
        boolean canCheckIn = room.isMember(user.id()) && !room.checkedIn().contains(user.id()) && room.absenceOf(user.id()).isEmpty()
                && (room.status().equals("PUBLISHED") || room.status().equals("OPENED"));
        if (canCheckIn) {
            Button checkIn = new Button(getTranslation("room.checkIn"), click -> act(() -> client.checkIn(user.token(), sessionId), "room.checkedInDone"));
            checkIn.setId("check-in");
            checkIn.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            attendance.add(new Div(checkIn));
        } else if (room.checkedIn().contains(user.id())) {
            Span checkedIn = new Span(getTranslation("room.youAreCheckedIn"));
            checkedIn.setId("checked-in");
            attendance.add(new Div(checkedIn));
        }
    }

    private void renderAgenda() {
        agenda.removeAll();
        agenda.add(new H3(getTranslation("room.agenda")));
        int number = 1;
        for (AgendaItem item : room.agenda()) {
            agenda.add(itemCard(number++, item));
        }
        room.underVote().ifPresent(item -> agenda.getElement().setAttribute("data-under-vote", item.itemId()));
    }

    private Div itemCard(int number, AgendaItem item) {
        Div card = new Div();
        card.addClassName("agenda-item");
        card.setId("item-" + item.itemId());
        boolean underVote = item.vote() != null && item.vote().open();
        card.getStyle().set("border", underVote ? "3px solid var(--lumo-primary-color)" : "1px solid var(--lumo-contrast-20pct)")
                .set("border-radius", "var(--lumo-border-radius-m)")
                .set("padding", "var(--lumo-space-m)").set("margin-bottom", "var(--lumo-space-m)");
        H3 heading = new H3(number + ". " + item.title());
        heading.getStyle().set("font-size", "var(--lumo-font-size-l)");
        card.add(heading, new Paragraph(getTranslation("room.presentedBy", item.presentingAgency())));

        if (!item.papers().isEmpty()) {
            UnorderedList papers = new UnorderedList();
            papers.setClassName("papers");
            item.papers().forEach(p -> papers.add(new ListItem(paperLink(p))));
            card.add(new Span(getTranslation("room.papers")), papers);
        }
        Span summary = new Span(getTranslation("room.positionSummary", item.count("AGREE"), item.count("WISH_TO_DISCUSS"), item.count("OBJECT")));
        summary.addClassName("position-summary");
        card.add(new Div(summary));
        if (!item.positions().isEmpty()) {
            UnorderedList positions = new UnorderedList();
            positions.addClassName("positions");
            item.positions().forEach(p -> positions.add(new ListItem(positionText(p))));
            card.add(positions);
        }
        if (room.status().equals("PUBLISHED") && room.isMember(user.id())) {
            card.add(positionForm(item));
        }
        if (item.outcome() != null && item.vote() == null) { // a vote's outcome is shown with the vote
            Span outcome = new Span(getTranslation("room.outcome." + item.outcome()));
            outcome.setId("outcome-" + number);
            outcome.getElement().getThemeList().add("badge");
            card.add(new Div(outcome));
        }
        if (item.vote() != null) {
            card.add(new VotePanel(room, item, number, user.id(), client, user.token(), this::act));
        }
        if (item.conclusion() != null) {
            Paragraph conclusion = new Paragraph(getTranslation("room.conclusion", item.conclusion()));
            conclusion.setId("conclusion-text-" + number);
            card.add(conclusion);
        }
        if (room.isChair(user.id()) && room.is("OPENED")) {
            card.add(new ItemControls(room, item, number, client, user.token(), this::act, drafts));
        }
        return card;
    }

    private FlexLayout positionForm(AgendaItem item) {
        MemberPosition mine = item.positions().stream().filter(p -> p.memberId().equals(user.id())).findFirst().orElse(null);
        Select<String> position = new Select<>();
        position.setLabel(getTranslation("room.yourPosition"));
        position.setItems(POSITIONS);
        position.setItemLabelGenerator(p -> getTranslation("position." + p));
        if (mine != null) {
            position.setValue(mine.position());
        }
        TextArea comment = new TextArea(getTranslation("room.comment"));
        comment.setMaxLength(4000);
        drafts.bind(comment, "comment:" + item.itemId(), mine == null ? null : mine.comment());
        RequiredFields required = new RequiredFields().choice(position, getTranslation("room.choosePosition"));
        Button save = new Button(getTranslation("room.savePosition"), click -> {
            if (!required.valid()) {
                return;
            }
            act(() -> client.recordPosition(user.token(), sessionId, item.itemId(), position.getValue(), comment.getValue()), "room.saved");
        });
        save.setAriaLabel(getTranslation("room.savePositionOn", item.title()));
        FlexLayout form = new FlexLayout(position, comment, save);
        form.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        form.setAlignItems(Alignment.BASELINE);
        form.getStyle().set("gap", "var(--lumo-space-s)");
        form.addClassName("position-form");
        return form;
    }

    private Anchor paperLink(Paper paper) {
        return org.ecabinet.ui.Downloads.pdf(paper.fileName(), paper.size(), paper.sha256(), () -> client.paper(user.token(), sessionId, paper.paperId()));
    }

    private String positionText(MemberPosition p) {
        String text = name(p.memberId()) + ": " + getTranslation("position." + p.position());
        return p.comment() == null || p.comment().isBlank() ? text : text + " — " + p.comment();
    }


    @Override
    public String getPageTitle() {
        return (room == null ? getTranslation("room.heading") : room.title()) + " — e-Cabinet";
    }
}
