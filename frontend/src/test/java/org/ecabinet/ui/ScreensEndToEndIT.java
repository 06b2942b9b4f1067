package org.ecabinet.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

/**
 * Every main view of every role in Chromium: axe-core's accessibility rules (no violation of impact serious or
 * critical, and none of the landmark rules), and at a phone's 390 × 844 the page does not scroll sideways and every
 * header control lies inside the screen. Screenshots at both widths go to {@code target/e2e/screens-<role>-<view>}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ScreensEndToEndIT {

    /** The views each role reaches from its navigation, by route. */
    static final Map<String, List<String>> VIEWS = new LinkedHashMap<>();

    static {
        // an address that leads nowhere is answered inside the frame too (Vaadin's navigation, not Karibu's mock, decides it)
        VIEWS.put("member05", List.of("sessions", "ballots", "password", "no-such-page"));
        VIEWS.put("secretariat", List.of("sessions", "ballots", "ballots/new", "documents", "documents/new", "reports"));
        VIEWS.put("clerk.g12", List.of("documents", "documents/new"));
        VIEWS.put("auditor", List.of("audit", "documents", "reports"));
        // the audit desk and the reports are the auditor's views too, checked above
        VIEWS.put("admin", List.of("admin/users", "admin/trust-anchors"));
    }

    /** Moderate, but on every page before: the page's content must sit in a main landmark. */
    static final List<String> LANDMARK_RULES = List.of("landmark-one-main", "region");
    static final List<String> HEADER_CONTROLS = List.of("signed-in-user", "language", "sign-out");

    @LocalServerPort
    int port;
    Browser chromium;

    @DynamicPropertySource
    static void backend(DynamicPropertyRegistry registry) throws Exception {
        EndToEndBackend.register(registry);
    }

    @BeforeEach
    void openBrowser() {
        chromium = new Browser(port);
    }

    @AfterEach
    void closeBrowser() {
        chromium.close();
    }

    @Test
    void everyMainViewIsAccessibleAndFitsAPhone() throws Exception {
        List<String> findings = new ArrayList<>();
        for (var role : VIEWS.entrySet()) {
            chromium.signIn(role.getKey());
            List<String> views = new ArrayList<>(role.getValue());
            if (role.getKey().equals("auditor")) {
                views.add(documentAsOf());
            }
            for (String view : views) {
                String where = role.getKey() + " /" + view;
                chromium.open("/" + view);
                chromium.wait.until(d -> !d.findElements(By.id("signed-in-user")).isEmpty() && !d.findElements(By.id("view")).isEmpty());
                Thread.sleep(300); // the view's own content after the frame
                findings.addAll(accessibility(where));
                if (view.equals("no-such-page") && chromium.driver.findElements(By.id("not-found-back")).isEmpty()) {
                    findings.add(where + ": no way back from the not-found page");
                }
                chromium.screenshots("screens-" + role.getKey() + "-" + view.replaceAll("\\?.*", "").replace('/', '-'));
                chromium.asPhone();
                try {
                    findings.addAll(phoneLayout(where));
                } finally {
                    chromium.asDesktop();
                }
            }
            chromium.open("/logout");
            chromium.driver.manage().deleteAllCookies();
        }
        assertThat(findings).isEmpty();
    }

    @Test
    void theReportsDrawOneBarPerSendingAgencyAndALineOfParticipation() throws Exception {
        chromium.signIn("secretariat");
        chromium.open("/reports");
        var js = (org.openqa.selenium.JavascriptExecutor) chromium.driver;
        chromium.wait.until(d -> !d.findElements(By.cssSelector("#signed-share-chart svg")).isEmpty());
        long agencies = ((Number) js.executeScript("return document.getElementById('signed-share-chart').config.categories.length")).longValue();
        long bars = ((Number) js.executeScript("return Array.from(document.querySelectorAll('#signed-share-chart svg path'))"
                + ".filter(p => /^(#1a6fd6|rgb\\(26, ?111, ?214\\))$/i.test(p.getAttribute('fill') || '')).length")).longValue();
        assertThat(agencies).as("the demo correspondence has senders this month").isPositive();
        assertThat(bars).as("one bar per sending agency").isEqualTo(agencies);
        chromium.wait.until(d -> !d.findElements(By.cssSelector("#participation-chart svg")).isEmpty());
        long lines = ((Number) js.executeScript("return Array.from(document.querySelectorAll('#participation-chart svg path'))"
                + ".filter(p => /^(#6b3fa0|rgb\\(107, ?63, ?160\\))$/i.test(p.getAttribute('stroke') || '')).length")).longValue();
        assertThat(lines).as("the participation line").isPositive();
        chromium.screenshots("screens-secretariat-report-charts");
    }

    @Test
    void aMemberOpensASessionFromTheListWithTheKeyboardAlone() {
        chromium.signIn("member05");
        chromium.open("/sessions");
        chromium.wait.until(d -> !d.findElements(By.cssSelector("#sessions vaadin-grid-cell-content a")).isEmpty());
        var js = (org.openqa.selenium.JavascriptExecutor) chromium.driver;
        var keyboard = new org.openqa.selenium.interactions.Actions(chromium.driver);
        boolean onARow = false;
        for (int i = 0; i < 40 && !onARow; i++) {
            keyboard.sendKeys(org.openqa.selenium.Keys.TAB).perform();
            onARow = Boolean.TRUE.equals(js.executeScript("var grid = document.getElementById('sessions'); var cell = grid.shadowRoot.activeElement;"
                    + " return document.activeElement === grid && !!cell && !!cell.closest('tbody');"));
        }
        assertThat(onARow).as("Tab reaches the list's rows").isTrue();
        keyboard.sendKeys(org.openqa.selenium.Keys.ENTER).perform(); // into the row: its link takes the focus
        chromium.wait.until(d -> "A".equals(js.executeScript("return document.activeElement.tagName")));
        keyboard.sendKeys(org.openqa.selenium.Keys.ENTER).perform();
        chromium.wait.until(d -> d.getCurrentUrl().contains("/session/"));
        chromium.wait.until(d -> !d.findElements(By.id("session-title")).isEmpty());
    }

    /** The point-in-time page of a demo document, right after its first event. */
    private static String documentAsOf() throws Exception {
        String token = EndToEndBackend.token("auditor");
        String documentId = EndToEndBackend.call("GET", "/api/documents?box=all", token, null).get(0).get("documentId").asText();
        long global = EndToEndBackend.call("GET", "/api/audit/timeline?aggregateId=" + documentId + "&limit=1", token, null).get(0).get("global").asLong();
        return "audit/as-of?type=DocumentDispatch&id=" + documentId + "&global=" + global;
    }

    private List<String> accessibility(String where) {
        // Vaadin's connection indicator is an empty status element of the framework, outside any landmark by design
        Results results = new AxeBuilder().exclude("vaadin-connection-indicator").analyze(chromium.driver);
        List<String> found = new ArrayList<>();
        for (Rule violation : results.getViolations()) {
            boolean serious = "serious".equals(violation.getImpact()) || "critical".equals(violation.getImpact());
            if (serious || LANDMARK_RULES.contains(violation.getId())) {
                found.add(where + ": axe " + violation.getId() + " (" + violation.getImpact() + ") at "
                        + violation.getNodes().stream().limit(3).map(n -> String.valueOf(n.getTarget())).toList());
            }
        }
        return found;
    }

    @SuppressWarnings("unchecked")
    private List<String> phoneLayout(String where) {
        List<String> found = new ArrayList<>();
        var js = (org.openqa.selenium.JavascriptExecutor) chromium.driver;
        long scrollWidth = ((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue();
        long viewport = ((Number) js.executeScript("return window.innerWidth")).longValue();
        if (viewport != 390) {
            found.add(where + ": the phone emulation gave a " + viewport + " px viewport");
        }
        if (scrollWidth > viewport) {
            found.add(where + ": scrolls sideways at 390 px (" + scrollWidth + " px wide)");
        }
        for (String id : HEADER_CONTROLS) {
            List<Number> box = (List<Number>) js.executeScript(
                    "var r = document.getElementById(arguments[0]).getBoundingClientRect(); return [r.left, r.right, r.top, r.bottom, r.width];", id);
            if (box.get(0).doubleValue() < 0 || box.get(1).doubleValue() > viewport || box.get(2).doubleValue() < 0 || box.get(4).doubleValue() < 24) {
                found.add(where + ": header control " + id + " not wholly on the phone screen: " + box);
            }
        }
        return found;
    }
}
