package vn.hoctap.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.jayway.jsonpath.JsonPath;

import vn.hoctap.accounts.Role;
import vn.hoctap.indicators.IndicatorValues;

/**
 * The register of organisations is the denominator of the reported indicators: organisations that did not report
 * count as "not reported" (0 in the numerator). Period 2026 and communes 00160 (Nghĩa Đô) and 00166 (Cầu Giấy) are
 * used only here; the register rows are in force from 1/1/2026 so that no other test's year changes.
 */
class RegistryDenominatorsTest extends ReportingSupport {

    @Autowired
    IndicatorValues indicatorValues;
    @Autowired
    vn.hoctap.indicators.IndicatorCoverage coverage;

    static final String FILE = """
            code,name,kind,school_level,ownership,commune_code,staff,valid_from,valid_until,former_commune_code
            TT-00160-101,TTHTCĐ Nghĩa Đô (thử A),clc,,public,00160,,2026-01-01,,
            TT-00160-102,TTHTCĐ Nghĩa Đô (thử B),clc,,public,00160,,2026-01-01,,
            TT-00160-103,TTHTCĐ Nghĩa Đô (thử C giải thể),clc,,public,00160,,2026-01-01,2026-06-01,
            TT-00166-101,TTHTCĐ Cầu Giấy (thử),clc,,public,00166,,2026-01-01,,
            TR-00160-101,Trường Tiểu học thử Nghĩa Đô,school,tieu_hoc,public,00160,,2026-01-01,,
            TR-00160-102,Trường THCS thử Nghĩa Đô,school,thcs,public,00160,,2026-01-01,,
            TR-00160-103,Trường THPT tư thục thử,school,thpt,private,00160,,2026-01-01,,
            TR-00160-104,Trường Mầm non thử Nghĩa Đô,school,mam_non,public,00160,,2026-01-01,,
            CQ-00160-101,UBND thử Nghĩa Đô,agency,,public,00160,50,2026-01-01,,
            """;

    long id(TestUser u, String code) throws Exception {
        String json = mvc.perform(get("/api/reporting/registry").param("commune", code.substring(3, 8)).with(as(u)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.<List<Object>>read(json, "$[?(@.code == '" + code + "')].id").get(0)).longValue();
    }

    void approve(TestUser commune, TestUser city, long org, String set, Map<String, String> values) throws Exception {
        long report = saved(commune, org, set, 2026, values, true);
        step(commune, report, "accept", null).andExpect(status().isOk());
        step(city, report, "approve", null).andExpect(status().isOk());
    }

    @Test
    void organisationsThatDidNotReportCountInTheDenominator() throws Exception {
        TestUser city = user(Role.CITY_OFFICER, "01");
        TestUser nghiaDo = user(Role.COMMUNE_OFFICER, "00160");
        // a bad file is refused as a whole, with line and column; nothing is written
        String bad = FILE.replace("TR-00160-103,Trường THPT tư thục thử,school,thpt,private", "TR-00160-103,Trường THPT tư thục thử,school,đại học,private")
                .replace("TT-00166-101,TTHTCĐ Cầu Giấy (thử),clc,,public,00166,,2026-01-01", "TT-00166-101,TTHTCĐ Cầu Giấy (thử),clc,,public,00166,,2026-02-30");
        String refused = mvc.perform(post("/api/reporting/registry/import").contentType("text/csv").content(bad).with(as(city)))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<Integer>>read(refused, "$.errors[*].line")).containsExactly(5, 8);
        assertThat(JsonPath.<List<String>>read(refused, "$.errors[*].column")).containsExactly("valid_from", "school_level");
        assertThat(mvc.perform(get("/api/reporting/registry").param("commune", "00166").with(as(city))).andReturn().getResponse()
                .getContentAsString()).doesNotContain("TT-00166-101");
        // the same refusal from a workbook: row 8 of the sheet, column school_level
        byte[] xlsx;
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(); var bytes = new java.io.ByteArrayOutputStream()) {
            var sheet = wb.createSheet("so-danh-muc");
            String[] lines = bad.split("\n");
            for (int i = 0; i < lines.length; i++) {
                var row = sheet.createRow(i);
                String[] f = lines[i].split(",", -1);
                for (int j = 0; j < f.length; j++) row.createCell(j).setCellValue(f[j]);
            }
            wb.write(bytes);
            xlsx = bytes.toByteArray();
        }
        String fromXlsx = mvc.perform(post("/api/reporting/registry/import").param("dryRun", "true")
                        .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").content(xlsx).with(as(city)))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<Integer>>read(fromXlsx, "$.errors[*].line")).containsExactly(5, 8);
        // a commune officer may not import another commune's organisations
        mvc.perform(post("/api/reporting/registry/import").contentType("text/csv").content(FILE).with(as(nghiaDo)))
                .andExpect(status().isBadRequest());
        // the city imports; importing again changes nothing
        String ok = mvc.perform(post("/api/reporting/registry/import").contentType("text/csv").content(FILE).with(as(city)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<Integer>read(ok, "$.inserted")).isEqualTo(9);
        String again = mvc.perform(post("/api/reporting/registry/import").contentType("text/csv").content(FILE).with(as(city)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<Integer>read(again, "$.unchanged")).isEqualTo(9);

        // one centre of Nghĩa Đô reports using IT; B does not report; C closed on 1/6/2026; Cầu Giấy's does not report
        approve(nghiaDo, city, id(city, "TT-00160-101"), "clc_it", Map.of("computers", "2", "internet", "1", "it_in_activities", "1",
                "learners", "40", "learners_it", "10"));
        Map<String, IndicatorValues.Value> clc = indicatorValues.forYear(2026).values().get("inst.clc_it");
        // Nghĩa Đô: 1 of the 2 centres in force on 31/12/2026 (A, B) = 50 %; Cầu Giấy: 0 of 1 = 0 %
        assertThat(clc.get("00160").numerator()).isEqualTo(1.0);
        assertThat(clc.get("00160").denominator()).isEqualTo(2.0);
        assertThat(clc.get("00160").value()).isEqualTo(50.0);
        assertThat(clc.get("00166").value()).isEqualTo(0.0);
        assertThat(clc.get("00166").denominator()).isEqualTo(1.0);
        // the dashboard's coverage: Nghĩa Đô 1 of 2 reported (C is no longer in force), 1 not reported
        assertThat(coverage.coverage("inst.clc_it", 2026, "00160")).contains(new vn.hoctap.indicators.IndicatorCoverage.Coverage(2, 1));
        String page = mvc.perform(get("/dashboard/inst.clc_it").param("year", "2026").with(as(city))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"coverage\"").contains("chưa báo cáo, được tính là chưa đạt");

        // the public primary school reports: digital teaching and the national standard
        approve(nghiaDo, city, id(city, "TR-00160-101"), "school_digital", Map.of("school_public", "1", "digital_teaching", "1",
                "national_standard", "1", "teachers", "30", "teachers_digital", "20"));
        Map<String, IndicatorValues.Value> digital = indicatorValues.forYear(2026).values().get("inst.digital_schools");
        // reporting 1/1 + THCS (1) + private THPT (1) not reported; the kindergarten is not "phổ thông" → 1 of 3
        assertThat(digital.get("00160").numerator()).isEqualTo(1.0);
        assertThat(digital.get("00160").denominator()).isEqualTo(3.0);
        Map<String, IndicatorValues.Value> standard = indicatorValues.forYear(2026).values().get("inst.schools_national_standard");
        // public schools: the reporter (1/1) + THCS + kindergarten (public, not reported); the private THPT does not count → 1 of 3
        assertThat(standard.get("00160").denominator()).isEqualTo(3.0);
        assertThat(standard.get("00160").numerator()).isEqualTo(1.0);

        // the agency reports 20 trained of its 50 staff for basic digital skills: the register's 50 is not added twice
        approve(nghiaDo, city, id(city, "CQ-00160-101"), "agency_digital", Map.of("staff", "50", "it_security_staff", "2",
                "it_security_trained", "1", "trained_digital_basic", "20", "trained_data_skills", "5"));
        assertThat(indicatorValues.forYear(2026).values().get("cs.digital_basic").get("00160").value()).isEqualTo(40.0);
        // issue 15: the public primary school's staff are viên chức too: 25 of its 30 trained → (20 + 25) / (50 + 30) = 56.25 %,
        // and the agency's part is kept when the school's data set is recomputed
        approve(nghiaDo, city, id(city, "TR-00160-101"), "school_staff_digital", Map.of("school_staff", "30",
                "school_staff_digital_basic", "25", "school_staff_data_skills", "3"));
        IndicatorValues.Value basic = indicatorValues.forYear(2026).values().get("cs.digital_basic").get("00160");
        assertThat(basic.numerator()).isEqualTo(45.0);
        assertThat(basic.denominator()).isEqualTo(80.0);
        assertThat(basic.value()).isEqualTo(56.25);
        // data skills: (5 + 3) / 80 = 10 %
        assertThat(indicatorValues.forYear(2026).values().get("cs.data_skills").get("00160").value()).isEqualTo(10.0);

        // the register page of the commune; an officer edits an organisation (audited), another commune may not
        String reg = mvc.perform(get("/reporting/registry").param("commune", "00160").with(as(nghiaDo))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(reg).contains("TTHTCĐ Nghĩa Đô (thử B)").contains("Trung học cơ sở").contains("Ngoài công lập");
        long agency = id(city, "CQ-00160-101");
        mvc.perform(post("/reporting/registry/" + agency).with(as(nghiaDo)).with(org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.csrf()).param("name", "UBND thử Nghĩa Đô").param("ownership", "public")
                .param("staff", "55").param("validFrom", "2026-01-01")).andExpect(status().is3xxRedirection());
        assertThat(mvc.perform(get("/api/reporting/registry").param("commune", "00160").with(as(city))).andReturn().getResponse()
                .getContentAsString()).contains("\"staff\":55");
        TestUser baDinh = user(Role.COMMUNE_OFFICER, "00004");
        mvc.perform(post("/reporting/registry/" + agency).with(as(baDinh)).with(org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.csrf()).param("name", "Đổi tên").param("ownership", "public")
                .param("validFrom", "2026-01-01")).andExpect(status().isForbidden());

        // completeness lists the centre that did not report as not reported (no state)
        String comp = mvc.perform(get("/api/reporting/completeness").param("dataSet", "clc_it").param("period", "2026")
                .param("commune", "00160").with(as(nghiaDo))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<Object>>read(comp, "$[?(@.organisation_id == " + id(city, "TT-00160-102") + ")].state"))
                .containsExactly((Object) null);
    }
}
