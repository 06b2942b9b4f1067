package org.ecabinet.ui.session;

import org.ecabinet.ui.Formats;
import org.ecabinet.ui.MainLayout;
import org.ecabinet.ui.identity.CurrentUser;
import org.ecabinet.ui.session.SessionModels.SessionSummary;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;

import jakarta.annotation.security.PermitAll;

/** The sessions the user may see: invited ones for members, all of them for the secretariat and auditors. */
@Route(value = "sessions", layout = MainLayout.class)
@RouteAlias(value = "", layout = MainLayout.class)
@PermitAll
public class MySessionsView extends VerticalLayout implements HasDynamicTitle {

    final Grid<SessionSummary> sessions = new Grid<>();

    public MySessionsView(SessionsClient client, CurrentUser user) {
        H2 heading = new H2(getTranslation("sessions.heading"));
        sessions.setId("sessions");
        sessions.setAriaLabel(getTranslation("sessions.heading"));
        sessions.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        sessions.addColumn(SessionSummary::title).setHeader(getTranslation("sessions.title")).setFlexGrow(3);
        sessions.addColumn(s -> getTranslation("session.kind." + s.kind())).setHeader(getTranslation("sessions.kind"));
        sessions.addColumn(s -> Formats.when(s.startsAt())).setHeader(getTranslation("sessions.startsAt"));
        sessions.addColumn(s -> s.online() ? getTranslation("session.online") : s.location()).setHeader(getTranslation("sessions.place"));
        sessions.addColumn(s -> getTranslation("session.status." + s.status())).setHeader(getTranslation("sessions.status"));
        sessions.addColumn(SessionSummary::agendaItems).setHeader(getTranslation("sessions.items"));
        sessions.addItemClickListener(click -> open(click.getItem()));
        sessions.addItemDoubleClickListener(click -> open(click.getItem()));
        sessions.setItems(client.list(user.get().token()));
        sessions.setAllRowsVisible(true);
        add(heading, sessions);
    }

    private void open(SessionSummary session) {
        getUI().ifPresent(ui -> ui.navigate(SessionRoomView.class, session.sessionId()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("sessions.heading") + " — e-Cabinet";
    }
}
