package org.ecabinet.ui.session;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.ecabinet.ui.BackendApi;
import org.ecabinet.ui.RequiredFields;
import org.ecabinet.ui.Pickers;
import org.ecabinet.ui.Downloads;
import org.ecabinet.ui.Confirmation;
import org.ecabinet.ui.Feedback;
import org.ecabinet.ui.Formats;
import org.ecabinet.ui.MainLayout;
import org.ecabinet.ui.PdfUpload;
import org.ecabinet.ui.dispatch.DispatchModels.Agency;
import org.ecabinet.ui.dispatch.DocumentsClient;
import org.ecabinet.ui.identity.CurrentUser;
import org.ecabinet.ui.identity.Directory;
import org.ecabinet.ui.session.SessionModels.AgendaItem;
import org.ecabinet.ui.session.SessionModels.SessionRoom;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

/**
 * The secretariat prepares a session: its agenda (add, reorder by buttons, remove, papers per item), its
 * guests, its schedule (reschedule, cancel) and its publication; once published, the readiness panel shows
 * per item who agrees, wishes to discuss or objects, who has not answered yet, and who will be absent. It
 * follows the session live, like the room.
 */
@Route(value = "session-editor", layout = MainLayout.class)
@RolesAllowed("SECRETARIAT")
public class SessionEditorView extends LiveSessionView {

    private final DocumentsClient documents;
    private List<Agency> agencies = List.of();
    /** The agency chosen for the next item, kept across redraws like the title being typed. */
    private Agency pendingAgency;

    private final H2 title = new H2();
    private final Paragraph details = new Paragraph();
    private final FlexLayout actions = new FlexLayout();
    private final Section agenda = new Section();
    private final Section guests = new Section();
    private final Section readiness = new Section();

    public SessionEditorView(SessionsClient client, DocumentsClient documents, Directory directory, CurrentUser currentUser) {
        super(client, directory, currentUser.get());
        this.documents = documents;
        title.setId("editor-title");
        details.setId("editor-details");
        actions.setId("editor-actions");
        actions.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        actions.getStyle().set("gap", "var(--lumo-space-s)");
        agenda.setId("editor-agenda");
        guests.setId("editor-guests");
        readiness.setId("readiness");
        add(title, details, actions, agenda, guests, readiness);
    }

    @Override
    protected void readOnce() {
        super.readOnce();
        agencies = documents.agencies(user.token());
    }

    @Override
    protected void draw(SessionRoom before, SessionRoom now) {
        title.setText(room.title());
        details.setText(String.join(" · ", getTranslation("session.kind." + room.kind()), Formats.when(room.startsAt()),
                room.online() ? getTranslation("session.online") : Objects.toString(room.location(), ""),
                getTranslation("session.status." + room.status())));
        renderActions();
        renderAgenda();
        renderGuests();
        renderReadiness();
    }

    private void renderActions() {
        actions.removeAll();
        Button toRoom = new Button(getTranslation("editor.toRoom"), VaadinIcon.USERS.create(),
                click -> getUI().ifPresent(ui -> ui.navigate(SessionRoomView.class, sessionId)));
        toRoom.setId("to-room");
        actions.add(toRoom);
        if (!room.beforeOpening()) {
            return;
        }
        if (room.is("SCHEDULED")) {
            Button publish = new Button(getTranslation("editor.publish"), VaadinIcon.PAPERPLANE.create(), click -> confirmPublish());
            publish.setId("publish");
            publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            publish.setEnabled(!room.agenda().isEmpty());
            if (room.agenda().isEmpty()) {
                publish.setTooltipText(getTranslation("editor.publishNeedsAgenda"));
            }
            actions.add(publish);
        }
        Button reschedule = new Button(getTranslation("editor.reschedule"), VaadinIcon.CALENDAR_CLOCK.create(), click -> rescheduleDialog().open());
        reschedule.setId("reschedule");
        Button cancel = new Button(getTranslation("editor.cancel"), VaadinIcon.CLOSE_CIRCLE.create(), click -> cancelDialog().open());
        cancel.setId("cancel-session");
        cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
        actions.add(reschedule, cancel);
    }

    private void confirmPublish() {
        Confirmation.ask("confirm-publish", getTranslation("editor.publishTitle"),
                getTranslation("editor.publishText", room.agenda().size(), room.members().size() + room.guests().size()),
                getTranslation("editor.publish"), false, () -> act(() -> client.publish(user.token(), sessionId), "editor.published"));
    }

    private Dialog rescheduleDialog() {
        Dialog dialog = new Dialog(getTranslation("editor.reschedule"));
        DateTimePicker startsAt = new DateTimePicker(getTranslation("schedule.startsAt"), Formats.hanoi(room.startsAt()));
        startsAt.setHelperText(getTranslation("schedule.hanoiTime"));
        startsAt.setStep(java.time.Duration.ofMinutes(15));
        Pickers.localise(startsAt); // dd/MM/yyyy and Vietnamese names, whatever the browser's own language
        TextField location = new TextField(getTranslation("schedule.location"), Objects.toString(room.location(), ""), "");
        Checkbox online = new Checkbox(getTranslation("schedule.online"), room.online());
        TextArea reason = reasonField();
        RequiredFields required = new RequiredFields().choice(startsAt, getTranslation("form.required")).text(reason, getTranslation("form.required"));
        Button save = new Button(getTranslation("editor.reschedule"), click -> {
            if (required.valid()
                    && act(() -> client.reschedule(user.token(), sessionId, startsAt.getValue(), location.getValue(), online.getValue(), reason.getValue().strip()),
                    "editor.rescheduled")) {
                dialog.close();
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new FormLayout(startsAt, location, online, reason));
        dialog.getFooter().add(new Button(getTranslation("form.cancel"), click -> dialog.close()), save);
        return dialog;
    }

    private Dialog cancelDialog() {
        Dialog dialog = new Dialog(getTranslation("editor.cancelTitle"));
        TextArea reason = reasonField();
        RequiredFields required = new RequiredFields().text(reason, getTranslation("form.required"));
        Button confirm = new Button(getTranslation("editor.cancel"), click -> {
            if (required.valid() && act(() -> client.cancel(user.token(), sessionId, reason.getValue().strip()), "editor.cancelled")) {
                dialog.close();
            }
        });
        confirm.setId("confirm-cancel");
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        dialog.add(new Paragraph(getTranslation("editor.cancelText")), reason);
        dialog.getFooter().add(new Button(getTranslation("form.back"), click -> dialog.close()), confirm);
        return dialog;
    }

    private TextArea reasonField() {
        TextArea reason = new TextArea(getTranslation("editor.reason"));
        reason.setId("reason");
        reason.setRequiredIndicatorVisible(true);
        reason.setMaxLength(1000);
        reason.setWidthFull();
        return reason;
    }

    private void renderAgenda() {
        agenda.removeAll();
        agenda.add(new H3(getTranslation("room.agenda")));
        boolean editable = room.beforeOpening();
        List<AgendaItem> items = room.agenda();
        if (items.isEmpty()) {
            agenda.add(new Paragraph(getTranslation("editor.noItems")));
        }
        for (int i = 0; i < items.size(); i++) {
            agenda.add(itemCard(i, items.get(i), editable));
        }
        if (editable) {
            agenda.add(newItemForm());
        }
    }

    private Div itemCard(int index, AgendaItem item, boolean editable) {
        Div card = new Div();
        card.setId("editor-item-" + (index + 1));
        card.addClassName("agenda-item");
        card.getStyle().set("border", "1px solid var(--lumo-contrast-20pct)").set("border-radius", "var(--lumo-border-radius-m)")
                .set("padding", "var(--lumo-space-s) var(--lumo-space-m)").set("margin-bottom", "var(--lumo-space-s)");
        H3 heading = new H3((index + 1) + ". " + item.title());
        heading.getStyle().set("font-size", "var(--lumo-font-size-m)").set("margin", "0");
        card.add(heading, new Span(getTranslation("room.presentedBy", item.presentingAgency())));
        UnorderedList papers = new UnorderedList();
        item.papers().forEach(p -> {
            Span hash = new Span("SHA-256: " + p.sha256());
            hash.addClassName("sha256");
            hash.getStyle().set("font-family", "monospace").set("font-size", "var(--lumo-font-size-xxs)").set("word-break", "break-all")
                    .set("display", "block");
            papers.add(new ListItem(Downloads.pdf(p.fileName(), p.size(), p.sha256(), () -> client.paper(user.token(), sessionId, p.paperId())), hash));
        });
        if (!item.papers().isEmpty()) {
            card.add(papers);
        }
        if (!editable) {
            return card;
        }
        FlexLayout tools = new FlexLayout();
        tools.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        tools.setAlignItems(FlexComponent.Alignment.CENTER);
        tools.getStyle().set("gap", "var(--lumo-space-xs)");
        Button up = new Button(VaadinIcon.ARROW_UP.create(), click -> move(index, -1));
        up.setAriaLabel(getTranslation("editor.moveUp", item.title()));
        up.setTooltipText(getTranslation("editor.moveUpShort"));
        up.setEnabled(index > 0);
        up.addClassName("move-up");
        Button down = new Button(VaadinIcon.ARROW_DOWN.create(), click -> move(index, 1));
        down.setAriaLabel(getTranslation("editor.moveDown", item.title()));
        down.setTooltipText(getTranslation("editor.moveDownShort"));
        down.setEnabled(index < room.agenda().size() - 1);
        down.addClassName("move-down");
        Button remove = new Button(VaadinIcon.TRASH.create(), click -> confirmRemove(item));
        remove.setAriaLabel(getTranslation("editor.remove", item.title()));
        remove.setTooltipText(getTranslation("editor.removeShort"));
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
        remove.addClassName("remove-item");
        UI ui = UI.getCurrent();
        var upload = PdfUpload.create("upload-" + (index + 1), (fileName, bytes) -> uploadPaper(ui, item, fileName, bytes));
        upload.getElement().setAttribute("aria-label", getTranslation("editor.uploadFor", item.title()));
        tools.add(up, down, remove);
        card.add(tools, upload);
        return card;
    }

    /** Runs off the UI thread, as an upload finishes: the page is changed through {@code ui.access}. */
    private void uploadPaper(UI ui, AgendaItem item, String fileName, byte[] bytes) {
        try {
            client.uploadPaper(user.token(), sessionId, item.itemId(), fileName, bytes);
            ui.access(() -> Feedback.success(getTranslation("editor.uploaded", fileName)));
        } catch (BackendApi.BackendException refused) {
            ui.access(() -> Feedback.error(Feedback.explain(refused)));
        }
    }

    private void move(int index, int by) {
        List<String> order = new ArrayList<>(room.agenda().stream().map(AgendaItem::itemId).toList());
        java.util.Collections.swap(order, index, index + by);
        act(() -> client.reorder(user.token(), sessionId, order), "editor.reordered");
    }

    private void confirmRemove(AgendaItem item) {
        Confirmation.ask("confirm-remove", getTranslation("editor.removeTitle"), getTranslation("editor.removeText", item.title()),
                getTranslation("editor.removeShort"), true, () -> act(() -> client.removeItem(user.token(), sessionId, item.itemId()), "editor.removed"));
    }

    private FormLayout newItemForm() {
        TextField itemTitle = new TextField(getTranslation("editor.itemTitle"));
        itemTitle.setId("item-title");
        itemTitle.setMaxLength(500);
        drafts.bind(itemTitle, "new-item", "");
        ComboBox<Agency> agency = new ComboBox<>(getTranslation("editor.presentingAgency"));
        agency.setId("item-agency");
        agency.setItems(agencies);
        agency.setItemLabelGenerator(Agency::name);
        agency.setValue(pendingAgency);
        agency.addValueChangeListener(change -> pendingAgency = change.getValue());
        RequiredFields required = new RequiredFields().text(itemTitle, getTranslation("form.required"))
                .choice(agency, getTranslation("form.required"));
        Button add = new Button(getTranslation("editor.addItem"), VaadinIcon.PLUS.create(), click -> {
            if (required.valid()
                    && act(() -> client.addItem(user.token(), sessionId, itemTitle.getValue().strip(), agency.getValue().name()), "editor.itemAdded")) {
                drafts.forget("new-item");
                required.clear();
            }
        });
        add.setId("add-item");
        FormLayout form = new FormLayout(itemTitle, agency, add);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("700px", 3));
        form.setId("new-item");
        return form;
    }

    private void renderGuests() {
        guests.removeAll();
        guests.add(new H3(getTranslation("editor.guests")));
        if (!room.guests().isEmpty()) {
            UnorderedList list = new UnorderedList();
            room.guests().forEach(g -> list.add(new ListItem(name(g))));
            guests.add(list);
        }
        if (!room.beforeOpening()) {
            return;
        }
        MultiSelectComboBox<Directory.Person> invite = new MultiSelectComboBox<>(getTranslation("editor.inviteWho"));
        invite.setId("invite-guests");
        invite.setItems(people.values().stream().filter(p -> !room.isMember(p.id()) && !room.guests().contains(p.id()))
                .sorted(Comparator.comparing(Directory.Person::label)).toList());
        invite.setItemLabelGenerator(Directory.Person::label);
        invite.setWidth("min(30rem, 100%)");
        Button send = new Button(getTranslation("editor.invite"), click -> {
            if (!invite.getValue().isEmpty()) {
                act(() -> client.invite(user.token(), sessionId, invite.getValue().stream().map(Directory.Person::id).toList()), "editor.invited");
            }
        });
        send.setId("send-invitations");
        FlexLayout row = new FlexLayout(invite, send);
        row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.getStyle().set("gap", "var(--lumo-space-s)");
        guests.add(row);
    }

    /** Before the session: per item, the positions so far and who has not given one; who will be absent, and who replaces them. */
    private void renderReadiness() {
        readiness.removeAll();
        if (!room.is("PUBLISHED")) {
            return;
        }
        readiness.add(new H3(getTranslation("editor.readiness")));
        int number = 1;
        for (AgendaItem item : room.agenda()) {
            Div row = new Div();
            row.addClassName("readiness-item");
            row.add(new Paragraph(number++ + ". " + item.title() + " — "
                    + getTranslation("room.positionSummary", item.count("AGREE"), item.count("WISH_TO_DISCUSS"), item.count("OBJECT"))));
            List<String> missing = room.withoutPosition(item);
            Span waiting = new Span(missing.isEmpty() ? getTranslation("editor.everyoneAnswered")
                    : getTranslation("editor.notYet", missing.size(), String.join(", ", missing.stream().map(this::name).toList())));
            waiting.addClassName("not-yet");
            waiting.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
            row.add(waiting);
            readiness.add(row);
        }
        if (!room.absences().isEmpty()) {
            readiness.add(new Paragraph(getTranslation("editor.absences")));
            UnorderedList absences = new UnorderedList();
            absences.setId("readiness-absences");
            room.absences().forEach(a -> absences.add(new ListItem(getTranslation("room.absent", name(a.memberId()),
                    a.delegate() == null || a.delegate().isBlank() ? "—" : a.delegate(), a.reason()))));
            readiness.add(absences);
        }
    }

    @Override
    public String getPageTitle() {
        return (room == null ? getTranslation("editor.heading") : room.title()) + " — e-Cabinet";
    }
}
