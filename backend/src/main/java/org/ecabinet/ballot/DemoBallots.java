package org.ecabinet.ballot;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.ecabinet.ballot.BallotCommands.IssueBallot;
import org.ecabinet.ballot.BallotConfiguration.BallotProperties;
import org.ecabinet.ballot.BallotCommands.SubmitAnswer;
import org.ecabinet.events.ballot.AnswerChoice;
import org.ecabinet.events.ballot.BallotQuestion;
import org.ecabinet.events.ballot.DraftDocument;
import org.ecabinet.events.ballot.QuestionAnswer;
import org.ecabinet.identity.DemoStore;
import org.ecabinet.identity.CabinetUser;
import org.ecabinet.identity.Users;
import org.ecabinet.platform.CommandSender;
import org.ecabinet.platform.pdf.TextPdf;
import org.ecabinet.platform.storage.DocumentStore;
import org.ecabinet.platform.storage.Settings;
import org.ecabinet.signing.DemoSigning;
import org.ecabinet.signing.RemoteSigning;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * One open demo ballot on a draft decree, already answered (with real signatures, made with the demo PIN)
 * by three members, so that a newcomer sees a tally and member05 has a ballot waiting. Runs after the demo
 * users received their signing certificates.
 */
@Component
@Order(11)
@Profile("demo")
class DemoBallots implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoBallots.class);
    private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");

    private final CommandSender commands;
    private final Users users;
    private final DocumentStore documents;
    private final Settings settings;
    private final RemoteSigning signing;
    private final BallotProperties properties;
    private final java.time.Clock clock;

    DemoBallots(DemoStore guard, CommandSender commands, Users users, DocumentStore documents, Settings settings, RemoteSigning signing,
                BallotProperties properties, java.time.Clock clock) {
        this.commands = commands;
        this.users = users;
        this.documents = documents;
        this.settings = settings;
        this.signing = signing;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!settings.putIfAbsent("demo-ballots-seeded", "true")) {
            return;
        }
        List<String> members = users.cabinetMembers().stream().map(CabinetUser::id).toList();
        String chair = users.chair().orElseThrow().id();
        DocumentStore.StoredDocument stored = documents.store("ballot-draft", "du-thao-nghi-dinh-chu-ky-so.pdf", draft());
        List<DraftDocument> drafts = List.of(new DraftDocument(stored.documentId(), stored.fileName(), stored.sha256(), stored.size()));
        String ballotId = UUID.randomUUID().toString();
        commands.sendAsSystem(new IssueBallot(ballotId, "[DEMO] Dự thảo Nghị định quy định về chữ ký số và dịch vụ tin cậy",
                drafts, List.of(new BallotQuestion("q1", "Đồng ý thông qua dự thảo Nghị định?"),
                        new BallotQuestion("q2", "Đồng ý thời điểm có hiệu lực từ ngày 01/7/2027?")),
                members, chair, LocalDate.now(HANOI).plusDays(5).atTime(LocalTime.of(17, 0)).atZone(HANOI).toInstant(),
                properties.reminders(), clock.instant()), "demo-data");
        answer(ballotId, members.get(1), drafts, List.of(new QuestionAnswer("q1", AnswerChoice.AGREE, null),
                new QuestionAnswer("q2", AnswerChoice.AGREE, null)));
        answer(ballotId, members.get(2), drafts, List.of(new QuestionAnswer("q1", AnswerChoice.AGREE, null),
                new QuestionAnswer("q2", AnswerChoice.OTHER_OPINION, "Đề nghị lùi thời điểm có hiệu lực sang ngày 01/01/2028.")));
        answer(ballotId, members.get(3), drafts, List.of(new QuestionAnswer("q1", AnswerChoice.DISAGREE, "Chưa đánh giá tác động đối với doanh nghiệp nhỏ."),
                new QuestionAnswer("q2", AnswerChoice.AGREE, null)));
        log.info("Seeded the demo ballot (3 signed answers)");
    }

    private void answer(String ballotId, String memberId, List<DraftDocument> drafts, List<QuestionAnswer> answers) {
        String canonical = AnswerCanonicalForm.of(ballotId, memberId, drafts.stream().map(DraftDocument::sha256).toList(), answers);
        byte[] signature = signing.signCms(memberId, DemoSigning.PIN.toCharArray(), canonical.getBytes(StandardCharsets.UTF_8));
        commands.sendAsSystem(new SubmitAnswer(ballotId, memberId, answers, Base64.getEncoder().encodeToString(signature), clock.instant()),
                "demo-data");
    }

    private static byte[] draft() {
        try (TextPdf pdf = new TextPdf("Dự thảo Nghị định (demo)")) {
            return pdf.paragraph("CHÍNH PHỦ — DỰ THẢO (tài liệu demo)")
                    .heading("NGHỊ ĐỊNH quy định về chữ ký số và dịch vụ tin cậy")
                    .subheading("Chương I. QUY ĐỊNH CHUNG")
                    .paragraph("Điều 1. Phạm vi điều chỉnh: Nghị định này quy định về chữ ký số, chứng thư chữ ký số và dịch vụ tin cậy.")
                    .paragraph("Điều 2. Đối tượng áp dụng: cơ quan, tổ chức, cá nhân tham gia giao dịch điện tử.")
                    .toBytes();
        }
    }
}
