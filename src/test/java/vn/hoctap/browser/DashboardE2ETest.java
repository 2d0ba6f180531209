package vn.hoctap.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;

import vn.hoctap.accounts.Role;

/** The Resolution 23 dashboard in headless Chromium: the 25 targets, then an indicator with its chart and map. */
class DashboardE2ETest extends BrowserTest {

    @Test
    void cityOfficerSeesTheTargetsAndTheMapOfTheCommunes() {
        // one register person in 2025 so the year exists (other tests may have imported more), and a commune whose only
        // person is a child: its lab.trained is 0 of 0 (no value), which the map must leave blank, not fail on
        importRegister("person_id,household_id,commune_code,birth_date,sex,employed,qualification\n"
                + "DB-E2E-1,H,00145,1990,F,true,university\n"
                + "DB-E2E-2,H2,00292,2019,M,,\n", 2025);
        TestUser officer = user(Role.CITY_OFFICER, "01");
        login(officer.username(), officer.password());
        driver.get(url("/dashboard?year=2025"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Tiến độ thực hiện Nghị quyết 23-NQ/TU");
        // the 25 targets of NQ 23 and the indicators proposed by the platform (clc.active, issue 12; assoc.*, issue 13)
        assertThat(driver.findElements(By.cssSelector("tr[data-indicator]"))).hasSize(28);
        assertThat(driver.findElement(By.id("status-summary")).getText()).contains("Chưa có số liệu");
        Browser.assertAccessible(driver);

        driver.findElement(By.cssSelector("tr[data-indicator='lab.trained'] a")).click();
        new WebDriverWait(driver, Duration.ofSeconds(45)).until(d -> "true".equals(
                ((JavascriptExecutor) d).executeScript("var m = document.getElementById('map'); return m && m.dataset.ready;")));
        assertThat(driver.findElements(By.cssSelector("#map canvas"))).isNotEmpty();
        assertThat(driver.findElements(By.cssSelector("#series-chart canvas"))).isNotEmpty();
        String table = driver.findElement(By.id("map-table")).getText();
        assertThat(table).contains("Phường Long Biên").doesNotContain("Ljava").doesNotContain("{1}");
        Browser.assertAccessible(driver);

        // drill down from the league table to the commune's own dashboard
        driver.findElement(By.cssSelector("#league a[href*='unit=00145']")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("unit=00145"));
        assertThat(driver.findElement(By.id("dashboard-unit")).getText()).contains("Phường Long Biên");
        // the 25 targets of NQ 23 and the indicators proposed by the platform (clc.active, issue 12; assoc.*, issue 13)
        assertThat(driver.findElements(By.cssSelector("tr[data-indicator]"))).hasSize(28);
        assertThat(driver.findElement(By.cssSelector("tr[data-indicator='lab.trained'] td.num")).getText()).isEqualTo("100,00%");
        Browser.assertAccessible(driver);
    }
}
