package org.ecabinet.ui.dispatch;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.ecabinet.ui.BackendApi;
import org.ecabinet.ui.Confirmation;
import org.ecabinet.ui.Feedback;
import org.ecabinet.ui.Formats;
import org.ecabinet.ui.LiveFeed;
import org.ecabinet.ui.MainLayout;
import org.ecabinet.ui.RequiredFields;
import org.ecabinet.ui.dispatch.DispatchModels.Document;
import org.ecabinet.ui.dispatch.DispatchModels.Recipient;
import org.ecabinet.ui.dispatch.DispatchModels.Step;
import org.ecabinet.ui.identity.CurrentUser;
import org.ecabinet.ui.identity.SignedInUser;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

/**
 * One document: its register entry, the PDF and its signature badge (who signed, and whether the signature
 * verified at receipt), where it stands at each recipient, the status timeline, and the actions the
 * clerk's organisation may take now: sign and dispatch as sender; receive, assign, handle, complete or
 * reject as recipient; recall and answer a recall.
 */
@Route(value = "document", layout = MainLayout.class)
@RolesAllowed({"AGENCY_CLERK", "SECRETARIAT", "AUDITOR"})
public class DocumentPage extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {

    private final DocumentsClient client;
    private final SignedInUser user;
    private AgencyNames agencies = AgencyNames.of(java.util.List.of());
    private String documentId;
    private Document document;
    private LiveFeed<Document> liveUpdates;
    private Object actionsShownFor;

    private final H2 title = new H2();
    private final Paragraph details = new Paragraph();
    private final Span badge = new Span();
    private final com.vaadin.flow.component.details.Details signatureDetails = new com.vaadin.flow.component.details.Details();
    private final HorizontalLayout files = new HorizontalLayout();
    private final Grid<Recipient> recipients = new Grid<>();
    private final UnorderedList timeline = new UnorderedList();
    private final Section actions = new Section();

    public DocumentPage(DocumentsClient client, CurrentUser currentUser) {
        this.client = client;
        this.user = currentUser.get();
        details.setId("document-details");
        badge.setId("signature-badge");
        signatureDetails.setId("signature-details");
        signatureDetails.setSummaryText(getTranslation("document.technicalDetails"));
        timeline.setId("timeline");
        actions.setId("actions");
        recipients.setId("recipients");
        recipients.setAriaLabel(getTranslation("document.recipients"));
        recipients.addColumn(r -> agencies.name(r.organId())).setHeader(getTranslation("document.recipient")).setFlexGrow(2)
                .setTooltipGenerator(r -> agencies.tooltip(r.organId()));
        recipients.addColumn(r -> getTranslation("status." + r.statusCode())).setHeader(getTranslation("document.status"))
                .setTooltipGenerator(r -> getTranslation("document.statusCode", r.statusCode()));
        recipients.addColumn(r -> Formats.when(r.acceptedAt())).setHeader(getTranslation("document.acceptedAt"));
        recipients.addColumn(r -> r.reason() != null ? r.reason() : r.assignee() != null ? r.assignee() : "").setHeader(getTranslation("document.note"));
        recipients.setAllRowsVisible(true);
        add(title, details, badge, signatureDetails, files, new H3(getTranslation("document.recipients")), recipients, actions,
                new H3(getTranslation("document.timeline")), timeline);
    }

    @Override
    public void setParameter(BeforeEvent event, String parameter) {
        documentId = parameter;
        try {
            agencies = AgencyNames.of(client.agencies(user.token()));
            document = null;
            actionsShownFor = null;
            render(client.document(user.token(), documentId));
            if (liveUpdates != null) {
                liveUpdates.stop();
            }
            String followed = documentId;
            liveUpdates = LiveFeed.follow(this, () -> client.changes(user.token(), followed), this::render);
        } catch (BackendApi.BackendException e) {
            title.setText(getTranslation("document.unavailable"));
            details.setText(Feedback.explain(e));
        }
    }

    /**
     * Shows the document as it was at a past moment: drawn like now, not followed; without its downloads, which give
     * today's files.
     */
    public void showPast(Document past) {
        documentId = past.documentId();
        agencies = AgencyNames.of(client.agencies(user.token()));
        document = null;
        actionsShownFor = null;
        render(past);
        files.setVisible(false);
    }

    void render(Document shown) {
        if (document != null && shown.version() < document.version()) {
            return; // a late copy of an older state
        }
        document = shown;
        title.setText(shown.documentType() + " số " + shown.codeNumber() + "/" + shown.codeNotation());
        details.setText(getTranslation("document.detailsLine", agencies.name(shown.senderOrganId()),
                shown.subject(), shown.promulgationPlace(), Formats.day(shown.promulgationDate()), getTranslation("urgency." + shown.urgency()),
                getTranslation("confidentiality." + shown.confidentiality()), shown.pageCount(),
                // a recipient reads where the document stands with them, not the sender's state ("sent")
                mine(shown).map(r -> getTranslation("status." + r.statusCode())).orElseGet(() -> getTranslation("state." + shown.state()))));
        renderBadge(shown);
        files.removeAll();
        files.add(download("van-ban-" + shown.codeNumber() + ".pdf", () -> client.pdf(user.token(), documentId), getTranslation("document.pdf"), "download-pdf"));
        if (shown.signature() != null) {
            files.add(download("edxml-" + shown.codeNumber() + ".xml", () -> client.edxml(user.token(), documentId), getTranslation("document.edxml"),
                    "download-edxml"));
        }
        recipients.setItems(shown.recipients());
        timeline.removeAll();
        shown.timeline().forEach(step -> {
            String detail = stepDetail(step);
            ListItem line = new ListItem(new Span(Formats.when(step.at()) + " — "), agencies.label(step.organId()),
                    new Span(": " + getTranslation("timeline." + step.kind()) + (detail.isEmpty() ? "" : " — " + detail)
                            + (step.staffName() == null ? "" : " (" + step.staffName() + ")")));
            // the QCVN code and the signature check's report are for those who ask: in the tooltip
            List<String> technical = new java.util.ArrayList<>();
            if (step.code() != null) {
                technical.add(getTranslation("document.statusCode", step.code()));
            }
            if ("ACCEPTED".equals(step.kind()) && step.detail() != null && !step.detail().isBlank()) {
                technical.add(step.detail());
            }
            if (!technical.isEmpty()) {
                line.getElement().setAttribute("title", String.join(" · ", technical));
            }
            timeline.add(line);
        });
        // the actions are redrawn only when what may be done changes: a recipient's step must not wipe a reason being typed
        Object actionsFor = java.util.Arrays.asList(shown.state(), shown.signedCurrentVersion(), shown.recallRequested(),
                mine(shown).map(r -> r.statusCode() + "/" + r.recallAgreed()).orElse(null));
        if (!actionsFor.equals(actionsShownFor)) {
            actionsShownFor = actionsFor;
            renderActions(shown);
        }
    }

    /**
     * The signature in words: valid, invalid or not checkable, signed by whom and when; the ETSI report and the
     * certificate's fingerprint only behind "technical details".
     */
    private void renderBadge(Document shown) {
        badge.getElement().getThemeList().clear();
        signatureDetails.setVisible(false);
        Optional<Recipient> mine = mine(shown);
        if (shown.signature() == null || !shown.signedCurrentVersion()) {
            badge.setText(getTranslation("document.unsigned", shown.currentVersion()));
            badge.getElement().getThemeList().add("badge contrast");
            return;
        }
        String signer = shown.signature().signerName();
        String when = Formats.when(shown.signature().signingTime());
        String report = mine.map(Recipient::signatureReport).orElse(null);
        if (report == null) {
            badge.setText(getTranslation("document.signed", signer, when));
            badge.getElement().getThemeList().add("badge success");
        } else {
            String outcome = outcome(report);
            badge.setText(getTranslation("document.signature." + outcome, signer, when));
            badge.getElement().getThemeList().add(outcome.equals("valid") ? "badge success" : outcome.equals("invalid") ? "badge error" : "badge contrast");
        }
        signatureDetails.setContent(new Span(getTranslation("document.signatureTechnical",
                report == null ? getTranslation("document.signatureNotYetChecked") : report, shown.signature().certificateSha256())));
        signatureDetails.setVisible(true);
    }

    /** A step's detail in words: recipients by name, a signature check by its outcome; what a person typed as it is. */
    private String stepDetail(Step step) {
        if (step.detail() == null || step.detail().isBlank()) {
            return "";
        }
        return switch (step.kind()) {
            case "DISPATCHED" -> java.util.Arrays.stream(step.detail().split(",\\s*")).map(agencies::name).collect(java.util.stream.Collectors.joining(", "));
            case "ACCEPTED" -> getTranslation("document.check." + outcome(step.detail()));
            default -> step.detail();
        };
    }

    /** The outcome of an ETSI validation report: TOTAL_PASSED, TOTAL_FAILED, or anything else (not decided). */
    private static String outcome(String report) {
        return report.startsWith("TOTAL_PASSED") ? "valid" : report.startsWith("TOTAL_FAILED") ? "invalid" : "unchecked";
    }

    private void renderActions(Document shown) {
        actions.removeAll();
        String organ = user.organisationCode();
        if (organ == null) {
            return;
        }
        if (organ.equals(shown.senderOrganId())) {
            senderActions(shown);
        }
        mine(shown).ifPresent(recipient -> recipientActions(shown, recipient));
    }

    private void senderActions(Document shown) {
        if (!"DISPATCHED".equals(shown.state()) && !shown.signedCurrentVersion()) {
            PasswordField pin = new PasswordField(getTranslation("ballot.pin"));
            pin.setId("signing-pin");
            RequiredFields pinRequired = new RequiredFields().text(pin, 6, getTranslation("ballot.pinRequired"));
            actions.add(row(pin, button("sign", "document.sign", () -> pinRequired.valid() && act("signature", Map.of("pin", pin.getValue())))));
        } else if ("SIGNED".equals(shown.state()) && "ORDINARY".equals(shown.confidentiality())) {
            MultiSelectComboBox<String> to = new MultiSelectComboBox<>(getTranslation("document.recipients"));
            to.setId("dispatch-to");
            RequiredFields recipientsRequired = new RequiredFields().choice(to, getTranslation("newBallot.required"));
            to.setItems(agencies.byCode().keySet().stream().filter(o -> !o.equals(shown.senderOrganId())).sorted(java.util.Comparator.comparing(agencies::name)).toList());
            to.setItemLabelGenerator(agencies::name);
            to.setWidth("32em");
            actions.add(row(to, button("dispatch", "document.dispatch", () -> recipientsRequired.valid() && confirmed("document.confirmDispatch", to.getValue().stream().map(agencies::name).sorted()
                            .collect(java.util.stream.Collectors.joining(", ")),
                            () -> act("dispatch", Map.of("recipients", java.util.List.copyOf(to.getValue())))))));
        } else if ("DISPATCHED".equals(shown.state()) && shown.recallRequested() == null) {
            TextField reason = new TextField(getTranslation("document.reason"));
            reason.setId("recall-reason");
            RequiredFields reasonRequired = new RequiredFields().text(reason, getTranslation("newBallot.required"));
            actions.add(row(reason, button("recall", "document.recall", () -> reasonRequired.valid() && confirmed("document.confirmRecall", reason.getValue(), () -> act("recall", Map.of("kind", "RECALL", "reason", reason.getValue()))))));
        }
    }

    private void recipientActions(Document shown, Recipient mine) {
        String code = mine.statusCode();
        if ("01".equals(code)) {
            actions.add(button("receive", "document.receive", () -> act("receive", null)));
        }
        if ("01".equals(code) || "03".equals(code)) {
            TextField reason = new TextField(getTranslation("document.reason"));
            reason.setId("reject-reason");
            RequiredFields reasonRequired = new RequiredFields().text(reason, getTranslation("newBallot.required"));
            actions.add(row(reason, button("reject", "document.reject",
                    () -> reasonRequired.valid() && act("reject", Map.of("reason", reason.getValue())))));
        }
        if ("03".equals(code)) {
            TextField assignee = new TextField(getTranslation("document.assignee"));
            assignee.setId("assignee");
            RequiredFields assigneeRequired = new RequiredFields().text(assignee, getTranslation("newBallot.required"));
            actions.add(row(assignee, button("assign", "document.assign",
                    () -> assigneeRequired.valid() && act("assign", Map.of("assignee", assignee.getValue())))));
        }
        if ("04".equals(code)) {
            actions.add(button("start", "document.start", () -> act("start", null)));
        }
        if ("05".equals(code)) {
            actions.add(button("complete", "document.complete", () -> act("complete", null)));
        }
        if (shown.recallRequested() != null && mine.recallAgreed() == null) {
            actions.add(new Paragraph(getTranslation("document.recallRequested", shown.recallReason())),
                    row(button("agree-recall", "document.agreeRecall", () -> act("recall/answer", Map.of("agreed", true))),
                            button("refuse-recall", "document.refuseRecall", () -> act("recall/answer", Map.of("agreed", false)))));
        }
    }

    /** Sends one action; the live stream brings the new state, and after a refusal the document is read again. */
    private boolean act(String action, Map<String, Object> body) {
        return Feedback.attempt(() -> client.act(user.token(), documentId, action, body), getTranslation("document.done"), this::reload);
    }

    private void reload() {
        try {
            render(client.document(user.token(), documentId));
        } catch (BackendApi.BackendException gone) {
            Feedback.error(Feedback.explain(gone));
        }
    }

    /** A step that cannot be taken back: the confirmation names what it does, then it is taken. */
    private boolean confirmed(String key, String what, Supplier<Boolean> step) {
        Confirmation.ask("confirm-" + key.substring(key.indexOf('.') + 1), getTranslation(key + ".heading"), getTranslation(key + ".text", what),
                getTranslation(key + ".confirm"), false, step::get);
        return true;
    }

    private Button button(String id, String label, Supplier<Boolean> action) {
        Button button = new Button(getTranslation(label), click -> action.get());
        button.setId(id);
        button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return button;
    }

    private static HorizontalLayout row(Component... components) {
        HorizontalLayout row = new HorizontalLayout(components);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        return row;
    }

    private Optional<Recipient> mine(Document shown) {
        return user.organisationCode() == null ? Optional.empty() : shown.recipient(user.organisationCode());
    }

    private static Anchor download(String fileName, Supplier<byte[]> bytes, String label, String id) {
        return org.ecabinet.ui.Downloads.anchor(fileName, bytes, label, id);
    }

    @Override
    public String getPageTitle() {
        return (document == null ? getTranslation("documents.heading") : document.codeNumber() + "/" + document.codeNotation()) + " — e-Cabinet";
    }
}
