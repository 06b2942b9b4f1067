package org.ecabinet.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Who a token's subject is now: the user store's record, read at most once per {@code user-cache} period
 * (10 s) per user, so that a removed or disabled user's tokens stop working within that period and a role
 * granted or withdrawn applies without a new sign-in. A token is only proof of who signed in.
 */
@Component
class ActiveUsers {

    private record Cached(Optional<CabinetUser> user, Instant until) {
    }

    private final Users users;
    private final Clock clock;
    private final SecurityProperties properties;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    ActiveUsers(Users users, Clock clock, SecurityProperties properties) {
        this.users = users;
        this.clock = clock;
        this.properties = properties;
    }

    /** The user with this id if they exist and are enabled. */
    Optional<CabinetUser> find(String id) {
        Instant now = clock.instant();
        Cached cached = cache.get(id);
        if (cached == null || !cached.until().isAfter(now)) {
            cached = new Cached(users.find(id).filter(CabinetUser::enabled), now.plus(properties.userCache()));
            cache.put(id, cached);
        }
        return cached.user();
    }

    /** The directory changed this user here: the change applies to their next request, not 10 s later. */
    void forget(String id) {
        cache.remove(id);
    }
}
