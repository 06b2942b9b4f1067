package org.ecabinet.ui.session;

import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.ecabinet.ui.Formats;
import org.ecabinet.ui.MainLayout;
import org.ecabinet.ui.identity.CurrentUser;
import org.ecabinet.ui.identity.SignedInUser;
import org.ecabinet.ui.session.SessionModels.SessionSummary;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.router.RouteAlias;

import jakarta.annotation.security.PermitAll;

/**
 * Sessions, newest first: all of them for the secretariat and auditors, with filters by state and month and,
 * for the secretariat, "schedule a session"; a member's own for members. A row opens the session: its editor
 * for the secretariat while it is being prepared, the room otherwise.
 */
@Route(value = "sessions", layout = MainLayout.class)
@RouteAlias(value = "", layout = MainLayout.class)
@PermitAll
public class SessionsView extends VerticalLayout implements HasDynamicTitle {

    private static final List<String> STATES = List.of("SCHEDULED", "PUBLISHED", "OPENED", "CLOSED", "CANCELLED");

    final Grid<SessionSummary> sessions = new Grid<>();
    private final SessionsClient client;
    private final SignedInUser user;
    private final List<SessionSummary> all;
    private final Select<String> state = new Select<>();
    private final Select<YearMonth> month = new Select<>();

    public SessionsView(SessionsClient client, CurrentUser currentUser) {
        this.client = client;
        this.user = currentUser.get();
        this.all = client.list(user.token()).stream()
                .sorted(Comparator.comparing(SessionSummary::startsAt, Comparator.nullsLast(Comparator.reverseOrder()))).toList();
        H2 heading = new H2(getTranslation(staff() ? "sessions.allHeading" : "sessions.heading"));
        heading.setId("sessions-heading");
        sessions.setId("sessions");
        sessions.setAriaLabel(heading.getText());
        sessions.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        // a link, so that the session opens from the keyboard too
        sessions.addComponentColumn(s -> new RouterLink(s.title(), target(s), s.sessionId())).setHeader(getTranslation("sessions.title"))
                .setWidth("16rem").setFlexGrow(3);
        sessions.addColumn(s -> getTranslation("session.kind." + s.kind())).setHeader(getTranslation("sessions.kind")).setWidth("8rem");
        sessions.addColumn(s -> Formats.when(s.startsAt())).setHeader(getTranslation("sessions.startsAt")).setWidth("10rem");
        sessions.addColumn(s -> s.online() ? getTranslation("session.online") : Objects.toString(s.location(), ""))
                .setHeader(getTranslation("sessions.place")).setWidth("12rem");
        sessions.addColumn(s -> getTranslation("session.status." + s.status())).setHeader(getTranslation("sessions.status")).setWidth("9rem");
        sessions.addColumn(SessionSummary::agendaItems).setHeader(getTranslation("sessions.items")).setFlexGrow(0).setAutoWidth(true);
        sessions.addItemClickListener(click -> open(click.getItem()));
        sessions.setAllRowsVisible(true);
        add(heading);
        if (staff()) {
            add(filters());
        }
        add(sessions);
        show();
    }

    private boolean staff() {
        return user.has("SECRETARIAT") || user.has("AUDITOR") || user.has("ADMIN");
    }

    private FlexLayout filters() {
        state.setId("state-filter");
        state.setLabel(getTranslation("sessions.filterState"));
        state.setItems(STATES);
        state.setEmptySelectionAllowed(true);
        state.setEmptySelectionCaption(getTranslation("sessions.any"));
        state.setItemLabelGenerator(s -> s == null ? getTranslation("sessions.any") : getTranslation("session.status." + s));
        state.addValueChangeListener(change -> show());
        month.setId("month-filter");
        month.setLabel(getTranslation("sessions.filterMonth"));
        month.setItems(all.stream().filter(s -> s.startsAt() != null).map(s -> YearMonth.from(Formats.hanoi(s.startsAt())))
                .distinct().sorted(Comparator.reverseOrder()).toList());
        month.setEmptySelectionAllowed(true);
        month.setEmptySelectionCaption(getTranslation("sessions.any"));
        month.setItemLabelGenerator(m -> m == null ? getTranslation("sessions.any") : getTranslation("sessions.month", m.getMonthValue(), m.getYear()));
        month.addValueChangeListener(change -> show());
        FlexLayout bar = new FlexLayout(state, month);
        bar.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.getStyle().set("gap", "var(--lumo-space-m)");
        if (user.has("SECRETARIAT")) {
            Button schedule = new Button(getTranslation("sessions.schedule"), VaadinIcon.PLUS.create(),
                    click -> new ScheduleSessionDialog(this::scheduled).open());
            schedule.setId("schedule-session");
            schedule.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            bar.add(schedule);
        }
        return bar;
    }

    private void show() {
        sessions.setItems(all.stream()
                .filter(s -> state.getValue() == null || s.status().equals(state.getValue()))
                .filter(s -> month.getValue() == null || (s.startsAt() != null && YearMonth.from(Formats.hanoi(s.startsAt())).equals(month.getValue())))
                .toList());
    }

    private String scheduled(SessionModels.Schedule schedule) {
        String sessionId = client.schedule(user.token(), schedule);
        getUI().ifPresent(ui -> ui.navigate(SessionEditorView.class, sessionId));
        return sessionId;
    }

    private void open(SessionSummary session) {
        getUI().ifPresent(ui -> ui.navigate(target(session), session.sessionId()));
    }

    /** The secretariat prepares a session until it opens; everyone else goes to its room. */
    private Class<? extends LiveSessionView> target(SessionSummary session) {
        boolean preparing = user.has("SECRETARIAT") && (session.status().equals("SCHEDULED") || session.status().equals("PUBLISHED"));
        return preparing ? SessionEditorView.class : SessionRoomView.class;
    }

    @Override
    public String getPageTitle() {
        return getTranslation(staff() ? "sessions.allHeading" : "sessions.heading") + " — e-Cabinet";
    }
}
