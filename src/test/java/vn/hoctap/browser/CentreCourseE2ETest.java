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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import com.jayway.jsonpath.JsonPath;

import vn.hoctap.accounts.Role;
import vn.hoctap.indicators.IndicatorValues;
import vn.hoctap.platform.HanoiTime;

/**
 * A class of a community learning centre end to end in headless Chromium: the centre officer opens a class on a
 * phone-sized screen, adds a learner, records attendance and closes the class; the learner's record shows it; the
 * citizen downloads it (PDF and Open Badges JSON); the centre indicator of the dashboard moves. Commune 00190 only here.
 */
class CentreCourseE2ETest extends BrowserTest {

    @Autowired
    IndicatorValues indicatorValues;

    @Test
    void aClassFromAttendanceToTheLearnersRecordAndTheDashboard() throws Exception {
        TestUser commune = user(Role.COMMUNE_OFFICER, "00190");
        TestUser officer = user(Role.CENTRE_OFFICER, "00190");
        TestUser citizen = user(Role.CITIZEN, "00190");
        String person = "P-00190-E2E-" + System.nanoTime();
        String created = mvc.perform(post("/api/reporting/organisations").with(httpBasic(commune.username(), commune.password()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"commune_code\": \"00190\", \"name\": \"TTHTCĐ phường Ô Chợ Dừa (thử E2E " + System.nanoTime() + ")\", \"kind\": \"clc\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long centre = ((Number) JsonPath.read(created, "$.id")).longValue();
        mvc.perform(post("/api/centres/" + centre + "/officers").with(httpBasic(commune.username(), commune.password()))
                .contentType(MediaType.APPLICATION_JSON).content("{\"username\": \"" + officer.username() + "\"}")).andExpect(status().isOk());
        mvc.perform(post("/api/learning/links").with(httpBasic(commune.username(), commune.password())).contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\": \"" + citizen.username() + "\", \"person_id\": \"" + person + "\", \"commune_code\": \"00190\"}"))
                .andExpect(status().isOk());
        int year = HanoiTime.today().getYear();
        IndicatorValues.Value before = indicatorValues.forYear(year).values().getOrDefault("clc.active", java.util.Map.of()).get("01");
        double activeBefore = before == null ? 0 : before.numerator();

        // 1. the centre officer, on a phone, lands on their centre and opens a class
        login(officer.username(), officer.password());
        driver.manage().window().setSize(new Dimension(390, 844));
        driver.get(url("/centres"));
        assertThat(driver.getCurrentUrl()).endsWith("/centres/" + centre);
        Browser.assertAccessible(driver);
        driver.findElement(By.id("c-title")).sendKeys("Kỹ năng số cho người cao tuổi");
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("c-kind"))).selectByValue("digital");
        clickAndWait(By.id("open-course"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Kỹ năng số cho người cao tuổi");
        assertThat(driver.findElement(By.id("course-status")).getText()).isEqualTo("Đang học");
        // 2. adds the learner by their register id and records a session's attendance
        driver.findElement(By.id("l-person")).sendKeys(person);
        clickAndWait(By.id("add-learner"));
        assertThat(driver.findElement(By.id("learners")).getText()).contains(person);
        // two learners from outside the commune are only counted
        driver.findElement(By.id("a-count")).clear();
        driver.findElement(By.id("a-count")).sendKeys("2");
        clickAndWait(By.id("save-anonymous"));
        assertThat(driver.findElement(By.id("anonymous-count")).getText()).isEqualTo("Học viên không thường trú (chỉ đếm): 2");
        driver.findElement(By.id("s-hours")).clear();
        driver.findElement(By.id("s-hours")).sendKeys("2.5");
        assertThat(driver.findElement(By.id("present-0")).isSelected()).isTrue();
        clickAndWait(By.id("record-session"));
        assertThat(driver.findElement(By.id("saved")).getText()).isEqualTo("Đã lưu buổi học và điểm danh.");
        assertThat(driver.findElement(By.id("learners")).getText()).contains("1/1");
        Object overflow = ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(((Number) overflow).intValue()).as("horizontal overflow on a phone").isLessThanOrEqualTo(0);
        Browser.assertAccessible(driver);
        // 3. closes the class: the learner attended 1 of 1 sessions (≥ 2/3) and completed it
        clickAndWait(By.id("close-course"));
        assertThat(driver.findElement(By.id("course-status")).getText()).isEqualTo("Đã kết thúc");
        assertThat(driver.findElement(By.id("closed-message")).getText()).contains("1 học viên hoàn thành");
        assertThat(driver.findElements(By.id("record-session"))).isEmpty();
        driver.manage().window().setSize(new Dimension(1280, 900));

        // 4. the citizen sees it in their record and downloads it
        driver.manage().deleteAllCookies();
        login(citizen.username(), citizen.password());
        driver.get(url("/learning/me"));
        String record = driver.findElement(By.id("record")).getText();
        assertThat(record).contains("Kỹ năng số cho người cao tuổi").contains("2,5").contains("Đơn vị đã xác nhận").contains("Kỹ năng số");
        Browser.assertAccessible(driver);
        assertThat(driver.findElement(By.id("download-pdf")).getAttribute("href")).endsWith("/learning/me.pdf");
        byte[] pdf = mvc.perform(get("/learning/me.pdf").with(httpBasic(citizen.username(), citizen.password())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        String json = mvc.perform(get("/learning/me.json").with(httpBasic(citizen.username(), citizen.password())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<String>read(json, "$.verifiableCredential[0].name")).isEqualTo("Kỹ năng số cho người cao tuổi");
        assertThat(JsonPath.<Double>read(json, "$.verifiableCredential[0].credentialSubject.achievement.creditsAvailable")).isEqualTo(2.5);
        // a share link shows the record without signing in
        clickAndWait(By.id("share"));
        String shareUrl = driver.findElement(By.id("share-url")).getAttribute("href");
        driver.manage().deleteAllCookies();
        driver.get(shareUrl.replaceFirst("^https?://[^/]+", url("")));
        assertThat(driver.findElement(By.id("record")).getText()).contains("Kỹ năng số cho người cao tuổi");
        // another citizen cannot read this record through the API
        TestUser other = user(Role.CITIZEN, "00190");
        mvc.perform(get("/api/learning/persons/" + person + "/entries").with(httpBasic(other.username(), other.password())))
                .andExpect(status().isForbidden());

        // 5. the dashboard's centre indicator moved: one more centre with a class completed this year
        IndicatorValues.Value after = indicatorValues.forYear(year).values().get("clc.active").get("01");
        assertThat(after.numerator()).isEqualTo(activeBefore + 1);
        assertThat(indicatorValues.forYear(year).values().get("clc.active").get("00190").value()).isEqualTo(100.0);
        login(commune.username(), commune.password());
        driver.get(url("/dashboard/clc.active?year=" + year));
        String expected = String.format(new java.util.Locale("vi", "VN"), "%.2f%%", after.value());
        assertThat(driver.findElement(By.cssSelector("#city-line td.num")).getText()).isEqualTo(expected);
        // the commune's view of the centre (year report, rating) and of the register
        driver.get(url("/centres/" + centre));
        assertThat(driver.findElement(By.id("year-report")).getText()).contains("1");
        assertThat(driver.findElement(By.id("rating")).getText()).contains("Ứng dụng công nghệ thông tin");
        // the commune fills in the centre's profile (board, partners)
        driver.findElement(By.id("p-director")).sendKeys("Phó Chủ tịch UBND phường");
        driver.findElement(By.id("p-partners")).sendKeys("Nhà văn hóa phường; Trường THCS Ô Chợ Dừa");
        clickAndWait(By.id("save-profile"));
        assertThat(driver.findElement(By.id("profile-saved")).getText()).isEqualTo("Đã lưu hồ sơ trung tâm.");
        assertThat(driver.findElement(By.id("p-partners")).getAttribute("value")).isEqualTo("Nhà văn hóa phường; Trường THCS Ô Chợ Dừa");
        assertThat(driver.findElement(By.id("year-report")).getText()).contains("Học viên không thường trú (chỉ đếm) 2");
        Browser.assertAccessible(driver);
        driver.get(url("/reporting/registry?commune=00190"));
        assertThat(driver.findElement(By.id("registry")).getText()).contains("TTHTCĐ phường Ô Chợ Dừa (thử E2E");
        Browser.assertAccessible(driver);
    }

    void clickAndWait(By by) {
        WebElement page = driver.findElement(By.tagName("html"));
        driver.findElement(by).click();
        waitUntilReplaced(page);
    }
}
