package vn.hoctap.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import vn.hoctap.accounts.Role;

/** A person in headless Chromium: signs in, browses the unit tree on two dates, searches, opens a unit. */
class UnitBrowserE2ETest extends BrowserTest {

    @Override
    protected void login(String username, String password) {
        // a protected page sends the browser to the login form, which passes the accessibility check
        driver.get(url("/units"));
        assertThat(driver.getCurrentUrl()).endsWith("/login");
        Browser.assertAccessible(driver);
        super.login(username, password);
    }

    void showDate(String isoDate) {
        driver.get(url("/units?date=" + isoDate));
    }

    @Test
    void cityOfficerBrowsesTwoDatesSearchesAndOpensAUnit() {
        TestUser officer = user(Role.CITY_OFFICER, "01");
        login(officer.username(), officer.password());

        showDate("2024-06-01");
        assertThat(driver.findElement(By.id("unit-counts")).getText())
                .isEqualTo("Vào ngày 01/06/2024: 1 thành phố, 30 quận/huyện/thị xã, 579 xã/phường/thị trấn.");
        List<WebElement> communes = driver.findElements(By.cssSelector("#unit-tree a.unit-link[data-level=commune]"));
        List<WebElement> districts = driver.findElements(By.cssSelector("#unit-tree a.unit-link[data-level=district]"));
        assertThat(communes).hasSize(579);
        assertThat(districts).hasSize(30);
        Browser.assertAccessible(driver);

        showDate("2025-07-01");
        assertThat(driver.findElement(By.id("unit-counts")).getText())
                .isEqualTo("Vào ngày 01/07/2025: 1 thành phố, 0 quận/huyện/thị xã, 126 xã/phường/thị trấn.");
        assertThat(driver.findElements(By.cssSelector("#unit-tree a.unit-link[data-level=commune]"))).hasSize(126);

        // search without diacritics, using the form as a person would
        WebElement q = driver.findElement(By.id("q"));
        q.sendKeys("hoan kiem");
        q.submit();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("q="));
        driver.findElement(By.linkText("Phường Hoàn Kiếm")).click();

        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("/units/"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).startsWith("Phường Hoàn Kiếm (");
        String page = driver.findElement(By.tagName("main")).getText();
        assertThat(page).contains("Hình thành từ").contains("toàn bộ");
        Browser.assertAccessible(driver);

        // a former commune shows what it became
        driver.get(url("/units/00001?date=2024-06-01"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Phường Phúc Xá (00001)");
        assertThat(driver.findElement(By.id("succ-heading")).getText()).isEqualTo("Đã sắp xếp thành");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("Phường Hồng Hà");
        Browser.assertAccessible(driver);

        // English as a switch
        driver.findElement(By.linkText("English")).click();
        assertThat(driver.findElement(By.id("succ-heading")).getText()).isEqualTo("Became");
        driver.get(url("/units?date=2025-07-01"));
        assertThat(driver.findElement(By.id("unit-counts")).getText()).startsWith("On 01/07/2025:");
        Browser.assertAccessible(driver);
    }

    @Test
    void communeOfficerSeesOnlyTheirCommuneAndAddsAVillage() {
        TestUser officer = user(Role.COMMUNE_OFFICER, "00004");
        login(officer.username(), officer.password());
        showDate("2025-07-01");
        assertThat(driver.findElements(By.cssSelector("#unit-tree a.unit-link[data-level=commune]")))
                .extracting(WebElement::getText).containsExactly("Phường Ba Đình");
        driver.get(url("/units/00004"));
        String name = "Tổ dân phố số " + (System.nanoTime() % 1000);
        driver.findElement(By.id("village-name")).sendKeys(name);
        driver.findElement(By.cssSelector("#villages form.toolbar button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getPageSource().contains("Đã lưu"));
        assertThat(driver.findElement(By.id("villages")).getText()).contains(name);
        Browser.assertAccessible(driver);

        driver.get(url("/units/00008"));
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("không có quyền");
    }
}
