package vn.hoctap.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import vn.hoctap.titles.internal.CriteriaSets;

/**
 * The city administrator edits a criteria set in the structured editor (issue 19) by clicks: opens the set, the
 * editor, changes one item's points, saves, and sees the new version numbered by the platform.
 */
class CriteriaSetEditorE2ETest extends BrowserTest {

    static final String SET = "cdht-learners";

    @Autowired
    CriteriaSets sets;

    void waitForUrl(String part) {
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> d.getCurrentUrl().contains(part));
    }

    @Test
    void theAdministratorChangesOneItemsPointsAndSavesANewVersion() {
        int version = sets.latest(SET).set().version();
        int points = sets.latest(SET).set().criteria().get(0).indicators().get(0).maxPoints();
        String code = sets.latest(SET).set().criteria().get(0).indicators().get(0).id();

        login("admin", ADMIN_PASSWORD);
        driver.findElement(By.cssSelector("header nav")).findElement(By.linkText("Danh hiệu học tập")).click();
        waitForUrl("/titles");
        driver.findElement(By.linkText("Bộ tiêu chí")).click();
        waitForUrl("/titles/sets");
        driver.findElement(By.partialLinkText("(bộ 5)")).click();
        waitForUrl("/titles/sets/");
        Browser.assertAccessible(driver);
        driver.findElement(By.id("edit-set")).click();
        waitForUrl("/edit");
        assertThat(driver.findElement(By.tagName("h1")).getText()).startsWith("Sửa bộ tiêu chí");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("phiên bản " + (version + 1))
                .contains("Chấm tay").contains("Tiêu chí tạm thời của HọcTập");
        Browser.assertAccessible(driver);

        WebElement first = driver.findElement(By.id("f-c0.i0.max"));
        assertThat(first.getAttribute("value")).isEqualTo(String.valueOf(points));
        first.clear();
        first.sendKeys(String.valueOf(points + 3));
        driver.findElement(By.id("save-version")).click();
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> !d.getCurrentUrl().contains("/edit"));

        String main = driver.findElement(By.tagName("main")).getText();
        assertThat(main).contains("Đã lưu phiên bản " + (version + 1));
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains("phiên bản " + (version + 1));
        assertThat(sets.latest(SET).set().version()).isEqualTo(version + 1);
        assertThat(sets.latest(SET).set().indicator(code).orElseThrow().maxPoints()).isEqualTo(points + 3);
        Browser.assertAccessible(driver);
    }
}
