package org.ecabinet.identity;

import org.ecabinet.events.account.Role;
import java.util.Set;

/** Users beyond the demo roster: members for benchmarks that need more than a cabinet has, and users for one test alone. */
public final class TestUsers {

    private TestUsers() {
    }

    /** Adds a cabinet member who signs in with the demo password. */
    public static CabinetUser addMember(Users users, String id, int rank) {
        return add(users, id, "Thành viên thử tải " + id, Role.MEMBER, rank);
    }

    /** Adds a user with one role who signs in with the demo password. */
    public static CabinetUser add(Users users, String id, String displayName, Role role, int rank) {
        return add(users, id, displayName, role, rank, null);
    }

    /** Adds a user with one role, acting for an organisation (a clerk's agency), who signs in with the demo password. */
    public static CabinetUser add(Users users, String id, String displayName, Role role, int rank, String organisationCode) {
        String demoPasswordHash = users.find("secretariat").orElseThrow().passwordHash();
        CabinetUser user = new CabinetUser(id, displayName, "(test)", Set.of(role), organisationCode, rank, true, demoPasswordHash,
                id + "@ecabinet.example", true, false);
        users.save(user);
        return user;
    }
}
