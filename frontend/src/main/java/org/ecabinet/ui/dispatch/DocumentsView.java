package org.ecabinet.ui.dispatch;

import java.util.List;

import org.ecabinet.ui.Formats;
import org.ecabinet.ui.MainLayout;
import org.ecabinet.ui.dispatch.DispatchModels.DocumentSummary;
import org.ecabinet.ui.identity.CurrentUser;
import org.ecabinet.ui.identity.SignedInUser;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;

import jakarta.annotation.security.RolesAllowed;

/** A clerk's inbox (văn bản đến) and outbox (văn bản đi); auditors see every document. */
@Route(value = "documents", layout = MainLayout.class)
@RolesAllowed({"AGENCY_CLERK", "SECRETARIAT", "AUDITOR"})
public class DocumentsView extends VerticalLayout implements HasDynamicTitle {

    private final AgencyNames agencies;

    public DocumentsView(DocumentsClient client, CurrentUser currentUser) {
        SignedInUser user = currentUser.get();
        agencies = AgencyNames.of(client.agencies(user.token()));
        add(new H2(getTranslation("documents.heading")));
        if (user.organisationCode() != null) {
            Button register = new Button(getTranslation("documents.new"), click -> getUI().ifPresent(ui -> ui.navigate(NewDocumentView.class)));
            register.setId("new-document");
            register.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(register, new H3(getTranslation("documents.inbox")), grid("inbox", client.list(user.token(), "inbox")),
                    new H3(getTranslation("documents.outbox")), grid("outbox", client.list(user.token(), "outbox")));
        } else {
            add(grid("all", client.list(user.token(), "all")));
        }
    }

    private Grid<DocumentSummary> grid(String box, List<DocumentSummary> documents) {
        Grid<DocumentSummary> grid = new Grid<>();
        grid.setId(box);
        grid.setAriaLabel(getTranslation("documents." + box));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        // a link, so that the document opens from the keyboard too (Enter on the cell, then on the link)
        grid.addComponentColumn(d -> new RouterLink(d.number(), DocumentPage.class, d.documentId())).setKey("number").setHeader(getTranslation("document.number"))
                .setAutoWidth(true);
        if (!box.equals("outbox")) {
            grid.addColumn(d -> agencies.name(d.senderOrganId())).setHeader(getTranslation("document.sender")).setAutoWidth(true)
                    .setTooltipGenerator(d -> agencies.tooltip(d.senderOrganId()));
        }
        grid.addColumn(DocumentSummary::documentType).setHeader(getTranslation("document.type")).setAutoWidth(true);
        grid.addColumn(DocumentSummary::subject).setHeader(getTranslation("document.subject")).setWidth("16rem").setFlexGrow(3);
        grid.addColumn(d -> getTranslation("urgency." + d.urgency())).setHeader(getTranslation("document.urgency")).setAutoWidth(true);
        grid.addColumn(d -> box.equals("inbox") ? getTranslation("status." + d.myStatus()) : getTranslation("state." + d.state()))
                .setHeader(getTranslation("document.status")).setAutoWidth(true);
        grid.addColumn(d -> Formats.when(d.dispatchedAt())).setHeader(getTranslation("document.dispatchedAt")).setAutoWidth(true);
        grid.addItemClickListener(click -> getUI().ifPresent(ui -> ui.navigate(DocumentPage.class, click.getItem().documentId())));
        grid.setItems(documents);
        grid.setAllRowsVisible(true);
        return grid;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("documents.heading") + " — e-Cabinet";
    }
}
