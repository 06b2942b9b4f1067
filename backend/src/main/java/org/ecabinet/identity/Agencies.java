package org.ecabinet.identity;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * The organisations that exchange documents, by their code on the axis (mã định danh, e.g.
 * {@code 000.00.00.G22}). The list here is the demo set-up: the Government Office, several ministries and
 * provinces (the codes follow the national pattern; a deployment loads the national register instead).
 * Clerks are bound to one of them.
 */
@Component
public class Agencies {

    public record Agency(String organId, String name) {
    }

    static final String GOVERNMENT_OFFICE = "000.00.00.G22";

    private static final List<Agency> ALL = List.of(
            new Agency(GOVERNMENT_OFFICE, "Văn phòng Chính phủ"),
            new Agency("000.00.00.G12", "Bộ Tài chính"),
            new Agency("000.00.00.G23", "Bộ Tư pháp"),
            new Agency("000.00.00.G14", "Bộ Kế hoạch và Đầu tư"),
            new Agency("000.00.00.G19", "Bộ Thông tin và Truyền thông"),
            new Agency("000.00.00.H29", "UBND thành phố Hà Nội"),
            new Agency("000.00.00.H30", "UBND thành phố Hồ Chí Minh"),
            new Agency("000.00.00.H35", "UBND tỉnh Thừa Thiên Huế"));

    /** The agencies whose clerks the demo seeds. */
    static final List<Agency> WITH_DEMO_CLERKS = ALL.stream()
            .filter(a -> List.of(GOVERNMENT_OFFICE, "000.00.00.G12", "000.00.00.G23", "000.00.00.H29").contains(a.organId())).toList();

    public List<Agency> all() {
        return ALL;
    }

    public Optional<Agency> find(String organId) {
        return ALL.stream().filter(a -> a.organId().equals(organId)).findFirst();
    }
}
