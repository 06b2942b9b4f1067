package org.ecabinet.ui;

import org.ecabinet.ui.session.SessionsView;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.router.RouterLink;

import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/**
 * An address that leads nowhere, or to a page the user's role does not open (Vaadin shows both alike, so as not to
 * tell which pages exist): said inside the app's frame, in the user's language, with a way back.
 */
@ParentLayout(MainLayout.class)
@PermitAll
public class NotFoundView extends VerticalLayout implements HasErrorParameter<NotFoundException>, com.vaadin.flow.router.HasDynamicTitle {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        removeAll();
        setId("not-found");
        RouterLink back = new RouterLink(getTranslation("notFound.back"), SessionsView.class);
        back.setId("not-found-back");
        add(new H2(getTranslation("notFound.heading")), new Paragraph(getTranslation("notFound.text")), back);
        return HttpServletResponse.SC_NOT_FOUND;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("notFound.heading") + " — e-Cabinet";
    }
}
