package org.ecabinet.identity;

import org.ecabinet.events.account.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Seeds the demo directory on the first start of an empty store: a cabinet of 27 members by title (the
 * names are placeholders), the secretariat of the Government Office, agency clerks, an auditor, an admin.
 * Every demo account is marked {@code demo} and shares one password.
 */
@Component
@Order(1)
@Profile("demo")
class DemoUsers implements ApplicationRunner {

    static final String PASSWORD = "Demo@2026";
    static final String GOVERNMENT_OFFICE = Agencies.GOVERNMENT_OFFICE;
    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    private static final List<String> CABINET_TITLES = List.of(
            "Thủ tướng Chính phủ",
            "Phó Thủ tướng Thường trực Chính phủ",
            "Phó Thủ tướng Chính phủ",
            "Phó Thủ tướng Chính phủ",
            "Phó Thủ tướng Chính phủ",
            "Bộ trưởng Bộ Quốc phòng",
            "Bộ trưởng Bộ Công an",
            "Bộ trưởng Bộ Ngoại giao",
            "Bộ trưởng Bộ Nội vụ",
            "Bộ trưởng Bộ Tư pháp",
            "Bộ trưởng Bộ Kế hoạch và Đầu tư",
            "Bộ trưởng Bộ Tài chính",
            "Bộ trưởng Bộ Công Thương",
            "Bộ trưởng Bộ Nông nghiệp và Phát triển nông thôn",
            "Bộ trưởng Bộ Giao thông vận tải",
            "Bộ trưởng Bộ Xây dựng",
            "Bộ trưởng Bộ Tài nguyên và Môi trường",
            "Bộ trưởng Bộ Thông tin và Truyền thông",
            "Bộ trưởng Bộ Lao động - Thương binh và Xã hội",
            "Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch",
            "Bộ trưởng Bộ Khoa học và Công nghệ",
            "Bộ trưởng Bộ Giáo dục và Đào tạo",
            "Bộ trưởng Bộ Y tế",
            "Bộ trưởng, Chủ nhiệm Ủy ban Dân tộc",
            "Thống đốc Ngân hàng Nhà nước Việt Nam",
            "Tổng Thanh tra Chính phủ",
            "Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ");

    private final Users users;
    private final PasswordEncoder passwords;
    private final AccountCreation accounts;

    DemoUsers(DemoStore guard, Users users, PasswordEncoder passwords, AccountCreation accounts) {
        this.users = users;
        this.passwords = passwords;
        this.accounts = accounts;
    }

    /** Through the same events as an administrator's: the auditor sees who created the demo accounts (the demo set-up). */
    @Override
    public void run(ApplicationArguments args) {
        if (!users.isEmpty()) {
            return;
        }
        List<CabinetUser> seeded = demoDirectory();
        seeded.forEach(user -> accounts.create(user, "demo-users"));
        seeded.forEach(accounts::awaitVisible);
        log.info("Seeded {} demo users (password {})", seeded.size(), PASSWORD);
    }

    List<CabinetUser> demoDirectory() {
        String hash = passwords.encode(PASSWORD);
        List<CabinetUser> all = new ArrayList<>();
        for (int i = 0; i < CABINET_TITLES.size(); i++) {
            int rank = i + 1;
            String id = rank == 1 ? "thutuong" : "member%02d".formatted(rank);
            Set<Role> roles = rank == 1 ? Set.of(Role.MEMBER, Role.CHAIR) : Set.of(Role.MEMBER);
            all.add(demoUser(id, "Thành viên %02d (demo)".formatted(rank), CABINET_TITLES.get(i), roles,
                    null, rank, hash));
        }
        all.add(demoUser("secretariat", "Chuyên viên VPCP 1 (demo)", "Chuyên viên Văn phòng Chính phủ",
                Set.of(Role.SECRETARIAT), GOVERNMENT_OFFICE, 100, hash));
        all.add(demoUser("secretariat2", "Chuyên viên VPCP 2 (demo)", "Chuyên viên Văn phòng Chính phủ",
                Set.of(Role.SECRETARIAT), GOVERNMENT_OFFICE, 101, hash));
        for (int i = 0; i < Agencies.WITH_DEMO_CLERKS.size(); i++) {
            Agencies.Agency agency = Agencies.WITH_DEMO_CLERKS.get(i);
            all.add(demoUser("clerk." + agency.organId().substring(agency.organId().lastIndexOf('.') + 1).toLowerCase(),
                    "Văn thư " + agency.name() + " (demo)", "Văn thư", Set.of(Role.AGENCY_CLERK), agency.organId(), 200 + i, hash));
        }
        all.add(demoUser("auditor", "Kiểm toán viên (demo)", "Kiểm toán viên", Set.of(Role.AUDITOR), null, 300, hash));
        all.add(demoUser("admin", "Quản trị hệ thống (demo)", "Quản trị hệ thống", Set.of(Role.ADMIN), null, 400, hash));
        return all;
    }

    private static CabinetUser demoUser(String id, String displayName, String title, Set<Role> roles, String organisationCode,
                                        int rank, String hash) {
        return new CabinetUser(id, displayName, title, roles, organisationCode, rank, true, hash, id + "@ecabinet.example", true, false);
    }
}
