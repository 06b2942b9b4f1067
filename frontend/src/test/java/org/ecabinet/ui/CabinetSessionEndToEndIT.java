package org.ecabinet.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A whole cabinet session in two browsers at once, against the real backend: the secretariat schedules a
 * session with two items and a PDF paper and publishes it; seventeen members check in through the API and
 * one in the browser; the chair opens, adopts the uncontested item as a block and opens a vote on the other;
 * the member votes in the browser, the chair's tally moves without a reload, the chair closes the vote (the
 * member sees the result without a reload), records the conclusion and closes; the secretariat signs the
 * minutes with the PIN, and pdfsig finds the signature valid and the certificate trusted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CabinetSessionEndToEndIT {

    static final String TITLE = "Phiên họp Chính phủ thường kỳ (kiểm thử đầu cuối)";
    static final List<String> CHECKED_IN_BY_API = IntStream.rangeClosed(7, 23).mapToObj("member%02d"::formatted).toList();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void backend(DynamicPropertyRegistry registry) throws Exception {
        EndToEndBackend.register(registry);
    }

    @Test
    void aCabinetSessionIsPreparedHeldAndConcludedInTheBrowser() throws Exception {
        long started = System.nanoTime();
        String sessionId;
        try (Browser staff = new Browser(port); Browser member = new Browser(port)) {
            // The secretariat schedules, builds the agenda, uploads a paper and publishes.
            staff.signIn("secretariat");
            staff.open("/sessions");
            staff.waitForText(By.id("sessions-heading"), "Tất cả phiên họp");
            staff.screenshots("12-sessions-staff");
            staff.click(By.id("schedule-session"));
            staff.type("schedule-title", TITLE);
            staff.screenshots("13-schedule-dialog");
            staff.click(By.id("schedule-save"));
            staff.waitForText(By.id("editor-title"), TITLE);
            sessionId = staff.driver.getCurrentUrl().replaceAll(".*/session-editor/", "");

            addItem(staff, "Báo cáo tình hình kinh tế - xã hội tháng 11", "Bộ Kế hoạch và Đầu tư", 1);
            addItem(staff, "Dự thảo Nghị định về Chính phủ điện tử", "Bộ Tư pháp", 2);
            Path paper = EndToEndBackend.demoPdf();
            staff.driver.findElement(By.id("upload-2")).getShadowRoot().findElement(By.cssSelector("input[type=file]")).sendKeys(paper.toString());
            staff.wait.until(d -> d.findElement(By.id("editor-item-2")).getText().matches("(?s).*to-trinh\\.pdf \\(\\d+ KB\\)\\s*SHA-256: [0-9a-f]{64}.*"));
            staff.screenshots("14-session-editor");
            staff.click(By.id("publish"));
            staff.confirm();
            staff.waitForText(By.id("editor-details"), "Đã phát hành tài liệu");

            // Before the opening: one member asks to discuss item 2; seventeen check in by the API, one in the browser.
            JsonNode room = EndToEndBackend.call("GET", "/api/sessions/" + sessionId, EndToEndBackend.token("secretariat"), null);
            String item2 = room.at("/agenda/1/itemId").asText();
            EndToEndBackend.call("PUT", "/api/sessions/" + sessionId + "/agenda/" + item2 + "/position", EndToEndBackend.token("member24"),
                    "{\"position\":\"WISH_TO_DISCUSS\",\"comment\":\"Cần làm rõ lộ trình\"}");
            for (String m : CHECKED_IN_BY_API) {
                EndToEndBackend.call("POST", "/api/sessions/" + sessionId + "/check-in", EndToEndBackend.token(m), null);
            }
            member.signIn("member06");
            member.open("/session/" + sessionId);
            member.click(By.id("check-in"));
            member.waitForText(By.id("present-count"), "Có mặt 18/27");

            // The chair opens at quorum, adopts the uncontested item, opens the vote on the other.
            staff.click(By.id("sign-out"));
            staff.signIn("thutuong");
            staff.open("/session/" + sessionId);
            staff.waitForText(By.id("quorum-count"), "Có mặt 18/27");
            staff.screenshots("15-chair-console");
            staff.click(By.id("open-session"));
            staff.waitForText(By.id("session-details"), "Đang họp");
            staff.click(By.id("adopt-block"));
            staff.confirm();
            staff.waitForText(By.id("outcome-1"), "Thông qua không thảo luận");
            staff.click(By.id("open-vote-2"));
            staff.waitForText(By.id("tally-2"), "Tán thành 0");

            // The member votes; thirteen more vote by the API; the chair's tally follows without a reload.
            member.click(By.id("vote-for-2"));
            member.waitForText(By.id("my-vote-2"), "Tán thành");
            member.screenshots("16-member-voting");
            for (String m : CHECKED_IN_BY_API.subList(0, 13)) {
                EndToEndBackend.call("PUT", "/api/sessions/" + sessionId + "/agenda/" + item2 + "/vote", EndToEndBackend.token(m), "{\"choice\":\"FOR\"}");
            }
            staff.waitForText(By.id("tally-2"), "Tán thành 14");
            staff.screenshots("17-chair-tally");
            staff.click(By.id("close-vote-2"));
            member.waitForText(By.id("result-2"), "Thông qua");
            member.screenshots("18-member-result");
            staff.type("conclusion-2", "Thống nhất thông qua; giao Bộ Tư pháp hoàn thiện và trình ký ban hành.");
            staff.click(By.id("save-conclusion-2"));
            staff.waitForText(By.id("conclusion-text-2"), "giao Bộ Tư pháp hoàn thiện");
            staff.click(By.id("close-session"));
            staff.confirm();
            staff.waitForText(By.id("session-details"), "Đã bế mạc");

            // The secretariat signs the minutes; the room links them; pdfsig checks them.
            staff.click(By.id("sign-out"));
            staff.signIn("secretariat");
            staff.open("/session/" + sessionId);
            staff.type("minutes-pin", "123456");
            staff.click(By.id("sign-minutes"));
            staff.wait.until(d -> !d.findElements(By.id("minutes-link")).isEmpty());
            staff.screenshots("19-minutes");
            member.wait.until(d -> !d.findElements(By.id("minutes-link")).isEmpty());
        }
        String token = EndToEndBackend.token("secretariat");
        byte[] minutes = EndToEndBackend.download("/api/sessions/" + sessionId + "/minutes.pdf", token);
        String pdfsig = pdfsig(minutes, new String(EndToEndBackend.download("/api/signing/trust-anchors.pem", token)));
        assertThat(pdfsig).contains("Signature is Valid.").contains("Certificate is Trusted.");
        System.out.printf("End-to-end cabinet session in the browser: %.0f s%n", (System.nanoTime() - started) / 1e9);
    }

    private static void addItem(Browser staff, String title, String agency, int number) {
        staff.type("item-title", title);
        staff.type("item-agency", agency);
        staff.wait.until(d -> !d.findElements(By.cssSelector("vaadin-combo-box-item")).isEmpty());
        staff.driver.findElement(By.cssSelector("#item-agency input")).sendKeys(Keys.ENTER);
        staff.click(By.id("add-item"));
        staff.waitForText(By.id("editor-item-" + number), title);
    }

    /** poppler's pdfsig against the CA (its exit code is 0 even on a bad digest: the output tells). */
    private static String pdfsig(byte[] pdf, String caPem) throws Exception {
        Path dir = Files.createTempDirectory("pdfsig-");
        Files.write(dir.resolve("minutes.pdf"), pdf);
        Files.writeString(dir.resolve("ca.pem"), caPem);
        Files.createDirectory(dir.resolve("nss"));
        run(dir, "certutil", "-N", "-d", "sql:" + dir.resolve("nss"), "--empty-password");
        run(dir, "certutil", "-A", "-d", "sql:" + dir.resolve("nss"), "-n", "ecabinet-ca", "-t", "CT,C,C", "-i", "ca.pem");
        return run(dir, "pdfsig", "-nssdir", "sql:" + dir.resolve("nss"), "minutes.pdf");
    }

    private static String run(Path dir, String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        process.waitFor();
        return output;
    }
}
