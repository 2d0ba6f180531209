package vn.hoctap.indicators.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.hoctap.standards.core.Criterion;
import vn.hoctap.standards.core.Percent;
import vn.hoctap.standards.core.Rate;
import vn.hoctap.standards.core.RuleSet;
import vn.hoctap.standards.core.StandardsEngine;
import vn.hoctap.standards.core.StandardsResult;
import vn.hoctap.standards.core.Unit;
import vn.hoctap.standards.core.UnitLevel;
import vn.hoctap.standards.core.Units;
import vn.hoctap.standards.core.VerificationStatus;

/** Issue 15: the city's status under the strict reading (rule set v2) beside the contract's default (v1). */
class StatusRuleReadingTest {

    /**
     * A city without districts and 10 communes; 9 reach XMC level 2, one reaches only level 1 (60/100 literate at
     * level 2 among 15–60). v1 (contract): the district percentage over communes, XMC 2 ≥ 90%: 9/10 = 90% → met.
     * v2 (strict): the city percentage, 100%: 9/10 → not met. XMC 1 is 10/10 in both, so level 1 holds.
     */
    @Test
    void xmcLevel2OfACityWithoutDistricts() {
        List<Unit> list = new ArrayList<>(List.of(Unit.city("01", "Thành phố")));
        Map<String, Map<Criterion, Rate>> rates = new LinkedHashMap<>();
        for (int i = 1; i <= 10; i++) {
            String code = String.format("%05d", i);
            list.add(Unit.commune(code, "Xã " + i, "01", false));
            rates.put(code, Map.of(Criterion.XMC_LIT1_15_35, new Rate(100, 100),
                    Criterion.XMC_LIT2_15_60, new Rate(i == 10 ? 60 : 95, 100)));
        }
        Units units = Units.of(list);
        StandardsResult v1 = new StandardsEngine(units, RuleSet.defaults(), 2025).evaluate(rates);
        StandardsResult v2 = StatusRuleReading.reevaluate(v1, units, RuleSet.bundled(StatusRuleReading.APPLIED));

        StatusRuleReading r = StatusRuleReading.of("xmc.level2", "01", v2, v1);
        assertThat(r.applied().ruleSet()).isEqualTo("nd20-2014-v2");
        assertThat(r.applied().counted()).isEqualTo(UnitLevel.COMMUNE);
        assertThat(r.applied().meeting()).isEqualTo(9);
        assertThat(r.applied().total()).isEqualTo(10);
        assertThat(r.applied().percent()).isEqualTo(Percent.of(100));
        assertThat(r.applied().cityPercentages()).isTrue();
        assertThat(r.applied().met()).isFalse();
        assertThat(r.applied().status()).isEqualTo(VerificationStatus.M);
        assertThat(r.alternative().ruleSet()).isEqualTo("nd20-2014-v1");
        assertThat(r.alternative().percent()).isEqualTo(Percent.of(90));
        assertThat(r.alternative().cityPercentages()).isFalse();
        assertThat(r.alternative().met()).isTrue();
        // the contract's default output is unchanged: v1 still says XMC 2 for the city
        assertThat(v1.find("01").levels().xmc()).isEqualTo(2);
        assertThat(v2.find("01").levels().xmc()).isEqualTo(1);
    }

    /**
     * A city with one district of 11 communes, 10 at TH level 3 and one at level 2 (6-year-olds in grade 1: 97/100,
     * below 98 but at least 95); the case of Dương Minh Châu (10 of 11 xã). v1: district TH 3 needs 100% → the district
     * and the city (100% of districts) are at level 2. v2: district TH 3 ≥ 90%: 10/11 = 90.9% → level 3, and the city
     * (1/1 district) too.
     */
    @Test
    void primaryLevel3OfADistrictIsNinetyPercentOfCommunesInVersion2() {
        List<Unit> list = new ArrayList<>(List.of(Unit.city("01", "Thành phố"), Unit.district("001", "Huyện", "01")));
        Map<String, Map<Criterion, Rate>> rates = new LinkedHashMap<>();
        for (int i = 1; i <= 11; i++) {
            String code = String.format("%05d", i);
            list.add(Unit.commune(code, "Xã " + i, "001", false));
            rates.put(code, Map.of(Criterion.TH_GRADE1_AGE6, new Rate(i == 11 ? 97 : 99, 100)));
        }
        Units units = Units.of(list);
        StandardsResult v1 = new StandardsEngine(units, RuleSet.defaults(), 2024).evaluate(rates);
        StandardsResult v2 = StatusRuleReading.reevaluate(v1, units, RuleSet.bundled(StatusRuleReading.APPLIED));
        assertThat(v1.find("001").levels().th()).isEqualTo(2);
        assertThat(v2.find("001").levels().th()).isEqualTo(3);
        assertThat(v2.find("001").meeting().get(vn.hoctap.standards.core.StandardLevel.TH3)).isEqualTo(10);

        StatusRuleReading r = StatusRuleReading.of("pcgd.th3", "01", v2, v1);
        assertThat(r.applied().counted()).isEqualTo(UnitLevel.DISTRICT);
        assertThat(r.applied().meeting()).isEqualTo(1);
        assertThat(r.applied().total()).isEqualTo(1);
        assertThat(r.applied().met()).isTrue();
        assertThat(r.alternative().meeting()).isZero();
        assertThat(r.alternative().met()).isFalse();
    }
}
