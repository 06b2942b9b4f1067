package org.ecabinet.ui.audit;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.ecabinet.ui.BackendApi;
import org.ecabinet.ui.Pickers;
import org.ecabinet.ui.Feedback;
import org.ecabinet.ui.LiveFeed;
import org.ecabinet.ui.Formats;
import org.ecabinet.ui.MainLayout;
import org.ecabinet.ui.audit.AuditModels.AuditedEvent;
import org.ecabinet.ui.audit.AuditModels.IntegrityReport;
import org.ecabinet.ui.audit.AuditModels.ReplayProgress;
import org.ecabinet.ui.audit.AuditModels.TimelineQuery;
import org.ecabinet.ui.identity.CurrentUser;
import org.ecabinet.ui.identity.SignedInUser;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

/**
 * The auditor's desk: verify the whole history against its ledger, search the global timeline, take an
 * event's inclusion proof or an aggregate's signed history away, see a session or ballot as it was at an
 * event, and rebuild a projection from the events while watching its progress.
 */
@Route(value = "audit", layout = MainLayout.class)
@RolesAllowed({"AUDITOR", "ADMIN"})
public class AuditView extends VerticalLayout implements HasDynamicTitle {

    static final int PAGE = 100;

    private final AuditClient client;
    private final SignedInUser user;
    private final Paragraph integrity = new Paragraph();
    private final UnorderedList integrityProblems = new UnorderedList();
    private final DateTimePicker from = new DateTimePicker();
    private final DateTimePicker to = new DateTimePicker();
    private final TextField userId = new TextField();
    private final ComboBox<String> aggregateType = new ComboBox<>();
    private final TextField aggregateId = new TextField();
    private final ComboBox<String> eventType = new ComboBox<>();
    private final Grid<AuditedEvent> timeline = new Grid<>();
    private final List<AuditedEvent> shown = new ArrayList<>();
    private final Button more = new Button();
    private final Section selected = new Section();
    private final ProgressBar replayBar = new ProgressBar();
    private final Paragraph replayStatus = new Paragraph();
    private LiveFeed<ReplayProgress> replay;

    public AuditView(AuditClient client, CurrentUser currentUser) {
        this.client = client;
        this.user = currentUser.get();
        add(new H2(getTranslation("audit.heading")), verification(), timelineSection(), selected, replaySection());
    }

    private Section verification() {
        Button verify = new Button(getTranslation("audit.verify"), click -> showIntegrity(client.verify(user.token())));
        verify.setId("verify");
        verify.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        integrity.setId("integrity-result");
        integrity.getElement().setAttribute("aria-live", "polite");
        return new Section(new H3(getTranslation("audit.integrity")), new Paragraph(getTranslation("audit.integrityHelp")), verify,
                integrity, integrityProblems);
    }

    private void showIntegrity(IntegrityReport report) {
        integrityProblems.removeAll();
        String latest = report.latestCheckpoint() == null ? getTranslation("audit.noCheckpoint")
                : getTranslation("audit.latestCheckpoint", report.latestCheckpoint().treeSize(), Formats.when(report.latestCheckpoint().time()),
                report.latestCheckpoint().rootHash());
        if (report.intact()) {
            integrity.setText(getTranslation("audit.intact", report.chains().events(), report.checkpointsVerified(), report.checkpointsExported())
                    + " " + latest);
            integrity.getElement().getThemeList().set("badge success", true);
            return;
        }
        integrity.getElement().getThemeList().set("badge error", true);
        var first = report.firstProblem();
        integrity.setText(first == null ? getTranslation("audit.checkpointsBroken")
                : getTranslation("audit.firstProblem", getTranslation("audit.kind." + first.kind()), first.global(),
                first.aggregateId() == null ? "—" : first.aggregateId(), first.sequence(), first.detail()));
        report.checkpointProblems().forEach(p -> integrityProblems.add(new ListItem(getTranslation("audit.checkpointProblem", p.treeSize(), p.detail()))));
    }

    private Section timelineSection() {
        from.setId("filter-from");
        Pickers.localise(from);
        to.setId("filter-to");
        Pickers.localise(to);
        userId.setId("filter-user");
        aggregateType.setId("filter-aggregate-type");
        aggregateId.setId("filter-aggregate-id");
        eventType.setId("filter-event-type");
        from.setLabel(getTranslation("audit.from"));
        to.setLabel(getTranslation("audit.to"));
        userId.setLabel(getTranslation("audit.user"));
        aggregateType.setLabel(getTranslation("audit.aggregateType"));
        aggregateType.setItems("CabinetSession", "OpinionBallot", "DocumentDispatch", "UserAccount");
        aggregateType.setItemLabelGenerator(type -> getTranslation("audit.type." + type));
        aggregateType.setClearButtonVisible(true);
        aggregateId.setLabel(getTranslation("audit.aggregateId"));
        eventType.setLabel(getTranslation("audit.eventType"));
        eventType.setItems(EventTypes.ALL.stream().sorted(java.util.Comparator.comparing(this::eventName)).toList());
        eventType.setItemLabelGenerator(this::eventName);
        eventType.setClearButtonVisible(true);
        Button search = new Button(getTranslation("audit.search"), click -> search());
        search.setId("search");
        search.addClickShortcut(com.vaadin.flow.component.Key.ENTER);
        HorizontalLayout filters = new HorizontalLayout(from, to, userId, aggregateType, aggregateId, eventType, search);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);

        timeline.setId("timeline");
        timeline.setAriaLabel(getTranslation("audit.timeline"));
        timeline.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        timeline.addColumn(AuditedEvent::global).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        timeline.addColumn(e -> Formats.when(e.timestamp())).setHeader(getTranslation("audit.when")).setAutoWidth(true);
        timeline.addColumn(e -> eventName(e.type())).setHeader(getTranslation("audit.eventType")).setAutoWidth(true)
                .setTooltipGenerator(AuditedEvent::type);
        timeline.addColumn(e -> getTranslation("audit.type." + e.aggregateType()) + " " + e.aggregateId() + " #" + e.sequence())
                .setHeader(getTranslation("audit.aggregate")).setFlexGrow(2);
        timeline.addColumn(AuditedEvent::userId).setHeader(getTranslation("audit.user")).setAutoWidth(true);
        timeline.addColumn(AuditedEvent::remoteAddress).setHeader(getTranslation("audit.address")).setAutoWidth(true);
        timeline.addItemClickListener(click -> select(click.getItem()));
        timeline.setAllRowsVisible(true);
        more.setText(getTranslation("audit.more"));
        more.setId("more");
        more.setVisible(false);
        more.addClickListener(click -> load(shown.get(shown.size() - 1).global()));
        return new Section(new H3(getTranslation("audit.timeline")), filters, timeline, more);
    }

    private void search() {
        shown.clear();
        selected.removeAll();
        load(-1);
    }

    private void load(long after) {
        TimelineQuery query = new TimelineQuery(instant(from.getValue()), instant(to.getValue()), userId.getValue(), aggregateType.getValue(),
                aggregateId.getValue(), eventType.getValue());
        try {
            List<AuditedEvent> page = client.timeline(user.token(), query, after, PAGE);
            shown.addAll(page);
            timeline.setItems(shown);
            more.setVisible(page.size() == PAGE);
        } catch (BackendApi.BackendException e) {
            Feedback.error(Feedback.explain(e));
        }
    }

    /** One event: its proof, its aggregate's signed history, and the aggregate as it was right after it. */
    private void select(AuditedEvent event) {
        selected.removeAll();
        selected.setId("selected-event");
        Anchor proof = download("event-" + event.global() + "-proof.json", () -> client.proof(user.token(), event.global()),
                getTranslation("audit.downloadProof"));
        proof.setId("download-proof");
        Anchor history = download("history-" + event.aggregateId() + ".zip", () -> client.signedHistory(user.token(), event.aggregateId()),
                getTranslation("audit.downloadHistory"));
        history.setId("download-history");
        Button asOf = new Button(getTranslation("audit.asOf"),
                click -> getUI().ifPresent(ui -> ui.navigate("audit/as-of", AsOfView.at(event.aggregateType(), event.aggregateId(), event.global()))));
        asOf.setId("show-as-of");
        asOf.setEnabled(List.of("CabinetSession", "OpinionBallot", "DocumentDispatch").contains(event.aggregateType()));
        HorizontalLayout actions = new HorizontalLayout(proof, history, asOf);
        actions.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        selected.add(new H3(getTranslation("audit.event", event.global(), eventName(event.type()))),
                new Paragraph(getTranslation("audit.eventDetails", Formats.when(event.timestamp()), event.userId(), event.remoteAddress(),
                        event.aggregateId(), event.sequence())),
                payload(event), actions);
    }

    private Section replaySection() {
        Select<String> projection = new Select<>();
        projection.setId("projection");
        projection.setLabel(getTranslation("audit.projection"));
        projection.setItems(client.projections(user.token()));
        projection.setItemLabelGenerator(p -> getTranslation("audit.projection." + p));
        Button start = new Button(getTranslation("audit.replay"), click -> {
            if (projection.getValue() == null) {
                projection.setInvalid(true);
                projection.setErrorMessage(getTranslation("audit.chooseProjection"));
                return;
            }
            projection.setInvalid(false);
            startReplay(projection.getValue());
        });
        start.setId("replay");
        replayBar.setId("replay-progress");
        replayBar.setVisible(false);
        replayBar.getElement().setAttribute("aria-label", getTranslation("audit.replayProgress"));
        replayStatus.setId("replay-status");
        replayStatus.getElement().setAttribute("aria-live", "polite");
        HorizontalLayout controls = new HorizontalLayout(projection, start);
        controls.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        return new Section(new H3(getTranslation("audit.replayHeading")), new Paragraph(getTranslation("audit.replayHelp")), controls,
                replayBar, replayStatus);
    }

    private void startReplay(String projection) {
        try {
            show(client.startReplay(user.token(), projection));
        } catch (BackendApi.BackendException e) {
            Feedback.error(Feedback.explain(e));
            return;
        }
        if (replay != null) {
            replay.stop();
        }
        replay = LiveFeed.follow(this, () -> client.replayProgress(user.token(), projection), this::show);
    }

    void show(ReplayProgress progress) {
        replayBar.setVisible(true);
        replayBar.setValue(progress.total() == 0 ? 1 : Math.min(1, (double) progress.done() / progress.total()));
        switch (progress.state()) {
            case REQUESTED -> replayStatus.setText(getTranslation("audit.replayRequested"));
            case RUNNING -> replayStatus.setText(getTranslation("audit.replayRunning", progress.done(), progress.total(),
                    Math.round(progress.eventsPerSecond()), progress.secondsLeft() == null ? "?" : progress.secondsLeft()));
            case FINISHED -> replayStatus.setText(progress.differences().isEmpty()
                    ? getTranslation("audit.replaySame", progress.total())
                    : getTranslation("audit.replayDiffers", progress.differences().size(),
                    String.join(", ", progress.differences().stream().map(d -> d.documentId() + " (" + getTranslation("audit.replayChange." + d.change()) + ")").toList()),
                    progress.eventsDuringReplay()));
            case FAILED -> replayStatus.setText(getTranslation("audit.replayFailed", getTranslation("audit.replayFailure." + progress.failure())));
        }
    }

    private static Anchor download(String fileName, Supplier<byte[]> bytes, String label) {
        return org.ecabinet.ui.Downloads.anchor(fileName, bytes, label, null);
    }

    private static java.time.Instant instant(LocalDateTime local) {
        return local == null ? null : local.atZone(Formats.HANOI).toInstant();
    }

    /** The event as stored, wrapped: a long value must not push the page sideways. */
    private static Pre payload(AuditedEvent event) {
        Pre payload = new Pre(event.payload() == null ? "" : event.payload().toPrettyString());
        payload.getStyle().set("white-space", "pre-wrap").set("overflow-wrap", "anywhere");
        return payload;
    }

    /** An event's name in the auditor's language; its name in the code stays in the column's tooltip. */
    private String eventName(String type) {
        String key = "event." + type;
        String worded = getTranslation(key);
        return worded.contains(key) ? type : worded;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("audit.heading") + " — e-Cabinet";
    }
}
