package vn.hoctap.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import vn.hoctap.accounts.Role;

/** A commune officer uploads a register in headless Chromium, watches it import, and reads the standards card. */
class RegisterE2ETest extends BrowserTest {

    static final String COMMUNE = "00118";   // Phường Bồ Đề

    @TempDir
    Path dir;

    @Test
    void uploadThenStandardsCard() throws Exception {
        TestUser officer = user(Role.COMMUNE_OFFICER, COMMUNE);
        login(officer.username(), officer.password());

        // a file with one bad row first: refused whole, the report names the line and column
        Path bad = dir.resolve("so-bo-de-loi.csv");
        Files.writeString(bad, "person_id;household_id;commune_code;birth_date;sex;enrolment;grade\n"
                + "BD1;H1;" + COMMUNE + ";2019-01-01;M;primary;1\n"
                + "BD2;H1;" + COMMUNE + ";2019-01-01;X;primary;1\n", StandardCharsets.UTF_8);
        upload(bad);
        assertThat(driver.findElement(By.id("import-refused")).getText()).contains("1 lỗi");
        assertThat(driver.findElement(By.id("import-errors")).getText()).contains("3").contains("sex").contains("X");
        Browser.assertAccessible(driver);

        // then the corrected file: 4 six-year-olds, 3 in grade 1 (75% < 90%: TH not reached)
        Path good = dir.resolve("so-bo-de.csv");
        Files.writeString(good, "person_id;household_id;commune_code;birth_date;sex;enrolment;grade\n"
                + "BD1;H1;" + COMMUNE + ";2019-01-01;M;primary;1\n"
                + "BD2;H1;" + COMMUNE + ";2019-01-01;F;primary;1\n"
                + "BD3;H2;" + COMMUNE + ";2019;F;primary;1\n"
                + "BD4;H2;" + COMMUNE + ";2019;M;preschool;\n", StandardCharsets.UTF_8);
        upload(good);
        assertThat(driver.findElement(By.id("import-ok")).getText()).contains("thêm 4");
        driver.findElement(By.linkText("Xem mức đạt chuẩn")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("/standards/" + COMMUNE));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Chuẩn PCGD-XMC: Phường Bồ Đề");
        String main = driver.findElement(By.tagName("main")).getText();
        assertThat(main).contains("TH.grade1_age6").contains("75,00%").contains("cần thêm 1 người");
        Browser.assertAccessible(driver);

        driver.findElement(By.linkText("1 người chưa đạt")).click();
        assertThat(driver.findElement(By.id("shortfall")).getText()).contains("BD4").doesNotContain("BD1");
        Browser.assertAccessible(driver);
    }

    private void upload(Path file) {
        driver.get(url("/register/import"));
        driver.findElement(By.id("year")).clear();
        driver.findElement(By.id("year")).sendKeys("2025");
        driver.findElement(By.id("file")).sendKeys(file.toString());
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> {
            var state = d.findElements(By.id("job-state"));
            return !state.isEmpty() && ("DONE".equals(state.get(0).getAttribute("data-state"))
                    || "FAILED".equals(state.get(0).getAttribute("data-state")));
        });
    }
}
