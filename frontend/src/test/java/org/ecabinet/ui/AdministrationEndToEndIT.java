package org.ecabinet.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The administration console in two browsers, against the real backend: the administrator creates a clerk for the
 * Ministry of Finance with a temporary password; the clerk signs in, must choose a password first; the administrator
 * issues a signing certificate; the clerk registers a document with its PDF and signs it with the PIN; the
 * administrator revokes the certificate; the clerk's next signature is refused, in words; the auditor's history of
 * the account lists each of these changes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AdministrationEndToEndIT {

    static final String CLERK = "clerk.e2e";
    static final String TEMPORARY = "Tam-thoi-2026-e2e";
    static final String CHOSEN = "Mat-khau-rieng-2026";
    static final String PIN = "246810";

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void backend(DynamicPropertyRegistry registry) throws Exception {
        EndToEndBackend.register(registry);
    }

    @Test
    void anAdministratorEquipsAClerkWhoSignsUntilTheCertificateIsRevoked() throws Exception {
        Path pdf = EndToEndBackend.demoPdf();
        try (Browser admin = new Browser(port); Browser clerk = new Browser(port)) {
            admin.signIn("admin");
            admin.open("/admin/users");
            admin.click(By.id("admin-new-account"));
            admin.type("new-account-id", CLERK);
            admin.type("new-account-name", "Văn thư kiểm thử đầu cuối");
            admin.click(By.xpath("//*[@id='new-account-roles']//vaadin-checkbox[contains(., 'Văn thư cơ quan')]"));
            admin.type("new-account-title", "Văn thư");
            admin.type("new-account-agency", "Bộ Tài chính");
            admin.click(By.xpath("//vaadin-combo-box-item[contains(., 'Bộ Tài chính')]"));
            admin.type("new-account-password", TEMPORARY);
            admin.screenshots("20-admin-new-account");
            admin.click(By.id("new-account-save"));
            openAccount(admin);

            clerk.signIn(CLERK, TEMPORARY);
            clerk.waitForText(By.tagName("h2"), "Đổi mật khẩu"); // whatever the address, a temporary password leads here first
            clerk.type("password-current", TEMPORARY);
            clerk.type("password-new", CHOSEN);
            clerk.type("password-repeat", CHOSEN);
            clerk.click(By.id("password-save"));
            clerk.wait.until(d -> !d.findElements(By.cssSelector("vaadin-login-form")).isEmpty()); // signed out, to sign in anew
            clerk.signIn(CLERK, CHOSEN);

            admin.click(By.id("admin-issue-certificate"));
            admin.type("prompt-field", PIN);
            admin.click(By.id("prompt-confirm"));
            admin.wait.until(d -> d.findElement(By.id("admin-certificates")).getText().contains("Có hiệu lực"));
            admin.screenshots("21-admin-certificate-issued");

            registerAndSign(clerk, pdf, "9001");
            clerk.waitForText(By.id("signature-badge"), "Đã ký số bởi Văn thư kiểm thử đầu cuối");
            clerk.screenshots("22-clerk-signed");

            admin.click(By.xpath("//vaadin-button[contains(., 'Thu hồi')]"));
            admin.type("prompt-field", "Thiết bị ký bị mất");
            admin.click(By.id("prompt-confirm"));
            admin.wait.until(d -> d.findElement(By.id("admin-certificates")).getText().contains("Đã thu hồi"));

            registerAndSign(clerk, pdf, "9002");
            clerk.wait.until(d -> d.findElements(By.cssSelector("vaadin-notification-card")).stream()
                    .anyMatch(card -> card.getText().contains("chưa có chứng thư số ký được")));
            assertThat(clerk.driver.findElement(By.id("signature-badge")).getText()).startsWith("Chưa ký số");
            clerk.screenshots("23-clerk-signature-refused");
        }
        String history = EndToEndBackend.call("GET", "/api/audit/aggregates/" + CLERK + "/history", EndToEndBackend.token("auditor"), null).toString();
        assertThat(history).containsSubsequence("UserAccountCreated", "UserPasswordChanged", "SigningCertificateIssued", "SigningCertificateRevoked");
    }

    /** Selects the clerk's account in the list, which opens its panel. */
    private static void openAccount(Browser admin) {
        admin.type("admin-search", CLERK);
        admin.wait.until(d -> !d.findElements(By.xpath("//vaadin-grid-cell-content[normalize-space(.)='" + CLERK + "']")).isEmpty());
        admin.click(By.xpath("//vaadin-grid-cell-content[normalize-space(.)='" + CLERK + "']"));
        admin.waitForText(By.id("admin-account"), "Văn thư kiểm thử đầu cuối");
    }

    /** Registers a document with the PDF in the browser, then signs it with the PIN. */
    private static void registerAndSign(Browser clerk, Path pdf, String number) {
        clerk.open("/documents/new");
        clerk.type("document-codeNumber", number);
        clerk.type("document-codeNotation", "BTC-E2E");
        clerk.type("document-subject", "V/v kiểm thử quản trị người dùng");
        clerk.type("document-signerPosition", "Chánh Văn phòng");
        clerk.type("document-signerFullName", "Nguyễn Văn B");
        clerk.driver.findElement(By.id("document-file")).getShadowRoot().findElement(By.cssSelector("input[type=file]")).sendKeys(pdf.toString());
        clerk.waitForText(By.id("uploaded-file"), pdf.getFileName().toString());
        clerk.click(By.id("register-document"));
        clerk.wait.until(d -> d.getCurrentUrl().contains("/document/"));
        clerk.type("signing-pin", PIN);
        clerk.click(By.id("sign"));
    }
}
