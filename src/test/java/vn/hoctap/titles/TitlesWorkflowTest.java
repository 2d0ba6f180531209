package vn.hoctap.titles;



import vn.hoctap.titles.core.TitlesTestSupport;
import vn.hoctap.titles.core.CampaignWorkflow;
import vn.hoctap.titles.core.ScoreResult;
import vn.hoctap.titles.core.SubjectType;
import vn.hoctap.titles.core.TitleKind;
import vn.hoctap.titles.core.TitleStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.hoctap.titles.core.TitlesTestSupport.as;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

import vn.hoctap.IntegrationTest;
import vn.hoctap.accounts.Role;
import vn.hoctap.platform.HanoiTime;
import vn.hoctap.platform.ValidationException;
import vn.hoctap.titles.core.CampaignWorkflow.Step;
import vn.hoctap.titles.internal.Campaigns;
import vn.hoctap.titles.internal.CriteriaSets;

/** The campaign workflow on the real database: order of steps, role and unit of each step, deadlines, bulk, audit. */
class TitlesWorkflowTest extends IntegrationTest {

    @Autowired
    Campaigns campaigns;
    @Autowired
    CriteriaSets sets;
    @Autowired
    JdbcTemplate jdbc;

    static final String BA_DINH = "00004";
    static final String NGOC_HA = "00008";

    Map<String, Integer> full(String setId) {
        Map<String, Integer> p = new LinkedHashMap<>();
        sets.latest(setId).set().indicators().forEach((id, ind) -> p.put(id, ind.maxPoints()));
        return p;
    }

    static String refusal(Runnable r) {
        try {
            r.run();
        } catch (ValidationException e) {
            return String.join(",", e.errors().values());
        }
        throw new AssertionError("not refused");
    }

    @Test
    void aFamilyGoesThroughEveryStepInOrderEachByItsRoleAndUnit() throws Exception {
        Campaigns.Campaign c;
        Campaigns.Dossier d;
        try (var a = as(Role.COMMUNE_OFFICER, BA_DINH)) {
            c = campaigns.createCampaign(2040, TitleKind.GIA_DINH, BA_DINH, null, TitlesTestSupport.open());
            d = campaigns.register(c.id(), new Campaigns.NewDossier(SubjectType.FAMILY, "Gia đình ông Trần Văn Bình", BA_DINH, null, null, "gdht"));
            assertThat(d.status()).isEqualTo(TitleStatus.REGISTERED);
            long id = d.id();
            // no step skipped: review, decision and publication before the self-assessment are refused
            assertThat(refusal(() -> campaigns.step(id, Step.REVIEW, null))).isEqualTo("titles.error.step-order");
            assertThat(refusal(() -> campaigns.step(id, Step.DECIDE, null))).isEqualTo("titles.error.step-order");
            assertThat(refusal(() -> campaigns.step(id, Step.PUBLISH, null))).isEqualTo("titles.error.step-order");
            ScoreResult r = campaigns.selfAssess(id, full("gdht"), d.version());
            // 1.1 is automatic: no register household linked → 0 points whatever is typed, so 90/100
            assertThat(r.total()).isEqualTo(90);
            assertThat(r.passed()).isTrue();
            assertThat(campaigns.scores(id)).filteredOn(Campaigns.Score::automatic).singleElement()
                    .satisfies(s -> assertThat(s.evidence()).contains("Chưa gắn hộ"));
        }
        long id = d.id();
        // another commune's officer may neither review nor decide
        try (var a = as(Role.COMMUNE_OFFICER, NGOC_HA)) {
            assertThatThrownBy(() -> campaigns.step(id, Step.REVIEW, null)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> campaigns.dossier(id)).isInstanceOf(AccessDeniedException.class);
        }
        // an organisation user may not review
        try (var a = as(Role.ORGANISATION_USER, BA_DINH)) {
            assertThatThrownBy(() -> campaigns.step(id, Step.REVIEW, null)).isInstanceOf(AccessDeniedException.class);
        }
        // the commune's association reviews, but may not decide
        try (var a = as(Role.ASSOCIATION_MEMBER, BA_DINH)) {
            campaigns.step(id, Step.REVIEW, null);
            assertThatThrownBy(() -> campaigns.step(id, Step.DECIDE, null)).isInstanceOf(AccessDeniedException.class);
        }
        // the city does not decide a family's title (the commune does)
        try (var a = as(Role.CITY_OFFICER, "01")) {
            assertThatThrownBy(() -> campaigns.step(id, Step.DECIDE, null)).isInstanceOf(AccessDeniedException.class);
        }
        try (var a = as(Role.COMMUNE_OFFICER, BA_DINH)) {
            // the self-assessment is closed once reviewed
            assertThat(refusal(() -> campaigns.selfAssess(id, full("gdht"), campaigns.dossier(id).version()))).isEqualTo("titles.error.step-order");
            campaigns.step(id, Step.DECIDE, null);
            Campaigns.Dossier published = campaigns.step(id, Step.PUBLISH, null);
            assertThat(published.status()).isEqualTo(TitleStatus.PUBLISHED);
            assertThat(published.verificationCode()).matches("[A-Z0-9]{32}");
            assertThat(campaigns.history(id)).extracting(Campaigns.HistoryEntry::to).containsExactly(TitleStatus.REGISTERED,
                    TitleStatus.SELF_ASSESSED, TitleStatus.REVIEWED, TitleStatus.RECOGNISED, TitleStatus.PUBLISHED);
            // revoking is the city administrator's
            assertThatThrownBy(() -> campaigns.step(id, Step.REVOKE, "sai")).isInstanceOf(AccessDeniedException.class);
        }
        assertThat(jdbc.queryForList("select action from audit_event where entity_type = 'titles_evaluation' and entity_id = ? order by id",
                String.class, String.valueOf(id))).containsExactly("titles.evaluation.register", "titles.evaluation.self-assess",
                "titles.evaluation.review", "titles.evaluation.decide", "titles.evaluation.publish");
        // the evaluation keeps the criteria-set version and its hash
        assertThat(d.criteriaSha256()).isEqualTo(sets.get(d.criteriaSetId()).sha256()).hasSize(64);
    }

    @Test
    void aCommuneDecidesItsOwnOrganisationsTheCityItsCityLevelOnesAndCommunes() throws Exception {
        Campaigns.Campaign c;
        long id;
        try (var a = as(Role.COMMUNE_OFFICER, NGOC_HA)) {
            c = campaigns.createCampaign(2040, TitleKind.DON_VI, NGOC_HA, null, TitlesTestSupport.open());
        }
        // the organisation user reports for a school of Ngọc Hà: "own data" of the access matrix
        long school = jdbc.queryForObject("""
                insert into reporting_organisation (code, name, kind, commune_code) values (?, 'Trường Tiểu học Ngọc Hà', 'school', ?)
                returning id""", Long.class, "TH-WF-" + System.nanoTime(), NGOC_HA);
        jdbc.update("""
                insert into reporting_organisation_member (username, organisation_id) values ('test-organisation_user', ?)
                on conflict (username) do update set organisation_id = excluded.organisation_id""", school);
        try (var a = as(Role.ORGANISATION_USER, NGOC_HA)) {
            // an organisation registers and assesses itself (in its own name, whatever the form said)
            Campaigns.Dossier d = campaigns.register(c.id(), new Campaigns.NewDossier(SubjectType.UNIT, "Trường khác", NGOC_HA, null, null, null));
            assertThat(d.subjectName()).isEqualTo("Trường Tiểu học Ngọc Hà");
            assertThat(d.subjectOrganisationId()).isEqualTo(school);
            id = d.id();
            campaigns.selfAssess(id, full("dvht"), d.version());
            assertThatThrownBy(() -> campaigns.step(id, Step.REVIEW, null)).isInstanceOf(AccessDeniedException.class);
        }
        // issue 15: a school under the commune's management (the default) is recognised by the commune, not by the city
        try (var a = as(Role.COMMUNE_OFFICER, NGOC_HA)) {
            campaigns.step(id, Step.REVIEW, null);
        }
        try (var a = as(Role.CITY_OFFICER, "01")) {
            assertThatThrownBy(() -> campaigns.step(id, Step.DECIDE, null)).isInstanceOf(AccessDeniedException.class);
        }
        try (var a = as(Role.COMMUNE_OFFICER, NGOC_HA)) {
            assertThat(campaigns.step(id, Step.DECIDE, null).status()).isEqualTo(TitleStatus.RECOGNISED);
        }
        // an organisation at city level is evaluated under TT 24/2023 by default and recognised by the city only
        long cityUnit;
        try (var a = as(Role.COMMUNE_OFFICER, NGOC_HA)) {
            Campaigns.Dossier d = campaigns.register(c.id(), new Campaigns.NewDossier(SubjectType.CITY_UNIT, "Trường THPT thử Ngọc Hà", NGOC_HA, null, null, null));
            assertThat(sets.get(d.criteriaSetId()).set().id()).isEqualTo("tt24-unit-city");
            cityUnit = d.id();
            campaigns.selfAssess(cityUnit, full("tt24-unit-city"), d.version());
            campaigns.step(cityUnit, Step.REVIEW, null);
            assertThatThrownBy(() -> campaigns.step(cityUnit, Step.DECIDE, null)).isInstanceOf(AccessDeniedException.class);
        }
        try (var a = as(Role.CITY_OFFICER, "01")) {
            assertThat(campaigns.step(cityUnit, Step.DECIDE, null).status()).isEqualTo(TitleStatus.RECOGNISED);
        }
        // the superseded TT 44/2014 set is refused for new dossiers
        try (var a = as(Role.COMMUNE_OFFICER, NGOC_HA)) {
            assertThat(refusal(() -> campaigns.register(c.id(), new Campaigns.NewDossier(SubjectType.UNIT, "Trường X", NGOC_HA, null, null, "tt44-commune"))))
                    .isEqualTo("titles.error.set");
        }
        // only the city opens the commune learning-community campaign, at the city level
        try (var a = as(Role.COMMUNE_OFFICER, NGOC_HA)) {
            assertThatThrownBy(() -> campaigns.createCampaign(2040, TitleKind.CONG_DONG_XA, "01", null, TitlesTestSupport.open()))
                    .isInstanceOf(AccessDeniedException.class);
            assertThat(refusal(() -> campaigns.createCampaign(2040, TitleKind.CONG_DONG_XA, NGOC_HA, null, TitlesTestSupport.open())))
                    .isEqualTo("titles.error.campaign-unit");
        }
    }

    @Test
    void deadlinesAreEnforced() throws Exception {
        LocalDate t = HanoiTime.today();
        try (var a = as(Role.COMMUNE_OFFICER, BA_DINH)) {
            // registration closed yesterday
            Campaigns.Campaign late = campaigns.createCampaign(2041, TitleKind.DONG_HO, BA_DINH, null,
                    new CampaignWorkflow.Deadlines(t.minusDays(1), t.plusDays(5), t.plusDays(6), t.plusDays(7)));
            assertThat(refusal(() -> campaigns.register(late.id(), new Campaigns.NewDossier(SubjectType.CLAN, "Họ Nguyễn", BA_DINH, null, null, null))))
                    .isEqualTo("titles.error.deadline");
            assertThat(jdbc.queryForObject("select count(*) from titles_evaluation where campaign_id = ?", Integer.class, late.id())).isZero();
            // deadlines out of the steps' order are refused
            assertThatThrownBy(() -> new CampaignWorkflow.Deadlines(t, t.minusDays(1), t, t)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void rejectionNeedsAReasonAndBulkActionsAreAllOrNothing() throws Exception {
        try (var a = as(Role.COMMUNE_OFFICER, NGOC_HA)) {
            Campaigns.Campaign c = campaigns.createCampaign(2041, TitleKind.GIA_DINH, NGOC_HA, null, TitlesTestSupport.open());
            Campaigns.Dossier d1 = campaigns.register(c.id(), new Campaigns.NewDossier(SubjectType.FAMILY, "Gia đình A", NGOC_HA, null, null, null));
            Campaigns.Dossier d2 = campaigns.register(c.id(), new Campaigns.NewDossier(SubjectType.FAMILY, "Gia đình B", NGOC_HA, null, null, null));
            Campaigns.Dossier d3 = campaigns.register(c.id(), new Campaigns.NewDossier(SubjectType.FAMILY, "Gia đình C", NGOC_HA, null, null, null));
            campaigns.selfAssess(d1.id(), full("gdht"), 0);
            campaigns.selfAssess(d2.id(), full("gdht"), 0);
            // d3 is not self-assessed: reviewing all three is refused and none changes
            assertThat(refusal(() -> campaigns.bulk(List.of(d1.id(), d2.id(), d3.id()), Step.REVIEW, null))).isEqualTo("titles.error.step-order");
            assertThat(campaigns.dossier(d1.id()).status()).isEqualTo(TitleStatus.SELF_ASSESSED);
            assertThat(campaigns.bulk(List.of(d1.id(), d2.id()), Step.REVIEW, null)).isEqualTo(2);
            assertThat(campaigns.progress(c.id(), null)).containsEntry(TitleStatus.REVIEWED, 2).containsEntry(TitleStatus.REGISTERED, 1);
            // a rejection without a reason changes nothing; with one it is kept
            assertThat(refusal(() -> campaigns.step(d2.id(), Step.REJECT, " "))).isEqualTo("titles.error.reason");
            Campaigns.Dossier rejected = campaigns.step(d2.id(), Step.REJECT, "Thiếu minh chứng tiêu chí 3");
            assertThat(rejected.status()).isEqualTo(TitleStatus.REJECTED);
            assertThat(rejected.reason()).isEqualTo("Thiếu minh chứng tiêu chí 3");
            assertThat(refusal(() -> campaigns.step(d2.id(), Step.DECIDE, null))).isEqualTo("titles.error.step-order");
            // a failing self-assessment cannot be recognised
            Map<String, Integer> low = full("gdht");
            low.replaceAll((k, v) -> 1);
            campaigns.selfAssess(d3.id(), low, 0);
            campaigns.step(d3.id(), Step.REVIEW, null);
            assertThat(refusal(() -> campaigns.step(d3.id(), Step.DECIDE, null))).isEqualTo("titles.error.not-passed");
            // points out of range are refused with the indicator named, nothing stored
            Campaigns.Dossier d4 = campaigns.register(c.id(), new Campaigns.NewDossier(SubjectType.FAMILY, "Gia đình D", NGOC_HA, null, null, null));
            Map<String, Integer> bad = full("gdht");
            bad.put("2.1", 11);
            assertThatThrownBy(() -> campaigns.selfAssess(d4.id(), bad, 0)).isInstanceOf(ValidationException.class)
                    .hasMessageContaining("titles.error.points");
            assertThat(campaigns.dossier(d4.id()).status()).isEqualTo(TitleStatus.REGISTERED);
            assertThat(campaigns.scores(d4.id())).isEmpty();
        }
    }

    @Test
    void evidenceFilesAreLimitedInTypeAndSize() throws Exception {
        try (var a = as(Role.COMMUNE_OFFICER, BA_DINH)) {
            Campaigns.Campaign c = campaigns.createCampaign(2042, TitleKind.GIA_DINH, BA_DINH, null, TitlesTestSupport.open());
            Campaigns.Dossier d = campaigns.register(c.id(), new Campaigns.NewDossier(SubjectType.FAMILY, "Gia đình E", BA_DINH, null, null, null));
            campaigns.addEvidence(d.id(), "giay-khen.pdf", "application/pdf", "%PDF-1.4 test".getBytes());
            assertThat(refusal(() -> campaigns.addEvidence(d.id(), "x.exe", "application/octet-stream", new byte[] {1})))
                    .isEqualTo("titles.error.file-type");
            assertThat(refusal(() -> campaigns.addEvidence(d.id(), "big.pdf", "application/pdf", new byte[5 * 1024 * 1024 + 1])))
                    .isEqualTo("titles.error.file-size");
            assertThat(campaigns.files(d.id())).extracting(Campaigns.EvidenceFile::fileName).containsExactly("giay-khen.pdf");
        }
        try (var a = as(Role.COMMUNE_OFFICER, NGOC_HA)) {
            long fileId = jdbc.queryForObject("select max(id) from titles_evidence_file", Long.class);
            assertThatThrownBy(() -> campaigns.file(fileId)).isInstanceOf(AccessDeniedException.class);
        }
    }

    /** Issue 11: the type is judged from the content (Apache Tika), not from what the browser declared. */
    @Test
    void evidenceWhoseContentIsNotItsDeclaredTypeIsRefused() throws Exception {
        try (var a = as(Role.COMMUNE_OFFICER, BA_DINH)) {
            Campaigns.Campaign c = campaigns.createCampaign(2043, TitleKind.GIA_DINH, BA_DINH, null, TitlesTestSupport.open());
            Campaigns.Dossier d = campaigns.register(c.id(), new Campaigns.NewDossier(SubjectType.FAMILY, "Gia đình Tika", BA_DINH, null, null, null));
            byte[] html = "<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>".getBytes();
            assertThat(refusal(() -> campaigns.addEvidence(d.id(), "giay-khen.pdf", "application/pdf", html)))
                    .isEqualTo("titles.error.file-type");
            byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0};
            // a real PNG declared as a PDF: an allowed type, but not the one declared
            assertThat(refusal(() -> campaigns.addEvidence(d.id(), "anh.pdf", "application/pdf", png)))
                    .isEqualTo("file.error.type-mismatch");
            campaigns.addEvidence(d.id(), "anh.png", "image/png", png);
            assertThat(campaigns.files(d.id())).extracting(Campaigns.EvidenceFile::fileName, Campaigns.EvidenceFile::contentType)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("anh.png", "image/png"));
        }
    }

    /**
     * Issue 15, through the pages: a "Đơn vị học tập" campaign asks for the managing level; a city-level organisation
     * registered there gets the TT 24/2023 set and its page shows the set's verification once; the TT 44/2014 set's page
     * says it was replaced and is not offered any more.
     */
    @Test
    void theRegistrationFormAsksTheManagingLevelAndTheSupersededSetIsNotOffered() throws Exception {
        long campaign;
        try (var a = as(Role.COMMUNE_OFFICER, BA_DINH)) {
            campaign = campaigns.createCampaign(2041, TitleKind.DON_VI, BA_DINH, null, TitlesTestSupport.open()).id();
        }
        TestUser officer = user(Role.COMMUNE_OFFICER, BA_DINH);
        String form = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/titles/campaigns/" + campaign)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic(officer.username(), officer.password())))
                .andReturn().getResponse().getContentAsString();
        assertThat(form).contains("name=\"subjectType\"").contains("value=\"CITY_UNIT\"").contains("Thuộc xã quản lý (UBND cấp xã công nhận)")
                .contains("Đơn vị học tập cấp thành phố — mức độ 1").doesNotContain("Thông tư 44/2014");
        String location = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/titles/campaigns/" + campaign + "/evaluations")
                        .param("subjectName", "Trường THPT thử Ba Đình").param("commune", BA_DINH).param("subjectType", "CITY_UNIT").param("setId", "")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic(officer.username(), officer.password())))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/titles/evaluations/");
        long id = Long.parseLong(location.substring("/titles/evaluations/".length()));
        Map<String, Object> row = jdbc.queryForMap("select subject_type, criteria_set_id from titles_evaluation where id = ?", id);
        assertThat(row.get("subject_type")).isEqualTo("CITY_UNIT");
        assertThat(sets.get(((Number) row.get("criteria_set_id")).longValue()).set().key()).isEqualTo("tt24-unit-city@1");
        String page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(location)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic(officer.username(), officer.password())))
                .andReturn().getResponse().getContentAsString();
        // said once: 6 of 11 indicators have a source (criterion 3), criteria 1 and 2 and the pass rule are provisional
        assertThat(page).contains("Một phần là tiêu chí tạm thời của HọcTập: 6/11 chỉ số có nguồn; tạm thời: tiêu chí 1, 2; "
                + "mức đạt là tiêu chí tạm thời của HọcTập.").contains("Cơ quan, đơn vị cấp thành phố");
        // the lines with a source carry their mark, the provisional ones none
        assertThat(page.split("status status-V", -1).length - 1).isEqualTo(3 + 6);   // criteria 1–3 and indicators 3.1–3.6
        long tt44 = sets.versions("tt44-commune").get(0).id();
        assertThat(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/titles/sets/" + tt44)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic(officer.username(), officer.password())))
                .andReturn().getResponse().getContentAsString())
                .contains("id=\"superseded\"").contains("Cộng đồng học tập cấp xã — mức độ 1 (Thông tư 25/2023/TT-BGDĐT)");
    }
}
