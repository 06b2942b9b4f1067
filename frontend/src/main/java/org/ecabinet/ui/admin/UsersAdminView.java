package org.ecabinet.ui.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.ecabinet.ui.MainLayout;
import org.ecabinet.ui.admin.AdminModels.Account;
import org.ecabinet.ui.dispatch.DocumentsClient;
import org.ecabinet.ui.identity.CurrentUser;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

/**
 * The administrator's list of accounts: who, which roles, which agency, whether they may sign in. Selecting
 * one opens its {@link AccountPanel} (roles, disabling, password, certificates).
 */
@Route(value = "admin/users", layout = MainLayout.class)
@RolesAllowed("ADMIN")
public class UsersAdminView extends VerticalLayout implements HasDynamicTitle {

    private final AdminClient admin;
    private final String token;
    private final Map<String, String> agencies;
    final Grid<Account> grid = new Grid<>();
    final TextField search = new TextField();
    final Button create = new Button();
    private final Div details = new Div();
    private List<Account> accounts = List.of();

    public UsersAdminView(AdminClient admin, DocumentsClient documents, CurrentUser currentUser) {
        this.admin = admin;
        this.token = currentUser.get().token();
        this.agencies = documents.agencies(token).stream()
                .collect(Collectors.toMap(a -> a.organId(), a -> a.name(), (a, b) -> a, LinkedHashMap::new));
        setMaxWidth("80rem");

        search.setId("admin-search");
        search.setPlaceholder(getTranslation("admin.search"));
        search.setAriaLabel(getTranslation("admin.search"));
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(change -> show());
        create.setText(getTranslation("admin.new.open"));
        create.setId("admin-new-account");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(click -> new NewAccountDialog(agencies, account -> {
            admin.create(token, account);
            reload(account.userId());
        }).open());
        HorizontalLayout toolbar = new HorizontalLayout(search, create);
        toolbar.setWidthFull();
        toolbar.expand(search);
        toolbar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        toolbar.getStyle().set("flex-wrap", "wrap");

        grid.setId("admin-accounts");
        grid.addColumn(a -> a.displayName()).setHeader(getTranslation("admin.account.name")).setFlexGrow(2).setAutoWidth(false);
        grid.addColumn(Account::id).setHeader(getTranslation("admin.account.id")).setFlexGrow(1);
        grid.addColumn(a -> a.roles().stream().sorted().map(r -> getTranslation("role." + r)).collect(Collectors.joining(", ")))
                .setHeader(getTranslation("admin.account.roles")).setFlexGrow(2);
        grid.addColumn(a -> a.organisationCode() == null ? "" : agencies.getOrDefault(a.organisationCode(), a.organisationCode()))
                .setTooltipGenerator(a -> a.organisationCode() == null ? "" : getTranslation("agency.code", a.organisationCode()))
                .setHeader(getTranslation("admin.account.agency")).setFlexGrow(2);
        grid.addComponentColumn(a -> new Span(getTranslation("admin.standing." + a.standing())))
                .setHeader(getTranslation("admin.account.standing")).setFlexGrow(1);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        grid.setHeight("24rem");
        grid.asSingleSelect().addValueChangeListener(change -> open(change.getValue()));

        add(new H2(getTranslation("admin.users.heading")), toolbar, grid, details);
        reload(null);
    }

    private void reload(String select) {
        accounts = admin.accounts(token);
        show();
        if (select != null) {
            accounts.stream().filter(a -> a.id().equals(select)).findFirst().ifPresent(grid::select);
        }
    }

    private void show() {
        String wanted = search.getValue().strip().toLowerCase(getLocale());
        grid.setItems(accounts.stream().filter(a -> wanted.isEmpty() || (a.id() + " " + a.displayName() + " " + a.title())
                .toLowerCase(getLocale()).contains(wanted)).toList());
    }

    private void open(Account account) {
        details.removeAll();
        if (account != null) {
            details.add(new AccountPanel(admin, token, account, agencies, this::reload));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.users.heading") + " — e-Cabinet";
    }
}
