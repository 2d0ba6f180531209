package vn.hoctap.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import vn.hoctap.accounts.Role;
import vn.hoctap.standards.core.Person;

/**
 * Issue 19: each role's daily task walked from the home page by clicks only, under the strict
 * Content-Security-Policy (no violation in Chromium's console), with the accessibility check, on a desktop and a
 * phone-size window; a Vietnamese page fails when it shows an English code word of the exchange format or the
 * status enums, or a raw message key. Screenshots of every checked page at both sizes go to target/screenshots.
 */
class DailyTasksE2ETest extends BrowserTest {

    static final String COMMUNE = "00190";   // Phường Ô Chợ Dừa, used only here
    static final int YEAR = 2025;

    /** The codes that must never be read on a Vietnamese page: the exchange format's values and the status enums. */
    static final Set<String> CODE_WORDS = codeWords();

    static Set<String> codeWords() {
        Set<String> s = new LinkedHashSet<>();
        for (Class<? extends Enum<?>> type : List.of(Person.Residence.class, Person.Disability.class, Person.Enrolment.class,
                Person.Qualification.class, Person.DigitalSkills.class)) {
            for (Enum<?> e : type.getEnumConstants()) {
                s.add(((Person.Coded) e).code());
            }
        }
        s.addAll(List.of("true", "false", "null", "met", "registered", "recognised", "MET", "ON_TRACK", "AT_RISK", "OFF_TRACK",
                "NO_DATA", "anonymousUser", "household_id", "commune_code", "birth_date", "literacy_stage_completed",
                "PUBLISHED", "SUBMITTED", "DRAFT", "REJECTED", "REVOKED"));
        return s;
    }

    static final Pattern RAW_KEY = Pattern.compile("\\?\\?[^?\\s]+\\?\\?|\\b[a-z]+\\.[a-z_-]+\\.[a-z_.-]+\\b");

    /** The code words and raw keys found in a page's visible text (a word is a run of letters, digits and '_'). */
    static List<String> codeWordsIn(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile("[\\p{L}\\p{N}_]+").matcher(text);
        while (m.find()) {
            if (CODE_WORDS.contains(m.group())) {
                found.add(m.group());
            }
        }
        Matcher k = RAW_KEY.matcher(text);
        while (k.find()) {
            found.add(k.group());
        }
        return found;
    }

    @Test
    void theCheckFindsCodeWordsAndRawKeys() {
        assertThat(codeWordsIn("Đang học: lower_secondary 9 · đạt chỉ tiêu met")).containsExactly("lower_secondary", "met");
        assertThat(codeWordsIn("??register.field.x_vi?? và register.field.grade")).contains("??register.field.x_vi??", "register.field.grade");
        assertThat(codeWordsIn("Trung học cơ sở · lớp 9 · Không khuyết tật · 99,64%")).isEmpty();
    }

    @Test
    void theConsoleCheckSeesACspViolation() {
        TestUser officer = user(Role.COMMUNE_OFFICER, COMMUNE);
        login(officer.username(), officer.password());
        Browser.consoleProblems(driver);
        // an inline style attribute, as a page under the strict policy must not have: Chromium refuses and reports it
        ((JavascriptExecutor) driver).executeScript(
                "const d = document.createElement('div'); d.innerHTML = '<span style=\"color: red\">x</span>'; document.body.appendChild(d);");
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> !Browser.consoleProblems(d).isEmpty()
                || Boolean.TRUE);
        ((JavascriptExecutor) driver).executeScript("const s = document.createElement('script'); s.textContent = 'window.x = 1'; document.body.appendChild(s);");
        List<String> problems = Browser.consoleProblems(driver);
        assertThat(problems).anyMatch(p -> p.contains("Content Security Policy"));
    }

    @Test
    void aCommuneOfficerWorksOnTheRegister() throws Exception {
        importRegister(register(), YEAR);
        TestUser officer = user(Role.COMMUNE_OFFICER, COMMUNE);
        login(officer.username(), officer.password());
        check("officer-home");

        click(By.cssSelector("main .card a[href$='/register']"));
        new Select(driver.findElement(By.id("year"))).selectByValue(String.valueOf(YEAR));
        click(By.cssSelector("#register-filter button[type=submit]"));
        // 62 persons: 50 on the first page, the total says so
        assertThat(driver.findElement(By.id("register-total")).getText()).isEqualTo("Sổ có 62 người.");
        assertThat(driver.findElement(By.cssSelector("#register-list caption")).getText()).isEqualTo("Người 1–50 trong 62");
        assertThat(driver.findElement(By.id("register-list")).getText()).contains("Trung học cơ sở · lớp 9").contains("Nữ");
        check("register-list");
        click(By.id("page-next"));
        assertThat(driver.findElement(By.cssSelector("#register-list caption")).getText()).isEqualTo("Người 51–62 trong 62");

        // the 6-year-olds not in grade 1 (3 of the 10 six-year-olds of the file), printable
        new Select(driver.findElement(By.id("criterion"))).selectByVisibleText("Trẻ 6 tuổi đang học lớp 1");
        click(By.cssSelector("#register-filter button[type=submit]"));
        assertThat(driver.findElement(By.id("register-total")).getText()).isEqualTo("Có 3 người khớp bộ lọc (sổ có 62 người).");
        click(By.id("print-shortfall"));
        String doc = driver.findElement(By.tagName("main")).getText();
        assertThat(doc).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").contains("Độc lập - Tự do - Hạnh phúc")
                .contains("UBND PHƯỜNG Ô CHỢ DỪA").contains("Danh sách người chưa đạt: Trẻ 6 tuổi đang học lớp 1")
                .contains("(Ký, ghi rõ họ tên, đóng dấu)");
        assertThat(driver.findElements(By.cssSelector("#shortfall tbody tr"))).hasSize(3);
        check("shortfall-print");

        // filters by village and age
        click(By.linkText("Sổ theo dõi phổ cập giáo dục, xóa mù chữ"));
        new Select(driver.findElement(By.id("criterion"))).selectByIndex(0);
        new Select(driver.findElement(By.id("village"))).selectByVisibleText("Tổ dân phố số 2");
        driver.findElement(By.id("ageFrom")).sendKeys("6");
        driver.findElement(By.id("ageTo")).sendKeys("6");
        click(By.cssSelector("#register-filter button[type=submit]"));
        // six-year-olds: OC1..OC10, the even ones live in Tổ dân phố số 2
        assertThat(driver.findElement(By.id("register-total")).getText()).isEqualTo("Có 5 người khớp bộ lọc (sổ có 62 người).");

        // a person: Vietnamese labels and choices, the grade only when it applies
        click(By.linkText("OC2"));
        assertThat(driver.findElement(By.cssSelector("label[for=f-household_id]")).getText()).isEqualTo("Mã hộ");
        assertThat(new Select(driver.findElement(By.id("f-enrolment"))).getFirstSelectedOption().getText()).isEqualTo("Mầm non");
        assertThat(driver.findElement(By.id("grade-field")).isDisplayed()).isFalse();
        assertThat(driver.findElement(By.id("f-birth_date")).getAttribute("value")).isEqualTo("2019-03-05");
        check("register-edit");
        new Select(driver.findElement(By.id("f-enrolment"))).selectByVisibleText("Tiểu học");
        assertThat(driver.findElement(By.id("grade-field")).isDisplayed()).isTrue();
        new Select(driver.findElement(By.id("f-grade"))).selectByVisibleText("lớp 1");
        click(By.id("save-person"));
        assertThat(driver.findElement(By.cssSelector("main .alert.info")).getText()).isEqualTo("Đã lưu thay đổi.");
        assertThat(new Select(driver.findElement(By.id("f-grade"))).getFirstSelectedOption().getText()).isEqualTo("lớp 1");

        // a wrong value: the reason right under the field, nothing saved
        WebElement primary = driver.findElement(By.id("f-primary_completed"));
        primary.sendKeys("1950");
        click(By.id("save-person"));
        assertThat(driver.findElement(By.id("form-errors")).getText()).contains("Năm hoàn thành tiểu học");
        assertThat(driver.findElement(By.id("e-primary_completed")).getText()).isNotBlank();
        assertThat(driver.findElement(By.id("f-primary_completed")).getAttribute("aria-describedby")).isEqualTo("e-primary_completed");
        check("register-edit-error");

        // the household
        click(By.linkText("Cả hộ"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Hộ H1");
        assertThat(driver.findElements(By.cssSelector("#household tbody tr"))).extracting(WebElement::getText)
                .hasSize(2).anyMatch(t -> t.startsWith("OC1 ")).anyMatch(t -> t.startsWith("OC2 "));
        check("household");
    }

    @org.springframework.beans.factory.annotation.Autowired
    vn.hoctap.titles.internal.Campaigns campaigns;

    /**
     * A citizen, signed in, registers for "Công dân học tập" from their own space, self-assesses; the association
     * reviews, the commune decides and publishes; the citizen then finds their published title, the notifications of
     * each move and the certificate in their own space (before issue 19: 403 on their own published title).
     */
    @Test
    void aCitizenFindsTheirOwnTitle() throws Exception {
        int year = vn.hoctap.platform.HanoiTime.today().getYear();
        vn.hoctap.titles.internal.Campaigns.Campaign campaign;
        try (var a = as(Role.COMMUNE_OFFICER, COMMUNE)) {
            var t = vn.hoctap.platform.HanoiTime.today();
            campaign = campaigns.createCampaign(year, vn.hoctap.titles.core.TitleKind.CONG_DAN, COMMUNE, null,
                    new vn.hoctap.titles.core.CampaignWorkflow.Deadlines(t.plusDays(10), t.plusDays(20), t.plusDays(30), t.plusDays(40)));
        }
        TestUser citizen = user(Role.CITIZEN, COMMUNE);
        login(citizen.username(), citizen.password());
        check("citizen-home");
        assertThat(driver.findElements(By.linkText("API"))).isEmpty();
        click(By.id("my-titles"));
        assertThat(driver.findElement(By.id("mine-none")).getText()).contains("chưa có hồ sơ");
        click(By.linkText("Đăng ký Công dân học tập"));
        driver.findElement(By.id("name")).sendKeys("Trần Thị Ô");
        driver.findElement(By.id("contact")).sendKeys("o.tran@example.vn");
        new Select(driver.findElement(By.id("commune"))).selectByVisibleText("Phường Ô Chợ Dừa");
        click(By.cssSelector("#public-register button[type=submit]"));
        // the self-assessment, found again in their own space (no private link needed)
        click(By.cssSelector("header a[href$='/titles/mine']"));
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("Trần Thị Ô").contains("Đã đăng ký");
        click(By.linkText("Xem chi tiết hồ sơ"));
        for (WebElement input : driver.findElements(By.cssSelector("#assess-form input[name^='p_']"))) {
            String max = input.getAttribute("max");
            input.clear();
            input.sendKeys(max == null || max.isBlank() ? "1" : max);
        }
        click(By.cssSelector("#assess-form button[type=submit]"));
        check("citizen-self-assessment");
        long id = jdbc.queryForObject("select id from titles_evaluation where campaign_id = ? and owner_user_id = (select id from app_user where username = ?)", Long.class,
                campaign.id(), citizen.username());
        try (var a = as(Role.ASSOCIATION_MEMBER, COMMUNE)) {
            campaigns.step(id, vn.hoctap.titles.core.CampaignWorkflow.Step.REVIEW, null);
        }
        try (var a = as(Role.COMMUNE_OFFICER, COMMUNE)) {
            campaigns.step(id, vn.hoctap.titles.core.CampaignWorkflow.Step.DECIDE, null);
        }
        // the commune officer publishes it from the home page; the confirmation comes first, and "Cancel" does nothing
        TestUser officer = user(Role.COMMUNE_OFFICER, COMMUNE);
        driver.manage().deleteAllCookies();
        login(officer.username(), officer.password());
        click(By.cssSelector("main .card a[href$='/titles']"));
        click(By.linkText(campaign.name()));
        click(By.linkText("Trần Thị Ô"));
        assertThat(driver.findElement(By.id("step-PUBLISH")).getAttribute("data-confirm")).isEqualTo(
                "Xác nhận \"Công bố\" cho \"Trần Thị Ô\"? Thao tác này được ghi vào nhật ký.");
        ((JavascriptExecutor) driver).executeScript("window.confirm = () => false;");
        driver.findElement(By.id("step-PUBLISH")).click();
        Thread.sleep(500);
        assertThat(driver.findElements(By.id("step-PUBLISH"))).hasSize(1);   // still the same page: nothing submitted
        try (var a = as(Role.CITY_OFFICER, "01")) {
            assertThat(campaigns.dossier(id).status()).isEqualTo(vn.hoctap.titles.core.TitleStatus.RECOGNISED);
        }
        ((JavascriptExecutor) driver).executeScript("window.confirm = () => true;");
        click(By.id("step-PUBLISH"));
        try (var a = as(Role.CITY_OFFICER, "01")) {
            assertThat(campaigns.dossier(id).status()).isEqualTo(vn.hoctap.titles.core.TitleStatus.PUBLISHED);
        }
        driver.manage().deleteAllCookies();
        login(citizen.username(), citizen.password());
        // the header says three moves are unread (reviewed, recognised, published); the list says which
        assertThat(driver.findElement(By.id("nav-unread")).getText()).startsWith("3").contains("chưa đọc");
        click(By.id("nav-notifications"));
        assertThat(driver.findElement(By.id("notifications")).getText()).contains("Đã thẩm định").contains("Đã quyết định công nhận")
                .contains("Đã công bố").contains("Hồ sơ danh hiệu “Công dân học tập”");
        check("citizen-notifications");
        click(By.id("mark-read"));
        assertThat(driver.findElements(By.id("nav-unread"))).isEmpty();
        click(By.cssSelector("a[href='/']"));
        click(By.id("my-titles"));
        assertThat(driver.findElement(By.id("mine-status-" + id)).getText()).isEqualTo("Đã công bố");
        assertThat(driver.findElement(By.id("mine-notes-" + id)).getText()).contains("hồ sơ chuyển sang \"Đã thẩm định\"")
                .contains("hồ sơ chuyển sang \"Đã công bố\"");
        check("citizen-my-titles");
        // the certificate of one's own published title: a PDF, not 403
        String href = driver.findElement(By.id("mine-certificate-" + id)).getAttribute("href");
        Object statusCode = ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => done(r.status + ' ' + r.headers.get('content-type')));", href);
        assertThat(String.valueOf(statusCode)).isEqualTo("200 application/pdf");
        click(By.linkText("Xem chi tiết hồ sơ"));
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("Trần Thị Ô");
    }

    /** A city officer opens the dashboard, picks a commune, and reaches another commune's dashboard from an indicator's table. */
    @Test
    void aCityOfficerReadsTheDashboard() throws Exception {
        importRegister(register(), YEAR);
        TestUser city = user(Role.CITY_OFFICER, "01");
        login(city.username(), city.password());
        click(By.cssSelector("main .card a[href$='/dashboard']"));
        // the latest year with data, never a year without any value
        assertThat(driver.findElement(By.id("dashboard-unit")).getText()).contains("Hà Nội");
        assertThat(driver.findElement(By.id("status-summary")).getText()).doesNotContain("Chưa có số liệu: 25");
        check("dashboard-city");
        new Select(driver.findElement(By.id("unit"))).selectByVisibleText("Phường Ô Chợ Dừa");
        new Select(driver.findElement(By.id("year"))).selectByValue(String.valueOf(YEAR));
        click(By.cssSelector("#dashboard-form button[type=submit]"));
        assertThat(driver.findElement(By.id("dashboard-unit")).getText()).startsWith("Phường Ô Chợ Dừa");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("Giá trị của Phường Ô Chợ Dừa")
                .contains("Báo cáo sơ kết của Phường Ô Chợ Dừa (PDF)").doesNotContain("Giá trị của thành phố");
        check("dashboard-commune");
        String pdf = driver.findElement(By.linkText("Báo cáo sơ kết của Phường Ô Chợ Dừa (PDF)")).getAttribute("href");
        assertThat(pdf).contains("unit=" + COMMUNE);
        // an indicator: the league table's communes are links to their dashboards
        click(By.cssSelector("#status-summary ~ section table a"));
        check("dashboard-indicator");
        WebElement link = driver.findElement(By.cssSelector("#league tbody a"));
        String name = link.getText();
        click(By.cssSelector("#league tbody a"));
        assertThat(driver.findElement(By.id("dashboard-unit")).getText()).startsWith(name);

        // the same pages in English: no raw message key either
        click(By.linkText("English"));
        String english = driver.findElement(By.tagName("body")).getText();
        assertThat(RAW_KEY.matcher(english).find()).as("raw message key on " + driver.getCurrentUrl()).isFalse();
        assertThat(english).contains("Annual review of");
    }

    @org.springframework.beans.factory.annotation.Autowired
    vn.hoctap.register.Register register;

    /** The administrator reads the audit log: who in words, what in words, each field before and after. */
    @Test
    void anAdministratorReadsTheAuditLog() throws Exception {
        importRegister(register(), YEAR);
        try (var a = as(Role.COMMUNE_OFFICER, COMMUNE)) {
            var e = register.get(YEAR, "OC20");
            java.util.Map<String, String> cells = new java.util.LinkedHashMap<>();
            java.util.List<String> values = vn.hoctap.register.internal.PersonColumns.cells(e.person());
            for (int i = 0; i < values.size(); i++) {
                cells.put(vn.hoctap.register.internal.PersonColumns.CSV_COLUMNS.get(i), values.get(i));
            }
            cells.put("employed", "true");
            cells.put("qualification", "college");
            register.update(YEAR, "OC20", cells, e.version());
        }
        login("admin", ADMIN_PASSWORD);
        click(By.cssSelector("main .card a[href$='/admin/audit']"));
        new Select(driver.findElement(By.id("entityType"))).selectByVisibleText("Người trong sổ phổ cập");
        click(By.cssSelector("main form.toolbar button[type=submit]"));
        WebElement row = driver.findElements(By.cssSelector("#audit > tbody > tr")).stream()
                .filter(r -> r.getText().contains("2025:OC20")).findFirst().orElseThrow();
        String text = row.getText();
        // the edit in words: the action, the record, each changed field with its label and values in words
        assertThat(text).contains("test-commune_officer").contains("Sửa").contains("Người trong sổ phổ cập 2025:OC20")
                .contains("Có việc làm").contains("Có").contains("Trình độ chuyên môn, kỹ thuật cao nhất").contains("Cao đẳng")
                .doesNotContain("{").doesNotContain("Ngày sinh");   // unchanged fields are not listed
        check("admin-audit");

        // an account: its role and units changed with the unit picker, its password reset
        TestUser member = user(Role.ASSOCIATION_MEMBER, COMMUNE);
        click(By.cssSelector("header a[href$='/admin/accounts']"));
        click(By.linkText(member.username()));
        assertThat(driver.findElement(By.cssSelector("input[name=scope][value='" + COMMUNE + "']")).isSelected()).isTrue();
        new Select(driver.findElement(By.id("role"))).selectByVisibleText("Cán bộ xã/phường");
        driver.findElement(By.xpath("//label[normalize-space(.)='Phường Ngọc Hà']/input")).click();
        click(By.id("save-role"));
        assertThat(driver.findElement(By.cssSelector("main .alert.info")).getText()).isEqualTo("Đã lưu vai trò và địa bàn.");
        var changed = accounts.findByUsername(member.username()).orElseThrow().user();
        assertThat(changed.role()).isEqualTo(Role.COMMUNE_OFFICER);
        assertThat(changed.scopes()).containsExactlyInAnyOrder(COMMUNE, "00008");
        check("admin-account");
        String newPassword = "Mật-khẩu-mới-" + System.nanoTime();
        driver.findElement(By.id("password")).sendKeys(newPassword);
        click(By.id("reset-password"));
        assertThat(driver.findElement(By.cssSelector("main .alert.info")).getText()).startsWith("Đã đặt mật khẩu mới");
        driver.manage().deleteAllCookies();
        login(member.username(), newPassword);
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("Phường Ngọc Hà").contains("Phường Ô Chợ Dừa");
    }

    static AutoCloseable as(Role role, String... scopes) {
        var user = new vn.hoctap.accounts.CurrentUser(0, "test-" + role.name().toLowerCase(), "Test", role, Set.of(scopes));
        var principal = new vn.hoctap.accounts.AccountPrincipal(user, "", true);
        org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(
                org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(
                        principal, null, principal.getAuthorities()));
        return org.springframework.security.core.context.SecurityContextHolder::clearContext;
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    /**
     * 62 persons of Phường Ô Chợ Dừa: ten 6-year-olds (born 2019) OC1–OC10 in households of two, seven in grade 1 and
     * three (OC1, OC2, OC3) in preschool; the even ones in Tổ dân phố số 2; then 52 adults, one a lower-secondary pupil.
     */
    static String register() {
        StringBuilder csv = new StringBuilder("person_id,household_id,commune_code,village,birth_date,sex,enrolment,grade\n");
        for (int i = 1; i <= 10; i++) {
            boolean grade1 = i > 3;
            csv.append("OC").append(i).append(",H").append((i + 1) / 2).append(',').append(COMMUNE).append(",Tổ dân phố số ")
                    .append(i % 2 == 0 ? 2 : 1).append(",2019-03-0").append(i == 10 ? 9 : i + 3 > 9 ? 9 : i + 3)
                    .append(',').append(i % 2 == 0 ? "F" : "M").append(',').append(grade1 ? "primary,1" : "preschool,").append('\n');
        }
        for (int i = 11; i <= 62; i++) {
            csv.append("OC").append(i).append(",H").append(i).append(',').append(COMMUNE).append(",Tổ dân phố số 3,")
                    .append(i == 11 ? "2011" : "1980").append(",F,").append(i == 11 ? "lower_secondary,9" : "none,").append('\n');
        }
        return csv.toString();
    }

    // ---------------------------------------------------------------- helpers

    /** Clicks something that loads a new page and waits until the old one is gone. */
    void click(By by) {
        WebElement page = driver.findElement(By.tagName("html"));
        driver.findElement(by).click();
        waitUntilReplaced(page);
    }

    /**
     * The checks of every page: no CSP violation or script error in the console, no code word or raw key in the
     * text, axe-core without serious findings, no horizontal scrolling on a phone; a screenshot at both sizes.
     */
    void check(String name) throws Exception {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d ->
                "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        String text = driver.findElement(By.tagName("body")).getText();
        assertThat(codeWordsIn(text)).as("code words on " + driver.getCurrentUrl()).isEmpty();
        Browser.assertAccessible(driver);
        screenshot(name + "-desktop");
        driver.manage().window().setSize(new Dimension(390, 844));
        screenshot(name + "-phone");
        Object overflow = ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        Object widest = ((JavascriptExecutor) driver).executeScript(
                "let w = null; document.querySelectorAll('body *').forEach(e => { const r = e.getBoundingClientRect();"
                + " if (e.closest('.table-scroll') && !e.classList.contains('table-scroll')) return;"
                + " if (r.right > document.documentElement.clientWidth + 1 && (!w || r.right > w.r)) w = {r: r.right, t: e.tagName + '#' + e.id + '.' + e.className}; });"
                + " return w ? w.t + ' ' + w.r : '';");
        assertThat(((Number) overflow).intValue()).as("horizontal overflow on a phone at " + driver.getCurrentUrl() + ": " + widest)
                .isLessThanOrEqualTo(0);
        Browser.assertAccessible(driver);
        driver.manage().window().setSize(new Dimension(1280, 900));
        assertThat(Browser.consoleProblems(driver)).as("console (CSP) on " + driver.getCurrentUrl()).isEmpty();
    }

    void screenshot(String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
