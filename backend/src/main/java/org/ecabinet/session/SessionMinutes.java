package org.ecabinet.session;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;

import org.ecabinet.events.session.Position;
import org.ecabinet.identity.CabinetUser;
import org.ecabinet.platform.pdf.TextPdf;

/** The minutes (biên bản) of a closed session, in Vietnamese, as a PDF ready to be signed. */
final class SessionMinutes {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy").withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    private SessionMinutes() {
    }

    static byte[] render(SessionRoom room, Function<String, CabinetUser> users) {
        Function<String, String> name = id -> {
            CabinetUser user = users.apply(id);
            return user == null ? id : user.displayName() + " (" + user.title() + ")";
        };
        try (TextPdf pdf = new TextPdf("Biên bản phiên họp: " + room.title)) {
            pdf.paragraph("CHÍNH PHỦ").paragraph("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM — Độc lập - Tự do - Hạnh phúc")
                    .heading("BIÊN BẢN PHIÊN HỌP CHÍNH PHỦ")
                    .paragraph(room.title + " (" + kind(room) + ")")
                    .paragraph("Mã phiên họp:").code(room.sessionId)
                    .paragraph("Thời gian theo kế hoạch: " + TIME.format(room.startsAt) + " — Địa điểm: " + (room.location == null ? "" : room.location)
                            + (room.online ? " (có kết nối trực tuyến)" : ""))
                    .paragraph("Khai mạc lúc: " + (room.openedAt == null ? "—" : TIME.format(room.openedAt))
                            + " — Bế mạc lúc: " + (room.closedAt == null ? "—" : TIME.format(room.closedAt)))
                    .paragraph("Chủ tọa: " + name.apply(room.chairId));

            pdf.subheading("I. Thành phần tham dự");
            pdf.paragraph("Có mặt " + room.checkedIn.size() + "/" + room.members.size() + " thành viên (túc số " + room.quorum + "):");
            room.members.stream().filter(room.checkedIn::contains).forEach(m -> pdf.paragraph("    " + name.apply(m)));
            if (!room.absences.isEmpty()) {
                pdf.paragraph("Vắng mặt có báo cáo:");
                room.absences.forEach(a -> pdf.paragraph("    " + name.apply(a.memberId())
                        + (a.delegate() == null ? "" : " — ủy quyền: " + a.delegate())
                        + (a.reason() == null ? "" : " — lý do: " + a.reason())));
            }
            room.members.stream()
                    .filter(m -> !room.checkedIn.contains(m) && room.absences.stream().noneMatch(a -> a.memberId().equals(m)))
                    .forEach(m -> pdf.paragraph("    Vắng mặt không báo cáo: " + name.apply(m)));
            if (!room.guests.isEmpty()) {
                pdf.paragraph("Khách mời: " + String.join(", ", room.guests.stream().map(name).toList()));
            }

            pdf.subheading("II. Nội dung và kết luận");
            for (int i = 0; i < room.agenda.size(); i++) {
                SessionRoom.AgendaItem item = room.agenda.get(i);
                pdf.paragraph((i + 1) + ". " + item.title + (item.presentingAgency == null ? "" : " — cơ quan trình: " + item.presentingAgency));
                item.papers.forEach(p -> pdf.paragraph("    Tài liệu: " + p.fileName()).code("    SHA-256: " + p.sha256()));
                item.positions.stream().filter(p -> p.position() != Position.AGREE).forEach(p -> pdf.paragraph(
                        "    " + position(p.position()) + ": " + name.apply(p.memberId()) + (p.comment() == null ? "" : " — " + p.comment())));
                if (item.vote != null && item.vote.passed != null) {
                    pdf.paragraph("    Biểu quyết: tán thành " + item.vote.votesFor + ", không tán thành " + item.vote.votesAgainst
                            + ", không biểu quyết " + item.vote.abstentions + " trên tổng số " + room.members.size() + " thành viên");
                }
                pdf.paragraph("    Kết quả: " + outcome(item.outcome));
                if (item.conclusion != null) {
                    pdf.paragraph("    Kết luận của Chủ tọa: " + item.conclusion);
                }
            }
            pdf.space(12).paragraph("Biên bản được Văn phòng Chính phủ lập và ký số sau khi phiên họp kết thúc.");
            return pdf.toBytes();
        }
    }

    private static String kind(SessionRoom room) {
        return switch (room.kind) {
            case REGULAR -> "phiên họp thường kỳ";
            case THEMATIC -> "phiên họp chuyên đề";
            case EXTRAORDINARY -> "phiên họp bất thường";
        };
    }

    private static String position(Position position) {
        return switch (position) {
            case AGREE -> "Đồng ý";
            case WISH_TO_DISCUSS -> "Đề nghị thảo luận";
            case OBJECT -> "Không đồng ý";
        };
    }

    private static String outcome(String outcome) {
        if (outcome == null) {
            return "chưa quyết định";
        }
        return switch (outcome) {
            case "ADOPTED_WITHOUT_DISCUSSION" -> "thông qua không thảo luận";
            case "PASSED" -> "thông qua";
            case "REJECTED" -> "không thông qua";
            default -> outcome;
        };
    }
}
