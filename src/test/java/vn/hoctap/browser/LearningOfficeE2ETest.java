package vn.hoctap.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.hoctap.accounts.Role;
import vn.hoctap.indicators.IndicatorValues;
import vn.hoctap.platform.HanoiTime;

/**
 * The commune officer's pages of the learning record in headless Chromium, reached from the home page: literacy
 * follow-up (a person who completed a literacy class last year, no news → 0 of 1; recorded "post-literacy" → 1 of 1
 * and {@code lit.new_continuing} of the commune becomes 100 %), then linking a citizen account to the register id
 * (listed, audited, and the citizen then sees their record). axe-core on each page. Commune 00235 only here.
 */
class LearningOfficeE2ETest extends BrowserTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    IndicatorValues indicatorValues;

    @Test
    void literacyFollowUpAndAccountLinkingByTheCommuneOfficer() throws Exception {
        String commune = "00235";
        TestUser officer = user(Role.COMMUNE_OFFICER, commune);
        TestUser citizen = user(Role.CITIZEN, commune);
        int year = HanoiTime.today().getYear();
        String person = "P-00235-LIT-" + System.nanoTime();
        // a verified literacy class that ended last year (as a centre's closed class writes it)
        jdbc.update("""
                insert into learning_entry (person_id, commune_code, title, kind, topic, provider, start_date, end_date, hours, status, created_by)
                values (?, ?, 'Lớp xóa mù chữ mức độ 1', 'class', 'literacy', 'TTHTCĐ phường Đống Đa', ?, ?, 120, 'verified', 'test')""",
                person, commune, LocalDate.of(year - 1, 3, 1), LocalDate.of(year - 1, 11, 30));

        login(officer.username(), officer.password());
        driver.get(url("/"));
        clickAndWait(By.id("home-learning-office"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Theo dõi sau xóa mù chữ");
        // no news yet: in the cohort, not continuing
        assertThat(driver.findElement(By.id("lit-counts")).getText())
                .startsWith("0 trên 1 người hoàn thành lớp xóa mù chữ năm " + (year - 1) + " tiếp tục học tập năm " + year);
        assertThat(driver.findElement(By.id("cohort")).getText()).contains(person).contains("TTHTCĐ phường Đống Đa");
        assertThat(driver.findElement(By.id("continuing-0")).getText()).isEqualTo("Không");
        Browser.assertAccessible(driver);

        // the officer records that the person is in a post-literacy class this year
        new Select(driver.findElement(By.id("status-0"))).selectByValue("post_literacy");
        clickAndWait(By.id("save-0"));
        assertThat(driver.findElement(By.id("saved")).getText()).contains(person);
        assertThat(driver.findElement(By.id("continuing-0")).getText()).isEqualTo("Có");
        assertThat(new Select(driver.findElement(By.id("status-0"))).getFirstSelectedOption().getText()).isEqualTo("Học sau xóa mù chữ");
        assertThat(driver.findElement(By.id("lit-counts")).getText()).startsWith("1 trên 1 người").endsWith("(100,00 %)");
        IndicatorValues.Value v = indicatorValues.forYear(year).values().get("lit.new_continuing").get(commune);
        assertThat(v.numerator()).isEqualTo(1.0);
        assertThat(v.denominator()).isEqualTo(1.0);

        // then links the citizen's account to the same register id
        clickAndWait(By.id("to-links"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Gắn tài khoản công dân với hồ sơ học tập");
        Browser.assertAccessible(driver);
        driver.findElement(By.id("ln-username")).sendKeys(citizen.username());
        driver.findElement(By.id("ln-person")).sendKeys(person);
        clickAndWait(By.id("ln-save"));
        assertThat(driver.findElement(By.id("linked")).getText()).isEqualTo("Đã gắn tài khoản " + citizen.username() + " với hồ sơ học tập.");
        assertThat(driver.findElement(By.id("links")).getText()).contains(person).contains(citizen.username());
        Browser.assertAccessible(driver);
        Integer audited = jdbc.queryForObject("""
                select count(*) from audit_event where entity_type = 'learning_citizen_link' and entity_id = ? and actor = ?
                and unit_code = ?""", Integer.class, citizen.username(), officer.username(), commune);
        assertThat(audited).isEqualTo(1);
        // an unknown account is refused beside nothing written
        driver.findElement(By.id("ln-username")).sendKeys("khong-ton-tai-" + System.nanoTime());
        driver.findElement(By.id("ln-person")).sendKeys("P-X");
        clickAndWait(By.id("ln-save"));
        assertThat(driver.findElement(By.cssSelector(".alert.error")).getText())
                .isEqualTo("Tài khoản không tồn tại hoặc không phải tài khoản công dân.");

        // the citizen now sees their record; citizens cannot open the officers' pages
        driver.manage().deleteAllCookies();
        login(citizen.username(), citizen.password());
        driver.get(url("/learning/me"));
        assertThat(driver.findElement(By.id("record")).getText()).contains("Lớp xóa mù chữ mức độ 1");
        mvc.perform(get("/learning/literacy").with(httpBasic(citizen.username(), citizen.password()))).andExpect(status().isForbidden());
        mvc.perform(get("/learning/links").with(httpBasic(citizen.username(), citizen.password()))).andExpect(status().isForbidden());
        // another commune's officer does not see this cohort
        TestUser other = user(Role.COMMUNE_OFFICER, "00226");
        mvc.perform(get("/learning/literacy?commune=" + commune).with(httpBasic(other.username(), other.password())))
                .andExpect(status().isOk()).andExpect(r -> assertThat(r.getResponse().getContentAsString()).doesNotContain(person));
    }

    void clickAndWait(By by) {
        WebElement page = driver.findElement(By.tagName("html"));
        driver.findElement(by).click();
        waitUntilReplaced(page);
    }
}
