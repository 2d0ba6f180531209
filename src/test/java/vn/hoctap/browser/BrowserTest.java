package vn.hoctap.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import vn.hoctap.IntegrationTest;
import vn.hoctap.RequiresEnvironment;
import vn.hoctap.RequiresEnvironment.Need;

/** Base of the end-to-end tests: a fresh headless Chromium per test, and signing in through the login form. */
@RequiresEnvironment(Need.CHROMIUM)
abstract class BrowserTest extends IntegrationTest {

    protected WebDriver driver;

    @BeforeEach
    void openBrowser() {
        driver = Browser.start();
    }

    @AfterEach
    void closeBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    /**
     * Waits until the page whose root element was {@code oldRoot} has been replaced by the next one. Chromium may
     * answer a question about a node that is being detached with "Node … does not belong to the document" rather
     * than a stale-element error, so any WebDriver error about the old root counts as "gone".
     */
    protected void waitUntilReplaced(org.openqa.selenium.WebElement oldRoot) {
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> {
            try {
                oldRoot.isEnabled();
                return false;
            } catch (org.openqa.selenium.WebDriverException gone) {
                return true;
            }
        });
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    protected void login(String username, String password) {
        driver.get(url("/login"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Đăng nhập");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().contains("/login"));
    }
}
