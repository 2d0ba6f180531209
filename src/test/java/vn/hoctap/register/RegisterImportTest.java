package vn.hoctap.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;

import com.jayway.jsonpath.JsonPath;

import vn.hoctap.IntegrationTest;
import vn.hoctap.accounts.Role;

/**
 * The register import, edit and export paths end to end through the web layer, on the real database.
 * Each test uses its own commune so the tests do not depend on each other's data. Expected figures are
 * counted by hand from the rows written here.
 */
class RegisterImportTest extends IntegrationTest {

    static final String HEADER = "person_id,household_id,commune_code,village,birth_date,sex,enrolment,grade,"
            + "preschool_completed,primary_completed,highest_grade_completed";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    javax.sql.DataSource dataSource;

    TestUser officer;

    /** Phường Hoàn Kiếm (00070) and Phường Cửa Nam (00082): two communes of the 2025 structure. */
    static final String COMMUNE = "00070";

    @BeforeEach
    void officer() {
        officer = user(Role.COMMUNE_OFFICER, COMMUNE);
    }

    /** Ten persons of the commune for data year 2025. Ages: 2025 − birth year. */
    static String goodFile(String prefix) {
        return HEADER + "\n"
                // two 6-year-olds: one in grade 1 (counts in TH.grade1_age6), one still in preschool
                + prefix + "1,H1," + COMMUNE + ",Tổ dân phố 1,2019-03-02,M,primary,1,2024,,\n"
                + prefix + "2,H1," + COMMUNE + ",Tổ dân phố 1,2019,F,preschool,,,,\n"
                // two 11-year-olds: one completed primary in 2025, one still in grade 4
                + prefix + "3,H2," + COMMUNE + ",\"Tổ dân phố 2, ngõ 5\",2014-05-05,F,lower_secondary,6,2019,2025,\n"
                + prefix + "4,H2," + COMMUNE + ",Tổ dân phố 2,2014-09-09,M,primary,4,2019,,\n"
                // adults: literate by grade, and one who left school after grade 2
                + prefix + "5,H3," + COMMUNE + ",Tổ dân phố 3,1990-01-01,M,none,,,,9\n"
                + prefix + "6,H3," + COMMUNE + ",Tổ dân phố 3,1992-01-01,F,none,,,,2\n"
                + prefix + "7,H4," + COMMUNE + ",,1960,M,none,,,,12\n"
                + prefix + "8,H4," + COMMUNE + ",,1965,F,none,,,,12\n"
                + prefix + "9,H5," + COMMUNE + ",,2000-12-31,F,none,,,,12\n"
                + prefix + "10,H5," + COMMUNE + ",,2001-12-31,M,none,,,,12\n";
    }

    String importFile(String name, byte[] content, TestUser as) throws Exception {
        MvcResult r = mvc.perform(multipart("/register/import").file(new MockMultipartFile("file", name, "text/csv", content))
                        .param("year", "2025").with(httpBasic(as.username(), as.password())).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
        String location = r.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/register/import/");
        for (int i = 0; i < 200; i++) {
            String html = mvc.perform(get(location + "/status").with(httpBasic(as.username(), as.password())))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            if (html.contains("data-state=\"DONE\"") || html.contains("data-state=\"FAILED\"")) {
                return html;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("import did not finish");
    }

    long registered(String commune) {
        return jdbc.queryForObject("select count(*) from register_person where year = 2025 and commune_code = ?", Long.class, commune);
    }

    @Test
    void aCleanFileIsImportedAndTheSameFileAgainChangesNothing() throws Exception {
        String html = importFile("so-hoan-kiem.csv", goodFile("HK-B").getBytes(StandardCharsets.UTF_8), officer);
        assertThat(html).contains("data-state=\"DONE\"").contains("thêm 10");
        assertThat(registered(COMMUNE)).isEqualTo(10);
        long auditBefore = jdbc.queryForObject("select count(*) from audit_event", Long.class);

        String again = importFile("so-hoan-kiem.csv", goodFile("HK-B").getBytes(StandardCharsets.UTF_8), officer);
        assertThat(again).contains("data-state=\"DONE\"").contains("sổ không thay đổi");
        assertThat(registered(COMMUNE)).isEqualTo(10);
        assertThat(jdbc.queryForObject("select count(*) from audit_event", Long.class)).isEqualTo(auditBefore);
        assertThat(jdbc.queryForObject("select max(version) from register_person where year = 2025 and commune_code = ?",
                Integer.class, COMMUNE)).isZero();
    }

    @Test
    void standardsFollowTheImportedRegister() throws Exception {
        importFile("so-hoan-kiem.csv", goodFile("HK-A").getBytes(StandardCharsets.UTF_8), officer);
        // the file replaces the commune's register, whatever an earlier test left there
        String json = mvc.perform(get("/api/standards").param("year", "2025").with(httpBasic(officer.username(), officer.password())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<Map<String, Object>> units = JsonPath.read(json, "$.units[?(@.code == '" + COMMUNE + "')]");
        assertThat(units).hasSize(1);
        Map<String, Object> criteria = (Map<String, Object>) units.get(0).get("criteria");
        // two 6-year-olds, one in grade 1
        assertThat(criteria.get("TH.grade1_age6")).isEqualTo(Map.of("numerator", 1, "denominator", 2));
        // two 11-year-olds: one completed primary; in primary or completed: both
        assertThat(criteria.get("TH.complete_age11")).isEqualTo(Map.of("numerator", 1, "denominator", 2));
        assertThat(criteria.get("TH.age11_in_primary")).isEqualTo(Map.of("numerator", 2, "denominator", 2));
        // 15–35: born 1990, 1992, 2000, 2001 → literate level 1: grades 9, 12, 12 (grade 2 is not) = 3 of 4
        assertThat(criteria.get("XMC.lit1_15_35")).isEqualTo(Map.of("numerator", 3, "denominator", 4));
        // 15–60: those four and 1965 (age 60); 1960 is 65 → 4 of 5 at level 2
        assertThat(criteria.get("XMC.lit2_15_60")).isEqualTo(Map.of("numerator", 4, "denominator", 5));
        // a commune officer sees only their commune (and no other unit) in the API
        assertThat((List<?>) JsonPath.read(json, "$.units")).hasSize(1);

        String card = mvc.perform(get("/standards/" + COMMUNE).param("year", "2025").with(httpBasic(officer.username(), officer.password())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(card).contains("TH.grade1_age6").contains("50,00%").contains("1 người chưa đạt");
        // issue 15: leaving out persons with disabilities who cannot learn is shown as the platform's assumption [M]
        // (no legal text found), on the card and on the rules page
        assertThat(card).contains("id=\"disability-assumption\"").contains("[M]").contains("Đây là giả định của HọcTập");
        assertThat(mvc.perform(get("/standards/rules").with(httpBasic(officer.username(), officer.password())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("id=\"disability-assumption\"").contains("chưa tìm thấy điều khoản nào của Nghị định 20/2014/NĐ-CP");

        String shortfall = mvc.perform(get("/standards/" + COMMUNE + "/shortfall").param("year", "2025")
                        .param("criterion", "TH.complete_age11").with(httpBasic(officer.username(), officer.password())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(shortfall).contains("HK-A4").doesNotContain("HK-A3<");
    }

    @Test
    void aFileWithBadRowsIsRefusedWholeWithLocatedErrors() throws Exception {
        String commune = "00082";
        TestUser cuaNam = user(Role.COMMUNE_OFFICER, commune);
        String bad = HEADER + "\n"
                + "CN1,H1," + commune + ",,2019-03-02,M,primary,1,,,\n"
                + "CN2,H1,99999,,2019-03-02,M,primary,1,,,\n"          // line 3: unknown commune
                + "CN3,H1," + commune + ",,2019-02-30,M,none,,,,\n"    // line 4: not a date
                + "CN4,H1," + commune + ",,2015,F,primary,,,,\n"       // line 5: grade missing
                + "CN1,H2," + commune + ",,2010,F,none,,,,\n";         // line 6: duplicate person_id
        String html = importFile("bad.csv", bad.getBytes(StandardCharsets.UTF_8), cuaNam);
        assertThat(html).contains("data-state=\"FAILED\"").contains("id=\"import-errors\"");
        assertThat(html).contains("<td>3</td><td>commune_code</td><td>99999</td>");
        assertThat(html).contains("<td>4</td><td>birth_date</td><td>2019-02-30</td>");
        assertThat(html).contains("<td>5</td><td>grade</td>");
        assertThat(html).contains("<td>6</td><td>person_id</td><td>CN1</td>");
        assertThat(registered(commune)).isZero();
    }

    @Test
    void rowsOfAnotherCommuneAreRefused() throws Exception {
        String other = goodFile("HK-X").replace(COMMUNE, "00082");
        String html = importFile("other.csv", other.getBytes(StandardCharsets.UTF_8), officer);
        assertThat(html).contains("data-state=\"FAILED\"").contains("<td>2</td><td>commune_code</td><td>00082</td>");
        assertThat(jdbc.queryForObject("select count(*) from register_person where person_id like 'HK-X%'", Long.class)).isZero();
    }

    @Test
    void semicolonCsvAndXlsxAreAccepted() throws Exception {
        String commune = "00091";
        TestUser u = user(Role.COMMUNE_OFFICER, commune);
        String semicolon = goodFile("SC").replace(COMMUNE, commune).replace("\"Tổ dân phố 2, ngõ 5\"", "Tổ dân phố 2").replace(',', ';');
        assertThat(importFile("excel-export.csv", semicolon.getBytes(StandardCharsets.UTF_8), u)).contains("data-state=\"DONE\"");
        assertThat(registered(commune)).isEqualTo(10);

        // the same persons as XLSX (numbers typed as numbers, as Excel does) change nothing
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            XSSFSheet sheet = wb.createSheet("Sổ");
            String[] lines = semicolon.split("\n");
            for (int r = 0; r < lines.length; r++) {
                String[] cells = lines[r].split(";", -1);
                var row = sheet.createRow(r);
                for (int c = 0; c < cells.length; c++) {
                    if (cells[c].matches("\\d{1,4}") && r > 0 && c != 0) {
                        row.createCell(c).setCellValue(Double.parseDouble(cells[c]));
                    } else if (!cells[c].isEmpty()) {
                        row.createCell(c).setCellValue(cells[c]);
                    }
                }
            }
            wb.write(xlsx);
        }
        String html = importFile("so.xlsx", xlsx.toByteArray(), u);
        assertThat(html).contains("data-state=\"DONE\"").contains("sổ không thay đổi");
    }

    @Test
    void editingAPersonIsValidatedAuditedAndScoped() throws Exception {
        String commune = "00103";
        TestUser u = user(Role.COMMUNE_OFFICER, commune);
        importFile("so.csv", goodFile("ED").replace(COMMUNE, commune).getBytes(StandardCharsets.UTF_8), u);
        // the 11-year-old in grade 4 moves to grade 5
        mvc.perform(post("/register/2025/ED4").with(httpBasic(u.username(), u.password())).with(csrf())
                        .param("version", "0").param("household_id", "H2").param("commune_code", commune)
                        .param("birth_date", "2014-09-09").param("sex", "M").param("enrolment", "primary").param("grade", "5")
                        .param("preschool_completed", "2019"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("select grade from register_person where year = 2025 and person_id = 'ED4'", Integer.class)).isEqualTo(5);
        Map<String, Object> event = jdbc.queryForMap("select actor, before_state::text b, after_state::text a from audit_event "
                + "where entity_type = 'register_person' and entity_id = '2025:ED4'");
        assertThat(event.get("actor")).isEqualTo(u.username());
        assertThat((String) event.get("b")).contains("\"grade\": \"4\"");
        assertThat((String) event.get("a")).contains("\"grade\": \"5\"");

        // a grade outside primary is refused and nothing changes
        String page = mvc.perform(post("/register/2025/ED4").with(httpBasic(u.username(), u.password())).with(csrf())
                        .param("version", "1").param("household_id", "H2").param("commune_code", commune)
                        .param("birth_date", "2014-09-09").param("sex", "M").param("enrolment", "primary").param("grade", "7"))
                .andExpect(status().is3xxRedirection()).andReturn().getFlashMap().get("issues").toString();
        assertThat(page).contains("grade");
        assertThat(jdbc.queryForObject("select grade from register_person where year = 2025 and person_id = 'ED4'", Integer.class)).isEqualTo(5);

        // another commune's officer can neither read nor edit the person
        mvc.perform(get("/register/2025/ED4").with(httpBasic(officer.username(), officer.password()))).andExpect(status().isForbidden());
        mvc.perform(post("/register/2025/ED4").with(httpBasic(officer.username(), officer.password())).with(csrf())
                .param("version", "1").param("commune_code", commune)).andExpect(status().isForbidden());
    }

    @Test
    void anEditWhileAnImportOfTheYearRunsIsRefusedWithAMessage() throws Exception {
        String commune = "00118";
        TestUser u = user(Role.COMMUNE_OFFICER, commune);
        importFile("so.csv", goodFile("IL").replace(COMMUNE, commune).getBytes(StandardCharsets.UTF_8), u);
        // another session holds the import lock of 2025, as RegisterStore does during an import
        try (java.sql.Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (var st = other.createStatement()) {
                st.execute("select pg_advisory_xact_lock(7007, 2025)");
            }
            String issues = mvc.perform(post("/register/2025/IL4").with(httpBasic(u.username(), u.password())).with(csrf())
                            .param("version", "0").param("household_id", "H2").param("commune_code", commune)
                            .param("birth_date", "2014-09-09").param("sex", "M").param("enrolment", "primary").param("grade", "5")
                            .param("preschool_completed", "2019"))
                    .andExpect(status().is3xxRedirection()).andReturn().getFlashMap().get("issues").toString();
            assertThat(issues).contains("đang nhập sổ phổ cập");
            assertThat(jdbc.queryForObject("select grade from register_person where year = 2025 and person_id = 'IL4'", Integer.class)).isEqualTo(4);
            other.rollback();
        }
        // once the import is over the same edit goes through
        mvc.perform(post("/register/2025/IL4").with(httpBasic(u.username(), u.password())).with(csrf())
                        .param("version", "0").param("household_id", "H2").param("commune_code", commune)
                        .param("birth_date", "2014-09-09").param("sex", "M").param("enrolment", "primary").param("grade", "5")
                        .param("preschool_completed", "2019"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("select grade from register_person where year = 2025 and person_id = 'IL4'", Integer.class)).isEqualTo(5);
    }

    @Test
    void anExportedRegisterReimportsWithoutChange() throws Exception {
        String commune = "00097";
        TestUser u = user(Role.COMMUNE_OFFICER, commune);
        importFile("so.csv", goodFile("EX").replace(COMMUNE, commune).getBytes(StandardCharsets.UTF_8), u);
        // the machine-readable file (headers=en): the exchange format's headers after a byte-order mark, imports back
        byte[] exported = mvc.perform(get("/register/export").param("year", "2025").param("commune", commune).param("headers", "en")
                        .with(httpBasic(u.username(), u.password())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(java.util.Arrays.copyOf(exported, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(exported, 3, exported.length - 3, StandardCharsets.UTF_8);
        assertThat(text.lines().count()).isEqualTo(11);
        assertThat(text.lines().findFirst().orElseThrow()).isEqualTo("person_id,household_id,commune_code,village,birth_date,sex,"
                + "ethnicity,residence,disability,enrolment,grade,preschool_completed,primary_completed,lower_secondary_diploma,"
                + "upper_secondary_completed,highest_grade_completed,literacy_stage_completed,employed,qualification,digital_skills,"
                + "information_literacy,life_skills,learning_citizen_year");
        assertThat(text).contains("\"Tổ dân phố 2, ngõ 5\"");
        long before = jdbc.queryForObject("select count(*) from register_person where year = 2025 and commune_code = ?", Long.class, commune);
        assertThat(importFile("export.csv", exported, u)).contains("sổ không thay đổi");
        assertThat(jdbc.queryForObject("select count(*) from register_person where year = 2025 and commune_code = ?", Long.class, commune))
                .isEqualTo(before).isEqualTo(10L);
        // the page's default download (issue 19): the form's Vietnamese field names after the byte-order mark, the same rows
        MockHttpServletResponse vi = mvc.perform(get("/register/export").param("year", "2025").param("commune", commune)
                        .with(httpBasic(u.username(), u.password())))
                .andExpect(status().isOk()).andReturn().getResponse();
        byte[] viBytes = vi.getContentAsByteArray();
        assertThat(java.util.Arrays.copyOf(viBytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(vi.getHeader("Content-Disposition")).contains("persons-" + commune + "-2025-doc.csv");
        String viText = new String(viBytes, 3, viBytes.length - 3, StandardCharsets.UTF_8);
        assertThat(viText.lines().findFirst().orElseThrow()).isEqualTo("Mã người,Mã hộ,Xã/phường cư trú,Thôn/tổ dân phố,Ngày sinh,"
                + "Giới tính,Dân tộc,Cư trú,Khuyết tật,Đang học (năm học bắt đầu tháng 9),Lớp đang học,"
                + "Năm hoàn thành chương trình mẫu giáo 5 tuổi,Năm hoàn thành tiểu học,Năm được cấp bằng tốt nghiệp THCS,"
                + "Năm tốt nghiệp THPT (hoặc GDTX cấp THPT),Lớp cao nhất đã học xong,Giai đoạn xóa mù chữ đã hoàn thành,Có việc làm,"
                + "\"Trình độ chuyên môn, kỹ thuật cao nhất\",Kỹ năng số,Có năng lực thông tin,Có kỹ năng sống,"
                + "Năm gần nhất được công nhận Công dân học tập");
        assertThat(viText.lines().skip(1).toList()).isEqualTo(text.lines().skip(1).toList());
        // the register page offers both, the machine one labelled as such
        String page = mvc.perform(get("/register").param("year", "2025").param("commune", commune)
                        .with(httpBasic(u.username(), u.password())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Tải sổ (CSV, tên cột tiếng Việt, mở bằng Excel)")
                .contains("Tải sổ cho máy (CSV, tên cột tiếng Anh, để nhập lại)")
                .contains("headers=en");
        mvc.perform(get("/register/export").param("year", "2025").param("commune", commune)
                .with(httpBasic(officer.username(), officer.password()))).andExpect(status().isForbidden());
    }

    @Test
    void aReusedCommuneCodeIsScopedByTheUnitOfTheDataYear() throws Exception {
        // 00025 was Phường Ngọc Khánh (a former commune of Ngọc Hà, 00008) in 2024 and is Phường Giảng Võ in 2025
        importRegister(goodFile("RC").replace(COMMUNE, "00025"), 2025);
        importRegister(goodFile("RK").replace(COMMUNE, "00025"), 2024);
        TestUser ngocHa = user(Role.COMMUNE_OFFICER, "00008");
        TestUser giangVo = user(Role.COMMUNE_OFFICER, "00025");
        mvc.perform(get("/register/export").param("year", "2025").param("commune", "00025")
                .with(httpBasic(ngocHa.username(), ngocHa.password()))).andExpect(status().isForbidden());
        mvc.perform(get("/register/export").param("year", "2025").param("commune", "00025")
                .with(httpBasic(giangVo.username(), giangVo.password()))).andExpect(status().isOk());
        String ngocKhanh = mvc.perform(get("/register/export").param("year", "2024").param("commune", "00025")
                        .with(httpBasic(ngocHa.username(), ngocHa.password())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(ngocKhanh).contains("RK1,").doesNotContain("RC1,");
    }

    @Test
    void theStandardsOfACommuneExportAsXlsxAndPdf() throws Exception {
        String commune = "00127";   // Phường Việt Hưng
        TestUser u = user(Role.COMMUNE_OFFICER, commune);
        importFile("so.csv", goodFile("XP").replace(COMMUNE, commune).getBytes(StandardCharsets.UTF_8), u);
        byte[] xlsx = mvc.perform(get("/standards/" + commune + "/export.xlsx").param("year", "2025")
                        .with(httpBasic(u.username(), u.password())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(5);
            // the primary sheet has a row for age 6 with the two 6-year-olds, one of them in grade 1
            var sheet = wb.getSheet("PCGD Tiểu học");
            boolean found = false;
            for (var row : sheet) {
                var first = row.getCell(0);
                if (first != null && first.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
                        && first.getNumericCellValue() == 6) {
                    assertThat(row.getCell(1).getNumericCellValue()).isEqualTo(2019);
                    assertThat(row.getCell(2).getNumericCellValue()).isEqualTo(2);   // persons
                    assertThat(row.getCell(3).getNumericCellValue()).isEqualTo(1);   // in grade 1
                    found = true;
                    break;
                }
            }
            assertThat(found).isTrue();
        }
        byte[] pdf = mvc.perform(get("/standards/" + commune + "/export.pdf").param("year", "2025")
                        .with(httpBasic(u.username(), u.password())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        var reader = new com.lowagie.text.pdf.PdfReader(pdf);
        String text = new com.lowagie.text.pdf.parser.PdfTextExtractor(reader).getTextFromPage(1).replaceAll("\\s+", " ");
        assertThat(text).contains("Phường Việt Hưng").contains("2025");
        mvc.perform(get("/standards/" + commune + "/export.pdf").param("year", "2025")
                .with(httpBasic(officer.username(), officer.password()))).andExpect(status().isForbidden());
    }
}
