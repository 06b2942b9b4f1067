package org.ecabinet.ui.identity;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;

/**
 * A user whose password an administrator set reaches no page but {@link ChangePasswordView} until they chose their
 * own; an administrator who holds no other role starts on the accounts, not on an empty list of sessions.
 */
@Component
class PasswordChangeGuard implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().addBeforeEnterListener(enter -> {
            var authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication != null && authentication.getPrincipal() instanceof SignedInUser user && user.mustChangePassword()
                    && enter.getNavigationTarget() != ChangePasswordView.class && enter.getNavigationTarget() != LoginView.class) {
                enter.rerouteTo(ChangePasswordView.class);
            } else if (authentication != null && authentication.getPrincipal() instanceof SignedInUser user && enter.getLocation().getPath().isEmpty()
                    && user.roles().equals(java.util.Set.of("ADMIN"))) {
                enter.rerouteTo(org.ecabinet.ui.admin.UsersAdminView.class);
            }
        }));
    }
}
