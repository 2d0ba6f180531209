package vn.hoctap.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.hoctap.accounts.Role;
import vn.hoctap.register.RegisterChanged;
import vn.hoctap.synthetic.core.GeneratorOptions;
import vn.hoctap.synthetic.core.Structure;
import vn.hoctap.synthetic.core.SyntheticRegister;

/**
 * Issue 18, "done when": a commune officer uploads their commune's whole register from the import page in Chromium —
 * Phường Ba Đình as the synthetic generator writes it inside the 8.7-million register of Hà Nội (about 67,000 persons,
 * about 9 MB, more than the old 5 MB form limit) — and sees the page's tus uploader report progress from the first
 * byte, then the import job finish with every person added.
 */
class CommuneRegisterUploadE2ETest extends BrowserTest {

    static final String COMMUNE = "00004";   // Phường Ba Đình
    static final int YEAR = 2026;             // the data year of UploadLimitE2ETest, which also removes it afterwards

    @TempDir
    Path dir;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Test
    void aCommuneOfficerUploadsTheWholeCommuneRegisterWithProgressAndSeesItImported() throws Exception {
        Path file = dir.resolve("so-pho-cap-ba-dinh.csv");
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            SyntheticRegister.commune(new GeneratorOptions(8_700_000, 7, Structure.HANOI_2025, YEAR), COMMUNE, w);
        }
        // counted from the file itself: every line after the header is a person of the commune
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int persons = lines.size() - 1;
        assertThat(persons).isBetween(60_000, 75_000);
        assertThat(lines.subList(1, lines.size())).allMatch(l -> l.split(",", -1)[2].equals(COMMUNE));
        assertThat(Files.size(file)).isBetween(8L << 20, 10L << 20);   // about 9 MB: above the old 5 MB form limit
        String firstId = lines.get(1).substring(0, lines.get(1).indexOf(','));

        var officer = user(Role.COMMUNE_OFFICER, COMMUNE);
        login(officer.username(), officer.password());
        try {
            driver.get(url("/register/import"));
            new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> !d.findElements(By.id("upload-status")).isEmpty());
            // what the uploader says while it sends, kept in sessionStorage so it outlives the move to the job page
            ((JavascriptExecutor) driver).executeScript("""
                    sessionStorage.setItem('seen', '[]');
                    var s = document.getElementById('upload-status');
                    new MutationObserver(function () {
                      var seen = JSON.parse(sessionStorage.getItem('seen'));
                      seen.push(s.textContent);
                      sessionStorage.setItem('seen', JSON.stringify(seen));
                    }).observe(s, {childList: true, characterData: true, subtree: true});""");
            driver.findElement(By.id("year")).clear();
            driver.findElement(By.id("year")).sendKeys(String.valueOf(YEAR));
            driver.findElement(By.id("file")).sendKeys(file.toString());
            var page = driver.findElement(By.tagName("html"));
            driver.findElement(By.cssSelector("main form button[type=submit]")).click();
            waitUntilReplaced(page);
            new WebDriverWait(driver, Duration.ofSeconds(300)).until(d -> {
                var state = d.findElements(By.id("job-state"));
                return !state.isEmpty() && List.of("DONE", "FAILED").contains(state.get(0).getAttribute("data-state"));
            });

            @SuppressWarnings("unchecked")
            List<String> seen = (List<String>) ((JavascriptExecutor) driver).executeScript("return JSON.parse(sessionStorage.getItem('seen'))");
            // 8.x MB sent in 4 MB pieces: the first report is 0 % of the whole size, the last before "done" is 100 %
            String total = String.format(Locale.ROOT, "%.1f", Files.size(file) / 1048576.0).replace('.', ',');
            assertThat(seen).contains("Đã tải lên 0% (0,0 / " + total + " MB)", "Đã tải lên 100% (" + total + " / " + total + " MB)");
            assertThat(seen.get(seen.size() - 1)).isEqualTo("Đã tải lên xong, đang chuyển sang trang theo dõi việc nhập…");
            assertThat(driver.getCurrentUrl()).contains("/register/import/");

            assertThat(driver.findElement(By.id("job-state")).getAttribute("data-state")).isEqualTo("DONE");
            String vi = NumberFormat.getIntegerInstance(Locale.forLanguageTag("vi")).format(persons);
            assertThat(driver.findElement(By.id("import-ok")).getText())
                    .isEqualTo("Đã nhập " + vi + " dòng: thêm " + vi + ", sửa 0, xóa 0 người (1 xã/phường).");
            assertThat(jdbc.queryForObject("select count(*) from register_person where year = ? and commune_code = ?",
                    Integer.class, YEAR, COMMUNE)).isEqualTo(persons);
            assertThat(jdbc.queryForObject("select count(*) from register_person where year = ? and person_id = ?",
                    Integer.class, YEAR, firstId)).isEqualTo(1);
        } finally {
            jdbc.update("delete from register_person where year = ?", YEAR);
            jdbc.update("delete from register_import where year = ?", YEAR);
            events.publishEvent(new RegisterChanged(YEAR, Set.of()));
        }
    }
}
