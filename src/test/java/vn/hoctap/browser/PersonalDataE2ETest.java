package vn.hoctap.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.Select;

import vn.hoctap.accounts.Role;

/**
 * "Dữ liệu của tôi" on a phone: a citizen reads what is held about them and asks for a correction, then the commune's
 * officer answers it; the published results page without signing in. Each page passes axe-core.
 */
class PersonalDataE2ETest extends BrowserTest {

    @Test
    void aCitizenAsksForACorrectionOnAPhoneAndTheCommuneAnswers() {
        TestUser citizen = user(Role.CITIZEN, "00004");
        TestUser officer = user(Role.COMMUNE_OFFICER, "00004");
        driver.manage().window().setSize(new Dimension(390, 844));
        login(citizen.username(), citizen.password());
        driver.get(url("/me/data"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Dữ liệu của tôi");
        assertThat(driver.findElement(By.id("section-account")).getText()).contains(citizen.username()).contains("Công dân");
        Browser.assertAccessible(driver);
        new Select(driver.findElement(By.id("section"))).selectByValue("account");
        String text = "Họ tên hiển thị thiếu dấu " + System.nanoTime();
        driver.findElement(By.id("text")).sendKeys(text);
        driver.findElement(By.cssSelector("#ask-form button[type=submit]")).click();
        // the answer page replaces the form: wait for it (the click may return before the next page is there)
        new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(15))
                .until(d -> !d.findElements(By.id("my-requests")).isEmpty());
        assertThat(driver.findElement(By.id("my-requests")).getText()).contains(text).contains("Đang chờ trả lời");
        Browser.assertAccessible(driver);

        driver.manage().deleteAllCookies();
        driver.manage().window().setSize(new Dimension(1280, 900));
        login(officer.username(), officer.password());
        driver.get(url("/privacy/requests"));
        assertThat(driver.findElement(By.id("requests")).getText()).contains(text);
        Browser.assertAccessible(driver);

        driver.manage().deleteAllCookies();
        driver.get(url("/public/indicators"));
        assertThat(driver.findElement(By.id("public-indicators")).findElements(By.cssSelector("tbody tr"))).hasSizeGreaterThanOrEqualTo(25);
        Browser.assertAccessible(driver);
    }
}
