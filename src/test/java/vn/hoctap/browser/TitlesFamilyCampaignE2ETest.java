package vn.hoctap.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import vn.hoctap.accounts.Role;

/**
 * A family's "Gia đình học tập" campaign in a real browser: the commune officer opens the campaign and registers
 * the family, scores it; the study-promotion association reviews it from the village's list (bulk action); the
 * officer decides and publishes; the public verification page of its certificate says it is valid.
 */
class TitlesFamilyCampaignE2ETest extends BrowserTest {

    static final String COMMUNE = "00097"; // Phường Hồng Hà

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
    void aFamilyFromRegistrationToItsVerifiedCertificate() {
        TestUser officer = user(Role.COMMUNE_OFFICER, COMMUNE);
        TestUser association = user(Role.ASSOCIATION_MEMBER, COMMUNE);

        login(officer.username(), officer.password());
        driver.get(url("/titles"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Danh hiệu học tập");
        Browser.assertAccessible(driver);
        // the criteria sets, with their unverified parts marked
        driver.findElement(By.linkText("Bộ tiêu chí")).click();
        waitForUrl("/titles/sets");
        assertThat(driver.findElement(By.id("sets")).getText()).contains("Gia đình học tập").contains("Một phần là tiêu chí tạm thời của HọcTập");
        Browser.assertAccessible(driver);
        driver.findElement(By.linkText("Gia đình học tập")).click();
        waitForUrl("/titles/sets/");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("Học tập của trẻ em trong gia đình")
                .contains("Tổng điểm từ 80 trở lên");
        assertThat(driver.findElements(By.id("publish-set"))).as("only the city administrator edits").isEmpty();
        Browser.assertAccessible(driver);
        driver.get(url("/titles"));
        new Select(driver.findElement(By.id("c-kind"))).selectByValue("GIA_DINH");
        new Select(driver.findElement(By.id("c-unit"))).selectByValue(COMMUNE);
        driver.findElement(By.cssSelector("#open-campaign button[type=submit]")).click();
        waitForUrl("/titles/campaigns/");
        String campaignUrl = driver.getCurrentUrl();
        assertThat(driver.findElement(By.tagName("h1")).getText()).startsWith("Gia đình học tập năm");
        Browser.assertAccessible(driver);

        // registration
        driver.findElement(By.id("r-name")).sendKeys("Gia đình ông Đặng Văn Thành");
        driver.findElement(By.cssSelector("#register-form button[type=submit]")).click();
        waitForUrl("/titles/evaluations/");
        String evaluationUrl = driver.getCurrentUrl();
        assertThat(driver.findElement(By.id("status")).getText()).isEqualTo("Đã đăng ký");
        // the criteria text and the unverified parts are shown; 1.1 is automatic (no input)
        assertThat(driver.findElement(By.cssSelector("tr[data-indicator='1.2']")).getText()).contains("Kết quả học tập");
        assertThat(driver.findElements(By.cssSelector(".badge.unverified"))).isNotEmpty();
        assertThat(driver.findElements(By.id("p_1.1"))).isEmpty();
        Browser.assertAccessible(driver);

        // self-assessment: every typed indicator at its maximum
        for (WebElement input : driver.findElements(By.cssSelector("#assess-form input.points"))) {
            input.clear();
            input.sendKeys(input.getAttribute("max"));
        }
        driver.findElement(By.cssSelector("#assess-form button[type=submit]")).click();
        waitFor("status", t -> t.equals("Đã tự đánh giá"));
        assertThat(driver.findElement(By.id("total")).getText()).contains("90/100").contains("Đạt");
        assertThat(driver.findElement(By.cssSelector("tr[data-indicator='1.1'] .evidence")).getText()).contains("Chưa gắn hộ");
        // the officer may not review (that is the association's or the village's step) but the page offers no skip
        assertThat(driver.findElements(By.id("step-DECIDE"))).isEmpty();
        assertThat(driver.findElements(By.id("step-PUBLISH"))).isEmpty();

        // review by the association, from the list with a bulk action
        signOut();
        login(association.username(), association.password());
        driver.get(campaignUrl);
        driver.findElement(By.cssSelector("#dossiers input[type=checkbox]")).click();
        new Select(driver.findElement(By.id("b-step"))).selectByValue("REVIEW");
        driver.findElement(By.cssSelector("#bulk-form fieldset button[type=submit]")).click();
        waitFor("progress", t -> t.contains("Đã thẩm định: 1"));
        Browser.assertAccessible(driver);

        // decision and publication by the commune officer
        signOut();
        login(officer.username(), officer.password());
        driver.get(evaluationUrl);
        assertThat(driver.findElement(By.id("status")).getText()).isEqualTo("Đã thẩm định");
        driver.findElement(By.id("step-DECIDE")).click();
        waitFor("status", t -> t.equals("Đã quyết định công nhận"));
        driver.findElement(By.id("step-PUBLISH")).click();
        waitFor("status", t -> t.equals("Đã công bố"));
        assertThat(driver.findElement(By.id("history")).getText()).contains("Đã đăng ký").contains("Đã tự đánh giá")
                .contains("Đã thẩm định").contains("Đã quyết định công nhận").contains("Đã công bố");
        assertThat(driver.findElement(By.id("certificate-pdf")).getAttribute("href")).endsWith("/certificate.pdf");
        Browser.assertAccessible(driver);

        // the wallet offer (issue 16): a QR code and a link a wallet opens, an accessible page
        String certificatePage = driver.getCurrentUrl();
        driver.findElement(By.cssSelector("#wallet-offer-form button")).click();
        // the offer page replaces the certificate page: wait for it (the click may return before the next page is there)
        new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(15))
                .until(d -> !d.findElements(By.id("wallet-link")).isEmpty());
        assertThat(driver.findElement(By.id("wallet-link")).getAttribute("href")).startsWith("openid-credential-offer://?credential_offer_uri=");
        assertThat(driver.findElement(By.cssSelector("#wallet-qr svg")).getAttribute("aria-label")).isNotBlank();
        Browser.assertAccessible(driver);
        driver.get(certificatePage);

        // the public verification page, signed out (as someone scanning the QR code)
        String verifyHref = driver.findElement(By.id("verify-link")).getAttribute("href");
        signOut();
        driver.get(verifyHref);
        assertThat(driver.findElement(By.id("verify-result")).getText()).isEqualTo("Hợp lệ");
        assertThat(driver.findElement(By.id("v-title")).getText()).startsWith("Gia đình học tập năm");
        assertThat(driver.findElement(By.id("v-holder")).getText()).isEqualTo("Gia đình ông Đặng Văn Thành"); // the name as on the PDF (issue 16)
        Browser.assertAccessible(driver);
        // a code with one character changed is not a certificate
        String code = verifyHref.substring(verifyHref.lastIndexOf('/') + 1);
        driver.get(url("/public/verify/" + code.substring(0, 31) + (code.charAt(31) == 'A' ? 'B' : 'A')));
        assertThat(driver.findElement(By.id("verify-result")).getText()).contains("Không tìm thấy");

        // the public self-assessment page is accessible too
        driver.get(url("/public/titles"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Tự đánh giá \"Công dân học tập\"");
        Browser.assertAccessible(driver);
    }
}
