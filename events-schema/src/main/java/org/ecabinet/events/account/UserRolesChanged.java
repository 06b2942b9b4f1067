package org.ecabinet.events.account;

import java.util.List;

import org.axonframework.serialization.Revision;

/** The account's roles (and the agency a clerk works for) are now these; the ones before are in the account's earlier events. */
@Revision("1")
public record UserRolesChanged(String userId, List<Role> roles, String organisationCode) implements AccountEvent {
    public UserRolesChanged {
        roles = List.copyOf(roles);
    }
}
