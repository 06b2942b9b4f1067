package org.ecabinet.ui.identity;

import java.io.Serializable;
import java.util.Set;

/**
 * The user of this browser session, the organisation they act for (clerks), and the backend token that acts for
 * them. {@code mustChangePassword}: an administrator set their password, and the only page open to them is the
 * one where they choose their own.
 */
public record SignedInUser(String id, String displayName, String title, Set<String> roles, String organisationCode, String token,
                           boolean mustChangePassword) implements Serializable {

    public boolean has(String role) {
        return !mustChangePassword && roles.contains(role);
    }
}
