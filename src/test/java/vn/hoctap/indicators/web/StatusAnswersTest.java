package vn.hoctap.indicators.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MvcResult;

import com.jayway.jsonpath.JsonPath;

import vn.hoctap.IntegrationTest;
import vn.hoctap.indicators.Targets;

/**
 * The city's status JSON is answered from stored bytes with an ETag (issue 18, item 2): a client with the current copy
 * gets 304 and no body; a target set or a register change makes a new answer at once, never the old one.
 */
class StatusAnswersTest extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    MvcResult fetch(String ifNoneMatch) throws Exception {
        var req = get("/api/public/indicators/status").param("year", "2025");
        if (ifNoneMatch != null) req = req.header("If-None-Match", ifNoneMatch);
        return mvc.perform(req).andReturn();
    }

    @Test
    void aCurrentCopyIsConfirmedAndAChangeGivesANewAnswer() throws Exception {
        // a register for 2025 exists so the year has data
        importRegister("person_id,household_id,commune_code,birth_date,sex\nSA1,H1,00226,1990,F\nSA2,H1,00226,1991,M\n", 2025);
        MvcResult first = fetch(null);
        assertThat(first.getResponse().getStatus()).isEqualTo(200);
        String etag = first.getResponse().getHeader("ETag");
        assertThat(etag).startsWith("\"st-").endsWith("\"");
        assertThat(first.getResponse().getHeader("Cache-Control")).contains("no-cache");
        String body = first.getResponse().getContentAsString();
        List<Map<String, Object>> lines = JsonPath.read(body, "$");
        assertThat(lines).hasSizeGreaterThanOrEqualTo(25);

        // the same answer for the signed-in API (same bytes)
        String signedIn = mvc.perform(get("/api/indicators/status").param("year", "2025").with(httpBasic("admin", ADMIN_PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(signedIn).isEqualTo(body);

        // the client's current copy: 304, no body, same ETag
        MvcResult again = fetch(etag);
        assertThat(again.getResponse().getStatus()).isEqualTo(304);
        assertThat(again.getResponse().getContentAsByteArray()).isEmpty();
        assertThat(again.getResponse().getHeader("ETag")).isEqualTo(etag);

        // a target changes: the old copy is no longer confirmed and the new answer shows the new target
        String id = "cap.information";
        List<Number> targetYears = JsonPath.read(body, "$[?(@.indicator_id == '" + id + "')].target_year");
        int ty = targetYears.isEmpty() || targetYears.get(0) == null ? 2025 : targetYears.get(0).intValue();
        List<String> old = jdbc.queryForList("select spec from indicator_target where indicator_id = ? and unit_code = ? and year = ? and scope = 'nq23'",
                String.class, id, Targets.CITY, ty);
        try {
            setTarget(id, ty, "≥ 62");
            MvcResult changed = fetch(etag);
            assertThat(changed.getResponse().getStatus()).isEqualTo(200);
            String etag2 = changed.getResponse().getHeader("ETag");
            assertThat(etag2).isNotEqualTo(etag);
            List<String> target = JsonPath.read(changed.getResponse().getContentAsString(), "$[?(@.indicator_id == '" + id + "')].target");
            assertThat(target.get(0)).contains("62");

            // a register change (two more persons) also gives a new answer
            importRegister("person_id,household_id,commune_code,birth_date,sex\nSA1,H1,00226,1990,F\nSA2,H1,00226,1991,M\n"
                    + "SA3,H2,00226,1992,F\nSA4,H2,00226,1993,M\n", 2025);
            MvcResult afterImport = fetch(etag2);
            assertThat(afterImport.getResponse().getStatus()).isEqualTo(200);
            assertThat(afterImport.getResponse().getHeader("ETag")).isNotEqualTo(etag2);
        } finally {
            setTarget(id, ty, old.isEmpty() ? "" : old.get(0));
        }
    }

    void setTarget(String id, int year, String spec) throws Exception {
        mvc.perform(put("/api/admin/targets").with(httpBasic("admin", ADMIN_PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"indicator_id\": \"" + id + "\", \"year\": " + year + ", \"scope\": \"nq23\", \"spec\": \"" + spec + "\"}"))
                .andExpect(status().isOk());
    }
}
