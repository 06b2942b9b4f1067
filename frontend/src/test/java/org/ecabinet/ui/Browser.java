package org.ecabinet.ui;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Debian's headless Chromium (nothing is downloaded) on the frontend under test, with what a test does in it. */
final class Browser implements AutoCloseable {

    final ChromeDriver driver;
    final WebDriverWait wait;
    private final int port;

    Browser(int port) {
        this.port = port;
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--window-size=1400,1000", "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver")).build();
        this.driver = new ChromeDriver(service, options);
        // Live views redraw what changed: an element found a moment ago may be gone, and is looked up again.
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        this.wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    }

    void open(String path) {
        driver.get("http://localhost:" + port + path);
    }

    void signIn(String user) {
        signIn(user, "Demo@2026");
    }

    void signIn(String user, String password) {
        open("/login");
        wait.until(d -> d.findElement(By.cssSelector("vaadin-login-form input[name='username']"))).sendKeys(user);
        driver.findElement(By.cssSelector("vaadin-login-form input[name='password']")).sendKeys(password);
        driver.findElement(By.cssSelector("vaadin-login-form vaadin-button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signed-in-user")));
    }

    /**
     * Clicks an element after scrolling it to the middle of the window; while a notice covers it, as a person
     * would, waits for the notice to go (they last five seconds).
     */
    void click(By element) {
        wait.until(d -> {
            WebElement target = d.findElement(element);
            ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'});", target);
            try {
                target.click();
                return true;
            } catch (org.openqa.selenium.ElementNotInteractableException covered) {
                return false;
            }
        });
    }

    /** Types into the input inside a Vaadin field (looked up again if a live update redrew it meanwhile). */
    void type(String fieldId, CharSequence text) {
        wait.until(d -> {
            WebElement input = d.findElement(By.cssSelector("#" + fieldId + " input, #" + fieldId + " textarea"));
            ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'});", input);
            input.sendKeys(text);
            return true;
        });
    }

    void waitForText(By element, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(element, text));
    }

    /** The confirm button of the open confirmation dialog. */
    void confirm() {
        click(By.xpath("//vaadin-button[@slot='confirm-button']"));
    }

    /** A screenshot at the desktop width and one at a phone's (390 px), as {@code name-1400.png} and {@code name-390.png}. */
    void screenshots(String name) throws IOException {
        Files.createDirectories(EndToEndBackend.OUTPUT);
        Files.write(EndToEndBackend.OUTPUT.resolve(name + "-1400.png"), driver.getScreenshotAs(OutputType.BYTES));
        asPhone();
        try {
            Files.write(EndToEndBackend.OUTPUT.resolve(name + "-390.png"), driver.getScreenshotAs(OutputType.BYTES));
        } finally {
            asDesktop();
        }
    }

    /**
     * The page as a 390 × 844 phone shows it. Chromium's device emulation, because a headless window narrower
     * than 500 px is silently widened.
     */
    void asPhone() {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", java.util.Map.of("width", 390, "height", 844, "deviceScaleFactor", 1,
                "mobile", true));
        settle();
    }

    void asDesktop() {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", java.util.Map.of());
        settle();
    }

    private static void settle() {
        try {
            Thread.sleep(400); // let the layout settle at the new width
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
