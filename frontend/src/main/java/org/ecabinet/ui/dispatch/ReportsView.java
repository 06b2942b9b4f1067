package org.ecabinet.ui.dispatch;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.ecabinet.ui.BackendApi;
import org.ecabinet.ui.Pickers;
import org.ecabinet.ui.Downloads;
import org.ecabinet.ui.Feedback;
import org.ecabinet.ui.Formats;
import org.ecabinet.ui.MainLayout;
import org.ecabinet.ui.dispatch.DispatchModels.AgencyFigures;
import org.ecabinet.ui.dispatch.DispatchModels.Report;
import org.ecabinet.ui.identity.CurrentUser;
import org.ecabinet.ui.identity.SignedInUser;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

/**
 * The exchange of documents per sending agency over a period: the signed share the Government tracks, as
 * a table, as a bar chart (plain SVG drawn here: Vaadin Charts is commercial), and as CSV.
 */
@Route(value = "reports", layout = MainLayout.class)
@RolesAllowed({"SECRETARIAT", "AUDITOR", "ADMIN"})
public class ReportsView extends VerticalLayout implements HasDynamicTitle {

    private final DocumentsClient client;
    private final SignedInUser user;
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final Grid<AgencyFigures> table = new Grid<>();
    private final Div chart = new Div();
    private final HorizontalLayout csv = new HorizontalLayout();

    public ReportsView(DocumentsClient client, CurrentUser currentUser) {
        this.client = client;
        this.user = currentUser.get();
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
        chart.setId("signed-share-chart");
        add(new H2(getTranslation("reports.heading")), period, table, new H3(getTranslation("reports.chart")), chart);
        show();
    }

    private void show() {
        if (from.getValue() == null || to.getValue() == null) {
            return;
        }
        try {
            Report report = client.report(user.token(), from.getValue(), to.getValue());
            table.setItems(report.agencies());
            chart.removeAll();
            chart.add(new Html(barChart(report.agencies().stream().filter(f -> f.sent() > 0).toList())));
            csv.removeAll();
            LocalDate start = from.getValue();
            LocalDate end = to.getValue();
            csv.add(Downloads.anchor("bao-cao-" + start + "-" + end + ".csv", () -> client.reportCsv(user.token(), start, end),
                    getTranslation("reports.csv"), "report-csv"));
        } catch (BackendApi.BackendException e) {
            Feedback.error(Feedback.explain(e));
        }
    }

    /** One horizontal bar per agency: its signed share, labelled, with a title and description for screen readers. */
    String barChart(List<AgencyFigures> figures) {
        int row = 28;
        int height = Math.max(1, figures.size()) * row + 10;
        StringBuilder svg = new StringBuilder("<svg xmlns='http://www.w3.org/2000/svg' role='img' width='720' height='" + height
                + "' aria-labelledby='chart-title'><title id='chart-title'>" + escape(getTranslation("reports.chart")) + "</title>");
        for (int i = 0; i < figures.size(); i++) {
            AgencyFigures f = figures.get(i);
            double share = f.signedShare() == null ? 0 : f.signedShare();
            int y = 5 + i * row;
            svg.append("<text x='0' y='").append(y + 17).append("' font-size='13'>").append(escape(f.name())).append("</text>")
                    .append("<rect x='260' y='").append(y + 4).append("' width='").append(Math.round(share * 380)).append("' height='18' fill='")
                    .append(share >= 0.9 ? "#2e7d32" : share >= 0.5 ? "#f9a825" : "#c62828").append("'><title>")
                    .append(escape(f.name() + ": " + percent(f.signedShare()))).append("</title></rect>")
                    .append("<text x='").append(270 + Math.round(share * 380)).append("' y='").append(y + 17).append("' font-size='13'>")
                    .append(percent(f.signedShare())).append(" (").append(f.signed()).append("/").append(f.sent()).append(")</text>");
        }
        return svg.append("</svg>").toString();
    }

    private static String percent(Double share) {
        return share == null ? "—" : String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace("'", "&apos;");
    }

    @Override
    public String getPageTitle() {
        return getTranslation("reports.heading") + " — e-Cabinet";
    }
}
