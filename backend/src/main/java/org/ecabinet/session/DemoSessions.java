package org.ecabinet.session;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.ecabinet.events.session.Position;
import org.ecabinet.events.session.SessionKind;
import org.ecabinet.identity.DemoStore;
import org.ecabinet.identity.CabinetUser;
import org.ecabinet.identity.Users;
import org.ecabinet.platform.CommandSender;
import org.ecabinet.platform.pdf.TextPdf;
import org.ecabinet.platform.storage.DocumentStore;
import org.ecabinet.platform.storage.Settings;
import org.ecabinet.session.SessionCommands.*;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo sessions for a first run, seeded once (after the demo users) through the same commands a user
 * sends: one regular session, published, with papers and a few positions; one thematic session still
 * being prepared. Titles say [DEMO].
 */
@Component
@Order(2)
@Profile("demo")
class DemoSessions implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoSessions.class);
    private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");

    private final CommandSender commands;
    private final Users users;
    private final DocumentStore papers;
    private final Settings settings;

    DemoSessions(DemoStore guard, CommandSender commands, Users users, DocumentStore papers, Settings settings) {
        this.commands = commands;
        this.users = users;
        this.papers = papers;
        this.settings = settings;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!settings.putIfAbsent("demo-sessions-seeded", "true")) {
            return;
        }
        List<String> roster = users.cabinetMembers().stream().map(CabinetUser::id).toList();
        String chair = users.chair().orElseThrow().id();

        String regular = UUID.randomUUID().toString();
        send(new ScheduleSession(regular, "[DEMO] Phiên họp Chính phủ thường kỳ tháng 11 năm 2026", SessionKind.REGULAR,
                LocalDate.now(HANOI).plusDays(3).atTime(LocalTime.of(8, 0)).atZone(HANOI).toInstant(),
                "Trụ sở Chính phủ, 1 Hoàng Hoa Thám, Hà Nội", false, chair, roster));
        String economy = item(regular, "Báo cáo tình hình kinh tế - xã hội tháng 11 và 11 tháng năm 2026", "Bộ Kế hoạch và Đầu tư");
        String decree = item(regular, "Dự thảo Nghị định quy định chi tiết Luật Giao dịch điện tử", "Bộ Thông tin và Truyền thông");
        String investment = item(regular, "Tình hình giải ngân vốn đầu tư công", "Bộ Tài chính");
        attach(regular, economy, "bao-cao-kinh-te-xa-hoi-thang-11.pdf", "Báo cáo tình hình kinh tế - xã hội tháng 11 năm 2026");
        attach(regular, decree, "du-thao-nghi-dinh-giao-dich-dien-tu.pdf", "Dự thảo Nghị định quy định chi tiết Luật Giao dịch điện tử");
        send(new InviteGuests(regular, List.of("secretariat2")));
        send(new PublishSession(regular));
        for (int i = 1; i < 6; i++) {
            send(new RecordPosition(regular, economy, roster.get(i), Position.AGREE, null));
        }
        send(new RecordPosition(regular, decree, roster.get(6), Position.WISH_TO_DISCUSS, "Cần làm rõ quy định về chữ ký số."));
        send(new RecordPosition(regular, investment, roster.get(7), Position.AGREE, null));

        String thematic = UUID.randomUUID().toString();
        send(new ScheduleSession(thematic, "[DEMO] Phiên họp Chính phủ chuyên đề về xây dựng pháp luật tháng 12/2026",
                SessionKind.THEMATIC, LocalDate.now(HANOI).plusDays(17).atTime(LocalTime.of(14, 0)).atZone(HANOI).toInstant(),
                null, true, chair, roster));
        item(thematic, "Đề nghị xây dựng Luật Dữ liệu (sửa đổi)", "Bộ Công an");
        log.info("Seeded the demo sessions");
    }

    private String item(String sessionId, String title, String agency) {
        String itemId = UUID.randomUUID().toString();
        send(new AddAgendaItem(sessionId, itemId, title, agency));
        return itemId;
    }

    private void attach(String sessionId, String itemId, String fileName, String text) {
        DocumentStore.StoredDocument stored = papers.store("session:" + sessionId, fileName, demoPdf(text));
        send(new AttachPaper(sessionId, itemId, stored.documentId(), fileName, stored.sha256(), stored.size()));
    }

    private void send(Object command) {
        commands.sendAsSystem(command, "demo-data");
    }

    private static byte[] demoPdf(String text) {
        try (TextPdf pdf = new TextPdf(text)) {
            return pdf.paragraph("e-Cabinet — TÀI LIỆU DEMO").heading(text).toBytes();
        }
    }
}
