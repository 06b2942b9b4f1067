package org.ecabinet.ui;

import org.ecabinet.ui.admin.TrustAnchorsView;
import org.ecabinet.ui.admin.UsersAdminView;
import org.ecabinet.ui.audit.AuditView;
import org.ecabinet.ui.ballot.MyBallotsView;
import org.ecabinet.ui.dispatch.DocumentsView;
import org.ecabinet.ui.dispatch.ReportsView;
import org.ecabinet.ui.identity.ChangePasswordView;
import org.ecabinet.ui.identity.CurrentUser;
import org.ecabinet.ui.identity.SignedInUser;
import org.ecabinet.ui.session.SessionsView;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.theme.lumo.LumoUtility;

/** The frame of every signed-in page: title, navigation, who is signed in, language, sign out. */
public class MainLayout extends AppLayout {

    private final Main view = new Main();

    public MainLayout(CurrentUser currentUser) {
        SignedInUser user = currentUser.get();
        H1 title = new H1("e-Cabinet");
        title.addClassNames(LumoUtility.FontSize.LARGE, LumoUtility.Margin.NONE, LumoUtility.Display.HIDDEN, LumoUtility.Display.Breakpoint.Small.FLEX);

        Span who = new Span(user.displayName() + (user.title().isBlank() ? "" : " — " + user.title()));
        who.setId("signed-in-user");
        who.getElement().setAttribute("title", who.getText());
        // On a phone there is no room for the name: one line, cut with an ellipsis, never a word per line.
        who.getStyle().set("white-space", "nowrap").set("overflow", "hidden").set("text-overflow", "ellipsis").set("min-width", "0");
        // on a phone the icon alone (its name for screen readers stays), on wider screens the word too
        Span signOutText = new Span(getTranslation("nav.signOut"));
        signOutText.addClassNames(LumoUtility.Display.HIDDEN, LumoUtility.Display.Breakpoint.Small.INLINE);
        Button signOut = new Button(VaadinIcon.SIGN_OUT.create(), click -> currentUser.signOut());
        signOut.getElement().appendChild(signOutText.getElement());
        signOut.setAriaLabel(getTranslation("nav.signOut"));
        signOut.setTooltipText(getTranslation("nav.signOut"));
        signOut.setId("sign-out");
        signOut.getStyle().set("flex-shrink", "0");
        LanguageSwitch language = new LanguageSwitch();
        language.setWidth("4.75rem");
        language.getStyle().set("flex-shrink", "0");
        HorizontalLayout bar = new HorizontalLayout(title, who, language, signOut);
        bar.getStyle().set("min-width", "0").set("overflow", "hidden");
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        bar.expand(who);
        bar.setWidthFull();
        bar.addClassNames(LumoUtility.Padding.Horizontal.MEDIUM);

        SideNav nav = new SideNav();
        nav.getElement().setAttribute("aria-label", getTranslation("nav.label"));
        if (!user.mustChangePassword()) {
            nav.addItem(new SideNavItem(getTranslation("nav.sessions"), SessionsView.class));
            nav.addItem(new SideNavItem(getTranslation("nav.ballots"), MyBallotsView.class));
        }
        if (user.has("AGENCY_CLERK") || user.has("SECRETARIAT") || user.has("AUDITOR")) {
            nav.addItem(new SideNavItem(getTranslation("nav.documents"), DocumentsView.class));
        }
        if (user.has("SECRETARIAT") || user.has("AUDITOR") || user.has("ADMIN")) {
            nav.addItem(new SideNavItem(getTranslation("nav.reports"), ReportsView.class));
        }
        if (user.has("AUDITOR") || user.has("ADMIN")) {
            nav.addItem(new SideNavItem(getTranslation("nav.audit"), AuditView.class));
        }
        if (user.has("ADMIN")) {
            nav.addItem(new SideNavItem(getTranslation("nav.users"), UsersAdminView.class));
            nav.addItem(new SideNavItem(getTranslation("nav.trustAnchors"), TrustAnchorsView.class));
        }
        nav.addItem(new SideNavItem(getTranslation("nav.password"), ChangePasswordView.class));

        DrawerToggle toggle = new DrawerToggle();
        toggle.setAriaLabel(getTranslation("nav.menu"));
        // landmarks: the header with who is signed in, the navigation, and the view in a main region
        Header header = new Header(toggle, bar);
        header.addClassNames(LumoUtility.Display.FLEX, LumoUtility.AlignItems.CENTER, LumoUtility.Width.FULL);
        header.getStyle().set("min-width", "0");
        addToNavbar(header);
        addToDrawer(nav);
        view.setId("view");
        view.setSizeFull();
        setContent(view);
    }

    /** Every view is shown inside the one main landmark, so that assistive technology finds the page's content. */
    @Override
    public void showRouterLayoutContent(HasElement content) {
        view.removeAll();
        if (content != null) {
            view.getElement().appendChild(content.getElement());
        }
    }

    @Override
    public void removeRouterLayoutContent(HasElement oldContent) {
        if (oldContent != null && oldContent.getElement().getParent() == view.getElement()) {
            view.getElement().removeChild(oldContent.getElement());
        }
    }
}
