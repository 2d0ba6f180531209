package vn.hoctap.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumDriver;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.hoctap.accounts.Role;
import vn.hoctap.platform.HanoiTime;

/**
 * An inspection from the round to the review report, in headless Chromium: the city creates a round with its team and
 * schedules a visit to Phường Ba Đình; the inspector fills the visit in on a phone-sized screen, the network is cut
 * (DevTools network conditions, offline) in the middle of the visit and the record is sent while offline — it stays on
 * the phone; when the network is restored it is sent by itself, once; the commune closes the required action; the
 * city's review report lists it as remedied.
 */
class InspectionOfflineE2ETest extends BrowserTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aVisitRecordedOfflineReachesTheReviewReport() {
        TestUser city = user(Role.CITY_OFFICER, "01");
        TestUser inspector = user(Role.INSPECTOR, "01");
        TestUser commune = user(Role.COMMUNE_OFFICER, "00004");
        LocalDate today = HanoiTime.today();
        String roundName = "Đợt kiểm tra thử E2E " + System.nanoTime();
        String actionText = "Gửi báo cáo Tuần lễ học tập suốt đời " + System.nanoTime();

        // 1. the city creates the round and schedules the visit
        login(city.username(), city.password());
        driver.get(url("/cycle/inspection"));
        Browser.assertAccessible(driver);
        driver.findElement(By.id("r-name")).sendKeys(roundName);
        driver.findElement(By.id("r-team")).sendKeys(inspector.username());
        clickAndWait(By.id("create-round"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(roundName);
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("v-unit"))).selectByValue("00004");
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("v-subject"))).selectByValue("COMMUNE");
        js("document.getElementById('v-date').value = arguments[0];", today.toString());
        clickAndWait(By.id("schedule-visit"));
        assertThat(driver.findElement(By.id("visits")).getText()).contains("Phường Ba Đình").contains("Chưa kiểm tra");
        Browser.assertAccessible(driver);
        String visitUrl = driver.findElement(By.cssSelector("#visits a")).getAttribute("href");
        long visitId = Long.parseLong(visitUrl.replaceAll(".*/", ""));

        // 2. the inspector, on a phone, fills the visit in; the network drops in the middle of it
        switchTo(inspector);
        driver.manage().window().setSize(new Dimension(390, 844));
        driver.get(visitUrl);
        assertThat(driver.findElement(By.id("visit-status")).getText()).isEqualTo("Chưa kiểm tra");
        Object overflow = js("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(((Number) overflow).intValue()).as("horizontal overflow on a phone").isLessThanOrEqualTo(0);
        Browser.assertAccessible(driver);
        rate("X1", "GOOD");
        rate("X2", "MET");
        driver.findElement(By.id("note-X2")).sendKeys("Có kế hoạch số 45/KH-UBND.");

        ChromiumDriver chromium = (ChromiumDriver) driver;
        ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
        offline.setOffline(true);
        chromium.setNetworkConditions(offline);

        rate("X3", "NOT_MET");
        driver.findElement(By.id("action-X3")).sendKeys(actionText);
        driver.findElement(By.id("owner-X3")).sendKeys("Văn phòng UBND phường");
        js("const d = document.getElementById('deadline-X3'); d.value = arguments[0]; d.dispatchEvent(new Event('input', {bubbles: true}));",
                today.plusDays(30).toString());
        for (String item : new String[] {"X4", "X5", "X6", "X7"}) rate(item, "MET");
        driver.findElement(By.id("summary")).sendKeys("Phường triển khai đầy đủ.");
        driver.findElement(By.id("send-visit")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.findElement(By.id("sync-status")).getText().contains("sẽ tự gửi"));
        // nothing reached the server; the record waits on the phone
        assertThat(jdbc.queryForObject("select status from cycle_visit where id = ?", String.class, visitId)).isEqualTo("PLANNED");
        String outbox = (String) js("return localStorage.getItem('hoctap.visit.outbox');");
        assertThat(outbox).contains(actionText).contains("\"visitId\":\"" + visitId + "\"");

        // 3. the network returns: the record is sent by itself, once
        chromium.deleteNetworkConditions();
        js("window.dispatchEvent(new Event('online'));");
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(
                d -> d.findElements(By.id("findings")).size() == 1);
        assertThat(driver.findElement(By.id("visit-status")).getText()).isEqualTo("Đã ghi biên bản");
        assertThat(driver.findElement(By.id("findings")).getText()).contains("Chưa đạt").contains("Có kế hoạch số 45/KH-UBND.");
        assertThat(driver.findElement(By.id("visit-actions")).getText()).contains(actionText).contains("Đang khắc phục");
        assertThat(jdbc.queryForObject("select count(*) from cycle_finding where visit_id = ?", Integer.class, visitId)).isEqualTo(7);
        assertThat(jdbc.queryForObject("select count(*) from cycle_action a join cycle_finding f on f.id = a.finding_id where f.visit_id = ?",
                Integer.class, visitId)).isEqualTo(1);
        assertThat((String) js("return localStorage.getItem('hoctap.visit.outbox');")).isEqualTo("[]");
        Browser.assertAccessible(driver);
        driver.manage().window().setSize(new Dimension(1280, 900));

        // 4. the commune closes the required action
        switchTo(commune);
        driver.get(url("/cycle/inspection/actions"));
        Browser.assertAccessible(driver);
        long actionId = jdbc.queryForObject("select a.id from cycle_action a join cycle_finding f on f.id = a.finding_id where f.visit_id = ?",
                Long.class, visitId);
        driver.findElement(By.id("close-note-" + actionId)).sendKeys("Đã gửi Báo cáo số 112/BC-UBND ngày hôm nay.");
        clickAndWait(By.id("close-" + actionId));
        assertThat(driver.findElement(By.id("action-" + actionId)).getText()).contains("Đã khắc phục").contains("112/BC-UBND");

        // 5. the review report lists it
        switchTo(city);
        driver.get(url("/cycle/reports?year=" + today.getYear()));
        assertThat(driver.findElement(By.id("review-actions")).getText()).contains(actionText).contains("Đã khắc phục: Đã gửi Báo cáo số 112/BC-UBND");
        Browser.assertAccessible(driver);
        driver.get(url("/cycle/inspection?year=" + today.getYear()));
        assertThat(driver.findElement(By.id("summary")).getText()).contains("Phường Ba Đình");
    }

    private void rate(String item, String rating) {
        driver.findElement(By.id("rating-" + item + "-" + rating)).click();
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    void clickAndWait(By by) {
        WebElement page = driver.findElement(By.tagName("html"));
        driver.findElement(by).click();
        waitUntilReplaced(page);
    }

    void switchTo(TestUser u) {
        driver.manage().deleteAllCookies();
        login(u.username(), u.password());
    }
}
