package org.ecabinet.dispatch;

import org.ecabinet.identity.DemoStore;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.ecabinet.dispatch.DispatchCommands.*;
import org.ecabinet.events.dispatch.Confidentiality;
import org.ecabinet.events.dispatch.DocumentFile;
import org.ecabinet.events.dispatch.SignerInfo;
import org.ecabinet.events.dispatch.Urgency;
import org.ecabinet.platform.CommandSender;
import org.ecabinet.platform.pdf.TextPdf;
import org.ecabinet.platform.storage.DocumentStore;
import org.ecabinet.platform.storage.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo documents, so that a newcomer's inboxes, outboxes and reports are not empty: a signed official
 * letter from the Government Office to the Ministry of Finance and Hanoi (received and assigned at the
 * Ministry, waiting at Hanoi), a signed submission from the Ministry of Finance waiting at the Government
 * Office, and an unsigned Hanoi document that would go on paper. Signatures are real, made with the demo PIN.
 */
@Component
@Order(12)
@Profile("demo")
class DemoDocuments implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDocuments.class);
    private static final String G22 = "000.00.00.G22";
    private static final String G12 = "000.00.00.G12";
    private static final String H29 = "000.00.00.H29";
    private static final char[] PIN = "123456".toCharArray();

    private final CommandSender commands;
    private final DocumentStore files;
    private final DocumentSignatures signatures;
    private final Settings settings;
    private final AxisProperties axis;

    DemoDocuments(DemoStore guard, CommandSender commands, DocumentStore files, DocumentSignatures signatures, Settings settings, AxisProperties axis) {
        this.commands = commands;
        this.files = files;
        this.signatures = signatures;
        this.settings = settings;
        this.axis = axis;
    }

    @Override
    public void run(ApplicationArguments args) {
        // The demo is one system hosting every agency; a system on a real axis gets no made-up correspondence.
        if (!axis.peers().isEmpty() || !settings.putIfAbsent("demo-documents-seeded", "true")) {
            return;
        }
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        Staff office = new Staff("clerk.g22", "Văn thư Văn phòng Chính phủ (demo)", G22);
        Staff finance = new Staff("clerk.g12", "Văn thư Bộ Tài chính (demo)", G12);
        Staff hanoi = new Staff("clerk.h29", "Văn thư UBND thành phố Hà Nội (demo)", H29);

        SignDocument letter = signedAndDispatched(office, "7816", "VPCP-TTĐT", "Công văn",
                "[DEMO] V/v triển khai Hệ thống thông tin phục vụ họp và xử lý công việc của Chính phủ (e-Cabinet)",
                new SignerInfo("KT. BỘ TRƯỞNG, CHỦ NHIỆM", "Phó Chủ nhiệm", "Nguyễn Văn A (demo)"), today, today.plusDays(14), List.of(G12, H29));
        commands.sendAsSystem(signatures.receive(letter.documentId(), finance, letter.signedFile()), "demo-data");
        commands.sendAsSystem(new AssignDocument(letter.documentId(), finance, "Vụ Tin học và Thống kê tài chính"), "demo-data");

        signedAndDispatched(finance, "215", "TTr-BTC", "Tờ trình",
                "[DEMO] Tờ trình dự thảo Nghị định sửa đổi Nghị định về quản lý thuế đối với thương mại điện tử",
                new SignerInfo("KT. BỘ TRƯỞNG", "Thứ trưởng", "Trần Thị B (demo)"), today.minusDays(1), today.plusDays(10), List.of(G22));

        register(hanoi, "1203", "UBND-VP", "Báo cáo", "[DEMO] Báo cáo tình hình kinh tế - xã hội tháng 11 của thành phố",
                new SignerInfo("TM. ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH", "Phó Chủ tịch", "Lê Văn C (demo)"), today, null);
        log.info("Seeded the demo documents (2 signed and dispatched, 1 unsigned)");
    }

    private SignDocument signedAndDispatched(Staff staff, String number, String notation, String type, String subject, SignerInfo signer,
                                       LocalDate date, LocalDate due, List<String> to) {
        DocumentFile file = pdf(number, notation, type, subject, signer);
        String id = register(staff, number, notation, type, subject, signer, date, due, file);
        SignDocument sign = signatures.sign(id, staff, 1, file, "Ký ban hành " + number + "/" + notation, PIN.clone());
        commands.sendAsSystem(sign, "demo-data");
        commands.sendAsSystem(new DispatchDocument(id, staff, to, axis.hostedHere(to)), "demo-data");
        return sign;
    }

    private void register(Staff staff, String number, String notation, String type, String subject, SignerInfo signer, LocalDate date, LocalDate due) {
        register(staff, number, notation, type, subject, signer, date, due, pdf(number, notation, type, subject, signer));
    }

    private String register(Staff staff, String number, String notation, String type, String subject, SignerInfo signer, LocalDate date,
                            LocalDate due, DocumentFile file) {
        String id = UUID.randomUUID().toString();
        commands.sendAsSystem(new RegisterDocument(id, staff, number, notation, type, subject, "Hà Nội", date, signer, Urgency.URGENT,
                Confidentiality.ORDINARY, due, file, 1, List.of(), null), "demo-data");
        return id;
    }

    private DocumentFile pdf(String number, String notation, String type, String subject, SignerInfo signer) {
        byte[] bytes;
        try (TextPdf pdf = new TextPdf(type + " " + number + "/" + notation + " (demo)")) {
            bytes = pdf.paragraph("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM — Độc lập - Tự do - Hạnh phúc (tài liệu demo)")
                    .paragraph("Số: " + number + "/" + notation)
                    .heading(type.toUpperCase())
                    .paragraph(subject)
                    .paragraph(signer.competence() == null ? "" : signer.competence())
                    .paragraph(signer.position() + " " + signer.fullName())
                    .toBytes();
        }
        var stored = files.store("dispatch-demo", "van-ban-" + number + ".pdf", bytes);
        return new DocumentFile(stored.documentId(), stored.fileName(), stored.sha256(), stored.size());
    }
}
