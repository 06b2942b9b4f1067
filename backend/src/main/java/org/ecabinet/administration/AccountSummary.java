package org.ecabinet.administration;

import java.util.Set;

import org.ecabinet.events.account.Role;
import org.ecabinet.identity.CabinetUser;

/** A user account as the administrator lists it (never its password hash). */
record AccountSummary(String id, String displayName, String title, Set<Role> roles, String organisationCode, String email,
                      boolean enabled, boolean mustChangePassword, boolean demo) {

    static AccountSummary of(CabinetUser user) {
        return new AccountSummary(user.id(), user.displayName(), user.title(), user.roles(), user.organisationCode(), user.email(),
                user.enabled(), user.mustChangePassword(), user.demo());
    }
}
