package org.ecabinet.events.account;

import java.util.List;

import org.axonframework.serialization.Revision;

/**
 * An administrator (or the demo set-up) created an account. The password is never part of an event; an
 * {@code organisationCode} binds an agency clerk to their agency; {@code rank} orders cabinet members by protocol.
 */
@Revision("1")
public record UserAccountCreated(String userId, String displayName, String title, List<Role> roles, String organisationCode, int rank,
                                 String email, boolean demo) implements AccountEvent {
    public UserAccountCreated {
        roles = List.copyOf(roles);
    }
}
