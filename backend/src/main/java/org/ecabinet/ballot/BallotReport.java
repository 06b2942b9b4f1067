package org.ecabinet.ballot;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;

import org.ecabinet.events.ballot.AnswerChoice;
import org.ecabinet.events.ballot.BallotQuestion;
import org.ecabinet.events.ballot.QuestionAnswer;
import org.ecabinet.events.ballot.QuestionResult;
import org.ecabinet.identity.CabinetUser;
import org.ecabinet.platform.pdf.TextPdf;

/** The result report of a closed ballot, in Vietnamese, as a PDF ready to be signed. */
final class BallotReport {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy").withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    private BallotReport() {
    }

    static byte[] render(BallotView ballot, Function<String, CabinetUser> users) {
        try (TextPdf pdf = new TextPdf("Kết quả lấy ý kiến thành viên Chính phủ")) {
            pdf.paragraph("VĂN PHÒNG CHÍNH PHỦ").paragraph("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM — Độc lập - Tự do - Hạnh phúc")
                    .heading("BÁO CÁO KẾT QUẢ LẤY Ý KIẾN THÀNH VIÊN CHÍNH PHỦ")
                    .paragraph("Về việc: " + ballot.subject)
                    .paragraph("Mã phiếu:").code(ballot.ballotId)
                    .paragraph("Phát hành: " + TIME.format(ballot.issuedAt) + " — Hạn trả lời: " + TIME.format(ballot.deadline))
                    .paragraph("Kết thúc: " + TIME.format(ballot.closedAt) + " (" + closeReason(ballot) + ")")
                    .paragraph("Số thành viên được lấy ý kiến: " + ballot.eligibleMembers.size()
                            + "; đã trả lời: " + ballot.answers.size());
            ballot.drafts.forEach(d -> pdf.paragraph("Dự thảo: " + d.fileName()).code("SHA-256: " + d.sha256()));
            pdf.subheading("I. Kết quả theo từng câu hỏi");
            for (int i = 0; i < ballot.questions.size(); i++) {
                BallotQuestion question = ballot.questions.get(i);
                QuestionResult result = ballot.results.stream().filter(r -> r.questionId().equals(question.questionId())).findFirst().orElseThrow();
                pdf.paragraph((i + 1) + ". " + question.text())
                        .paragraph("    Đồng ý: " + result.agree() + " — Không đồng ý: " + result.disagree() + " — Ý kiến khác: "
                                + result.otherOpinion() + " — Chưa trả lời: " + result.notAnswered())
                        .paragraph("    Kết luận: " + (result.passed() ? "THÔNG QUA (quá nửa tổng số thành viên đồng ý)" : "KHÔNG THÔNG QUA"));
            }
            pdf.subheading("II. Ý kiến của từng thành viên");
            for (String memberId : ballot.eligibleMembers) {
                CabinetUser member = users.apply(memberId);
                String name = member == null ? memberId : member.displayName() + " — " + member.title();
                var answer = ballot.answerOf(memberId);
                if (answer.isEmpty()) {
                    pdf.paragraph(name + ": chưa trả lời");
                    continue;
                }
                pdf.paragraph(name + " (bản " + answer.get().version + ", ký lúc " + TIME.format(answer.get().signingTime) + ")");
                for (QuestionAnswer a : answer.get().answers) {
                    pdf.paragraph("    Câu " + (indexOf(ballot, a.questionId()) + 1) + ": " + choice(a.choice())
                            + (a.comment() == null ? "" : " — " + a.comment()));
                }
            }
            pdf.space(12).paragraph("Báo cáo được ký số bởi Văn phòng Chính phủ; mỗi ý kiến trên mang chữ ký số của thành viên.");
            return pdf.toBytes();
        }
    }

    private static int indexOf(BallotView ballot, String questionId) {
        for (int i = 0; i < ballot.questions.size(); i++) {
            if (ballot.questions.get(i).questionId().equals(questionId)) {
                return i;
            }
        }
        return -1;
    }

    private static String choice(AnswerChoice choice) {
        return switch (choice) {
            case AGREE -> "Đồng ý";
            case DISAGREE -> "Không đồng ý";
            case OTHER_OPINION -> "Ý kiến khác";
        };
    }

    private static String closeReason(BallotView ballot) {
        return switch (ballot.closeReason) {
            case DEADLINE -> "hết hạn";
            case ALL_ANSWERED -> "tất cả thành viên đã trả lời";
            case SECRETARIAT -> "Văn phòng Chính phủ kết thúc";
        };
    }
}
