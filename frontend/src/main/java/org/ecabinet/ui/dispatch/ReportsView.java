package org.ecabinet.ui.dispatch;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.ecabinet.ui.BackendApi;
import org.ecabinet.ui.Chart;
import org.ecabinet.ui.Pickers;
import org.ecabinet.ui.Downloads;
import org.ecabinet.ui.Feedback;
import org.ecabinet.ui.Formats;
import org.ecabinet.ui.MainLayout;
import org.ecabinet.ui.ballot.BallotModels.BallotSummary;
import org.ecabinet.ui.ballot.BallotsClient;
import org.ecabinet.ui.dispatch.DispatchModels.AgencyFigures;
import org.ecabinet.ui.dispatch.DispatchModels.Report;
import org.ecabinet.ui.identity.CurrentUser;
import org.ecabinet.ui.identity.SignedInUser;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

/**
 * The exchange of documents per sending agency over a period: the signed share the Government tracks and the time
 * from dispatch to receipt, as a table, as charts ({@link Chart}) and as CSV; beside them, how many members answered
 * each written consultation, over time.
 */
@Route(value = "reports", layout = MainLayout.class)
@RolesAllowed({"SECRETARIAT", "AUDITOR", "ADMIN"})
public class ReportsView extends VerticalLayout implements HasDynamicTitle {

    private final DocumentsClient client;
    private final BallotsClient ballots;
    private final SignedInUser user;
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final Grid<AgencyFigures> table = new Grid<>();
    private final Chart signedShare;
    private final Chart timeToReceipt;
    private final Chart participation;
    private final HorizontalLayout csv = new HorizontalLayout();

    public ReportsView(DocumentsClient client, BallotsClient ballots, CurrentUser currentUser) {
        this.client = client;
        this.ballots = ballots;
        this.user = currentUser.get();
        signedShare = new Chart("signed-share-chart", getTranslation("reports.chart"));
        timeToReceipt = new Chart("time-to-receipt-chart", getTranslation("reports.timeChart"));
        participation = new Chart("participation-chart", getTranslation("reports.participationChart"));
        LocalDate today = LocalDate.now(Formats.HANOI);
        from.setLabel(getTranslation("reports.from"));
        from.setValue(today.withDayOfMonth(1));
        from.setId("report-from");
        Pickers.localise(from);
        to.setLabel(getTranslation("reports.to"));
        to.setValue(today);
        to.setId("report-to");
        Pickers.localise(to);
        Button show = new Button(getTranslation("reports.show"), click -> show());
        show.setId("show-report");
        HorizontalLayout period = new HorizontalLayout(from, to, show, csv);
        period.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        period.setWrap(true);

        table.setId("report");
        table.setAriaLabel(getTranslation("reports.heading"));
        table.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        table.addColumn(AgencyFigures::name).setHeader(getTranslation("reports.agency")).setFlexGrow(2)
                .setTooltipGenerator(f -> getTranslation("agency.code", f.organId()));
        table.addColumn(AgencyFigures::sent).setHeader(getTranslation("reports.sent"));
        table.addColumn(AgencyFigures::signed).setHeader(getTranslation("reports.signed"));
        table.addColumn(f -> percent(f.signedShare())).setHeader(getTranslation("reports.signedShare"));
        table.addColumn(AgencyFigures::received).setHeader(getTranslation("reports.received"));
        table.addColumn(f -> f.medianMinutesToAcceptance() == null ? "—" : f.medianMinutesToAcceptance() + " ph").setHeader(getTranslation("reports.median"));
        table.addColumn(AgencyFigures::overdue).setHeader(getTranslation("reports.overdue"));
        table.addColumn(AgencyFigures::pagesSaved).setHeader(getTranslation("reports.pagesSaved"));
        table.setAllRowsVisible(true);
        add(new H2(getTranslation("reports.heading")), period, table, new H3(getTranslation("reports.chart")), signedShare,
                new H3(getTranslation("reports.timeChart")), timeToReceipt);
        if (user.has("SECRETARIAT") || user.has("AUDITOR")) {
            add(new H3(getTranslation("reports.participationChart")), participation);
            showParticipation();
        }
        show();
    }

    private void show() {
        if (from.getValue() == null || to.getValue() == null) {
            return;
        }
        try {
            Report report = client.report(user.token(), from.getValue(), to.getValue());
            table.setItems(report.agencies());
            List<AgencyFigures> sending = report.agencies().stream().filter(f -> f.sent() > 0).toList();
            signedShare.show(Chart.Kind.BAR, sending.stream()
                    .map(f -> new Chart.Point(f.name(), f.signedShare() == null ? null : Math.round(f.signedShare() * 1000) / 10.0)).toList(),
                    "%", 100.0, "#1a6fd6");
            timeToReceipt.show(Chart.Kind.BAR, sending.stream()
                    .map(f -> new Chart.Point(f.name(), f.medianMinutesToAcceptance() == null ? null : f.medianMinutesToAcceptance().doubleValue()))
                    .toList(), " " + getTranslation("reports.minutes"), null, "#b25e09");
            csv.removeAll();
            LocalDate start = from.getValue();
            LocalDate end = to.getValue();
            csv.add(Downloads.anchor("bao-cao-" + start + "-" + end + ".csv", () -> client.reportCsv(user.token(), start, end),
                    getTranslation("reports.csv"), "report-csv"));
        } catch (BackendApi.BackendException e) {
            Feedback.error(Feedback.explain(e));
        }
    }

    /** Each consultation's share of members who answered, in the order of their deadlines. */
    private void showParticipation() {
        try {
            List<BallotSummary> consulted = ballots.list(user.token()).stream().filter(b -> b.eligible() > 0)
                    .sorted(java.util.Comparator.comparing(BallotSummary::deadline)).toList();
            participation.show(Chart.Kind.LINE, consulted.stream()
                    .map(b -> new Chart.Point(Formats.day(b.deadline().atZone(Formats.HANOI).toLocalDate()),
                            Math.round(1000.0 * b.answered() / b.eligible()) / 10.0)).toList(), "%", 100.0, "#6b3fa0");
        } catch (BackendApi.BackendException e) {
            Feedback.error(Feedback.explain(e));
        }
    }

    private static String percent(Double share) {
        return share == null ? "—" : String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("reports.heading") + " — e-Cabinet";
    }
}
