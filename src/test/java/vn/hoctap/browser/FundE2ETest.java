package vn.hoctap.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import vn.hoctap.accounts.Role;
import vn.hoctap.fund.FundTestSupport;
import vn.hoctap.fund.internal.Funds;
import vn.hoctap.platform.HanoiTime;

/**
 * The fund's whole path in headless Chromium, in Vietnamese: the accountant records a named donation and gets its
 * receipt, which the public page verifies; opens a scholarship programme and prepares an award with its decision (and
 * cannot approve it); the chair approves it; the public report on a phone shows the income, the spending and the donor.
 */
class FundE2ETest extends BrowserTest {

    @Autowired
    Funds funds;

    @Test
    void donationReceiptScholarshipApprovalAndPublicReport() {
        TestUser accountant = user(Role.FUND_ACCOUNTANT, "00004");
        TestUser chair = user(Role.ASSOCIATION_CHAIR, "00004");
        String code = "e2e-" + System.nanoTime() % 1_000_000_000;
        FundTestSupport.as(accountant.username(), Role.FUND_ACCOUNTANT, "00004");
        try {
            funds.create(code, "Quỹ Khuyến học thử E2E", "00004", "COMMUNE_ASSOCIATION", 20_000_000);
        } finally {
            FundTestSupport.clear();
        }

        // 1. the accountant records a donation by bank transfer from a donor who agrees to be named
        login(accountant.username(), accountant.password());
        driver.get(url("/fund/" + code));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Quỹ Khuyến học thử E2E");
        driver.findElement(By.id("r-name")).sendKeys("Lê Thị Thu Hà");
        driver.findElement(By.id("r-publish")).click();
        new Select(driver.findElement(By.id("r-form"))).selectByVisibleText("Chuyển khoản");
        driver.findElement(By.id("r-amount")).sendKeys("2500000");
        clickAndWait(By.id("receipt-submit"));
        String number = driver.findElement(By.id("receipt-number")).getText();
        assertThat(number).isEqualTo("BN-" + code.toUpperCase() + "-" + HanoiTime.today().getYear() + "-00001");
        assertThat(driver.findElement(By.id("receipt-amount")).getText()).isEqualTo("2.500.000 đ");
        Browser.assertAccessible(driver);

        // 2. the receipt's public verification page (the QR code's address) says it is valid
        clickAndWait(By.id("receipt-verify"));
        assertThat(driver.findElement(By.id("verify-result")).getText()).isEqualTo("Biên nhận hợp lệ: khoản đóng góp đã được ghi vào sổ quỹ.");
        assertThat(driver.findElement(By.id("v-number")).getText()).isEqualTo(number);

        // 3. a scholarship programme, and an award prepared with its decision
        driver.get(url("/fund/" + code));
        driver.findElement(By.id("p-name")).sendKeys("Học bổng Vượt khó thử");
        driver.findElement(By.id("p-criteria")).sendKeys("Học sinh nghèo học khá");
        driver.findElement(By.id("p-budget")).sendKeys("5000000");
        clickAndWait(By.cssSelector("#programme-form button[type=submit]"));
        new Select(driver.findElement(By.id("d-programme"))).selectByVisibleText("Học bổng Vượt khó thử");
        driver.findElement(By.id("d-bref")).sendKeys("P-00004-000777");
        driver.findElement(By.id("d-amount")).sendKeys("1000000");
        new Select(driver.findElement(By.id("d-paid"))).selectByVisibleText("Chuyển khoản");
        driver.findElement(By.id("d-number")).sendKeys("45/QĐ-KH");
        driver.findElement(By.id("d-signer")).sendKeys("Chủ tịch Hội Khuyến học phường");
        clickAndWait(By.id("disbursement-submit"));
        WebElement row = driver.findElement(By.cssSelector("#disbursement-list tbody tr"));
        assertThat(row.findElement(By.className("d-status")).getText()).isEqualTo("Chờ duyệt");
        assertThat(row.findElements(By.className("approve"))).as("the preparer sees no approve button").isEmpty();
        assertThat(row.getText()).contains("Bạn lập khoản này: người khác duyệt");
        Browser.assertAccessible(driver);

        // 4. the chair approves it
        driver.manage().deleteAllCookies();
        login(chair.username(), chair.password());
        driver.get(url("/fund/" + code));
        clickAndWait(By.cssSelector("#disbursement-list tbody tr .approve"));
        assertThat(driver.findElement(By.cssSelector("#disbursement-list tbody tr .d-status")).getText()).isEqualTo("Đã duyệt, đã chi");

        // 5. the public report, on a phone, without signing in
        driver.manage().deleteAllCookies();
        driver.manage().window().setSize(new Dimension(390, 844));
        driver.get(url("/public/fund/" + code + "?year=" + HanoiTime.today().getYear()));
        assertThat(driver.findElement(By.id("income-total")).getText()).isEqualTo("2.500.000 đ");
        assertThat(driver.findElement(By.id("spending-total")).getText()).isEqualTo("1.000.000 đ");
        assertThat(driver.findElement(By.id("closing")).getText()).isEqualTo("1.500.000 đ");
        assertThat(driver.findElement(By.id("donors")).getText()).contains("Lê Thị Thu Hà");
        assertThat(driver.findElement(By.id("spending")).getText()).contains("Học bổng").doesNotContain("P-00004-000777");
        assertThat(driver.findElement(By.id("legal")).getText()).contains("Thông tư 41/2022/TT-BTC").contains("[chưa tìm thấy]");
        Object overflow = ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(((Number) overflow).intValue()).as("horizontal overflow on a phone").isLessThanOrEqualTo(0);
        Browser.assertAccessible(driver);
    }

    void clickAndWait(By by) {
        WebElement page = driver.findElement(By.tagName("html"));
        driver.findElement(by).click();
        waitUntilReplaced(page);
    }
}
