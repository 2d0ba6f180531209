package vn.hoctap.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import vn.hoctap.RequiresEnvironment;
import vn.hoctap.RequiresEnvironment.Need;
import vn.hoctap.accounts.Role;

/**
 * The UNESCO learning-city report in a real browser: the administrator adds a feature to an area (the UIL list is not
 * shipped); a city officer attaches a document to it, drafts the sample report's answer from it in Vietnamese and
 * English and edits it; the city (the administrator) approves; the English DOCX is downloaded and LibreOffice converts
 * it to PDF; the gap view shows every area with what exists and what is missing; the public sees the approved answer.
 */
@RequiresEnvironment({Need.CHROMIUM, Need.LIBREOFFICE})
class GnlcE2ETest extends BrowserTest {

    static final String SAMPLE = "sample-biennial-2021";

    void signOut() {
        driver.manage().deleteAllCookies();
    }

    void waitForUrl(String part) {
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> d.getCurrentUrl().contains(part));
    }

    void waitFor(String id, java.util.function.Predicate<String> text) {
        new WebDriverWait(driver, Duration.ofSeconds(15)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.NoSuchElementException.class)
                .until(d -> text.test(d.findElement(By.id(id)).getText()));
    }

    @Test
    void evidenceToAnApprovedEnglishReportThatOpensInLibreOffice() throws Exception {
        TestUser admin = user(Role.CITY_ADMIN, "01");
        TestUser officer = user(Role.CITY_OFFICER, "01");
        String id = UUID.randomUUID().toString().substring(0, 8);
        String featureVi = "Học liệu số mở cho người dân (thử " + id + ")";
        String titleVi = "Kho học liệu số của thành phố " + id;
        String titleEn = "The city's digital learning library " + id;

        // the administrator adds a feature to area 2.4, marked as the city's
        login(admin.username(), admin.password());
        driver.get(url("/gnlc/areas/2.4"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("2.4 Mở rộng sử dụng công nghệ học tập hiện đại");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("Đã xác minh trong văn bản của UIL");
        driver.findElement(By.id("f-vi")).sendKeys(featureVi);
        driver.findElement(By.id("f-en")).sendKeys("Open digital learning materials for citizens (test " + id + ")");
        driver.findElement(By.id("f-source")).sendKeys("Kế hoạch của UBND thành phố (thử)");
        driver.findElement(By.cssSelector("#feature-form button[type=submit]")).click();
        waitFor("features", t -> t.contains(featureVi));
        WebElement li = driver.findElements(By.cssSelector("#features li")).stream().filter(e -> e.getText().contains(featureVi))
                .findFirst().orElseThrow();
        String feature = li.getAttribute("data-feature");
        assertThat(feature).startsWith("2.4.c");
        assertThat(li.getText()).contains("Do thành phố thêm (không phải văn bản của UIL)");
        Browser.assertAccessible(driver);

        // a city officer attaches a document (with its file) to the feature
        signOut();
        login(officer.username(), officer.password());
        driver.get(url("/gnlc/areas/2.4"));
        assertThat(driver.findElements(By.id("feature-form"))).as("only the administrator adds features").isEmpty();
        new Select(driver.findElement(By.id("e-target"))).selectByValue(feature);
        new Select(driver.findElement(By.id("e-kind"))).selectByValue("DOCUMENT");
        driver.findElement(By.id("e-title-vi")).sendKeys(titleVi);
        driver.findElement(By.id("e-title-en")).sendKeys(titleEn);
        driver.findElement(By.id("e-owner")).sendKeys("Sở Giáo dục và Đào tạo");
        new Select(driver.findElement(By.id("e-unit"))).selectByValue("01");
        Path attachment = Files.createTempFile("ke-hoach-", ".txt");
        Files.writeString(attachment, "Kế hoạch học liệu số");
        driver.findElement(By.id("e-file")).sendKeys(attachment.toString());
        driver.findElement(By.cssSelector("#evidence-form button[type=submit]")).click();
        waitFor("target-" + feature, t -> t.contains(titleVi));
        assertThat(driver.findElement(By.id("target-" + feature)).getText()).contains("Văn bản").contains("Tiếng Việt")
                .contains("Sở Giáo dục và Đào tạo").contains("Tải tệp");
        Browser.assertAccessible(driver);

        // drafts the sample report's question 3 (about 2.4) from the evidence, in both languages, and edits it
        driver.get(url("/gnlc/questionnaires/" + SAMPLE));
        assertThat(driver.findElement(By.id("sample-note")).getText()).startsWith("MẪU");
        driver.findElement(By.id("draft-3")).click();
        waitFor("status-3", t -> t.equals("Dự thảo"));
        new WebDriverWait(driver, Duration.ofSeconds(15)).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> d.findElement(By.id("vi-3")).getAttribute("value").contains(titleVi));
        assertThat(driver.findElement(By.id("en-3")).getAttribute("value")).contains(titleEn);
        WebElement en = driver.findElement(By.id("en-3"));
        en.sendKeys(" The library will be extended to every commune.");
        driver.findElement(By.id("save-3")).click();
        new WebDriverWait(driver, Duration.ofSeconds(15)).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> d.findElement(By.id("en-3")).getAttribute("value")
                .endsWith("The library will be extended to every commune."));
        assertThat(driver.findElements(By.id("approve-3"))).as("a city officer may approve, but the city administrator does here")
                .isNotEmpty();
        Browser.assertAccessible(driver);

        // the city approves
        signOut();
        login(admin.username(), admin.password());
        driver.get(url("/gnlc/questionnaires/" + SAMPLE));
        driver.findElement(By.id("approve-3")).click();
        waitFor("status-3", t -> t.equals("Đã duyệt"));
        Browser.assertAccessible(driver);

        // the English DOCX, downloaded with the browser's session, opens in LibreOffice
        String href = driver.findElement(By.id("export-docx")).getAttribute("href");
        Cookie session = driver.manage().getCookieNamed("JSESSIONID");
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
                .header("Cookie", "JSESSIONID=" + session.getValue()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition").orElse("")).contains("hanoi-" + SAMPLE + "-en.docx");
        try (XWPFDocument d = new XWPFDocument(new ByteArrayInputStream(response.body())); XWPFWordExtractor x = new XWPFWordExtractor(d)) {
            assertThat(x.getText()).contains("SAMPLE").contains("3. How did the city extend the use of modern learning technologies?")
                    .contains(titleEn).contains("The library will be extended to every commune.").contains("Approved by the city on");
        }
        Path dir = Files.createTempDirectory("gnlc-docx-");
        Path docx = dir.resolve("report.docx");
        Files.write(docx, response.body());
        Process lo = new ProcessBuilder("libreoffice", "-env:UserInstallation=file://" + dir.resolve("lo-profile"), "--headless",
                "--convert-to", "pdf", "--outdir", dir.toString(), docx.toString()).redirectErrorStream(true).start();
        assertThat(lo.waitFor(180, TimeUnit.SECONDS)).as("LibreOffice finished").isTrue();
        String loOutput = new String(lo.getInputStream().readAllBytes());
        assertThat(lo.exitValue()).as(loOutput).isZero();
        Path pdf = dir.resolve("report.pdf");
        assertThat(pdf).as(loOutput).exists();
        assertThat(new String(Files.readAllBytes(pdf), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

        // the gap view: every area with its strength and what is missing; the new feature is weak, lacking an indicator
        driver.get(url("/gnlc"));
        List<WebElement> areas = driver.findElements(By.cssSelector("#gap tr.area-row"));
        assertThat(areas).hasSize(12);
        for (WebElement a : areas) {
            String strength = a.findElement(By.cssSelector(".strength")).getText();
            assertThat(strength).isIn("Chưa có", "Yếu", "Mạnh");
            if (!strength.equals("Mạnh")) {
                assertThat(a.findElement(By.cssSelector("td.missing")).getText()).as(a.getText()).isNotBlank();
            }
        }
        WebElement row = driver.findElement(By.cssSelector("#gap tr[data-feature='" + feature + "']"));
        assertThat(row.getText()).contains("Yếu").contains("Văn bản: 1").contains("chưa có chỉ tiêu của nền tảng");
        assertThat(driver.findElement(By.id("deadline")).getText()).isEqualTo("Hạn nộp báo cáo tiến độ hai năm một lần: 04/12/2027");
        Browser.assertAccessible(driver);

        // the public sees the approved answer, signed out
        signOut();
        driver.get(url("/public/gnlc"));
        assertThat(driver.findElement(By.tagName("main")).getText()).contains(titleVi);
        Browser.assertAccessible(driver);
    }
}
