package org.ecabinet.ui.identity;

import java.io.Serializable;
import java.util.Set;

/** The user of this browser session, the organisation they act for (clerks), and the backend token that acts for them. */
public record SignedInUser(String id, String displayName, String title, Set<String> roles, String organisationCode, String token)
        implements Serializable {

    public boolean has(String role) {
        return roles.contains(role);
    }
}
