package org.ecabinet.ui.session;

import java.util.List;

import org.ecabinet.ui.session.SessionModels.AgendaItem;
import org.ecabinet.ui.session.SessionModels.SessionRoom;
import org.ecabinet.ui.session.SessionModels.Vote;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;

/**
 * One item's vote as a member sees it: while it is open, three buttons for whoever may vote (a member who
 * checked in), their own current choice marked (they may change it until the vote closes) and the tally
 * as it moves; once closed, the result and the rule that decided it.
 */
class VotePanel extends Div {

    static final List<String> CHOICES = List.of("FOR", "AGAINST", "ABSTAIN");

    VotePanel(SessionRoom room, AgendaItem item, int number, String userId, SessionsClient client, String token, RoomActions actions) {
        Vote vote = item.vote();
        addClassName("vote-panel");
        setId("vote-" + number);
        Span tally = new Span(getTranslation("vote.tally", vote.votesFor(), vote.votesAgainst(), vote.abstentions(),
                room.members().size() - vote.votesFor() - vote.votesAgainst() - vote.abstentions()));
        tally.setId("tally-" + number);
        tally.getElement().setAttribute("aria-live", "polite");
        if (vote.open()) {
            getStyle().set("background", "var(--lumo-primary-color-10pct)").set("border-radius", "var(--lumo-border-radius-m)")
                    .set("padding", "var(--lumo-space-s) var(--lumo-space-m)");
            add(new Paragraph(getTranslation("vote.open")));
            boolean mayVote = room.isMember(userId) && room.checkedIn().contains(userId);
            if (mayVote) {
                String mine = vote.choiceOf(userId).orElse(null);
                FlexLayout buttons = new FlexLayout();
                buttons.setFlexWrap(FlexLayout.FlexWrap.WRAP);
                buttons.getStyle().set("gap", "var(--lumo-space-s)");
                for (String choice : CHOICES) {
                    Button button = new Button(getTranslation("vote.choice." + choice),
                            click -> actions.send(() -> client.vote(token, room.sessionId(), item.itemId(), choice), "vote.recorded"));
                    button.setId("vote-" + choice.toLowerCase() + "-" + number);
                    boolean chosen = choice.equals(mine);
                    button.getElement().setAttribute("aria-pressed", String.valueOf(chosen));
                    if (chosen) {
                        button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                    }
                    buttons.add(button);
                }
                Span current = new Span(mine == null ? getTranslation("vote.notYet") : getTranslation("vote.yours", getTranslation("vote.choice." + mine)));
                current.setId("my-vote-" + number);
                add(buttons, current);
            } else if (room.isMember(userId)) {
                add(new Paragraph(getTranslation("vote.checkInFirst")));
            }
            add(new Div(tally));
            return;
        }
        add(new Div(tally));
        if (vote.passed() != null) {
            Span result = new Span(getTranslation(vote.passed() ? "vote.passed" : "vote.rejected"));
            result.setId("result-" + number);
            result.getElement().getThemeList().add(vote.passed() ? "badge success" : "badge error");
            add(new Div(result), new Paragraph(getTranslation("vote.rule", room.members().size() / 2 + 1, room.members().size())));
        }
    }
}
