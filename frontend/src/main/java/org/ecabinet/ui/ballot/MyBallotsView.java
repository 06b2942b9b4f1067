package org.ecabinet.ui.ballot;

import org.ecabinet.ui.Formats;
import org.ecabinet.ui.MainLayout;
import org.ecabinet.ui.ballot.BallotModels.BallotSummary;
import org.ecabinet.ui.identity.CurrentUser;
import org.ecabinet.ui.identity.SignedInUser;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;

import jakarta.annotation.security.PermitAll;

/**
 * The written consultations the user may see. For a member it is "my work": ballots still waiting for
 * their answer come first and are marked. The secretariat starts new ones from here.
 */
@Route(value = "ballots", layout = MainLayout.class)
@PermitAll
public class MyBallotsView extends VerticalLayout implements HasDynamicTitle {

    public MyBallotsView(BallotsClient client, CurrentUser currentUser) {
        SignedInUser user = currentUser.get();
        add(new H2(getTranslation("ballots.heading")));
        if (user.has("SECRETARIAT")) {
            Button issue = new Button(getTranslation("ballots.new"), click -> getUI().ifPresent(ui -> ui.navigate(NewBallotView.class)));
            issue.setId("new-ballot");
            issue.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(issue);
        }
        Grid<BallotSummary> ballots = new Grid<>();
        ballots.setId("ballots");
        ballots.setAriaLabel(getTranslation("ballots.heading"));
        ballots.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        ballots.addComponentColumn(this::awaiting).setHeader(getTranslation("ballots.mine")).setAutoWidth(true).setFlexGrow(0);
        // a link, so that the ballot opens from the keyboard too
        ballots.addComponentColumn(b -> new RouterLink(b.subject(), BallotView.class, b.ballotId())).setHeader(getTranslation("ballots.subject"))
                .setWidth("16rem").setFlexGrow(3);
        ballots.addColumn(b -> getTranslation("ballot.status." + b.status())).setHeader(getTranslation("ballots.status")).setWidth("9rem");
        ballots.addColumn(b -> Formats.when(b.deadline())).setHeader(getTranslation("ballots.deadline")).setWidth("10rem");
        ballots.addColumn(b -> b.answered() + "/" + b.eligible()).setHeader(getTranslation("ballots.answered"));
        ballots.addItemClickListener(click -> getUI().ifPresent(ui -> ui.navigate(BallotView.class, click.getItem().ballotId())));
        ballots.setItems(client.list(user.token()).stream()
                .sorted(java.util.Comparator.comparing(BallotSummary::awaitingMyAnswer).reversed()
                        .thenComparing(BallotSummary::deadline, java.util.Comparator.reverseOrder()))
                .toList());
        ballots.setAllRowsVisible(true);
        add(ballots);
    }

    private Span awaiting(BallotSummary ballot) {
        Span badge = new Span(ballot.awaitingMyAnswer() ? getTranslation("ballots.awaitingMyAnswer") : "");
        if (ballot.awaitingMyAnswer()) {
            badge.getElement().getThemeList().add("badge error");
        }
        return badge;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("ballots.heading") + " — e-Cabinet";
    }
}
