package org.ecabinet.ui.admin;

import org.ecabinet.ui.Feedback;
import org.ecabinet.ui.Formats;
import org.ecabinet.ui.MainLayout;
import org.ecabinet.ui.admin.AdminModels.Anchor;
import org.ecabinet.ui.identity.CurrentUser;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

/** The root certificates every signature must chain to, and the import of another CA's root. */
@Route(value = "admin/trust-anchors", layout = MainLayout.class)
@RolesAllowed("ADMIN")
public class TrustAnchorsView extends VerticalLayout implements HasDynamicTitle {

    private final AdminClient admin;
    private final String token;
    final Grid<Anchor> anchors = new Grid<>();
    final Button add = new Button();

    public TrustAnchorsView(AdminClient admin, CurrentUser currentUser) {
        this.admin = admin;
        this.token = currentUser.get().token();
        setMaxWidth("80rem");
        anchors.setId("admin-trust-anchors");
        anchors.addColumn(a -> AccountPanel.commonName(a.facts().subject())).setHeader(getTranslation("admin.anchors.name")).setFlexGrow(3);
        anchors.addColumn(a -> Formats.day(Formats.hanoi(a.facts().notAfter()).toLocalDate()))
                .setHeader(getTranslation("admin.certificates.validUntil")).setFlexGrow(1);
        anchors.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        anchors.setAllRowsVisible(true);
        add.setText(getTranslation("admin.anchors.add"));
        add.setId("admin-add-anchor");
        add.addClickListener(click -> new PromptDialog<>(getTranslation("admin.anchors.add"), getTranslation("admin.anchors.explanation"),
                labelled(new TextArea()), getTranslation("admin.anchors.add"), 20, pem -> {
                    admin.addTrustAnchors(token, pem);
                    Feedback.success(getTranslation("admin.anchors.added"));
                    reload();
                }).open());
        add(new H2(getTranslation("admin.anchors.heading")), new Paragraph(getTranslation("admin.anchors.intro")), add, anchors);
        reload();
    }

    private TextArea labelled(TextArea pem) {
        pem.setLabel(getTranslation("admin.certificates.pem"));
        return pem;
    }

    private void reload() {
        anchors.setItems(admin.trustAnchors(token));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.anchors.heading") + " — e-Cabinet";
    }
}
