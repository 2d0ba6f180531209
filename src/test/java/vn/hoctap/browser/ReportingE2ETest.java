package vn.hoctap.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.http.MediaType;

import com.jayway.jsonpath.JsonPath;

import vn.hoctap.accounts.Role;

/**
 * A report's whole path in headless Chromium: the organisation enters it on a phone-sized screen, a rule
 * stops it, it is corrected and submitted; the commune returns it with a message; the organisation corrects
 * and submits again; the commune accepts, the city approves, and the dashboard shows the new indicator value.
 * Period 2023 is used only here.
 */
class ReportingE2ETest extends BrowserTest {

    static final String FORM = "/reporting/form/%d/agency_digital/2023";

    @Test
    void aReportGoesFromEntryToTheDashboard() throws Exception {
        TestUser commune = user(Role.COMMUNE_OFFICER, "00004");
        TestUser city = user(Role.CITY_OFFICER, "01");
        TestUser organisationUser = user(Role.ORGANISATION_USER, "00004");
        String created = mvc.perform(post("/api/reporting/organisations").with(httpBasic(commune.username(), commune.password()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"commune_code\": \"00004\", \"name\": \"Văn phòng thử E2E " + System.nanoTime() + "\", \"kind\": \"agency\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long org = ((Number) JsonPath.read(created, "$.id")).longValue();
        mvc.perform(post("/api/reporting/organisations/" + org + "/members").with(httpBasic(commune.username(), commune.password()))
                .contentType(MediaType.APPLICATION_JSON).content("{\"username\": \"" + organisationUser.username() + "\"}"))
                .andExpect(status().isOk());
        String form = url(String.format(FORM, org));

        // 1. the organisation enters its figures on a phone; a rule stops the submission
        login(organisationUser.username(), organisationUser.password());
        driver.get(url("/reporting"));
        assertThat(driver.findElement(By.id("own-reports")).getText()).contains("Đào tạo kỹ năng số của cơ quan");
        driver.manage().window().setSize(new Dimension(390, 844));
        driver.get(form);
        assertThat(driver.findElement(By.id("report-state")).getText()).isEqualTo("Chưa nhập");
        type("staff", "60");
        type("it_security_staff", "4");
        type("it_security_trained", "5");
        type("trained_digital_basic", "30");
        type("trained_data_skills", "10");
        clickAndWait(By.id("submit-report"));
        assertThat(driver.findElement(By.id("form-errors")).getText())
                .contains("Số cán bộ chuyên trách được đào tạo ATTT không được lớn hơn số cán bộ chuyên trách.");
        assertThat(driver.findElement(By.id("f-it_security_trained")).getAttribute("value")).isEqualTo("5");   // what was typed stays
        assertThat(driver.findElement(By.id("report-state")).getText()).isEqualTo("Chưa nhập");
        Object overflow = ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(((Number) overflow).intValue()).as("horizontal overflow on a phone").isLessThanOrEqualTo(0);
        Browser.assertAccessible(driver);
        type("it_security_trained", "3");
        clickAndWait(By.id("submit-report"));
        assertThat(driver.findElement(By.id("report-state")).getText()).isEqualTo("Đã gửi");
        assertThat(driver.findElements(By.id("submit-report"))).isEmpty();
        driver.manage().window().setSize(new Dimension(1280, 900));

        // 2. the commune returns it with a message
        switchTo(commune);
        driver.get(form);
        driver.findElement(By.id("reject-text")).sendKeys("Số cán bộ được tập huấn kỹ năng số cơ bản chưa khớp danh sách, đề nghị kiểm tra.");
        clickAndWait(By.id("reject-report"));
        assertThat(driver.findElement(By.id("report-state")).getText()).isEqualTo("Bản nháp");

        // 3. the organisation sees the message, corrects and submits again
        switchTo(organisationUser);
        driver.get(form);
        assertThat(driver.findElement(By.id("reject-message")).getText()).contains("chưa khớp danh sách");
        type("trained_digital_basic", "33");
        clickAndWait(By.id("submit-report"));
        assertThat(driver.findElement(By.id("report-state")).getText()).isEqualTo("Đã gửi");
        assertThat(driver.findElements(By.id("reject-message"))).isEmpty();

        // 4. the commune accepts, 5. the city approves
        switchTo(commune);
        driver.get(form);
        clickAndWait(By.id("accept-report"));
        assertThat(driver.findElement(By.id("report-state")).getText()).isEqualTo("Xã, phường đã tiếp nhận");
        assertThat(driver.findElements(By.id("approve-report"))).isEmpty();
        switchTo(city);
        driver.get(form);
        Browser.assertAccessible(driver);
        clickAndWait(By.id("approve-report"));
        assertThat(driver.findElement(By.id("report-state")).getText()).isEqualTo("Thành phố đã phê duyệt");
        assertThat(driver.findElement(By.id("f-staff")).getAttribute("readonly")).isNotNull();

        // what changed, step by step
        clickAndWait(By.id("history-link"));
        String history = driver.findElement(By.id("history")).getText();
        assertThat(history).contains("chưa khớp danh sách").contains("30").contains("33").contains("Thành phố đã phê duyệt");
        Browser.assertAccessible(driver);

        // 6. the dashboard shows it at once: 3 of 4 dedicated staff trained; 33 of 60 officials
        driver.get(url("/dashboard/cs.infosec_trained?year=2023"));
        assertThat(driver.findElement(By.cssSelector("#city-line td.num")).getText()).isEqualTo("75,00%");
        driver.get(url("/dashboard/cs.digital_basic?year=2023"));
        assertThat(driver.findElement(By.cssSelector("#city-line td.num")).getText()).isEqualTo("55,00%");

        // the completeness page and the reminders
        driver.get(url("/reporting/completeness?dataSet=agency_digital&period=2023"));
        assertThat(driver.findElement(By.id("completeness")).getText()).contains("Văn phòng thử E2E");
        Browser.assertAccessible(driver);
        driver.get(url("/reporting"));
        Browser.assertAccessible(driver);
        driver.get(url("/reporting/organisations?commune=00004"));
        assertThat(driver.findElement(By.id("organisations")).getText()).contains("Văn phòng thử E2E");
        Browser.assertAccessible(driver);
        // a dry run of the exported CSV, pasted into the exchange page: everything unchanged
        driver.get(url("/reporting/exchange"));
        Browser.assertAccessible(driver);
        String csv = mvc.perform(get("/api/reporting/values.csv")
                        .param("period", "2023").param("dataSet", "agency_digital").with(httpBasic(city.username(), city.password())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        ((JavascriptExecutor) driver).executeScript("document.getElementById('x-text').value = arguments[0];", csv);
        clickAndWait(By.cssSelector("#x-text ~ button[type=submit]"));
        assertThat(driver.findElement(By.id("import-result")).getText()).contains("Kết quả chạy thử").contains("Lỗi: 0")
                .contains("Mới: 0 · Cập nhật: 0");
        Browser.assertAccessible(driver);
    }

    /** Clicks something that loads a new page and waits until the old one is gone. */
    void clickAndWait(By by) {
        WebElement page = driver.findElement(By.tagName("html"));
        driver.findElement(by).click();
        waitUntilReplaced(page);
    }

    void type(String element, String value) {
        WebElement input = driver.findElement(By.id("f-" + element));
        input.clear();
        input.sendKeys(value);
    }

    void switchTo(TestUser u) {
        driver.manage().deleteAllCookies();
        login(u.username(), u.password());
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> !d.getCurrentUrl().contains("/login"));
    }
}
