package org.ecabinet.ui.identity;

import org.springframework.stereotype.Component;

import com.vaadin.flow.spring.security.AuthenticationContext;

/** The signed-in user of the current browser session. */
@Component
public class CurrentUser {

    private final AuthenticationContext authentication;

    CurrentUser(AuthenticationContext authentication) {
        this.authentication = authentication;
    }

    public SignedInUser get() {
        return authentication.getAuthenticatedUser(SignedInUser.class)
                .orElseThrow(() -> new IllegalStateException("Nobody is signed in"));
    }

    public void signOut() {
        authentication.logout();
    }
}
