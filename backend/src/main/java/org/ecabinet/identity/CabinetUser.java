package org.ecabinet.identity;

import org.ecabinet.events.account.Role;
import java.util.Set;

/**
 * A person who signs in. {@code rank} orders cabinet members by protocol (the Prime Minister first);
 * {@code organisationCode} binds an agency clerk to an agency; {@code email} receives notifications; a user
 * who is not {@code enabled} can neither sign in nor use a token issued before; one who {@code mustChangePassword}
 * (an administrator set it) may do nothing else until they have.
 */
public record CabinetUser(String id, String displayName, String title, Set<Role> roles, String organisationCode,
                          int rank, boolean demo, String passwordHash, String email, boolean enabled,
                          boolean mustChangePassword) {

    public CabinetUser {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public PublicProfile profile() {
        return new PublicProfile(id, displayName, title, roles, organisationCode);
    }

    /** What any signed-in user may know about another. */
    public record PublicProfile(String id, String displayName, String title, Set<Role> roles, String organisationCode) {
    }
}
