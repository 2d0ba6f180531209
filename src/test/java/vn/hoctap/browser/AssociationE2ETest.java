package vn.hoctap.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import vn.hoctap.accounts.Role;

/**
 * Hội Khuyến học in headless Chromium, in Vietnamese, on a phone: the chair of a ward goes from the home page through
 * the menu to the association, adds a clan's committee, records its members and dues of the year and sees the ward's
 * figures change; an association member of the ward reads the same page without forms.
 */
class AssociationE2ETest extends BrowserTest {

    @Test
    void theChairAddsABranchAndRecordsItsYearFromTheMenu() {
        String unit = "00008";
        TestUser chair = user(Role.ASSOCIATION_CHAIR, unit);
        TestUser member = user(Role.ASSOCIATION_MEMBER, unit);
        driver.manage().window().setSize(new Dimension(390, 844));
        login(chair.username(), chair.password());
        driver.get(url("/"));
        clickAndWait(By.cssSelector("nav.main-nav a[href='/association']"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Hội Khuyến học");
        int before = Integer.parseInt(driver.findElement(By.id("fig-branches")).getText());
        long membersBefore = Long.parseLong(driver.findElement(By.id("fig-members")).getText().replace(".", ""));

        String name = "Ban khuyến học dòng họ Phạm " + System.nanoTime() % 100_000;
        driver.findElement(By.id("b-name")).sendKeys(name);
        new Select(driver.findElement(By.id("b-kind"))).selectByVisibleText("Dòng họ");
        clickAndWait(By.cssSelector("#branch-form button[type=submit]"));
        assertThat(driver.findElement(By.id("fig-branches")).getText()).isEqualTo(Integer.toString(before + 1));
        WebElement row = driver.findElements(By.cssSelector("#branch-list tbody tr")).stream()
                .filter(r -> r.getText().contains(name)).findFirst().orElseThrow();
        assertThat(row.getText()).contains("Dòng họ").contains("Chưa ghi");
        String id = row.getAttribute("data-branch");

        driver.findElement(By.id("m-" + id)).sendKeys("64");
        driver.findElement(By.id("d-" + id)).sendKeys("3200000");
        clickAndWait(By.cssSelector("tr[data-branch='" + id + "'] button[type=submit]"));
        WebElement saved = driver.findElement(By.cssSelector("tr[data-branch='" + id + "']"));
        assertThat(saved.findElements(By.cssSelector("td.num")).get(0).getText()).isEqualTo("64");
        assertThat(saved.findElements(By.cssSelector("td.num")).get(1).getText()).isEqualTo("3.200.000");
        assertThat(Long.parseLong(driver.findElement(By.id("fig-members")).getText().replace(".", ""))).isEqualTo(membersBefore + 64);
        Browser.assertAccessible(driver);

        // a member of the association reads the same figures and has no forms
        driver.manage().deleteAllCookies();
        login(member.username(), member.password());
        driver.get(url("/association"));
        assertThat(driver.findElement(By.id("branch-list")).getText()).contains(name);
        assertThat(driver.findElements(By.id("branch-form"))).isEmpty();
        Object overflow = ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(((Number) overflow).intValue()).as("horizontal overflow on a phone").isLessThanOrEqualTo(0);
        Browser.assertAccessible(driver);
    }

    void clickAndWait(By by) {
        WebElement page = driver.findElement(By.tagName("html"));
        driver.findElement(by).click();
        waitUntilReplaced(page);
    }
}
