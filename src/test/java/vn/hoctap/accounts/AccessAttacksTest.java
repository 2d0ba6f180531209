package vn.hoctap.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.jayway.jsonpath.JsonPath;

import vn.hoctap.IntegrationTest;
import vn.hoctap.platform.HanoiTime;
import vn.hoctap.reporting.Organisation;
import vn.hoctap.reporting.Organisations;
import vn.hoctap.reporting.core.OrganisationKind;
import vn.hoctap.titles.core.CampaignWorkflow;
import vn.hoctap.titles.core.SubjectType;
import vn.hoctap.titles.core.TitleKind;
import vn.hoctap.titles.internal.Campaigns;

/**
 * The attacks of issue 11 that the access matrix answers, each tried as the issue tried it, now refused: person rows
 * of the register to a citizen, an organisation user or an association member (this year's commune and a former
 * commune's year); an organisation user on another organisation's dossier or registering in another's name; a citizen
 * on another person's dossier; the same city values in both indicator APIs and in the public ones.
 */
class AccessAttacksTest extends IntegrationTest {

    static final String BA_DINH = "00004";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Organisations organisations;
    @Autowired
    Campaigns campaigns;
    @Autowired
    vn.hoctap.reporting.Reports reports;

    static RequestPostProcessor as(TestUser u) {
        return httpBasic(u.username(), u.password());
    }

    void act(TestUser u) {
        AccountPrincipal p = accounts.findByUsername(u.username()).orElseThrow();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(p, null, p.getAuthorities()));
    }

    @Test
    void onlyOfficersDownloadPersonRowsOfTheirCommuneAndItsFormerCommunes() throws Exception {
        String tag = "AT" + System.nanoTime() % 100000;
        importRegister("person_id,household_id,commune_code,birth_date,sex,disability\n"
                + tag + "1,H1," + BA_DINH + ",2014-05-05,F,cannot_learn\n" + tag + "2,H1," + BA_DINH + ",1980,M,none\n", 2025);
        // 00028 is a former commune of 2024 whose area is in today's Phường Ba Đình (the second attack)
        importRegister("person_id,household_id,commune_code,birth_date,sex\n" + tag + "F1,H9,00028,2013-01-01,M\n", 2024);
        TestUser officer = user(Role.COMMUNE_OFFICER, BA_DINH);
        // the commune officer: both, with the persons
        assertThat(mvc.perform(get("/register/export").param("year", "2025").param("commune", BA_DINH).with(as(officer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).contains(tag + "1,H1," + BA_DINH);
        assertThat(mvc.perform(get("/register/export").param("year", "2024").param("commune", "00028").with(as(officer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).contains(tag + "F1");
        for (Role r : List.of(Role.CITIZEN, Role.ORGANISATION_USER, Role.ASSOCIATION_MEMBER, Role.CENTRE_OFFICER, Role.AUDITOR)) {
            TestUser u = user(r, BA_DINH);
            mvc.perform(get("/register/export").param("year", "2025").param("commune", BA_DINH).with(as(u))).andExpect(status().isForbidden());
            mvc.perform(get("/register/export").param("year", "2024").param("commune", "00028").with(as(u))).andExpect(status().isForbidden());
            mvc.perform(get("/register").param("year", "2025").param("commune", BA_DINH).with(as(u))).andExpect(status().isForbidden());
            mvc.perform(get("/register/2025/" + tag + "1").with(as(u))).andExpect(status().isForbidden());
            mvc.perform(get("/standards/" + BA_DINH + "/shortfall").param("year", "2025").param("criterion", "TH.complete_age11")
                    .with(as(u))).andExpect(status().isForbidden());
        }
        // and in the service, whatever route calls it: a citizen asking the register directly is refused
        act(user(Role.CITIZEN, BA_DINH));
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> register.export(2025, BA_DINH, new java.io.StringWriter()))
                    .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> register.search(2024, "00028", "", 10))
                    .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Autowired
    vn.hoctap.register.Register register;

    @Test
    void anAssociationMemberSeesDossiersAndAggregatesNotPersonRows() throws Exception {
        importRegister("person_id,household_id,commune_code,birth_date,sex\nASM1,H1," + BA_DINH + ",2014-05-05,F\n", 2025);
        TestUser member = user(Role.ASSOCIATION_MEMBER, BA_DINH);
        mvc.perform(get("/titles").with(as(member))).andExpect(status().isOk());
        mvc.perform(get("/standards/" + BA_DINH).param("year", "2025").with(as(member))).andExpect(status().isOk());
        mvc.perform(get("/dashboard").param("unit", BA_DINH).with(as(member))).andExpect(status().isOk());
        mvc.perform(get("/register").with(as(member))).andExpect(status().isForbidden());
        mvc.perform(get("/register/export").param("year", "2025").param("commune", BA_DINH).with(as(member))).andExpect(status().isForbidden());
        // villages are the commune's reference data: read, not changed, by the association
        mvc.perform(post("/api/units/" + BA_DINH + "/villages").with(as(member)).contentType("application/json")
                .content("{\"name\": \"Tổ dân phố hội\", \"kind\": \"to_dan_pho\"}")).andExpect(status().isForbidden());
    }

    /** Two schools of Ba Đình, a dossier each in this year's learning-unit campaign; the user of school A. */
    record Schools(TestUser userA, Organisation a, Organisation b, long dossierA, long dossierB, long fileB, long campaign) {
    }

    Schools schools() {
        String tag = "AT" + System.nanoTime() % 100000;
        TestUser officer = user(Role.COMMUNE_OFFICER, BA_DINH);
        TestUser userA = user(Role.ORGANISATION_USER, BA_DINH);
        act(officer);
        try {
            Organisation a = organisations.add(BA_DINH, "Trường Tiểu học thử A " + tag, OrganisationKind.SCHOOL);
            Organisation b = organisations.add(BA_DINH, "Trường Tiểu học thử B " + tag, OrganisationKind.SCHOOL);
            organisations.link(userA.username(), a.id());
            int year = 2025;   // this year's campaigns of Ba Đình are the demo's; 2025 has a register (no new indicator year)
            List<Long> found = jdbc.queryForList("select id from titles_campaign where year = ? and kind = 'DON_VI' and unit_code = ?",
                    Long.class, year, BA_DINH);
            LocalDate t = HanoiTime.today();
            CampaignWorkflow.Deadlines open = new CampaignWorkflow.Deadlines(t.plusDays(10), t.plusDays(20), t.plusDays(30), t.plusDays(40));
            long campaign;
            if (found.isEmpty()) {
                campaign = campaigns.createCampaign(year, TitleKind.DON_VI, BA_DINH, null, open).id();
            } else {
                campaign = found.get(0);
                jdbc.update("update titles_campaign set registration_until = ?, assessment_until = ?, review_until = ?, decision_until = ? where id = ?",
                        java.sql.Date.valueOf(open.registrationUntil()), java.sql.Date.valueOf(open.assessmentUntil()),
                        java.sql.Date.valueOf(open.reviewUntil()), java.sql.Date.valueOf(open.decisionUntil()), campaign);
            }
            long dossierB = campaigns.register(campaign, new Campaigns.NewDossier(SubjectType.UNIT, b.name(), BA_DINH, null, null, null)).id();
            campaigns.addEvidence(dossierB, "b.pdf", "application/pdf", "%PDF-1.4\n%%EOF\n".getBytes());
            long fileB = jdbc.queryForObject("select max(id) from titles_evidence_file where evaluation_id = ?", Long.class, dossierB);
            act(userA);
            long dossierA = campaigns.register(campaign, new Campaigns.NewDossier(SubjectType.UNIT, a.name(), BA_DINH, null, null, null)).id();
            return new Schools(userA, a, b, dossierA, dossierB, fileB, campaign);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void anOrganisationUserCannotOpenUploadToOrAssessAnotherOrganisationsDossier() throws Exception {
        Schools s = schools();
        TestUser u = s.userA();
        // their own: yes
        mvc.perform(get("/titles/evaluations/" + s.dossierA()).with(as(u))).andExpect(status().isOk());
        // the other school's: refused, by page, file, upload and self-assessment
        mvc.perform(get("/titles/evaluations/" + s.dossierB()).with(as(u))).andExpect(status().isForbidden());
        mvc.perform(get("/titles/evidence/" + s.fileB()).with(as(u))).andExpect(status().isForbidden());
        mvc.perform(multipart("/titles/evaluations/" + s.dossierB() + "/evidence")
                .file(new MockMultipartFile("file", "x.pdf", "application/pdf", "%PDF-1.4\n%%EOF\n".getBytes())).with(as(u)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/titles/evaluations/" + s.dossierB() + "/assess").param("version", "0").param("p_1.1", "5")
                .with(as(u)).with(csrf())).andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject("select count(*) from titles_evidence_file where evaluation_id = ?", Integer.class, s.dossierB())).isEqualTo(1);
        assertThat(jdbc.queryForObject("select status from titles_evaluation where id = ?", String.class, s.dossierB())).isEqualTo("REGISTERED");
        // the campaign's list shows their dossier only
        String json = mvc.perform(get("/api/titles/campaigns/" + s.campaign() + "/evaluations").with(as(u)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<Integer>>read(json, "$[*].id")).containsExactly((int) s.dossierA());
    }

    @Test
    void anOrganisationUserRegistersOnlyInTheirOwnOrganisationsName() throws Exception {
        Schools s = schools();
        mvc.perform(post("/titles/campaigns/" + s.campaign() + "/evaluations").param("subjectName", s.b().name())
                .with(as(s.userA())).with(csrf())).andExpect(status().is3xxRedirection());
        // the dossier is school A's, under school A's name, whatever the form said
        List<Map<String, Object>> rows = jdbc.queryForList("""
                select subject_name, subject_organisation_id from titles_evaluation where campaign_id = ? and created_by = ? order by id""",
                s.campaign(), s.userA().username());
        assertThat(rows).hasSize(2).allSatisfy(r -> {
            assertThat(r.get("subject_name")).isEqualTo(s.a().name());
            assertThat(((Number) r.get("subject_organisation_id")).longValue()).isEqualTo(s.a().id());
        });
        // and never in another commune: back to the form with an error, nothing registered
        mvc.perform(post("/titles/campaigns/" + s.campaign() + "/evaluations").param("subjectName", "x").param("commune", "00008")
                .with(as(s.userA())).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("select count(*) from titles_evaluation where created_by = ? and commune_code = '00008'", Integer.class,
                s.userA().username())).isZero();
        // nor another organisation's reports
        String dataSet = reports.catalogue().forKind(OrganisationKind.SCHOOL).get(0).code();
        mvc.perform(get("/api/reporting/organisations/" + s.b().id() + "/reports/" + dataSet + "/" + HanoiTime.today().getYear())
                .with(as(s.userA()))).andExpect(status().isForbidden());
    }

    @Test
    void aCitizenSeesOnlyTheirOwnDossier() throws Exception {
        Schools s = schools();
        TestUser citizen = user(Role.CITIZEN, BA_DINH);
        TestUser other = user(Role.CITIZEN, BA_DINH);
        int year = 2025;   // this year's campaigns of Ba Đình are the demo's; 2025 has a register (no new indicator year)
        TestUser officer = user(Role.COMMUNE_OFFICER, BA_DINH);
        long campaign;
        act(officer);
        try {
            List<Long> found = jdbc.queryForList("select id from titles_campaign where year = ? and kind = 'CONG_DAN' and unit_code = ?",
                    Long.class, year, BA_DINH);
            LocalDate t = HanoiTime.today();
            campaign = found.isEmpty() ? campaigns.createCampaign(year, TitleKind.CONG_DAN, BA_DINH, null,
                    new CampaignWorkflow.Deadlines(t.plusDays(10), t.plusDays(20), t.plusDays(30), t.plusDays(40))).id() : found.get(0);
            jdbc.update("update titles_campaign set registration_until = ?, assessment_until = ? where id = ?",
                    java.sql.Date.valueOf(t.plusDays(10)), java.sql.Date.valueOf(t.plusDays(20)), campaign);
        } finally {
            SecurityContextHolder.clearContext();
        }
        long mine;
        long theirs;
        act(citizen);
        try {
            mine = campaigns.register(campaign, new Campaigns.NewDossier(SubjectType.CITIZEN, "Nguyễn Thị Mình", BA_DINH, null, null, null)).id();
        } finally {
            SecurityContextHolder.clearContext();
        }
        act(other);
        try {
            theirs = campaigns.register(campaign, new Campaigns.NewDossier(SubjectType.CITIZEN, "Trần Văn Khác", BA_DINH, null, null, null)).id();
        } finally {
            SecurityContextHolder.clearContext();
        }
        mvc.perform(get("/titles/evaluations/" + mine).with(as(citizen))).andExpect(status().isOk());
        mvc.perform(get("/titles/evaluations/" + theirs).with(as(citizen))).andExpect(status().isForbidden());
        mvc.perform(get("/titles/evaluations/" + s.dossierA()).with(as(citizen))).andExpect(status().isForbidden());
        String json = mvc.perform(get("/api/titles/campaigns/" + campaign + "/evaluations").with(as(citizen)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<Integer>>read(json, "$[*].id")).containsExactly((int) mine);
        // "Dữ liệu của tôi" shows their dossier, not the other's
        String page = mvc.perform(get("/me/data").with(as(citizen))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Nguyễn Thị Mình").doesNotContain("Trần Văn Khác");
    }

    @Test
    void cityValuesAreTheSameInBothIndicatorApisAndPublic() throws Exception {
        importRegister("person_id,household_id,commune_code,birth_date,sex,employed,qualification\n"
                + "IV1,H1," + BA_DINH + ",1990,M,true,short_course\n", 2025);
        TestUser officer = user(Role.COMMUNE_OFFICER, BA_DINH);
        String status = mvc.perform(get("/api/indicators/status").param("year", "2025").with(as(officer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String values = mvc.perform(get("/api/indicators/values").param("year", "2025").param("indicator", "lab.trained").with(as(officer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String pub = mvc.perform(get("/api/public/indicators/status").param("year", "2025"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<Object> cityInStatus = JsonPath.read(status, "$[?(@.indicator_id == 'lab.trained')].value");
        List<Object> cityInValues = JsonPath.read(values, "$[?(@.unit_code == '01')].value");
        List<Object> cityInPublic = JsonPath.read(pub, "$[?(@.indicator_id == 'lab.trained')].value");
        assertThat(cityInValues).hasSize(1).isEqualTo(cityInStatus).isEqualTo(cityInPublic);
        // without an account: the internal API answers 401 for both, the public one the same lines
        mvc.perform(get("/api/indicators/status")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/indicators/values")).andExpect(status().isUnauthorized());
        // every indicator of the catalogue (the 25 of NQ 23 and those the platform proposes) is published
        assertThat(JsonPath.<List<Object>>read(pub, "$[*].indicator_id")).hasSizeGreaterThanOrEqualTo(25)
                .containsExactlyInAnyOrderElementsOf(JsonPath.<List<Object>>read(status, "$[*].indicator_id"));
        // a commune's rate over one person is withheld in public, shown with its counts to the commune's officer
        String pubValues = mvc.perform(get("/api/public/indicators/values").param("year", "2025").param("indicator", "lab.trained"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<Object>>read(pubValues, "$[?(@.unit_code == '" + BA_DINH + "')].withheld")).containsExactly(true);
        assertThat(JsonPath.<List<Object>>read(pubValues, "$[?(@.unit_code == '" + BA_DINH + "')].value")).containsExactly((Object) null);
        assertThat(pubValues).doesNotContain("numerator");
        assertThat(JsonPath.<List<Object>>read(values, "$[?(@.unit_code == '" + BA_DINH + "')].denominator")).containsExactly(1.0);
        mvc.perform(get("/public/indicators")).andExpect(status().isOk());
    }
}
