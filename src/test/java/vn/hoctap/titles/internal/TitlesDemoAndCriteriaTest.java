package vn.hoctap.titles.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

import vn.hoctap.IntegrationTest;
import vn.hoctap.accounts.Role;
import vn.hoctap.platform.HanoiTime;
import vn.hoctap.platform.ValidationException;
import vn.hoctap.titles.core.CampaignWorkflow;
import vn.hoctap.titles.core.CampaignWorkflow.Step;
import vn.hoctap.titles.core.SubjectType;
import vn.hoctap.titles.core.TitleKind;
import vn.hoctap.titles.core.TitleStatus;
import vn.hoctap.units.Villages;

/** Automatic criteria from the register and from this module's results, criteria-set versions, and the demo data. */
class TitlesDemoAndCriteriaTest extends IntegrationTest {

    @Autowired
    Campaigns campaigns;
    @Autowired
    CriteriaSets sets;
    @Autowired
    Villages villages;
    @Autowired
    DemoCampaigns demo;
    @Autowired
    Certificates certificates;
    @Autowired
    JdbcTemplate jdbc;

    static final String COMMUNE = "00118";

    static CampaignWorkflow.Deadlines open() {
        LocalDate t = HanoiTime.today();
        return new CampaignWorkflow.Deadlines(t.plusDays(10), t.plusDays(20), t.plusDays(30), t.plusDays(40));
    }

    Map<String, Integer> full(String setId) {
        Map<String, Integer> p = new HashMap<>();
        sets.latest(setId).set().indicators().forEach((id, ind) -> p.put(id, ind.maxPoints()));
        return p;
    }

    @Test
    void automaticCriteriaComeFromTheRegisterAndFromRecognisedFamilies() {
        int year = HanoiTime.today().getYear();
        String village = "Tổ dân phố Tự Động";
        // HA1: one child of 8 at school, one of 12 not at school → not all; HA2: a child of 10 at school; HA3: a child of 9
        // who cannot learn (exempt) and an adult
        importRegister("person_id,household_id,commune_code,village,birth_date,sex,enrolment,grade,disability\n"
                + "AC1,HA1," + COMMUNE + "," + village + "," + (year - 8) + ",M,primary,3,none\n"
                + "AC2,HA1," + COMMUNE + "," + village + "," + (year - 12) + ",F,none,,none\n"
                + "AC3,HA2," + COMMUNE + "," + village + "," + (year - 10) + ",F,primary,5,none\n"
                + "AC4,HA3," + COMMUNE + "," + village + "," + (year - 9) + ",M,none,,cannot_learn\n"
                + "AC5,HA3," + COMMUNE + "," + village + ",1980,F,none,,none\n", year);
        DemoCampaigns.act("officer", Role.COMMUNE_OFFICER, COMMUNE);
        try {
            long v = villages.add(COMMUNE, village, Villages.Kind.TO_DAN_PHO, LocalDate.of(2025, 7, 1)).id();
            long fc = campaigns.createCampaign(year, TitleKind.GIA_DINH, COMMUNE, null, open()).id();
            long[] ids = new long[3];
            for (int i = 0; i < 3; i++) {
                ids[i] = campaigns.register(fc, new Campaigns.NewDossier(SubjectType.FAMILY, "Gia đình " + (i + 1), COMMUNE, v, "HA" + (i + 1), "gdht")).id();
                // 1.1 typed as 10 for all: the register decides
                campaigns.selfAssess(ids[i], full("gdht"), 0);
            }
            Map<String, Campaigns.Score> s1 = byId(campaigns.scores(ids[0]));
            assertThat(s1.get("1.1").automatic()).isTrue();
            assertThat(s1.get("1.1").points()).isZero();
            assertThat(s1.get("1.1").evidence()).contains("hộ HA1").contains("2 trẻ 6–14 tuổi").contains("1 đang đi học").contains("AC2");
            assertThat(byId(campaigns.scores(ids[1])).get("1.1").points()).isEqualTo(10);
            Campaigns.Score s3 = byId(campaigns.scores(ids[2])).get("1.1");
            assertThat(s3.points()).isEqualTo(10);
            assertThat(s3.evidence()).contains("1 được miễn");
            assertThat(campaigns.dossier(ids[0]).total()).isEqualTo(90);
            assertThat(campaigns.dossier(ids[1]).total()).isEqualTo(100);

            // two of the village's three register households recognised as learning families
            DemoCampaigns.act("association", Role.ASSOCIATION_MEMBER, COMMUNE);
            campaigns.bulk(java.util.List.of(ids[1], ids[2]), Step.REVIEW, null);
            DemoCampaigns.act("officer", Role.COMMUNE_OFFICER, COMMUNE);
            campaigns.bulk(java.util.List.of(ids[1], ids[2]), Step.DECIDE, null);
            long cc = campaigns.createCampaign(year, TitleKind.CONG_DONG, COMMUNE, null, open()).id();
            long community = campaigns.register(cc, new Campaigns.NewDossier(SubjectType.COMMUNITY, village, COMMUNE, v, null, null)).id();
            campaigns.selfAssess(community, Map.of(), 0);
            Campaigns.Score share = byId(campaigns.scores(community)).get("2.1");
            assertThat(share.automatic()).isTrue();
            // 2/3 = 66.7 % → 20 × 0.667 / 0.7 = 19.05 → 19 points
            assertThat(share.points()).isEqualTo(19);
            assertThat(share.evidence()).contains("2 gia đình").contains("3 hộ trong sổ phổ cập");
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    static Map<String, Campaigns.Score> byId(java.util.List<Campaigns.Score> scores) {
        Map<String, Campaigns.Score> m = new HashMap<>();
        scores.forEach(s -> m.put(s.indicatorId(), s));
        return m;
    }

    @Test
    void theCityAdministratorPublishesANewVersionAndEvaluationsKeepTheirs() throws Exception {
        CriteriaSets.StoredSet v1 = sets.latest("dhht");   // the version new dossiers use (2 since issue 15)
        String text = v1.text().replaceFirst("set \\| dhht \\| \\d+ \\|", "set | dhht | 2 |");
        DemoCampaigns.act("officer", Role.COMMUNE_OFFICER, "00103");
        try {
            long c = campaigns.createCampaign(2043, TitleKind.DONG_HO, "00103", null, open()).id();
            long d = campaigns.register(c, new Campaigns.NewDossier(SubjectType.CLAN, "Họ Phạm", "00103", null, null, "dhht")).id();
            assertThatThrownBy(() -> sets.publish(text)).isInstanceOf(AccessDeniedException.class);
            DemoCampaigns.act("admin", Role.CITY_ADMIN, "01");
            int max = sets.versions("dhht").stream().mapToInt(s -> s.set().version()).max().orElseThrow();
            String next = v1.text().replaceFirst("set \\| dhht \\| \\d+ \\|", "set | dhht | " + (max + 1) + " |");
            CriteriaSets.StoredSet published = sets.publish(next);
            assertThat(published.set().version()).isEqualTo(max + 1);
            assertThat(sets.latest("dhht").id()).isEqualTo(published.id());
            assertThat(published.set().isUnverified()).isTrue();
            // the evaluation registered before keeps its version and hash
            DemoCampaigns.act("officer", Role.COMMUNE_OFFICER, "00103");
            assertThat(campaigns.dossier(d).criteriaSetId()).isEqualTo(v1.id());
            assertThat(campaigns.dossier(d).criteriaSha256()).isEqualTo(v1.sha256());
            DemoCampaigns.act("admin", Role.CITY_ADMIN, "01");
            // the same version again, or a broken text: refused with what to fix, nothing stored
            assertThatThrownBy(() -> sets.publish(next)).isInstanceOf(ValidationException.class).hasMessageContaining("titles.error.set-version");
            String broken = next.replaceFirst("set \\| dhht \\| " + (max + 1), "set | dhht | " + (max + 2)).replace("| 10 |", "| x |");
            assertThatThrownBy(() -> sets.publish(broken)).isInstanceOfSatisfying(DetailedValidation.class,
                    e -> assertThat(e.detail()).matches("bo-tieu-chi\\.txt:\\d+: .*"));
            assertThat(sets.latest("dhht").id()).isEqualTo(published.id());
            assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'titles.criteria-set.publish' and entity_id = ?",
                    Integer.class, String.valueOf(published.id()))).isEqualTo(1);
            // the administrator's page has the edit form with the current text
            String page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/titles/sets/" + published.id())
                    .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic("admin", ADMIN_PASSWORD)))
                    .andReturn().getResponse().getContentAsString();
            assertThat(page).contains("id=\"publish-set\"").contains("set | dhht | " + (max + 1)).contains("Tiêu chí tạm thời của HọcTập");
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void theDemoHasACampaignOfTheCurrentYearWithEveryStatus() {
        demo.create();
        int year = HanoiTime.today().getYear();
        Set<String> statuses = Set.copyOf(jdbc.queryForList("""
                select distinct e.status from titles_evaluation e join titles_campaign c on c.id = e.campaign_id
                where c.year = ? and (e.commune_code = '00004')""", String.class, year));
        for (TitleStatus s : TitleStatus.values()) {
            assertThat(statuses).as("demo status " + s).contains(s.name());
        }
        String revoked = jdbc.queryForObject("select credential_id from titles_evaluation e join titles_campaign c on c.id = e.campaign_id"
                + " where c.year = ? and e.status = 'REVOKED' and e.commune_code = '00004'", String.class, year);
        assertThat(certificates.revocations().isRevoked(revoked)).isTrue();
        String code = jdbc.queryForObject("select verification_code from titles_evaluation e join titles_campaign c on c.id = e.campaign_id"
                + " where c.year = ? and e.status = 'REVOKED' and e.commune_code = '00004'", String.class, year);
        assertThat(certificates.verify(code).orElseThrow().valid()).isFalse();
    }
}
