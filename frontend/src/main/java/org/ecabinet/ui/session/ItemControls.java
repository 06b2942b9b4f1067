package org.ecabinet.ui.session;

import org.ecabinet.ui.RequiredFields;
import org.ecabinet.ui.session.SessionModels.AgendaItem;
import org.ecabinet.ui.session.SessionModels.SessionRoom;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.textfield.TextArea;

/** The chair's controls on one agenda item while the session is open: open or close its vote, record its conclusion. */
class ItemControls extends Div {

    ItemControls(SessionRoom room, AgendaItem item, int number, SessionsClient client, String token, RoomActions actions, Drafts drafts) {
        addClassName("chair-item-controls");
        FlexLayout buttons = new FlexLayout();
        buttons.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        buttons.getStyle().set("gap", "var(--lumo-space-s)");
        boolean voting = item.vote() != null && item.vote().open();
        if (voting) {
            Button close = new Button(getTranslation("chair.closeVote"), VaadinIcon.LOCK.create(),
                    click -> actions.send(() -> client.closeVote(token, room.sessionId(), item.itemId()), "chair.voteClosed"));
            close.setId("close-vote-" + number);
            close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            buttons.add(close);
        } else if (item.outcome() == null && room.underVote().isEmpty()) {
            Button open = new Button(getTranslation("chair.openVote"), VaadinIcon.HANDS_UP.create(),
                    click -> actions.send(() -> client.openVote(token, room.sessionId(), item.itemId()), "chair.voteOpened"));
            open.setId("open-vote-" + number);
            open.setAriaLabel(getTranslation("chair.openVoteOn", item.title()));
            buttons.add(open);
        }
        add(buttons);
        if (!voting) {
            TextArea conclusion = new TextArea(getTranslation("chair.conclusion"));
            conclusion.setId("conclusion-" + number);
            conclusion.setMaxLength(10_000);
            String draft = "conclusion:" + item.itemId();
            drafts.bind(conclusion, draft, item.conclusion());
            conclusion.setWidthFull();
            RequiredFields required = new RequiredFields().text(conclusion, getTranslation("form.required"));
            Button save = new Button(getTranslation("chair.saveConclusion"), click -> {
                if (required.valid()
                        && actions.send(() -> client.recordConclusion(token, room.sessionId(), item.itemId(), conclusion.getValue().strip()), "chair.conclusionSaved")) {
                    drafts.forget(draft);
                }
            });
            save.setId("save-conclusion-" + number);
            save.setAriaLabel(getTranslation("chair.saveConclusionOn", item.title()));
            FlexLayout row = new FlexLayout(conclusion, save);
            row.setAlignItems(FlexComponent.Alignment.END);
            row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
            row.getStyle().set("gap", "var(--lumo-space-s)");
            add(row);
        }
    }
}
