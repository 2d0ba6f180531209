package vn.hoctap.indicators.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.MediaType;

import vn.hoctap.IntegrationTest;

/** Issue 11: bounded target numbers, 0–100 for rates, no negative or inverted bands, located errors. */
class TargetSpecTest extends IntegrationTest {

    @ParameterizedTest(name = "{0} for a {1} is refused: {2}")
    @CsvSource(delimiter = '|', value = {
            "≥ 1E+100000 | percent | indicators.error.target-number",
            "1e5         | percent | indicators.error.target-spec",
            "≥ 1234567   | percent | indicators.error.target-number",
            "≥ 99.12345  | percent | indicators.error.target-number",
            "≥ -5        | percent | indicators.error.target-negative",
            "-5          | percent | indicators.error.target-negative",
            "80-75       | percent | indicators.error.target-band-order",
            "80-80       | percent | indicators.error.target-band-order",
            "≥ 100.5     | percent | indicators.error.target-percent",
            "> 100       | percent | indicators.error.target-percent",
            "90-101      | percent | indicators.error.target-percent",
            "met         | percent | indicators.error.target-kind",
            "95          | status  | indicators.error.target-status",
            "bogus       | status  | indicators.error.target-status"})
    void refused(String text, String unit, String key) {
        assertThatThrownBy(() -> TargetSpec.parse(text, unit)).isInstanceOfSatisfying(TargetSpec.InvalidTarget.class,
                e -> assertThat(e.reasonKey()).isEqualTo(key));
    }

    @Test
    void accepted() {
        assertThat(TargetSpec.parse("≥ 99,5", "percent")).isEqualTo(new TargetSpec.AtLeast(new BigDecimal("99.5")));
        assertThat(TargetSpec.parse("75-80", "percent")).isEqualTo(new TargetSpec.Band(new BigDecimal("75"), new BigDecimal("80")));
        assertThat(TargetSpec.parse("> 0", "percent")).isEqualTo(new TargetSpec.MoreThan(BigDecimal.ZERO));
        assertThat(TargetSpec.parse("100", "percent")).isEqualTo(new TargetSpec.AtLeast(new BigDecimal("100")));
        assertThat(TargetSpec.parse("met", "status")).isEqualTo(new TargetSpec.Status("met"));
    }

    @Test
    void theTargetsApiAnswersAHugeExponentWithALocatedErrorAndKeepsTheOldTarget() throws Exception {
        String before = mvc.perform(get("/api/targets").with(httpBasic("admin", ADMIN_PASSWORD)))
                .andReturn().getResponse().getContentAsString();
        String answer = mvc.perform(put("/api/admin/targets").with(httpBasic("admin", ADMIN_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"indicator_id\":\"lit.rate_15_60\",\"year\":2030,\"scope\":\"nq23\",\"spec\":\"≥ 1E+100000\"}"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(answer).contains("\"spec\"").contains("không có dấu hay số mũ");
        mvc.perform(put("/api/admin/targets").with(httpBasic("admin", ADMIN_PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"indicator_id\":\"lit.rate_15_60\",\"year\":2030,\"scope\":\"nq23\",\"spec\":\"99-98\"}"))
                .andExpect(status().isBadRequest());
        String after = mvc.perform(get("/api/targets").with(httpBasic("admin", ADMIN_PASSWORD)))
                .andReturn().getResponse().getContentAsString();
        assertThat(after).isEqualTo(before);
    }
}
