package vn.hoctap.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import vn.hoctap.accounts.Role;

/**
 * Khám phá số liệu in headless Chromium: a commune officer opens it from the menu, writes an expression, breaks it down
 * by sex and sees the table (with the chart and the map), then writes a wrong one and sees where it is wrong.
 */
class ExploreE2ETest extends BrowserTest {

    static final int YEAR = 2028;

    @Test
    void aCommuneOfficerWritesAnExpressionAndSeesTheTable() {
        // Ba Đình (00004): two women (one with a university degree), one man with elementary; Ngọc Hà (00008) is
        // not the officer's and must not show
        importRegister("person_id,household_id,commune_code,village,birth_date,sex,employed,qualification\n"
                + "EX-1,HE1,00004,Tổ 3,1990,F,true,university\n"
                + "EX-2,HE2,00004,Tổ 3,1980,F,true,none\n"
                + "EX-3,HE3,00004,Tổ 4,2001,M,true,elementary\n"
                + "EX-4,HE4,00008,Tổ 9,1975,M,true,college\n", YEAR);
        TestUser officer = user(Role.COMMUNE_OFFICER, "00004");
        login(officer.username(), officer.password());
        WebElement root = driver.findElement(By.tagName("html"));
        driver.findElement(By.id("nav-explore")).click();
        waitUntilReplaced(root);
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Khám phá số liệu");
        assertThat(driver.findElement(By.id("explore-empty")).getText()).contains("Xem kết quả");
        Browser.assertAccessible(driver);

        new Select(driver.findElement(By.id("year"))).selectByValue(String.valueOf(YEAR));
        WebElement text = driver.findElement(By.id("expression"));
        text.clear();
        text.sendKeys("count(person where employed and qualification >= elementary) / count(person where employed)");
        new Select(driver.findElement(By.id("breakdown"))).selectByValue("SEX");
        driver.findElement(By.id("explore-run")).click();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.until(d -> !d.findElements(By.id("explore-table")).isEmpty());
        List<WebElement> rows = driver.findElements(By.cssSelector("#explore-table tbody tr"));
        assertThat(rows).extracting(WebElement::getText).containsExactly("Nam 1 1 1 100,00%", "Nữ 2 1 2 50,00%");
        assertThat(driver.findElement(By.id("explore-total")).getText()).isEqualTo("Tổng các xã, phường được xem 3 2 3 66,67%");
        assertThat(driver.getCurrentUrl()).contains("/explore?").contains("breakdown=SEX");
        wait.until(d -> "true".equals(((JavascriptExecutor) d).executeScript(
                "var m = document.getElementById('explore-chart'); return m && m.dataset.ready;")));
        wait.until(d -> "true".equals(((JavascriptExecutor) d).executeScript(
                "var m = document.getElementById('explore-map'); return m && m.dataset.ready;")));
        assertThat(driver.findElements(By.cssSelector("#explore-chart canvas"))).isNotEmpty();
        assertThat(driver.findElement(By.id("explore-map-table")).getAttribute("textContent"))
                .contains("Phường Ba Đình").doesNotContain("Ngọc Hà");
        Browser.assertAccessible(driver);

        // by village
        new Select(driver.findElement(By.id("breakdown"))).selectByValue("VILLAGE");
        WebElement table = driver.findElement(By.id("explore-table"));
        driver.findElement(By.id("explore-run")).click();
        waitUntilReplaced(table);
        wait.until(d -> !d.findElements(By.id("explore-table")).isEmpty());
        assertThat(driver.findElements(By.cssSelector("#explore-table tbody th"))).extracting(WebElement::getText)
                .containsExactly("Tổ 3 — Phường Ba Đình", "Tổ 4 — Phường Ba Đình");

        // a field the engine does not keep: refused at its place, in words
        text = driver.findElement(By.id("expression"));
        text.clear();
        text.sendKeys("count(person where ethnicity = \"Tày\")");
        table = driver.findElement(By.id("explore-table"));
        driver.findElement(By.id("explore-run")).click();
        waitUntilReplaced(table);
        wait.until(d -> !d.findElements(By.id("expression-error")).isEmpty());
        assertThat(driver.findElement(By.id("expression-error")).getText()).contains("dòng 1, cột 20").contains("ethnicity");
        Browser.assertAccessible(driver);
    }
}
