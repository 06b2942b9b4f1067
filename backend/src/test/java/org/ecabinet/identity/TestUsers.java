package org.ecabinet.identity;

import java.util.Set;

/** Users beyond the demo roster, for benchmarks that need more members than a cabinet has. */
public final class TestUsers {

    private TestUsers() {
    }

    /** Adds a cabinet member who signs in with the demo password. */
    public static CabinetUser addMember(Users users, String id, int rank) {
        String demoPasswordHash = users.find("secretariat").orElseThrow().passwordHash();
        CabinetUser member = new CabinetUser(id, "Thành viên thử tải " + id, "Thành viên (benchmark)", Set.of(Role.MEMBER), null, rank,
                true, demoPasswordHash, id + "@ecabinet.example");
        users.save(member);
        return member;
    }
}
