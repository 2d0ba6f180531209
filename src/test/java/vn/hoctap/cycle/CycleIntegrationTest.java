package vn.hoctap.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import com.jayway.jsonpath.JsonPath;

import vn.hoctap.IntegrationTest;
import vn.hoctap.accounts.AccountPrincipal;
import vn.hoctap.accounts.CurrentUser;
import vn.hoctap.accounts.Role;
import vn.hoctap.cycle.core.VisitRules.ItemResult;
import vn.hoctap.indicators.IndicatorStatus;
import vn.hoctap.indicators.IndicatorValues;
import vn.hoctap.platform.HanoiTime;
import vn.hoctap.platform.ValidationException;

/**
 * The yearly cycle on the real database: a commune's plan from the city's, commune targets proposed, changed and
 * approved and used by the dashboard's status, a visit's record sent twice (recorded once), a commune seeing only its
 * own actions, decisions compared with the computed standards, and the national title reported by model.learning_city.
 */
class CycleIntegrationTest extends IntegrationTest {

    @Autowired Plans plans;
    @Autowired CommuneTargets communeTargets;
    @Autowired Inspections inspections;
    @Autowired Decisions decisions;
    @Autowired IndicatorStatus status;
    @Autowired IndicatorValues values;
    @Autowired JdbcTemplate jdbc;

    static void as(String username, Role role, String scope) {
        CurrentUser u = new CurrentUser(99_000 + username.hashCode() % 1000, username, username, role, Set.of(scope));
        AccountPrincipal p = new AccountPrincipal(u, "", true);
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(p, null, p.getAuthorities()));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aCommunesPlanStartsFromTheCitysAndOtherCommunesCannotReadIt() {
        as("city.plans", Role.CITY_OFFICER, "01");
        long city = plans.create(Plans.Level.CITY, "01", null, 2025, 2026, "Kế hoạch thử " + System.nanoTime(), null);
        plans.addAction(city, "Tuần lễ học tập suốt đời", "Sở GD&ĐT", LocalDate.of(2025, 10, 1), LocalDate.of(2025, 10, 7),
                350_000_000L, List.of("model.learning_citizens"));
        assertThatThrownBy(() -> plans.addAction(city, "Ngoài giai đoạn", "Sở", LocalDate.of(2027, 1, 1), LocalDate.of(2027, 2, 1), 0, List.of()))
                .isInstanceOf(ValidationException.class);
        as("badinh.plans", Role.COMMUNE_OFFICER, "00004");
        long commune = plans.derive(city, "00004");
        List<Plans.Action> copied = plans.actionsOf(commune);
        assertThat(copied).hasSize(1);
        assertThat(copied.get(0).who()).isEqualTo("UBND Phường Ba Đình");
        assertThat(copied.get(0).budgetVnd()).isZero();
        assertThat(copied.get(0).indicators()).containsExactly("model.learning_citizens");
        assertThatThrownBy(() -> plans.derive(city, "00004")).isInstanceOf(ValidationException.class);
        plans.updateStatus(copied.get(0).id(), Plans.ActionStatus.IN_PROGRESS, "Đã giao cho trung tâm học tập cộng đồng.");
        as("ngocha.plans", Role.COMMUNE_OFFICER, "00008");
        assertThat(plans.get(city).id()).isEqualTo(city);   // every level reads the city's plan
        assertThatThrownBy(() -> plans.get(commune)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> plans.derive(city, "00004")).isInstanceOf(AccessDeniedException.class);
        assertThat(plans.readable()).extracting(Plans.Plan::id).contains(city).doesNotContain(commune);
    }

    @Test
    void communeTargetsAreProposedChangedApprovedAndJudgedByTheDashboard() {
        try {
            as("city.targets", Role.CITY_OFFICER, "01");
            int written = communeTargets.proposeDefaults(2026);
            // 24 indicators broken down (all but the national title) × 126 communes
            assertThat(written).isEqualTo(24 * 126);
            assertThat(jdbc.queryForObject("select count(distinct unit_code) from cycle_commune_target", Integer.class)).isEqualTo(126);
            as("badinh.targets", Role.COMMUNE_OFFICER, "00004");
            // universities' digital programmes: reported, and no test approves a university report, so no baseline
            var digital = communeTargets.ofCommune("00004").stream().filter(t -> t.indicatorId().equals(INDICATOR)).findFirst().orElseThrow();
            // the city's applicable target for 2026 is the 2025 one (100; no 2030 target is set): no baseline → the city's
            assertThat(digital.targetYear()).isEqualTo(2025);
            assertThat(digital.spec()).isEqualTo("≥ 100");
            assertThat(digital.basis()).isEqualTo("Chưa có số liệu năm gốc: áp dụng chỉ tiêu thành phố");
            assertThatThrownBy(() -> communeTargets.propose(INDICATOR, "00004", 2025, "≥ 90", "ngắn"))
                    .isInstanceOf(ValidationException.class);
            communeTargets.propose(INDICATOR, "00004", 2025, "≥ 90", "Phường chỉ có một trường cao đẳng đang chuyển đổi số.");
            assertThatThrownBy(() -> communeTargets.decide(INDICATOR, "00004", 2025, true))
                    .isInstanceOf(AccessDeniedException.class);
            as("ngocha.targets", Role.COMMUNE_OFFICER, "00008");
            assertThatThrownBy(() -> communeTargets.propose(INDICATOR, "00004", 2025, "≥ 10", "Không phải xã của mình."))
                    .isInstanceOf(AccessDeniedException.class);
            as("city.targets", Role.CITY_OFFICER, "01");
            assertThat(communeTargets.pending()).extracting(CommuneTargets.CommuneTarget::unitCode).contains("00004");
            communeTargets.decide(INDICATOR, "00004", 2025, true);
            // the dashboard judges Ba Đình against its own target, Ngọc Hà against the city's
            assertThat(line(2026, "00004").target().text()).isEqualTo("≥ 90");
            assertThat(line(2026, "00008").target().text()).isEqualTo("≥ 100");
            assertThat(line(2026, "01").target().text()).isEqualTo("≥ 100");
            // city 100 vs 125 communes at 100 and one at 90: unweighted (no baseline) mean 100 − 10/126
            var rollup = status.communeRollup(INDICATOR, 2026);
            assertThat(rollup.communes()).isEqualTo(126);
            assertThat(rollup.weighted()).isFalse();
            assertThat(rollup.difference()).isCloseTo(-10.0 / 126, org.assertj.core.api.Assertions.within(1e-9));
        } finally {
            jdbc.update("delete from cycle_commune_target");
            communeTargets.evict();
        }
    }

    static final String INDICATOR = "inst.digital_university";

    private IndicatorStatus.Line line(int year, String unit) {
        return status.unit(year, unit).stream().filter(l -> l.definition().id().equals(INDICATOR)).findFirst().orElseThrow();
    }

    @Test
    void aVisitSentTwiceIsRecordedOnceAndACommuneSeesOnlyItsOwnActions() throws Exception {
        TestUser inspector = user(Role.INSPECTOR, "01");
        TestUser outsider = user(Role.COMMUNE_OFFICER, "00004");
        int year = HanoiTime.today().getYear();
        as("city.inspection", Role.CITY_OFFICER, "01");
        long round = inspections.createRound(year, "Đợt thử " + System.nanoTime(), List.of(inspector.username()));
        long visit = inspections.scheduleVisit(round, "00004", Inspections.Subject.FUND, "Quỹ khuyến học phường Ba Đình", HanoiTime.today());
        long other = inspections.scheduleVisit(round, "00008", Inspections.Subject.FUND, null, HanoiTime.today());
        assertThatThrownBy(() -> inspections.scheduleVisit(round, "00004", Inspections.Subject.FUND, null, LocalDate.of(year + 1, 1, 5)))
                .isInstanceOf(ValidationException.class);
        String deadline = HanoiTime.today().plusDays(20).toString();
        String body = """
                {"key": "0b0f6c1e-1d2a-4c55-9c3e-%d", "summary": "Sổ sách đầy đủ",
                 "items": [{"code": "F1", "rating": "MET"}, {"code": "F2", "rating": "NOT_MET", "note": "Chưa công khai",
                            "action_what": "Công khai thu chi quý IV", "action_owner": "Kế toán quỹ", "action_deadline": "%s"},
                           {"code": "F3", "rating": "GOOD"}],
                 "files": [{"item_code": "F2", "file_name": "bang-thu-chi.png", "content_type": "image/png", "data_base64": "iVBORw0KGgo="}]}"""
                .formatted(visit, deadline);
        // an HTML page sent as the PNG photo is refused with the field and the reason, and the whole record is not written
        String html = java.util.Base64.getEncoder().encodeToString(vn.hoctap.UploadSamples.HTML);
        String fake = mvc.perform(post("/cycle/inspection/visits/" + visit + "/submission").with(httpBasic(inspector.username(), inspector.password()))
                .with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body.replace("0b0f6c1e", "aaaaaaaa").replace("iVBORw0KGgo=", html)))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(fake).contains("\"file\"").contains("Chỉ nhận tệp PDF, ảnh");
        assertThat(jdbc.queryForObject("select count(*) from cycle_finding where visit_id = ?", Integer.class, visit)).isZero();
        String first = mvc.perform(post("/cycle/inspection/visits/" + visit + "/submission").with(httpBasic(inspector.username(), inspector.password()))
                .with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat((Boolean) JsonPath.read(first, "$.recorded_now")).isTrue();
        assertThat((Integer) JsonPath.read(first, "$.actions")).isEqualTo(1);
        // the phone did not hear the answer and sends again: the same visit, nothing added
        String again = mvc.perform(post("/cycle/inspection/visits/" + visit + "/submission").with(httpBasic(inspector.username(), inspector.password()))
                .with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat((Boolean) JsonPath.read(again, "$.recorded_now")).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from cycle_finding where visit_id = ?", Integer.class, visit)).isEqualTo(3);
        assertThat(jdbc.queryForObject("select count(*) from cycle_document d join cycle_finding f on f.id = d.owner_id"
                + " where d.owner_kind = 'finding' and f.visit_id = ?", Integer.class, visit)).isEqualTo(1);
        // another key for a recorded visit is refused with a message
        String refused = mvc.perform(post("/cycle/inspection/visits/" + visit + "/submission").with(httpBasic(inspector.username(), inspector.password()))
                .with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body.replace("0b0f6c1e", "ffffffff")))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("Lượt kiểm tra này đã có biên bản.");
        // the commune is not on the team: it may not record its own inspection
        mvc.perform(post("/cycle/inspection/visits/" + other + "/submission").with(httpBasic(outsider.username(), outsider.password()))
                .with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body.replace("%d".formatted(visit), "1" + other)))
                .andExpect(status().isForbidden());
        // an item not met without an action is refused, nothing written
        as(inspector.username(), Role.INSPECTOR, "01");
        assertThatThrownBy(() -> inspections.submit(other, "key-" + System.nanoTime(), "", List.of(new ItemResult("F1", "NOT_MET", "", "", "", ""),
                new ItemResult("F2", "MET", "", null, null, null), new ItemResult("F3", "MET", "", null, null, null)), List.of()))
                .isInstanceOf(ValidationException.class);
        assertThat(jdbc.queryForObject("select status from cycle_visit where id = ?", String.class, other)).isEqualTo("PLANNED");

        // Ngọc Hà does not see Ba Đình's action; Ba Đình closes it
        as("ngocha.inspection", Role.COMMUNE_OFFICER, "00008");
        assertThat(inspections.actions(year)).noneMatch(a -> a.unitCode().equals("00004"));
        assertThatThrownBy(() -> inspections.findings(visit)).isInstanceOf(AccessDeniedException.class);
        as("badinh.inspection", Role.COMMUNE_OFFICER, "00004");
        Inspections.Action action = inspections.actions(year).stream().filter(a -> a.visitId() == visit).findFirst().orElseThrow();
        assertThat(action.what()).isEqualTo("Công khai thu chi quý IV");
        assertThatThrownBy(() -> inspections.closeAction(action.id(), "")).isInstanceOf(ValidationException.class);
        inspections.closeAction(action.id(), "Đã niêm yết bảng thu chi quý IV.");
        assertThat(inspections.action(action.id()).closed()).isTrue();
        assertThatThrownBy(() -> inspections.closeAction(action.id(), "Lần nữa")).isInstanceOf(ValidationException.class);
        as("city.inspection", Role.CITY_OFFICER, "01");
        var summary = inspections.summaryByCommune(year).stream().filter(s -> s.unitCode().equals("00004")).findFirst().orElseThrow();
        assertThat(summary.closedActions()).isGreaterThanOrEqualTo(1);
        // the review report (a document) lists the action as remedied
        String page = mvc.perform(get("/cycle/reports").param("year", String.valueOf(year)).with(httpBasic("admin", ADMIN_PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Công khai thu chi quý IV").contains("Đã niêm yết bảng thu chi quý IV.");
        byte[] docx = mvc.perform(get("/cycle/reports/review-" + year + ".docx").with(httpBasic("admin", ADMIN_PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(docx))) {
            String text = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(doc).getText();
            assertThat(text).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").contains("Sơ kết năm " + year)
                    .contains("Công khai thu chi quý IV").contains("Đã khắc phục").contains("Nơi nhận:");
        }
        TestUser ngocHa = user(Role.COMMUNE_OFFICER, "00008");
        String api = mvc.perform(get("/api/cycle/inspection/actions").param("year", String.valueOf(year))
                .with(httpBasic(outsider.username(), outsider.password()))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(api).contains("Công khai thu chi quý IV").contains("\"closed\":true");
        String ngocHaJson = mvc.perform(get("/api/cycle/inspection/actions").param("year", String.valueOf(year))
                .with(httpBasic(ngocHa.username(), ngocHa.password()))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(ngocHaJson).doesNotContain("Công khai thu chi quý IV");
        assertThat(mvc.perform(get("/api/openapi")).andReturn().getResponse().getContentAsString()).contains("/api/cycle/inspection/summary");
        mvc.perform(get("/cycle/reports/summary-2023-2025.pdf").with(httpBasic("admin", ADMIN_PASSWORD))).andExpect(status().isOk());
        mvc.perform(get("/cycle/reports/review-" + year + ".docx").with(httpBasic(outsider.username(), outsider.password())))
                .andExpect(status().isForbidden());
    }

    @Test
    void decisionsAreComparedAndTheNationalTitleIsWhatTheLearningCityIndicatorReports() {
        as("city.decisions", Role.CITY_OFFICER, "01");
        // 2021: no register, so the decision has no computed result to agree with
        decisions.record(Decisions.Kind.PCGD_XMC, "00004", "XMC2", "Đạt chuẩn XMC mức độ 2", 2021, "9" + (System.nanoTime() % 100000) + "/QĐ-UBND",
                LocalDate.of(2021, 12, 20), "UBND thành phố Hà Nội", "qd.pdf", "application/pdf", "%PDF-1.4".getBytes());
        assertThatThrownBy(() -> decisions.record(Decisions.Kind.PCGD_XMC, "00004", "XMC2", "x", 2021, "không số", LocalDate.of(2021, 1, 1),
                "UBND", null, null, null)).isInstanceOf(ValidationException.class);
        var r = decisions.compare(2021);
        assertThat(r.decisionWithoutMeets()).anyMatch(m -> m.unitCode().equals("00004") && m.standard().equals("XMC2") && m.meets() == null);
        as("badinh.decisions", Role.COMMUNE_OFFICER, "00004");
        assertThatThrownBy(() -> decisions.recordNationalTitle("Thành phố học tập", "1/QĐ-TTg", LocalDate.of(2026, 1, 15), "Thủ tướng Chính phủ"))
                .isInstanceOf(AccessDeniedException.class);
        as("city.decisions", Role.CITY_OFFICER, "01");
        var before = status.city(2026).stream().filter(l -> l.definition().id().equals("model.learning_city")).findFirst().orElseThrow();
        assertThat(before.assessment().reasonKey()).isEqualTo("progress.reason.not-defined");
        try {
            decisions.recordNationalTitle("Thành phố học tập", "1/QĐ-TTg", LocalDate.of(2026, 1, 15), "Thủ tướng Chính phủ");
            var after = status.city(2026).stream().filter(l -> l.definition().id().equals("model.learning_city")).findFirst().orElseThrow();
            assertThat(after.value().value()).isEqualTo(1.0);
            assertThat(after.value().source()).contains("1/QĐ-TTg");
            assertThat(after.assessment().status().name()).isEqualTo("MET");
        } finally {
            jdbc.update("delete from indicator_value where indicator_id = 'model.learning_city'");
            jdbc.update("delete from cycle_national_title");
            values.invalidate(2026);
        }
    }

    @Test
    void everyPageRendersForTheCityAndACommuneInBothLanguages() throws Exception {
        TestUser commune = user(Role.COMMUNE_OFFICER, "00004");
        TestUser inspector = user(Role.INSPECTOR, "01");
        TestUser cityUser = user(Role.CITY_OFFICER, "01");
        int year = HanoiTime.today().getYear();
        as("city.pages", Role.CITY_OFFICER, "01");
        long city = plans.create(Plans.Level.CITY, "01", null, 2025, 2026, "Kế hoạch trang " + System.nanoTime(), "1/KH-UBND");
        plans.addAction(city, "Nhiệm vụ trang", "Sở", LocalDate.of(2025, 3, 1), LocalDate.of(2025, 4, 1), 1_500_000L, List.of("inst.clc_it"));
        long round = inspections.createRound(year, "Đợt trang " + System.nanoTime(), List.of(inspector.username()));
        long visit = inspections.scheduleVisit(round, "00004", Inspections.Subject.SCHOOL, "Trường Tiểu học thử", HanoiTime.today());
        SecurityContextHolder.clearContext();
        for (String lang : List.of("vi", "en")) {
            for (String path : List.of("/cycle", "/cycle/plans/" + city, "/cycle/targets", "/cycle/targets?commune=00004", "/cycle/inspection",
                    "/cycle/inspection/rounds/" + round, "/cycle/inspection/visits/" + visit, "/cycle/inspection/actions",
                    "/cycle/decisions?year=2025", "/cycle/reports?year=" + year)) {
                for (TestUser u : List.of(cityUser, commune, inspector)) {
                    boolean report = path.startsWith("/cycle/reports");
                    var result = mvc.perform(get(path).param("lang", lang).with(httpBasic(u.username(), u.password())));
                    if (report && u == commune) {
                        result.andExpect(status().isForbidden());   // the city's review is the city's; a commune officer may not export it
                        continue;
                    }
                    String html = result.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
                    assertThat(html).as(path + " " + lang + " " + u.username()).doesNotContain("??").doesNotContain("cycle.")
                            .doesNotContain("<script>");
                }
            }
        }
        // the plan page: 1.500.000 ₫ and the indicator; the commune may make its plan from the city's
        String page = mvc.perform(get("/cycle/plans/" + city).with(httpBasic(commune.username(), commune.password())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("1.500.000 ₫").contains("inst.clc_it").contains("id=\"derive-plan\"");
        // the inspector records the school visit on its page; the commune sees the visit but no form
        assertThat(mvc.perform(get("/cycle/inspection/visits/" + visit).with(httpBasic(inspector.username(), inspector.password())))
                .andReturn().getResponse().getContentAsString()).contains("id=\"visit-form\"").contains("inspection-outbox.js");
        assertThat(mvc.perform(get("/cycle/inspection/visits/" + visit).with(httpBasic(commune.username(), commune.password())))
                .andReturn().getResponse().getContentAsString()).doesNotContain("id=\"visit-form\"");
    }
}
