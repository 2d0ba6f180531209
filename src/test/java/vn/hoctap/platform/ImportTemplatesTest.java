package vn.hoctap.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import vn.hoctap.IntegrationTest;
import vn.hoctap.accounts.Role;

/**
 * Every import has an Excel template with drop-down lists for its coded columns (issue 19), made by one helper
 * ({@link ImportTemplate}); a template filled in imports as it is through its page. Commune 00292 (Phường Bạch Mai) and
 * the organisations' year 2027 are used only here.
 */
class ImportTemplatesTest extends IntegrationTest {

    static final String COMMUNE = "00292";

    static RequestPostProcessor as(TestUser u) {
        return httpBasic(u.username(), u.password());
    }

    /** Header row, and for each column with a drop-down list the values of that list (read from the hidden sheet). */
    record Read(List<String> header, java.util.Map<String, List<String>> lists, List<String> help, boolean listsHidden) {
    }

    static Read read(byte[] xlsx) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet data = wb.getSheetAt(0);
            List<String> header = new ArrayList<>();
            data.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
            java.util.Map<String, List<String>> lists = new java.util.LinkedHashMap<>();
            for (DataValidation v : data.getDataValidations()) {
                DataValidationConstraint k = v.getValidationConstraint();
                assertThat(k.getValidationType()).isEqualTo(DataValidationConstraint.ValidationType.LIST);
                assertThat(v.getShowErrorBox()).as("values outside the list are refused").isTrue();
                var region = v.getRegions().getCellRangeAddress(0);
                assertThat(region.getFirstRow()).isEqualTo(1);
                assertThat(region.getLastRow()).isEqualTo(ImportTemplate.ROWS);
                // e.g. lists!$B$1:$B$5
                String f = k.getFormula1();
                var ref = new org.apache.poi.ss.util.AreaReference(f, org.apache.poi.ss.SpreadsheetVersion.EXCEL2007);
                Sheet lsheet = wb.getSheet(ref.getFirstCell().getSheetName());
                List<String> values = new ArrayList<>();
                for (int r = ref.getFirstCell().getRow(); r <= ref.getLastCell().getRow(); r++) {
                    values.add(lsheet.getRow(r).getCell(ref.getFirstCell().getCol()).getStringCellValue());
                }
                lists.put(header.get(region.getFirstColumn()), values);
            }
            List<String> help = new ArrayList<>();
            wb.getSheetAt(1).forEach(row -> help.add(row.getCell(0).getStringCellValue() + " | " + row.getCell(1).getStringCellValue()
                    + (row.getCell(2) == null ? "" : " | " + row.getCell(2).getStringCellValue())));
            return new Read(header, lists, help, wb.isSheetHidden(wb.getSheetIndex("lists")));
        }
    }

    @Test
    void theRegisterTemplateHasAListOnEveryCodedColumn() throws Exception {
        TestUser officer = user(Role.COMMUNE_OFFICER, COMMUNE);
        byte[] x = mvc.perform(get("/register/import/template.xlsx").with(as(officer))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        Read r = read(x);
        assertThat(r.header()).startsWith("person_id", "household_id", "commune_code");
        assertThat(r.lists().get("sex")).containsExactly("M", "F");
        assertThat(r.lists().get("literacy_stage_completed")).containsExactly("0", "1", "2");
        assertThat(r.lists().get("highest_grade_completed")).hasSize(13);
        assertThat(r.lists()).containsKeys("residence", "disability", "enrolment", "employed", "qualification", "digital_skills",
                "information_literacy", "life_skills");
        assertThat(r.lists()).doesNotContainKeys("person_id", "birth_date");
        assertThat(r.listsHidden()).isTrue();
        assertThat(r.help()).contains("sex | Giới tính | M = Nam; F = Nữ");
    }

    @Test
    void theOrganisationsTemplateFilledInImportsThroughTheRegistryPage() throws Exception {
        TestUser officer = user(Role.COMMUNE_OFFICER, COMMUNE);
        byte[] x = mvc.perform(get("/reporting/registry/template.xlsx").with(as(officer))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        Read r = read(x);
        assertThat(r.header()).containsExactly("code", "name", "kind", "school_level", "ownership", "commune_code", "staff",
                "valid_from", "valid_until", "former_commune_code");
        assertThat(r.lists().get("kind")).containsExactly("agency", "school", "university", "clc", "enterprise");
        assertThat(r.lists().get("school_level")).containsExactly("mam_non", "tieu_hoc", "thcs", "thpt", "lien_cap", "gdnn_gdtx");
        assertThat(r.lists().get("ownership")).containsExactly("public", "private");
        // only the communes the officer may write: their own
        assertThat(r.lists().get("commune_code")).containsExactly(COMMUNE);
        // the 526 communes in force on 30/6/2025 (before the reform; 579 in 2024 less the 53 removed on 1/1/2025)
        assertThat(r.lists().get("former_commune_code")).hasSize(526);
        assertThat(r.help()).anySatisfy(h -> assertThat(h).startsWith("kind | Loại | agency = Cơ quan nhà nước; school = "));

        // the officer fills in a row (the cells are text, as typed) and uploads the workbook on the registry page
        byte[] filled;
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(x)); var out = new ByteArrayOutputStream()) {
            var row = wb.getSheetAt(0).createRow(1);
            String[] cells = {"", "Trường Tiểu học mẫu Bạch Mai", "school", "tieu_hoc", "public", COMMUNE, "", "2027-01-01", "", ""};
            for (int i = 0; i < cells.length; i++) row.createCell(i).setCellValue(cells[i]);
            wb.write(out);
            filled = out.toByteArray();
        }
        mvc.perform(multipart("/reporting/registry/import").file(new MockMultipartFile("file", "mau.xlsx", FileTypes.XLSX, filled))
                .param("dryRun", "false").with(as(officer))).andExpect(status().is3xxRedirection());
        String list = mvc.perform(get("/api/reporting/registry").param("commune", COMMUNE).with(as(officer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(list).contains("Trường Tiểu học mẫu Bạch Mai").contains("TR-" + COMMUNE + "-");

        // the registry page links the template and shows the format in words
        String page = mvc.perform(get("/reporting/registry").param("commune", COMMUNE).with(as(officer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("href=\"/reporting/registry/template.xlsx\"").contains("id=\"registry-format\"")
                .contains("Cơ quan nhà nước");

        // the reported values template: data elements, years and the officer's organisations; it imports as it is
        byte[] v = mvc.perform(get("/reporting/exchange/template.xlsx").with(as(officer))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        Read values = read(v);
        assertThat(values.header()).containsExactly("data_element", "period", "org_unit", "value");
        assertThat(values.lists().get("data_element")).contains("staff", "school_public", "teachers");
        assertThat(values.lists().get("period")).contains("2026");
        assertThat(values.lists().get("org_unit")).anySatisfy(c -> assertThat(c).startsWith("TR-" + COMMUNE + "-"))
                .allSatisfy(c -> assertThat(c).contains("-" + COMMUNE + "-"));
        String org = values.lists().get("org_unit").stream().filter(c -> c.startsWith("TR-" + COMMUNE)).findFirst().orElseThrow();
        byte[] filledValues;
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(v)); var out = new ByteArrayOutputStream()) {
            var row = wb.getSheetAt(0).createRow(1);
            String[] cells = {"teachers", "2027", org, "30"};
            for (int i = 0; i < cells.length; i++) row.createCell(i).setCellValue(cells[i]);
            wb.write(out);
            filledValues = out.toByteArray();
        }
        String result = mvc.perform(multipart("/reporting/exchange").file(new MockMultipartFile("file", "so-lieu.xlsx", FileTypes.XLSX, filledValues))
                .param("format", "csv").param("dryRun", "true").with(as(officer))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(result).contains("id=\"import-result\"").contains("teachers 2027 " + org + " = 30")
                .doesNotContain("Dòng tiêu đề phải có các cột");
        assertThat(result).contains("href=\"/reporting/exchange/template.xlsx\"").contains("id=\"exchange-format\"");
    }
}
