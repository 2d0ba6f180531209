package vn.hoctap.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.http.MediaType;

import com.jayway.jsonpath.JsonPath;

import vn.hoctap.accounts.Role;
import vn.hoctap.platform.HanoiTime;

/**
 * Issue 12, item 2: the centres' year activity rolled up by commune and for the city, reached by clicks from the
 * centres page, on hand-made data whose figures are worked out below. Communes 00316 (Phường Định Công) and 00337
 * (Phường Hoàng Liệt) only here; the city total is checked as the difference before/after this test's data.
 */
class CentresRollupE2ETest extends BrowserTest {

    static final String DINH_CONG = "00316";
    static final String HOANG_LIET = "00337";

    long centre(TestUser commune, String code, String name) throws Exception {
        String body = mvc.perform(post("/api/reporting/organisations").with(httpBasic(commune.username(), commune.password()))
                .contentType(MediaType.APPLICATION_JSON).content("{\"commune_code\": \"" + code + "\", \"name\": \"" + name + " "
                        + System.nanoTime() + "\", \"kind\": \"clc\"}")).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    long course(TestUser u, long centre, String title, String kind, LocalDate start) throws Exception {
        String location = mvc.perform(post("/centres/" + centre + "/courses").with(httpBasic(u.username(), u.password())).with(csrf())
                .param("title", title).param("kind", kind).param("start", start.toString()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/centres/courses/");
        return Long.parseLong(location.substring("/centres/courses/".length()));
    }

    void post2(TestUser u, String path, String... params) throws Exception {
        var req = post(path).with(httpBasic(u.username(), u.password())).with(csrf());
        for (int i = 0; i < params.length; i += 2) {
            req.param(params[i], params[i + 1]);
        }
        var result = mvc.perform(req).andExpect(status().is3xxRedirection()).andReturn();
        assertThat(result.getFlashMap().get("errors")).as(path).isNull();
    }

    List<String> cells(String rowCss) {
        return driver.findElements(By.cssSelector(rowCss + " > *")).stream().map(WebElement::getText).toList();
    }

    @Test
    void theCommuneAndTheCitySeeTheCentresYearAddedUp() throws Exception {
        int year = HanoiTime.today().getYear();
        LocalDate today = HanoiTime.today();
        TestUser dinhCong = user(Role.COMMUNE_OFFICER, DINH_CONG);
        TestUser hoangLiet = user(Role.COMMUNE_OFFICER, HOANG_LIET);
        TestUser city = user(Role.CITY_OFFICER, "01");
        TestUser centreOfficer = user(Role.CENTRE_OFFICER, DINH_CONG);

        // the city's total before this test's data (other tests and the demo may have centres elsewhere)
        login(city.username(), city.password());
        driver.get(url("/centres/rollup?year=" + year));
        List<String> cityBefore = driver.findElements(By.id("rollup-total")).isEmpty() ? null : cells("#rollup-total");

        // Định Công: centre A with a closed health class and an open digital class, centre B with funding only
        long a = centre(dinhCong, DINH_CONG, "TTHTCĐ thử tổng hợp A");
        long b = centre(dinhCong, DINH_CONG, "TTHTCĐ thử tổng hợp B");
        long health = course(dinhCong, a, "Chăm sóc sức khỏe người cao tuổi", "health", today);
        post2(dinhCong, "/centres/courses/" + health + "/learners", "person_id", "P-RU-1");
        post2(dinhCong, "/centres/courses/" + health + "/learners", "person_id", "P-RU-2");
        post2(dinhCong, "/centres/courses/" + health + "/anonymous", "count", "3");
        // session 1: 2.5 h, P-RU-1 only; session 2: 1.5 h, both
        post2(dinhCong, "/centres/courses/" + health + "/sessions", "held_on", today.toString(), "hours", "2.5", "present", "P-RU-1");
        post2(dinhCong, "/centres/courses/" + health + "/sessions", "held_on", today.toString(), "hours", "1.5",
                "present", "P-RU-1", "present", "P-RU-2");
        // closing: P-RU-1 attended 2/2 (completes), P-RU-2 1/2 < 2/3 (does not)
        post2(dinhCong, "/centres/courses/" + health + "/close");
        long digital = course(dinhCong, a, "Kỹ năng số", "digital", today);
        post2(dinhCong, "/centres/courses/" + digital + "/learners", "person_id", "P-RU-3");
        post2(dinhCong, "/centres/courses/" + digital + "/sessions", "held_on", today.toString(), "hours", "1", "present", "P-RU-3");
        post2(dinhCong, "/centres/" + a + "/funding", "year", "" + year, "source", "state_budget", "amount", "5000000");
        post2(dinhCong, "/centres/" + a + "/funding", "year", "" + year, "source", "state_budget", "amount", "500000");
        post2(dinhCong, "/centres/" + a + "/funding", "year", "" + year, "source", "learner_fees", "amount", "1200000");
        post2(dinhCong, "/centres/" + b + "/funding", "year", "" + year, "source", "sponsorship", "amount", "2500000");
        // Hoàng Liệt: one centre, 700,000 đ from the Hội Khuyến học, no class
        long c = centre(hoangLiet, HOANG_LIET, "TTHTCĐ thử tổng hợp C");
        post2(hoangLiet, "/centres/" + c + "/funding", "year", "" + year, "source", "association", "amount", "700000");

        // Định Công worked out: 2 centres; 2 classes, 1 closed; 3 sessions, 2.5 + 1.5 + 1 = 5 hours; 3 learner places
        // (2 + 1), 1 completer, 3 non-residents; state budget 5,000,000 + 500,000 = 5,500,000; fees 1,200,000;
        // sponsorship 2,500,000; association 0; other 0; total 9,200,000
        List<String> dinhCongRow = List.of("Phường Định Công", "2", "2", "1", "3", "5,0", "3", "1", "3",
                "5.500.000 đ", "1.200.000 đ", "2.500.000 đ", "0 đ", "0 đ", "9.200.000 đ");
        List<String> hoangLietRow = List.of("Phường Hoàng Liệt", "1", "0", "0", "0", "0,0", "0", "0", "0",
                "0 đ", "0 đ", "0 đ", "700.000 đ", "0 đ", "700.000 đ");

        // 1. the commune officer clicks from the centres page to the roll-up: their commune only, and its total
        driver.manage().deleteAllCookies();
        login(dinhCong.username(), dinhCong.password());
        driver.get(url("/centres"));
        WebElement page = driver.findElement(By.tagName("html"));
        driver.findElement(By.id("centres-rollup-link")).click();
        waitUntilReplaced(page);
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Tổng hợp hoạt động TTHTCĐ năm " + year);
        assertThat(cells("#centres-rollup tbody tr[data-commune='" + DINH_CONG + "']")).isEqualTo(dinhCongRow);
        assertThat(driver.findElements(By.cssSelector("#centres-rollup tbody tr"))).hasSize(1);
        List<String> communeTotal = new java.util.ArrayList<>(dinhCongRow);
        communeTotal.set(0, "Cộng các xã, phường của bạn");
        assertThat(cells("#rollup-total")).isEqualTo(communeTotal);
        Browser.assertAccessible(driver);

        // 2. the city officer: both communes, Định Công before Hoàng Liệt (Vietnamese order: Đ after D, before H),
        // and the city total moved by exactly this test's figures
        driver.manage().deleteAllCookies();
        login(city.username(), city.password());
        driver.get(url("/centres"));
        page = driver.findElement(By.tagName("html"));
        driver.findElement(By.id("centres-rollup-link")).click();
        waitUntilReplaced(page);
        assertThat(cells("#centres-rollup tbody tr[data-commune='" + DINH_CONG + "']")).isEqualTo(dinhCongRow);
        assertThat(cells("#centres-rollup tbody tr[data-commune='" + HOANG_LIET + "']")).isEqualTo(hoangLietRow);
        List<String> order = driver.findElements(By.cssSelector("#centres-rollup tbody tr")).stream().map(r -> r.getAttribute("data-commune"))
                .filter(x -> x.equals(DINH_CONG) || x.equals(HOANG_LIET)).toList();
        assertThat(order).containsExactly(DINH_CONG, HOANG_LIET);
        List<String> cityAfter = cells("#rollup-total");
        assertThat(cityAfter.get(0)).isEqualTo("Toàn thành phố Hà Nội");
        // added by this test: centres 3, classes 2, closed 1, sessions 3, hours 5, places 3, completers 1, non-residents 3,
        // state 5,500,000, fees 1,200,000, sponsorship 2,500,000, association 700,000, other 0, total 9,900,000
        long[] added = {3, 2, 1, 3, 5, 3, 1, 3, 5_500_000, 1_200_000, 2_500_000, 700_000, 0, 9_900_000};
        for (int i = 1; i < cityAfter.size(); i++) {
            BigDecimal before = cityBefore == null ? BigDecimal.ZERO : number(cityBefore.get(i));
            assertThat(number(cityAfter.get(i)).subtract(before)).as("column " + i).isEqualByComparingTo(BigDecimal.valueOf(added[i - 1]));
        }
        Browser.assertAccessible(driver);

        // 3. a centre officer has their centre's report, not the communes' roll-up; a citizen neither
        mvc.perform(get("/centres/rollup").with(httpBasic(centreOfficer.username(), centreOfficer.password()))).andExpect(status().isForbidden());
        TestUser citizen = user(Role.CITIZEN, DINH_CONG);
        mvc.perform(get("/centres/rollup").with(httpBasic(citizen.username(), citizen.password()))).andExpect(status().isForbidden());
    }

    /** "9.200.000 đ" or "5,0" as a number. */
    static BigDecimal number(String text) {
        return new BigDecimal(text.replace(" đ", "").replace(".", "").replace(',', '.'));
    }
}
