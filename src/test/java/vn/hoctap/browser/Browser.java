package vn.hoctap.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Debian Chromium for the end-to-end tests, and the axe-core accessibility check
 * (axe-core 4.14, MPL-2.0, shipped in src/test/resources/browser).
 */
public final class Browser {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private Browser() {
    }

    public static WebDriver start() {
        if (!Files.isExecutable(Path.of(CHROMIUM)) || !Files.isExecutable(Path.of(CHROMEDRIVER))) {
            throw new IllegalStateException("The browser tests need Debian's chromium and chromium-driver ("
                    + CHROMIUM + ", " + CHROMEDRIVER + "): apt-get install -y chromium chromium-driver (.ci/run does it)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--window-size=1280,900", "--lang=vi");
        // the console log, read by consoleProblems (Content-Security-Policy violations are reported there)
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        // the confirmation asked before approving, publishing or revoking (data-confirm) is answered "OK"; a test
        // that checks the question itself replaces window.confirm
        options.setUnhandledPromptBehaviour(org.openqa.selenium.UnexpectedAlertBehaviour.ACCEPT);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of(CHROMEDRIVER).toFile()).build();
        return new ChromeDriver(service, options);
    }

    /** Runs axe-core on the current page; returns the serious and critical violations, described. */
    @SuppressWarnings("unchecked")
    public static List<String> seriousAccessibilityViolations(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript(axeSource());
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations.map(v =>
                  ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))))
                  .catch(e => done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}]));""");
        List<String> out = new ArrayList<>();
        for (Map<String, Object> v : (List<Map<String, Object>>) result) {
            String impact = String.valueOf(v.get("impact"));
            if (impact.equals("serious") || impact.equals("critical")) {
                out.add(v.get("id") + " (" + impact + "): " + v.get("help") + " at " + v.get("nodes"));
            }
        }
        return out;
    }

    /**
     * The console messages since the last call that report a Content-Security-Policy violation ("Refused to
     * execute/apply/load … because it violates the following Content Security Policy directive") or a script error.
     */
    public static List<String> consoleProblems(WebDriver driver) {
        List<String> out = new ArrayList<>();
        for (org.openqa.selenium.logging.LogEntry e : driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER)) {
            String m = e.getMessage();
            if (m.contains("Content Security Policy") || m.contains("Refused to") || m.contains("Uncaught")) {
                out.add(m);
            }
        }
        return out;
    }

    public static void assertAccessible(WebDriver driver) {
        assertThat(seriousAccessibilityViolations(driver)).as("axe-core on " + driver.getCurrentUrl()).isEmpty();
    }

    private static String axeSource() {
        try (InputStream in = Browser.class.getResourceAsStream("/browser/axe.min.js")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
