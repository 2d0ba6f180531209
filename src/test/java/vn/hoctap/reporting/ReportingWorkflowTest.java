package vn.hoctap.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.jayway.jsonpath.JsonPath;

import vn.hoctap.accounts.Role;
import vn.hoctap.audit.AuditLog;
import vn.hoctap.indicators.IndicatorValues;
import vn.hoctap.platform.HanoiTime;

/**
 * The approval workflow and its access rules through the API: who may see a draft, who may accept and
 * approve, the lock on approved values and the city's unlock, the history, completeness, and the effect on
 * the indicators. Periods 2022, 2024 and (for commune values) 2025 school reports are used only here.
 */
class ReportingWorkflowTest extends ReportingSupport {

    @Autowired
    IndicatorValues indicatorValues;

    @Autowired
    AuditLog auditLog;

    TestUser baDinh;
    TestUser ngocHa;
    TestUser city;

    @BeforeEach
    void users() {
        baDinh = user(Role.COMMUNE_OFFICER, "00004");
        ngocHa = user(Role.COMMUNE_OFFICER, "00008");
        city = user(Role.CITY_OFFICER, "01");
    }

    @Test
    void anOrganisationUserCannotSeeAnotherOrganisationsDraft() throws Exception {
        long a = organisation(baDinh, "00004", "agency", "UBND thử A");
        long b = organisation(baDinh, "00004", "agency", "UBND thử B");
        TestUser userA = user(Role.ORGANISATION_USER, "00004");
        TestUser userB = user(Role.ORGANISATION_USER, "00004");
        link(baDinh, a, userA);
        link(baDinh, b, userB);
        long draft = saved(userA, a, "agency_digital", 2022, Map.of("staff", "40"), false);

        // the other organisation's user, in the same commune: refused by page, API, history and write
        mvc.perform(get("/api/reporting/organisations/" + a + "/reports/agency_digital/2022").with(as(userB))).andExpect(status().isForbidden());
        mvc.perform(get("/reporting/form/" + a + "/agency_digital/2022").with(as(userB))).andExpect(status().isForbidden());
        mvc.perform(get("/api/reporting/reports/" + draft + "/history").with(as(userB))).andExpect(status().isForbidden());
        save(userB, a, "agency_digital", 2022, Map.of("staff", "41"), false).andExpect(status().isForbidden());
        step(userB, draft, "submit", null).andExpect(status().isForbidden());
        String visible = mvc.perform(get("/api/reporting/organisations").with(as(userB))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<Integer>>read(visible, "$[*].id")).containsExactly((int) b);
        // another commune's officer neither
        mvc.perform(get("/api/reporting/organisations/" + a + "/reports/agency_digital/2022").with(as(ngocHa))).andExpect(status().isForbidden());
        // the organisation's own user and its commune's officer see it
        assertThat(JsonPath.<String>read(report(userA, a, "agency_digital", 2022), "$.fields[0].value")).isEqualTo("40");
        assertThat(JsonPath.<String>read(report(baDinh, a, "agency_digital", 2022), "$.state")).isEqualTo("draft");
        // the draft was not changed by the refused write
        assertThat(JsonPath.<String>read(report(userA, a, "agency_digital", 2022), "$.fields[0].value")).isEqualTo("40");
    }

    @Test
    void aCommuneOfficerCannotAcceptOrApproveForAnotherCommune() throws Exception {
        long org = organisation(baDinh, "00004", "agency", "UBND thử duyệt");
        TestUser user = user(Role.ORGANISATION_USER, "00004");
        link(baDinh, org, user);
        long id = saved(user, org, "agency_digital", 2022, agency(50, 4, 2, 30, 10), true);

        step(ngocHa, id, "accept", null).andExpect(status().isForbidden());
        step(ngocHa, id, "reject", "{\"message\": \"không phải của tôi\"}").andExpect(status().isForbidden());
        step(user, id, "accept", null).andExpect(status().isForbidden());          // the organisation cannot accept its own report
        step(city, id, "approve", null).andExpect(status().isBadRequest());       // no step is skipped
        step(baDinh, id, "accept", null).andExpect(status().isOk()).andExpect(jsonPath("$.state").value("accepted"));
        step(baDinh, id, "approve", null).andExpect(status().isForbidden());      // approval is the city's
        step(ngocHa, id, "approve", null).andExpect(status().isForbidden());
        step(city, id, "approve", null).andExpect(status().isOk()).andExpect(jsonPath("$.state").value("approved"));
    }

    @Test
    void approvedValuesCannotChangeWithoutAnUnlockAndReapprovalUpdatesTheIndicator() throws Exception {
        long org = organisation(baDinh, "00004", "agency", "UBND thử khóa");
        TestUser user = user(Role.ORGANISATION_USER, "00004");
        link(baDinh, org, user);
        long id = saved(user, org, "agency_digital", 2024, agency(80, 4, 2, 40, 20), true);
        step(baDinh, id, "accept", null).andExpect(status().isOk());
        step(city, id, "approve", null).andExpect(status().isOk());
        // 2024 is before the reform: the city's value only; this is the only approved agency report of 2024
        assertThat(city("cs.infosec_trained", 2024)).isEqualTo(50.0);
        assertThat(city("cs.digital_basic", 2024)).isEqualTo(50.0);

        save(user, org, "agency_digital", 2024, agency(80, 4, 3, 40, 20), false).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields.it_security_trained").value("Giá trị đã được phê duyệt và khóa; cần thành phố mở khóa trước khi sửa."));
        save(city, org, "agency_digital", 2024, agency(80, 4, 3, 40, 20), false).andExpect(status().isBadRequest());
        step(baDinh, id, "unlock", "{\"element\": \"it_security_trained\", \"reason\": \"x\"}").andExpect(status().isForbidden());
        step(city, id, "unlock", "{\"element\": \"it_security_trained\", \"reason\": \"\"}").andExpect(status().isBadRequest());
        assertThat(JsonPath.<String>read(report(user, org, "agency_digital", 2024), "$.fields[2].value")).isEqualTo("2");

        step(city, id, "unlock", "{\"element\": \"it_security_trained\", \"reason\": \"Đơn vị báo cáo nhầm\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.fields[2].unlocked").value(true));
        // only the unlocked value may change
        save(user, org, "agency_digital", 2024, agency(81, 4, 3, 40, 20), false).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields.staff").exists());
        save(user, org, "agency_digital", 2024, agency(80, 4, 3, 40, 20), false).andExpect(status().isOk());
        // the dashboard keeps the approved figure until the city approves again
        assertThat(city("cs.infosec_trained", 2024)).isEqualTo(50.0);
        step(city, id, "approve", null).andExpect(status().isOk()).andExpect(jsonPath("$.fields[2].unlocked").value(false));
        assertThat(city("cs.infosec_trained", 2024)).isEqualTo(75.0);
        save(user, org, "agency_digital", 2024, agency(80, 4, 4, 40, 20), false).andExpect(status().isBadRequest());

        String history = mvc.perform(get("/api/reporting/reports/" + id + "/history").with(as(baDinh))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(history, "$[?(@.kind == 'unlock')].message")).containsExactly("Đơn vị báo cáo nhầm");
        assertThat(JsonPath.<List<String>>read(history, "$[?(@.kind == 'value' && @.element == 'it_security_trained')].after"))
                .containsExactly("2", "3");
        assertThat(JsonPath.<List<String>>read(history, "$[?(@.kind == 'value' && @.element == 'it_security_trained')].before"))
                .containsExactly("", "2");
    }

    @Test
    void aRejectionReturnsTheReportToDraftWithItsMessageAndEverythingIsInTheHistoryAndAudit() throws Exception {
        long org = organisation(baDinh, "00004", "agency", "UBND thử trả lại");
        TestUser user = user(Role.ORGANISATION_USER, "00004");
        link(baDinh, org, user);
        // a rule fails: blocking, with the rule's Vietnamese message, nothing saved
        save(user, org, "agency_digital", 2022, agency(50, 3, 4, 30, 10), true).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields['rule.0']").value("Số cán bộ chuyên trách được đào tạo ATTT không được lớn hơn số cán bộ chuyên trách."));
        assertThat(JsonPath.<Object>read(report(user, org, "agency_digital", 2022), "$.id")).isNull();
        // a submission needs every value
        save(user, org, "agency_digital", 2022, Map.of("staff", "50"), true).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields.it_security_staff").exists());

        long id = saved(user, org, "agency_digital", 2022, agency(50, 3, 3, 30, 10), true);
        save(user, org, "agency_digital", 2022, agency(50, 3, 2, 30, 10), false).andExpect(status().isBadRequest());   // submitted: locked
        step(baDinh, id, "reject", "{\"message\": \"\"}").andExpect(status().isBadRequest());
        step(baDinh, id, "reject", "{\"message\": \"Kiểm tra lại số cán bộ được tập huấn\"}").andExpect(status().isOk());
        String after = report(user, org, "agency_digital", 2022);
        assertThat(JsonPath.<String>read(after, "$.state")).isEqualTo("draft");
        assertThat(JsonPath.<String>read(after, "$.message")).isEqualTo("Kiểm tra lại số cán bộ được tập huấn");
        save(user, org, "agency_digital", 2022, agency(50, 3, 3, 28, 10), true).andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("submitted")).andExpect(jsonPath("$.message").isEmpty());

        String history = mvc.perform(get("/api/reporting/reports/" + id + "/history").with(as(user))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(history, "$[?(@.kind == 'state')].after"))
                .containsExactly("draft", "submitted", "draft", "submitted");
        assertThat(JsonPath.<List<String>>read(history, "$[?(@.kind == 'state' && @.after == 'draft' && @.before == 'submitted')].message"))
                .containsExactly("Kiểm tra lại số cán bộ được tập huấn");
        assertThat(JsonPath.<List<String>>read(history, "$[?(@.element == 'trained_digital_basic')].after")).containsExactly("30", "28");
        List<AuditLog.Event> events = auditLog.find(new AuditLog.Filter(null, "reporting_report", String.valueOf(id), null, null, null), 50, 0);
        assertThat(events).extracting(AuditLog.Event::action).contains("create", "update", "submit", "reject");
        assertThat(events).allMatch(e -> "00004".equals(e.unitCode()));
        // the history page shows the change
        String page = mvc.perform(get("/reporting/reports/" + id + "/history").with(as(user))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Kiểm tra lại số cán bộ được tập huấn").contains("<del>30</del>").contains("<ins>28</ins>");
    }

    @Test
    void approvalFeedsCommuneAndCityValues() throws Exception {
        long s1 = organisation(baDinh, "00004", "school", "Trường thử 1");
        long s2 = organisation(baDinh, "00004", "school", "Trường thử 2");
        long s3 = organisation(ngocHa, "00008", "school", "Trường thử 3");
        long s4 = organisation(ngocHa, "00008", "school", "Trường thử 4 (chưa duyệt)");
        approve(baDinh, s1, school(1, 1, 1, 30, 10));
        approve(baDinh, s2, school(1, 0, 0, 20, 0));
        approve(ngocHa, s3, school(0, 1, 1, 25, 5));
        saved(ngocHa, s4, "school_digital", 2025, school(1, 1, 1, 10, 2), true);   // submitted only: not counted
        Map<String, IndicatorValues.Value> digital = indicatorValues.forYear(2025).values().get("inst.digital_schools");
        assertThat(digital.get("00004").value()).isEqualTo(50.0);
        assertThat(digital.get("00008").value()).isEqualTo(100.0);
        assertThat(digital.get("01").numerator()).isEqualTo(2.0);
        assertThat(digital.get("01").denominator()).isEqualTo(3.0);
        // public schools at the national standard: 00004 has 1 of 2 public; 00008's only school is private → no value
        Map<String, IndicatorValues.Value> standard = indicatorValues.forYear(2025).values().get("inst.schools_national_standard");
        assertThat(standard.get("00004").value()).isEqualTo(50.0);
        assertThat(standard).doesNotContainKey("00008");
        assertThat(standard.get("01").value()).isEqualTo(50.0);
        assertThat(standard.get("01").source()).isEqualTo("reported");
    }

    /** The city's stored value of an indicator for a year. */
    double city(String indicator, int year) {
        return indicatorValues.forYear(year).values().get(indicator).get("01").value();
    }

    void approve(TestUser officer, long org, Map<String, String> values) throws Exception {
        long id = saved(officer, org, "school_digital", 2025, values, true);
        step(officer, id, "accept", null).andExpect(status().isOk());
        step(city, id, "approve", null).andExpect(status().isOk());
    }

    @Test
    void completenessShowsWhoHasNotReportedAndRemindersPutOverdueFirst() throws Exception {
        TestUser officer = user(Role.COMMUNE_OFFICER, "00145");
        long done = organisation(officer, "00145", "clc", "TTHTCĐ thử đã gửi");
        long none = organisation(officer, "00145", "clc", "TTHTCĐ thử chưa gửi");
        long id = saved(officer, done, "clc_it", 2024, Map.of("computers", "3", "internet", "1", "it_in_activities", "1",
                "learners", "100", "learners_it", "20"), true);
        String json = mvc.perform(get("/api/reporting/completeness").param("dataSet", "clc_it").param("period", "2024")
                .param("commune", "00145").with(as(officer))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(json, "$[?(@.organisation_id == " + done + ")].state")).containsExactly("submitted");
        assertThat(JsonPath.<List<Object>>read(json, "$[?(@.organisation_id == " + none + ")].state")).containsExactly((Object) null);
        // the 2024 deadline (30/11/2024) has passed: both are overdue, the submitted one waits for the commune
        assertThat(JsonPath.<List<Boolean>>read(json, "$[*].overdue")).containsOnly(true);
        assertThat(JsonPath.<List<String>>read(json, "$[?(@.organisation_id == " + done + ")].waiting_for")).containsExactly("commune");
        // another commune's officer cannot look at it
        mvc.perform(get("/api/reporting/completeness").param("dataSet", "clc_it").param("period", "2024").param("commune", "00145")
                .with(as(ngocHa))).andExpect(status().isForbidden());

        // reminders on the home page (this year and last): an overdue one comes before one not yet due
        int year = HanoiTime.today().getYear();
        saved(officer, none, "clc_it", year, Map.of("computers", "1"), false);
        String home = mvc.perform(get("/reporting").with(as(officer))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(home).contains("TTHTCĐ thử chưa gửi").contains("Việc cần nhắc");
        // last year's line (overdue) comes before this year's
        String reminders = home.substring(home.indexOf("id=\"reminders\""));
        int last = reminders.indexOf("/clc_it/" + (year - 1) + "\"");
        int current = reminders.indexOf("/clc_it/" + year + "\"");
        assertThat(last).isPositive();
        assertThat(current).isGreaterThan(last);
        step(officer, id, "accept", null).andExpect(status().isOk());
    }
}
