package org.ecabinet.ui.audit;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ecabinet.ui.BackendApi;
import org.ecabinet.ui.Downloads;
import org.ecabinet.ui.Feedback;
import org.ecabinet.ui.Formats;
import org.ecabinet.ui.MainLayout;
import org.ecabinet.ui.ballot.BallotModels.Ballot;
import org.ecabinet.ui.ballot.BallotView;
import org.ecabinet.ui.ballot.BallotsClient;
import org.ecabinet.ui.dispatch.DispatchModels.Document;
import org.ecabinet.ui.dispatch.DocumentPage;
import org.ecabinet.ui.dispatch.DocumentsClient;
import org.ecabinet.ui.identity.CurrentUser;
import org.ecabinet.ui.identity.Directory;
import org.ecabinet.ui.session.SessionModels.SessionRoom;
import org.ecabinet.ui.session.SessionRoomView;
import org.ecabinet.ui.session.SessionsClient;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

/**
 * A session, ballot or document as it was right after one event of the store: drawn by its own page, as its users
 * saw it then; compared with another moment, field by field; the state itself downloadable as JSON for the auditor's
 * own tools. Reached from the audit desk: {@code audit/as-of?type=…&id=…&global=…}.
 */
@Route(value = "audit/as-of", layout = MainLayout.class)
@RolesAllowed({"AUDITOR", "ADMIN"})
public class AsOfView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final AuditClient audit;
    private final SessionsClient sessions;
    private final BallotsClient ballots;
    private final DocumentsClient documents;
    private final Directory directory;
    private final CurrentUser currentUser;
    private final ObjectMapper json;
    private final String token;
    private String type;
    private String id;
    private JsonNode state;

    private final Paragraph moment = new Paragraph();
    private final HorizontalLayout tools = new HorizontalLayout();
    private final IntegerField other = new IntegerField();
    private final UnorderedList changes = new UnorderedList();
    private final Section page = new Section();

    public AsOfView(AuditClient audit, SessionsClient sessions, BallotsClient ballots, DocumentsClient documents, Directory directory,
                    CurrentUser currentUser, ObjectMapper json) {
        this.audit = audit;
        this.sessions = sessions;
        this.ballots = ballots;
        this.documents = documents;
        this.directory = directory;
        this.currentUser = currentUser;
        this.json = json;
        this.token = currentUser.get().token();
        moment.setId("as-of-moment");
        other.setId("compare-with");
        other.setLabel(getTranslation("asOf.compareWith"));
        other.setMin(1);
        other.setStepButtonsVisible(false);
        other.setWidth("min(24rem, 100%)"); // its label is long in Vietnamese
        changes.setId("changes");
        changes.getElement().setAttribute("aria-live", "polite");
        page.setId("as-of");
        page.getElement().getStyle().set("border-top", "1px solid var(--lumo-contrast-20pct)");
        Button compare = new Button(getTranslation("asOf.compare"), click -> compare());
        compare.setId("compare");
        HorizontalLayout comparing = new HorizontalLayout(other, compare);
        comparing.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(new H2(getTranslation("asOf.heading")), moment, tools, comparing, changes, page);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> query = event.getLocation().getQueryParameters().getParameters();
        type = first(query, "type").orElse("");
        id = first(query, "id").orElse("");
        Optional<Long> global = first(query, "global").flatMap(AsOfView::number);
        if (global.isEmpty() || !List.of("CabinetSession", "OpinionBallot", "DocumentDispatch").contains(type)) {
            moment.setText(getTranslation("asOf.unknown"));
            return;
        }
        try {
            state = audit.asOf(token, type, id, global.get());
            moment.setText(getTranslation("asOf.moment", getTranslation("audit.type." + type), global.get()));
            tools.removeAll();
            tools.add(Downloads.anchor(type + "-" + id + "-" + global.get() + ".json", () -> state.toPrettyString().getBytes(StandardCharsets.UTF_8),
                    getTranslation("asOf.downloadJson"), "download-as-of-json"));
            page.removeAll();
            page.add(rendered(state));
        } catch (BackendApi.BackendException e) {
            moment.setText(Feedback.explain(e));
        } catch (JsonProcessingException e) {
            moment.setText(getTranslation("problem.unknown"));
        }
    }

    /** The state drawn by the page its users know, with the auditor's eyes: nothing to act on. */
    private Component rendered(JsonNode past) throws JsonProcessingException {
        return switch (type) {
            case "CabinetSession" -> {
                SessionRoomView room = new SessionRoomView(sessions, currentUser, directory);
                room.showPast(json.treeToValue(past, SessionRoom.class));
                yield room;
            }
            case "OpinionBallot" -> {
                BallotView ballot = new BallotView(ballots, currentUser, directory);
                ballot.showPast(json.treeToValue(past, Ballot.class));
                yield ballot;
            }
            default -> {
                DocumentPage document = new DocumentPage(documents, currentUser);
                document.showPast(json.treeToValue(past, Document.class));
                yield document;
            }
        };
    }

    /** What changed from the other moment to this one (or from this one to a later one), field by field. */
    private void compare() {
        changes.removeAll();
        if (state == null || other.getValue() == null) {
            other.setInvalid(true);
            other.setErrorMessage(getTranslation("asOf.compareRequired"));
            return;
        }
        other.setInvalid(false);
        try {
            JsonNode then = audit.asOf(token, type, id, other.getValue());
            List<StateChanges.Change> found = StateChanges.between(then, state);
            if (found.isEmpty()) {
                changes.add(new ListItem(getTranslation("asOf.noChange")));
            }
            found.forEach(change -> changes.add(new ListItem(getTranslation("asOf.change", change.path(), shown(change.before()), shown(change.after())))));
        } catch (BackendApi.BackendException e) {
            changes.add(new ListItem(Feedback.explain(e)));
        }
    }

    private String shown(String value) {
        return value == null ? getTranslation("asOf.absent") : Formats.value(value);
    }

    /** The address of the past state of one aggregate after the event {@code global}. */
    public static QueryParameters at(String aggregateType, String aggregateId, long global) {
        return QueryParameters.simple(Map.of("type", aggregateType, "id", aggregateId, "global", String.valueOf(global)));
    }

    private static Optional<String> first(Map<String, List<String>> query, String name) {
        return Optional.ofNullable(query.get(name)).filter(values -> !values.isEmpty()).map(values -> values.get(0));
    }

    private static Optional<Long> number(String text) {
        try {
            return Optional.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("asOf.heading") + " — e-Cabinet";
    }
}
