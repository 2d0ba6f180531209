package vn.hoctap.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

import com.jayway.jsonpath.JsonPath;

import vn.hoctap.accounts.Role;

/** CSV and DHIS2 dataValueSets exchange: round trips change nothing, dry runs write nothing, bad input is located. Period 2021. */
class ReportExchangeTest extends ReportingSupport {

    @Autowired
    JdbcTemplate jdbc;

    TestUser baDinh;
    TestUser city;

    @BeforeEach
    void users() {
        baDinh = user(Role.COMMUNE_OFFICER, "00004");
        city = user(Role.CITY_OFFICER, "01");
    }

    String exportJson(TestUser u, String idScheme) throws Exception {
        return mvc.perform(get("/api/reporting/dataValueSets").param("period", "2021").param("idScheme", idScheme).with(as(u)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    @Test
    void aDataValueSetExportedAndImportedAgainChangesNothing() throws Exception {
        long agency = organisation(baDinh, "00004", "agency", "UBND trao đổi");
        long school = organisation(baDinh, "00004", "school", "Trường trao đổi");
        long approved = saved(baDinh, agency, "agency_digital", 2021, agency(70, 5, 4, 50, 20), true);
        step(baDinh, approved, "accept", null).andExpect(status().isOk());
        step(city, approved, "approve", null).andExpect(status().isOk());
        saved(baDinh, school, "school_digital", 2021, Map.of("school_public", "1", "teachers", "33"), false);   // a draft

        String exported = exportJson(city, "code");
        List<Map<String, String>> values = JsonPath.read(exported, "$.dataValues");
        String agencyCode = code(city, agency);
        assertThat(values).contains(Map.of("dataElement", "it_security_trained", "period", "2021", "orgUnit", agencyCode, "value", "4"));
        assertThat(values).contains(Map.of("dataElement", "school_public", "period", "2021", "orgUnit", code(city, school), "value", "true"));
        long history = count("reporting_history");
        long audit = count("audit_event");
        String before = jdbc.queryForList("select report_id || element || coalesce(value::text, '') || coalesce(approved_value::text, '') "
                + "from reporting_value order by 1", String.class).toString();

        for (boolean dryRun : new boolean[] {true, false}) {
            mvc.perform(post("/api/reporting/dataValueSets").param("dryRun", String.valueOf(dryRun)).with(as(city))
                            .contentType(MediaType.APPLICATION_JSON).content(exported))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.created").value(0)).andExpect(jsonPath("$.updated").value(0))
                    .andExpect(jsonPath("$.errors").value(0)).andExpect(jsonPath("$.unchanged").value(values.size()))
                    .andExpect(jsonPath("$.applied").value(false));
        }
        assertThat(count("reporting_history")).isEqualTo(history);
        assertThat(count("audit_event")).isEqualTo(audit);
        assertThat(jdbc.queryForList("select report_id || element || coalesce(value::text, '') || coalesce(approved_value::text, '') "
                + "from reporting_value order by 1", String.class).toString()).isEqualTo(before);

        // with DHIS2 ids from the mapping table: exported with them, read back through them
        TestUser admin = user(Role.CITY_ADMIN, "01");
        mvc.perform(put("/api/admin/reporting/mapping").with(as(admin)).contentType("text/csv")
                        .content("kind,code,dhis2_id\ndata_element,it_security_trained,fbfJHSPpUQD\norg_unit," + agencyCode + ",DiszpKrYNg8\n"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.rows").value(2));
        String dhis2 = exportJson(city, "dhis2");
        assertThat(JsonPath.<List<Object>>read(dhis2, "$.dataValues[?(@.dataElement == 'fbfJHSPpUQD' && @.orgUnit == 'DiszpKrYNg8')].value"))
                .containsExactly("4");
        mvc.perform(post("/api/reporting/dataValueSets").param("dryRun", "false").with(as(city))
                        .contentType(MediaType.APPLICATION_JSON).content(dhis2))
                .andExpect(status().isOk()).andExpect(jsonPath("$.unchanged").value(values.size())).andExpect(jsonPath("$.errors").value(0));
        assertThat(count("reporting_history")).isEqualTo(history);
        // a changed value of the approved report is refused, and with it the whole file
        String changed = dhis2.replaceFirst("\"value\" : \"4\"", "\"value\" : \"5\"");
        assertThat(changed).isNotEqualTo(dhis2);
        String refused = mvc.perform(post("/api/reporting/dataValueSets").param("dryRun", "false").with(as(city))
                        .contentType(MediaType.APPLICATION_JSON).content(changed))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(refused, "$.lines[?(@.outcome == 'error')].reason"))
                .containsExactly("Giá trị đã được phê duyệt và khóa; cần thành phố mở khóa trước khi sửa.");
        assertThat(count("reporting_history")).isEqualTo(history);
        mvc.perform(put("/api/admin/reporting/mapping").with(as(admin)).contentType("text/csv").content("kind,code,dhis2_id\n"))
                .andExpect(status().isOk());
    }

    @Test
    void anImportLandsAsADraftAfterADryRunThatWritesNothing() throws Exception {
        long agency = organisation(baDinh, "00004", "agency", "UBND nhập CSV");
        String code = code(baDinh, agency);
        String csv = "data_element,period,org_unit,value\n"
                + "staff,2021," + code + ",45\n"
                + "it_security_staff,2021," + code + ",2\n"
                + "it_security_trained,2021," + code + ",1\n";
        mvc.perform(post("/api/reporting/values.csv").param("dryRun", "true").with(as(baDinh)).contentType("text/csv").content(csv))
                .andExpect(status().isOk()).andExpect(jsonPath("$.created").value(3)).andExpect(jsonPath("$.applied").value(false));
        assertThat(JsonPath.<Object>read(report(baDinh, agency, "agency_digital", 2021), "$.id")).isNull();
        mvc.perform(post("/api/reporting/values.csv").param("dryRun", "false").with(as(baDinh)).contentType("text/csv").content(csv))
                .andExpect(status().isOk()).andExpect(jsonPath("$.created").value(3)).andExpect(jsonPath("$.applied").value(true));
        String r = report(baDinh, agency, "agency_digital", 2021);
        assertThat(JsonPath.<String>read(r, "$.state")).isEqualTo("draft");
        assertThat(JsonPath.<List<String>>read(r, "$.fields[*].value")).containsExactly("45", "2", "1", null, null);
        // updating one value: updated 1, unchanged 2
        mvc.perform(post("/api/reporting/values.csv").param("dryRun", "false").with(as(baDinh)).contentType("text/csv")
                        .content(csv.replace(",45\n", ",46\n")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.updated").value(1)).andExpect(jsonPath("$.unchanged").value(2));
        // another commune's officer cannot import into it
        TestUser ngocHa = user(Role.COMMUNE_OFFICER, "00008");
        mvc.perform(post("/api/reporting/values.csv").param("dryRun", "true").with(as(ngocHa)).contentType("text/csv").content(csv))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.lines[0].field").value("orgUnit"));
    }

    @Test
    void badCsvInputIsLocatedAndChangesNothing() throws Exception {
        long agency = organisation(baDinh, "00004", "agency", "UBND CSV lỗi");
        long school = organisation(baDinh, "00004", "school", "Trường CSV lỗi");
        String a = code(baDinh, agency);
        String s = code(baDinh, school);
        String csv = "data_element,period,org_unit,value\n"
                + "staff,2021," + a + ",40\n"            // 2: fine on its own
                + "staf,2021," + a + ",40\n"             // 3: unknown element
                + "staff,21," + a + ",40\n"              // 4: bad period
                + "staff,2021,CQ-99999-001,40\n"         // 5: unknown organisation
                + "trained_digital_basic,2021," + a + ",12a\n"   // 6: not a whole number
                + "\n"
                + "digital_teaching,2021," + a + ",1\n"  // 8: a school element for an agency
                + "digital_teaching,2021," + s + ",maybe\n"       // 9: not yes/no
                + "staff,2021," + a + ",41\n"            // 10: the same value twice
                + "it_security_staff,2021," + a + "\n";  // 11: a column missing
        String body = mvc.perform(post("/api/reporting/values.csv").param("dryRun", "false").with(as(baDinh)).contentType("text/csv").content(csv))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.applied").value(false))
                .andReturn().getResponse().getContentAsString();
        List<Map<String, Object>> errors = JsonPath.read(body, "$.lines[?(@.outcome == 'error')]");
        assertThat(errors).extracting(e -> e.get("position") + ":" + e.get("field")).containsExactly(
                "3:dataElement", "4:period", "5:orgUnit", "6:value", "8:orgUnit", "9:value", "10:dataElement", "11:columns");
        assertThat(errors.get(3).get("reason")).isEqualTo("Nhập một số nguyên, không có dấu phân cách (ví dụ 125).");
        assertThat(JsonPath.<List<Integer>>read(body, "$.lines[?(@.outcome == 'new')].position")).containsExactly(2);
        assertThat(JsonPath.<Object>read(report(baDinh, agency, "agency_digital", 2021), "$.id")).isNull();

        // a rule broken by the file's values is an error on the values it concerns
        String rule = "data_element,period,org_unit,value\nit_security_staff,2021," + a + ",2\nit_security_trained,2021," + a + ",3\n";
        mvc.perform(post("/api/reporting/values.csv").with(as(baDinh)).contentType("text/csv").content(rule))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.lines[1].reason").value("Số cán bộ chuyên trách được đào tạo ATTT không được lớn hơn số cán bộ chuyên trách."));
        assertThat(JsonPath.<Object>read(report(baDinh, agency, "agency_digital", 2021), "$.id")).isNull();
        // a file without the columns
        mvc.perform(post("/api/reporting/values.csv").with(as(baDinh)).contentType("text/csv").content("a,b\n1,2\n"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.lines[0].field").value("header"));
        // JSON that is not a data value set
        mvc.perform(post("/api/reporting/dataValueSets").with(as(baDinh)).contentType(MediaType.APPLICATION_JSON).content("{\"x\": 1}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.lines[0].field").value("dataValues"));
    }

    @Test
    void thePagesOfExchangeOrganisationsAndMappingWork() throws Exception {
        long agency = organisation(baDinh, "00004", "agency", "UBND trang nhập");
        String code = code(baDinh, agency);
        String page = mvc.perform(get("/reporting/exchange").with(as(baDinh))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Nhập, xuất số liệu").doesNotContain("??");
        String result = mvc.perform(post("/reporting/exchange").with(as(baDinh)).with(csrf()).param("format", "csv").param("dryRun", "true")
                        .param("text", "data_element,period,org_unit,value\nstaff,2021," + code + ",12\nstaff,2021," + code + ",x\n"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(result).contains("Kết quả chạy thử").contains("Mới: 1 · Cập nhật: 0 · Không đổi: 0 · Lỗi: 1")
                .contains("Nhập một số nguyên");
        String organisations = mvc.perform(get("/reporting/organisations").param("commune", "00004").with(as(baDinh)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(organisations).contains("UBND trang nhập").contains(code).contains("Đăng ký cơ quan, đơn vị");
        mvc.perform(post("/reporting/organisations").with(as(baDinh)).with(csrf()).param("commune", "00004")
                        .param("name", "Trường trang " + System.nanoTime()).param("kind", "school"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/reporting/organisations").with(as(baDinh)).with(csrf()).param("commune", "00008")
                        .param("name", "Trường xã khác").param("kind", "school"))
                .andExpect(status().isForbidden());
        TestUser admin = user(Role.CITY_ADMIN, "01");
        assertThat(mvc.perform(get("/admin/reporting/mapping").with(as(admin))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains("Bảng ánh xạ mã DHIS2");
        mvc.perform(get("/admin/reporting/mapping").with(as(city))).andExpect(status().isForbidden());
        String en = mvc.perform(get("/reporting/completeness").param("lang", "en").with(as(baDinh))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(en).contains("Reporting completeness");
        String form = mvc.perform(get("/reporting/form/" + agency + "/agency_digital/2021").param("lang", "en").with(as(baDinh)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(form).contains("Agency digital training 2021").contains("Dedicated staff trained in cybersecurity")
                .contains("Submit the report").contains("Not started");
    }

    @Test
    void theMappingIsTheCityAdministratorsAndBadRowsAreLocated() throws Exception {
        mvc.perform(put("/api/admin/reporting/mapping").with(as(city)).contentType("text/csv").content("kind,code,dhis2_id\n"))
                .andExpect(status().isForbidden());
        TestUser admin = user(Role.CITY_ADMIN, "01");
        mvc.perform(put("/api/admin/reporting/mapping").with(as(admin)).contentType("text/csv")
                        .content("kind,code,dhis2_id\ndata_element,staff,abc\norg_unit,NOPE,DiszpKrYNg8\nthing,staff,DiszpKrYNg8\n"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields['line 2: dhis2_id']").exists())
                .andExpect(jsonPath("$.fields['line 3: code']").exists())
                .andExpect(jsonPath("$.fields['line 4: kind']").exists());
    }
}
