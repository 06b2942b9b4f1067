package org.ecabinet.identity;

import org.ecabinet.events.account.Role;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.oauth2.jwt.Jwt;

/** The authenticated user behind a request, read from the verified token: never from a request body. */
public record Actor(String id, String displayName, Set<Role> roles, String organisationCode) {

    public static Actor of(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList(TokenService.ROLES_CLAIM);
        return new Actor(jwt.getSubject(), jwt.getClaimAsString(TokenService.NAME_CLAIM),
                roles(roles), jwt.getClaimAsString(TokenService.ORGANISATION_CLAIM));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... candidates) {
        for (Role role : candidates) {
            if (has(role)) {
                return true;
            }
        }
        return false;
    }

    private static Set<Role> roles(Collection<String> names) {
        return names == null ? Set.of() : names.stream().map(Role::valueOf).collect(Collectors.toUnmodifiableSet());
    }
}
