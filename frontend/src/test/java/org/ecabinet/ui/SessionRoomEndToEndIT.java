package org.ecabinet.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The product as a user meets it: the backend's executable jar as its own process on a fresh store,
 * this frontend in front of it, and Debian's Chromium (no browser is downloaded) driven by Selenium.
 * A member whose browser asks for English still gets Vietnamese (the product default), signs in, opens
 * the demo session's room, checks in, and sees the attendance change live; and answers the demo ballot
 * with a real signature made by the signing service after the PIN, and sees the accepted answer; an auditor
 * verifies the history; a clerk receives a signed document once its signature verifies.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SessionRoomEndToEndIT {

    static final Path SCREENSHOTS = EndToEndBackend.OUTPUT;

    @LocalServerPort
    int port;
    WebDriver browser;

    @DynamicPropertySource
    static void backend(DynamicPropertyRegistry registry) throws Exception {
        EndToEndBackend.register(registry);
    }

    Browser chromium;

    @BeforeEach
    void openBrowser() {
        chromium = new Browser(port);
        browser = chromium.driver;
    }

    @AfterEach
    void closeBrowser() {
        chromium.close();
    }

    @Test
    void aMemberSignsInOpensTheSessionRoomAndChecksInLive() throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.get("http://localhost:" + port + "/");
        wait.until(ExpectedConditions.urlContains("/login"));
        WebElement username = wait.until(d -> d.findElement(By.cssSelector("vaadin-login-form input[name='username']")));
        username.sendKeys("member05");
        browser.findElement(By.cssSelector("vaadin-login-form input[name='password']")).sendKeys("Demo@2026");
        screenshot("1-login");
        browser.findElement(By.cssSelector("vaadin-login-form vaadin-button")).click();

        wait.until(d -> d.getPageSource().contains("[DEMO] Phiên họp Chính phủ thường kỳ"));
        assertThat(browser.findElement(By.id("signed-in-user")).getText()).contains("Thành viên 05 (demo)", "Phó Thủ tướng Chính phủ");
        screenshot("2-my-sessions");

        List<WebElement> cells = browser.findElements(By.xpath("//vaadin-grid-cell-content[contains(., '[DEMO] Phiên họp Chính phủ thường kỳ')]"));
        cells.get(0).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("agenda"), "Báo cáo tình hình kinh tế - xã hội"));
        assertThat(browser.findElement(By.id("agenda")).getText())
                .contains("Dự thảo Nghị định quy định chi tiết Luật Giao dịch điện tử", "bao-cao-kinh-te-xa-hoi-thang-11.pdf");
        assertThat(browser.findElement(By.id("present-count")).getText()).startsWith("Có mặt 0/27");
        screenshot("3-session-room");

        browser.findElement(By.id("check-in")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("present-count"), "Có mặt 1/27"));
        wait.until(d -> !d.findElements(By.id("checked-in")).isEmpty());
        screenshot("4-checked-in");
    }

    @Test
    void aMemberAnswersTheDemoBallotWithTheirSignature() throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        signIn(wait, "member05");
        browser.get("http://localhost:" + port + "/ballots");
        wait.until(d -> d.getPageSource().contains("Chờ bạn trả lời"));
        screenshot("5-my-ballots");
        browser.findElements(By.xpath("//vaadin-grid-cell-content[contains(., '[DEMO] Dự thảo Nghị định quy định về chữ ký số')]")).get(0).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("drafts"), "du-thao-nghi-dinh-chu-ky-so.pdf"));

        browser.findElement(By.cssSelector("#choice-q1 vaadin-radio-button:nth-of-type(1) input")).click();
        browser.findElement(By.cssSelector("#choice-q2 vaadin-radio-button:nth-of-type(3) input")).click();
        browser.findElement(By.cssSelector("#comment-q2 textarea")).sendKeys("Đề nghị lùi thời điểm có hiệu lực.");
        browser.findElement(By.cssSelector("#signing-pin input")).sendKeys("123456");
        screenshot("6-ballot-answer");
        browser.findElement(By.id("sign-and-submit")).click();

        wait.until(d -> !d.findElements(By.id("answer-accepted")).isEmpty());
        assertThat(browser.findElement(By.id("answer-accepted")).getText()).startsWith("Bản 1, ký số lúc").contains("SHA-256");
        assertThat(browser.findElement(By.id("my-answer")).getText()).contains("2. Ý kiến khác — Đề nghị lùi thời điểm có hiệu lực.");
        screenshot("7-answer-accepted");
    }

    @Test
    void anAuditorVerifiesTheHistoryLooksIntoThePastAndRebuildsAProjection() throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        signIn(wait, "auditor");
        browser.get("http://localhost:" + port + "/audit");
        wait.until(d -> !d.findElements(By.id("verify")).isEmpty());
        click(By.id("verify"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("integrity-result"), "Toàn vẹn"));

        var eventType = browser.findElement(By.cssSelector("#filter-event-type input"));
        eventType.sendKeys("Gửi ý kiến (đã ký số)");
        wait.until(d -> !d.findElements(By.xpath("//vaadin-combo-box-item[contains(., 'Gửi ý kiến')]")).isEmpty());
        eventType.sendKeys(org.openqa.selenium.Keys.ENTER);
        click(By.id("search"));
        wait.until(d -> !d.findElements(By.xpath("//vaadin-grid-cell-content[contains(., 'Gửi ý kiến (đã ký số)')]")).isEmpty());
        browser.findElements(By.xpath("//vaadin-grid-cell-content[contains(., 'Gửi ý kiến (đã ký số)')]")).get(0).click();
        wait.until(d -> !d.findElements(By.id("show-as-of")).isEmpty());
        assertThat(browser.findElement(By.id("download-proof")).getAttribute("href")).isNotBlank();
        screenshot("8-audit-timeline");
        click(By.id("show-as-of"));
        // the ballot as it was, drawn by the ballot's own page
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("ballot-details"), "Đang lấy ý kiến"));
        assertThat(browser.findElement(By.id("download-as-of-json")).getAttribute("href")).isNotBlank();
        screenshot("8b-audit-as-of");
        browser.get("http://localhost:" + port + "/audit");
        wait.until(d -> !d.findElements(By.id("projection")).isEmpty());

        click(By.id("projection"));
        wait.until(d -> !d.findElements(By.xpath("//vaadin-select-item[contains(., 'Phiên họp')]")).isEmpty());
        browser.findElement(By.xpath("//vaadin-select-item[contains(., 'Phiên họp')]")).click();
        click(By.id("replay"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("replay-status"), "trùng khớp"));
        screenshot("9-audit-replay");
    }

    @Test
    void aClerkReceivesTheDemoSubmissionOnceItsSignatureVerifies() throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        signIn(wait, "clerk.g22");
        browser.get("http://localhost:" + port + "/documents");
        wait.until(d -> d.getPageSource().contains("[DEMO] Tờ trình dự thảo Nghị định"));
        screenshot("10-documents");
        browser.findElements(By.xpath("//vaadin-grid-cell-content[contains(., '[DEMO] Tờ trình dự thảo Nghị định')]")).get(0).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("signature-badge"), "Đã ký số bởi"));
        browser.findElement(By.id("receive")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("signature-badge"), "Chữ ký số hợp lệ — ký bởi"));
        assertThat(browser.findElement(By.id("signature-badge")).getText()).doesNotContain("TOTAL_PASSED");
        assertThat(browser.findElement(By.id("timeline")).getText()).contains("Tiếp nhận; kết quả kiểm tra chữ ký số — chữ ký số hợp lệ")
                .doesNotContain("TOTAL_PASSED").doesNotContain("000.00.00");
        screenshot("11-document-received");
    }

    private void click(By element) {
        chromium.click(element);
    }

    private void signIn(WebDriverWait wait, String user) {
        chromium.signIn(user);
    }

    private void screenshot(String name) throws IOException {
        Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
