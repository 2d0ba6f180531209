package vn.hoctap.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;

import com.jayway.jsonpath.JsonPath;

import vn.hoctap.accounts.Role;
import vn.hoctap.indicators.IndicatorCoverage;
import vn.hoctap.indicators.IndicatorValues;
import vn.hoctap.platform.FileTypes;

/**
 * The register page takes an XLSX or CSV upload (organisations-csv.md version 2, with the optional {@code it_staff}
 * column; a version-1 file stays valid and keeps it), all or nothing with errors naming file, line and column;
 * {@code cs.infosec_trained} takes the agencies' dedicated IT staff of the register as the denominator of those that
 * did not report; the dashboard and completeness say "chưa báo cáo" per commune. Communes 00256 (Hai Bà Trưng) and
 * 00283 (Vĩnh Tuy), period 2026, rows in force from 1/1/2026: used only here.
 */
class RegistryNotReportedTest extends ReportingSupport {

    @Autowired
    IndicatorValues indicatorValues;
    @Autowired
    IndicatorCoverage coverage;

    static final String V2 = """
            code,name,kind,school_level,ownership,commune_code,staff,valid_from,valid_until,former_commune_code,it_staff
            CQ-00256-101,UBND thử Hai Bà Trưng,agency,,public,00256,60,2026-01-01,,,4
            CQ-00256-102,Ban thử Hai Bà Trưng,agency,,public,00256,20,2026-01-01,,,3
            CQ-00256-103,Đơn vị thử chưa rõ chuyên trách,agency,,public,00256,10,2026-01-01,,,
            CQ-00283-101,UBND thử Vĩnh Tuy,agency,,public,00283,30,2026-01-01,,,2
            """;

    static byte[] xlsx(String csv) throws Exception {
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(); var bytes = new java.io.ByteArrayOutputStream()) {
            var sheet = wb.createSheet("so-danh-muc");
            String[] lines = csv.split("\n");
            for (int i = 0; i < lines.length; i++) {
                var row = sheet.createRow(i);
                String[] f = lines[i].split(",", -1);
                for (int j = 0; j < f.length; j++) row.createCell(j).setCellValue(f[j]);
            }
            wb.write(bytes);
            return bytes.toByteArray();
        }
    }

    MvcResult upload(TestUser u, String name, String type, byte[] content, boolean dryRun) throws Exception {
        return mvc.perform(multipart("/reporting/registry/upload").file(new MockMultipartFile("file", name, type, content))
                .param("dryRun", String.valueOf(dryRun)).with(as(u)).with(csrf())).andExpect(status().is3xxRedirection()).andReturn();
    }

    static OrganisationRegistry.ImportResult result(MvcResult r) {
        return (OrganisationRegistry.ImportResult) r.getFlashMap().get("result");
    }

    @SuppressWarnings("unchecked")
    static List<String> lines(MvcResult r) {
        return (List<String>) r.getFlashMap().get("errorLines");
    }

    String register(TestUser u, String commune) throws Exception {
        return mvc.perform(get("/api/reporting/registry").param("commune", commune).with(as(u))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    long id(TestUser u, String code) throws Exception {
        return ((Number) JsonPath.<List<Object>>read(register(u, code.substring(3, 8)), "$[?(@.code == '" + code + "')].id").get(0)).longValue();
    }

    @Test
    void xlsxUploadItStaffDenominatorAndNotReportedPerCommune() throws Exception {
        TestUser city = user(Role.CITY_OFFICER, "01");
        TestUser hbt = user(Role.COMMUNE_OFFICER, "00256");

        // a workbook whose row 3 has more dedicated IT staff (30) than staff (20): refused whole, located
        byte[] bad = xlsx(V2.replace("Ban thử Hai Bà Trưng,agency,,public,00256,20,2026-01-01,,,3", "Ban thử Hai Bà Trưng,agency,,public,00256,20,2026-01-01,,,30"));
        MvcResult refused = upload(city, "so-danh-muc.xlsx", FileTypes.XLSX, bad, false);
        assertThat(result(refused).ok()).isFalse();
        assertThat(lines(refused)).containsExactly("Tệp so-danh-muc.xlsx, dòng 3, cột it_staff (\"30\"): Số cán bộ chuyên trách CNTT, ATTT "
                + "phải là số nguyên không âm, không lớn hơn tổng số cán bộ.");
        assertThat(register(city, "00256")).doesNotContain("CQ-00256-101");
        // CSV text named .xlsx: refused by its bytes, nothing written
        MvcResult mislabelled = upload(city, "so-danh-muc.xlsx", FileTypes.XLSX, V2.getBytes(java.nio.charset.StandardCharsets.UTF_8), false);
        assertThat(result(mislabelled).errors()).extracting(OrganisationRegistry.ImportError::column).containsExactly("file");
        assertThat(register(city, "00256")).doesNotContain("CQ-00256-101");
        // a dry run writes nothing; then the workbook is imported
        assertThat(result(upload(city, "so-danh-muc.xlsx", FileTypes.XLSX, xlsx(V2), true)).inserted()).isEqualTo(4);
        assertThat(register(city, "00256")).doesNotContain("CQ-00256-101");
        OrganisationRegistry.ImportResult done = result(upload(city, "so-danh-muc.xlsx", FileTypes.XLSX, xlsx(V2), false));
        assertThat(done.ok()).isTrue();
        assertThat(done.inserted()).isEqualTo(4);
        // a version-1 CSV of the same rows (no it_staff column, with a byte-order mark) changes nothing and keeps it_staff
        String v1 = V2.lines().map(l -> l.substring(0, l.lastIndexOf(','))).reduce("", (a, b) -> a + b + "\n");
        OrganisationRegistry.ImportResult again = result(upload(city, "so-danh-muc.csv", "text/csv",
                ("\uFEFF" + v1).getBytes(java.nio.charset.StandardCharsets.UTF_8), false));
        assertThat(again.errors()).isEmpty();
        assertThat(again.unchanged()).isEqualTo(4);
        assertThat(JsonPath.<List<Integer>>read(register(city, "00256"), "$[?(@.code == 'CQ-00256-101')].it_staff")).containsExactly(4);
        // the version-2 export carries the column
        String export = mvc.perform(get("/api/reporting/registry/export.csv").with(as(hbt))).andReturn().getResponse().getContentAsString();
        assertThat(export.lines().findFirst().orElseThrow()).endsWith(",former_commune_code,it_staff");
        assertThat(export).contains("CQ-00256-101,UBND thử Hai Bà Trưng,agency,,public,00256,60,2026-01-01,,,4");
        // the download for Excel (issue 19): byte-order mark, the columns named as on the import page, the same rows
        byte[] vi = mvc.perform(get("/api/reporting/registry/export.csv").param("headers", "vi").with(as(hbt))).andReturn().getResponse()
                .getContentAsByteArray();
        assertThat(java.util.Arrays.copyOf(vi, 3)).containsExactly((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        String viText = new String(vi, 3, vi.length - 3, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(viText.lines().findFirst().orElseThrow()).startsWith("Mã đơn vị trong HọcTập (để trống khi thêm mới: mã được tạo tự động),"
                + "\"Tên cơ quan, tổ chức\",").contains(",\"Xã, phường\",").doesNotContain("commune_code");
        assertThat(viText.lines().skip(1).toList()).isEqualTo(export.lines().skip(1).toList());
        mvc.perform(get("/api/reporting/registry/export.csv").param("headers", "fr").with(as(hbt))).andExpect(status().isBadRequest());

        // only the UBND of Hai Bà Trưng reports: 3 of its 4 dedicated staff trained in cybersecurity
        long report = saved(hbt, id(city, "CQ-00256-101"), "agency_digital", 2026, Map.of("staff", "60", "it_security_staff", "4",
                "it_security_trained", "3", "trained_digital_basic", "30", "trained_data_skills", "6"), true);
        step(hbt, report, "accept", null).andExpect(status().isOk());
        step(city, report, "approve", null).andExpect(status().isOk());
        Map<String, IndicatorValues.Value> infosec = indicatorValues.forYear(2026).values().get("cs.infosec_trained");
        // Hai Bà Trưng: 3 / (4 reported + 3 of the Ban in the register + nothing for the unknown one) = 3/7
        assertThat(infosec.get("00256").numerator()).isEqualTo(3.0);
        assertThat(infosec.get("00256").denominator()).isEqualTo(7.0);
        // Vĩnh Tuy: nobody reported, 2 dedicated staff in the register → 0 of 2
        assertThat(infosec.get("00283").numerator()).isEqualTo(0.0);
        assertThat(infosec.get("00283").denominator()).isEqualTo(2.0);

        // "chưa báo cáo" per commune: Hai Bà Trưng 2 of its 3 agencies, Vĩnh Tuy 1 of 1
        Map<String, IndicatorCoverage.Coverage> byCommune = coverage.byCommune("cs.infosec_trained", 2026);
        assertThat(byCommune.get("00256")).isEqualTo(new IndicatorCoverage.Coverage(3, 1));
        assertThat(byCommune.get("00283")).isEqualTo(new IndicatorCoverage.Coverage(1, 0));
        String page = mvc.perform(get("/dashboard/cs.infosec_trained").param("year", "2026").with(as(city))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<th scope=\"col\">Chưa báo cáo</th>")
                .contains("data-commune=\"00256\">2 trên 3</td>").contains("data-commune=\"00283\">1 trên 1</td>");
        // the commune officer's dashboard shows only their commune's line
        String own = mvc.perform(get("/dashboard/cs.infosec_trained").param("year", "2026").with(as(hbt))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(own).contains("data-commune=\"00256\">2 trên 3</td>").doesNotContain("data-commune=\"00283\"");
        // completeness: 3 agencies in Hai Bà Trưng, 1 reported, 2 not reported
        String comp = mvc.perform(get("/reporting/completeness").param("dataSet", "agency_digital").param("period", "2026")
                .param("commune", "00256").with(as(hbt))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(comp).contains("Chưa báo cáo").contains("data-commune=\"00256\">2</td>");

        // the edit form keeps the dedicated staff and refuses more than the staff
        long ban = id(city, "CQ-00256-102");
        mvc.perform(post("/reporting/registry/" + ban).with(as(hbt)).with(csrf()).param("name", "Ban thử Hai Bà Trưng")
                .param("ownership", "public").param("staff", "20").param("itStaff", "21").param("validFrom", "2026-01-01"))
                .andExpect(status().is3xxRedirection());
        assertThat(JsonPath.<List<Integer>>read(register(city, "00256"), "$[?(@.code == 'CQ-00256-102')].it_staff")).containsExactly(3);
    }
}
