package org.ecabinet.ui.session;

import java.util.List;

import org.ecabinet.ui.Confirmation;
import org.ecabinet.ui.session.SessionModels.AgendaItem;
import org.ecabinet.ui.session.SessionModels.SessionRoom;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.progressbar.ProgressBar;

/**
 * The chair's console: attendance against the quorum (two thirds of all members), opening the session only
 * at quorum (and saying why not), adopting as a block the items nobody objected to or asked to discuss, and
 * closing the session (the confirmation names the items without a conclusion). Item by item, votes and
 * conclusions are run from the agenda ({@link ItemControls}).
 */
class ChairConsole extends Section {

    ChairConsole(SessionRoom room, SessionsClient client, String token, RoomActions actions) {
        setId("chair-console");
        getStyle().set("border", "2px solid var(--lumo-primary-color-50pct)").set("border-radius", "var(--lumo-border-radius-l)")
                .set("padding", "var(--lumo-space-m)");
        add(new H3(getTranslation("chair.heading")));
        int present = room.checkedIn().size();
        ProgressBar meter = new ProgressBar(0, room.members().size(), present);
        meter.setId("quorum-meter");
        meter.getElement().setAttribute("aria-label", getTranslation("chair.quorumLabel"));
        Span count = new Span(getTranslation("chair.quorum", present, room.members().size(), room.quorum()));
        count.setId("quorum-count");
        add(count, meter);

        if (room.is("PUBLISHED")) {
            Button open = new Button(getTranslation("chair.open"), VaadinIcon.PLAY.create(),
                    click -> actions.send(() -> client.open(token, room.sessionId()), "chair.opened"));
            open.setId("open-session");
            open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            boolean quorate = present >= room.quorum();
            open.setEnabled(quorate);
            add(new Div(open));
            if (!quorate) {
                Paragraph why = new Paragraph(getTranslation("chair.noQuorum", room.quorum() - present));
                why.setId("open-disabled-reason");
                open.getElement().setAttribute("aria-describedby", "open-disabled-reason");
                add(why);
            }
        }
        if (room.is("OPENED")) {
            List<AgendaItem> block = room.adoptableAsABlock();
            if (!block.isEmpty()) {
                UnorderedList items = new UnorderedList();
                block.forEach(i -> items.add(new ListItem(i.title())));
                Button adopt = new Button(getTranslation("chair.adoptBlock", block.size()), VaadinIcon.CHECK_SQUARE_O.create(),
                        click -> confirm("chair.adoptTitle", getTranslation("chair.adoptText", String.join("; ", block.stream().map(AgendaItem::title).toList())),
                                "chair.adopt", () -> actions.send(() -> client.adopt(token, room.sessionId(), block.stream().map(AgendaItem::itemId).toList()),
                                        "chair.adopted")));
                adopt.setId("adopt-block");
                add(new Paragraph(getTranslation("chair.blockIntro")), items, new Div(adopt));
            }
            List<AgendaItem> withoutConclusion = room.agenda().stream().filter(i -> i.conclusion() == null).toList();
            Button close = new Button(getTranslation("chair.close"), VaadinIcon.STOP.create(),
                    click -> confirm("chair.closeTitle", withoutConclusion.isEmpty() ? getTranslation("chair.closeText")
                                    : getTranslation("chair.closeTextMissing", String.join("; ", withoutConclusion.stream().map(AgendaItem::title).toList())),
                            "chair.close", () -> actions.send(() -> client.close(token, room.sessionId()), "chair.closed")));
            close.setId("close-session");
            close.addThemeVariants(ButtonVariant.LUMO_ERROR);
            room.underVote().ifPresent(item -> {
                close.setEnabled(false);
                close.setTooltipText(getTranslation("chair.closeVoteFirst", item.title()));
                Paragraph voting = new Paragraph(getTranslation("chair.underVote", item.title(), item.vote().votesFor(), item.vote().votesAgainst(),
                        item.vote().abstentions()));
                voting.setId("under-vote");
                voting.getElement().setAttribute("aria-live", "polite");
                add(voting);
            });
            add(new Div(close));
        }
    }

    private void confirm(String titleKey, String text, String confirmKey, Runnable confirmed) {
        Confirmation.ask("confirm-" + confirmKey.replace('.', '-'), getTranslation(titleKey), text, getTranslation(confirmKey), false, confirmed);
    }
}
