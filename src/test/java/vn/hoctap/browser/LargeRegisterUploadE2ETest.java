package vn.hoctap.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.hoctap.accounts.Role;
import vn.hoctap.register.LargeRegisters;

/**
 * A commune officer uploads their whole commune's register (68,000 persons, over 9 MB: larger than one form post may
 * be) from the import page in headless Chromium: the page sends it in pieces with a progress bar (tus), the import
 * runs, and the job page reports every person added. The import is undone at the end so the suite's register is
 * unchanged.
 */
class LargeRegisterUploadE2ETest extends BrowserTest {

    static final String COMMUNE = "00367";   // Phường Thanh Xuân, used by no other test

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path dir;

    @Test
    void aCommuneRegisterOfNineMegabytesIsImportedFromThePage() throws Exception {
        TestUser officer = user(Role.COMMUNE_OFFICER, COMMUNE);
        Path file = dir.resolve("so-pho-cap-thanh-xuan.csv");
        long size = LargeRegisters.communeRegister(file, COMMUNE, 68_000, "TX" + System.nanoTime() % 100000 + "-");
        assertThat(size).isGreaterThan(9_000_000L);

        login(officer.username(), officer.password());
        driver.get(url("/"));
        // by clicks: the register, then its import page
        driver.findElement(By.cssSelector("a[href$='/register']")).click();
        driver.findElement(By.cssSelector("a[href*='/register/import']")).click();
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Nhập sổ phổ cập");
        Browser.assertAccessible(driver);
        driver.findElement(By.id("year")).clear();
        driver.findElement(By.id("year")).sendKeys("2025");
        driver.findElement(By.id("file")).sendKeys(file.toString());
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(180)).until(d -> {
            var state = d.findElements(By.id("job-state"));
            return !state.isEmpty() && ("DONE".equals(state.get(0).getAttribute("data-state"))
                    || "FAILED".equals(state.get(0).getAttribute("data-state")));
        });
        String ok = driver.findElement(By.id("import-ok")).getText();
        assertThat(ok).contains("thêm 68.000").doesNotContain("lỗi");
        assertThat(jdbc.queryForObject("select count(*) from register_person where year = 2025 and commune_code = ?", Integer.class, COMMUNE))
                .isEqualTo(68_000);
        Browser.assertAccessible(driver);

        // undo through the import history, as an officer would after a wrong file
        Long importId = jdbc.queryForObject("select max(id) from register_import where year = 2025 and actor = ?", Long.class, officer.username());
        assertThat(importId).isNotNull();
        driver.get(url("/register/imports/" + importId));
        driver.findElement(By.id("undo")).click();
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> jdbc.queryForObject(
                "select count(*) from register_person where year = 2025 and commune_code = ?", Integer.class, COMMUNE) == 0);
    }
}
