package vn.hoctap.titles.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

import vn.hoctap.IntegrationTest;
import vn.hoctap.accounts.Role;
import vn.hoctap.learning.LearningRecord;
import vn.hoctap.platform.HanoiTime;
import vn.hoctap.titles.core.CampaignWorkflow;
import vn.hoctap.titles.core.SubjectType;
import vn.hoctap.titles.core.TitleKind;

/**
 * "Công dân học tập" 1.2 (joins classes at the centre) is read from the lifelong learning record when the evaluation
 * names a register id: one course this year → full points; none → 0 whatever was typed; no id → the typed points stay.
 * Commune 00199 (Láng) only here.
 */
class CitizenLearningCriterionTest extends IntegrationTest {

    @Autowired
    Campaigns campaigns;
    @Autowired
    CriteriaSets sets;
    @Autowired
    LearningRecord learning;

    @Test
    void pointsOfTheLearningItemComeFromTheRecord() {
        int year = HanoiTime.today().getYear();
        String withCourse = "LANG-" + System.nanoTime();
        String without = withCourse + "-X";
        DemoCampaigns.act("officer.lang", Role.COMMUNE_OFFICER, "00199");
        try {
            learning.recordVerified(new LearningRecord.NewEntry(withCourse, "00199", "Lớp pháp luật cơ sở", "class", "legal",
                    "TTHTCĐ phường Láng", null, LocalDate.of(year, 3, 1), LocalDate.of(year, 3, 30), new BigDecimal("6"), null));
            // last year's course does not count for this year's title
            learning.recordVerified(new LearningRecord.NewEntry(without, "00199", "Lớp cũ", "class", "health",
                    "TTHTCĐ phường Láng", null, LocalDate.of(year - 1, 3, 1), null, new BigDecimal("4"), null));
            var d = new CampaignWorkflow.Deadlines(HanoiTime.today().plusDays(5), HanoiTime.today().plusDays(10),
                    HanoiTime.today().plusDays(15), HanoiTime.today().plusDays(20));
            long c = campaigns.createCampaign(year, TitleKind.CONG_DAN, "00199", null, d).id();
            long a = campaigns.register(c, new Campaigns.NewDossier(SubjectType.CITIZEN, "Người dân A", "00199", null, null, "cdht-residents", withCourse)).id();
            long b = campaigns.register(c, new Campaigns.NewDossier(SubjectType.CITIZEN, "Người dân B", "00199", null, null, "cdht-residents", without)).id();
            long n = campaigns.register(c, new Campaigns.NewDossier(SubjectType.CITIZEN, "Người dân C", "00199", null, null, "cdht-residents")).id();
            int max = sets.latest("cdht-residents").set().indicator("1.2").get().maxPoints();
            Map<String, Integer> typed = new HashMap<>();
            typed.put("1.2", 5);
            for (long id : new long[] {a, b, n}) campaigns.selfAssess(id, typed, 0);
            Map<String, Campaigns.Score> sa = byId(a), sb = byId(b), sn = byId(n);
            assertThat(sa.get("1.2").points()).isEqualTo(max);
            assertThat(sa.get("1.2").automatic()).isTrue();
            assertThat(sa.get("1.2").evidence()).contains("1 khóa, lớp (1 do đơn vị xác nhận), 6 giờ");
            assertThat(sb.get("1.2").points()).isZero();
            assertThat(sb.get("1.2").evidence()).contains("0 khóa");
            assertThat(sn.get("1.2").points()).isEqualTo(5);
            assertThat(sn.get("1.2").automatic()).isFalse();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Autowired
    vn.hoctap.reporting.OrganisationRegistry registry;
    @Autowired
    vn.hoctap.indicators.IndicatorValues indicatorValues;

    /**
     * model.learning_units divides by the register of organisations: Láng has 4 organisations in force on 31/12 of this
     * year, 2 of them candidates, 1 recognised and published → 1 of 4 = 25 % (not 1 of 2).
     */
    @Test
    void learningUnitsAreCountedOverTheRegister() {
        int year = HanoiTime.today().getYear();
        DemoCampaigns.act("city.lang", Role.CITY_OFFICER, "01");
        try {
            var r = registry.importCsv("code,name,kind,school_level,ownership,commune_code,staff,valid_from,valid_until,former_commune_code\n"
                    + ",Trường Tiểu học thử Láng,school,tieu_hoc,public,00199,,2020-01-01,,\n"
                    + ",Trường THCS thử Láng,school,thcs,public,00199,,2020-01-01,,\n"
                    + ",Công ty thử Láng,enterprise,,private,00199,,2020-01-01,,\n"
                    + ",UBND thử Láng,agency,,public,00199,30,2020-01-01,,\n"
                    + ",Hợp tác xã đã giải thể,enterprise,,private,00199,,2020-01-01,2021-01-01,\n", false);
            assertThat(r.errors()).isEmpty();
            int inRegister = registry.countsInForce(LocalDate.of(year, 12, 31), null).get("00199");
            var d = new CampaignWorkflow.Deadlines(HanoiTime.today().plusDays(5), HanoiTime.today().plusDays(10),
                    HanoiTime.today().plusDays(15), HanoiTime.today().plusDays(20));
            long c = campaigns.createCampaign(year, TitleKind.DON_VI, "00199", null, d).id();
            DemoCampaigns.act("officer.lang", Role.COMMUNE_OFFICER, "00199");
            long a = campaigns.register(c, new Campaigns.NewDossier(SubjectType.UNIT, "Trường Tiểu học thử Láng", "00199", null, null, "dvht")).id();
            campaigns.register(c, new Campaigns.NewDossier(SubjectType.UNIT, "Công ty thử Láng", "00199", null, null, "dvht"));
            Map<String, Integer> full = new HashMap<>();
            sets.latest("dvht").set().indicators().forEach((id, ind) -> full.put(id, ind.maxPoints()));
            campaigns.selfAssess(a, full, 0);
            campaigns.step(a, CampaignWorkflow.Step.REVIEW, null);
            campaigns.step(a, CampaignWorkflow.Step.DECIDE, null);   // a school under the commune: the commune decides (issue 15)
            campaigns.step(a, CampaignWorkflow.Step.PUBLISH, null);
            var v = indicatorValues.forYear(year).values().get("model.learning_units").get("00199");
            // Láng's register: the four of this test in force (the cooperative dissolved in 2021 is not) — not the 2 candidates
            assertThat(inRegister).isEqualTo(4);
            assertThat(v.numerator()).isEqualTo(1.0);
            assertThat(v.denominator()).isEqualTo(4.0);
            assertThat(v.value()).isEqualTo(25.0);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    Map<String, Campaigns.Score> byId(long evaluation) {
        Map<String, Campaigns.Score> m = new HashMap<>();
        campaigns.scores(evaluation).forEach(s -> m.put(s.indicatorId(), s));
        return m;
    }
}
