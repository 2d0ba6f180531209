package vn.hoctap.standards.core;


import vn.hoctap.standards.core.Criterion;
import vn.hoctap.standards.core.Explanation;
import vn.hoctap.standards.core.Percent;
import vn.hoctap.standards.core.Person;
import vn.hoctap.standards.core.RuleSet;
import vn.hoctap.standards.core.Standard;
import vn.hoctap.standards.core.UnitResult;
import vn.hoctap.standards.core.Units;
import vn.hoctap.standards.core.VerificationStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoctap.standards.core.Fixtures.Y;
import static vn.hoctap.standards.core.Fixtures.pop;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExplanationTest {
    final Units units = Fixtures.oneCity();

    @Test
    void communeExplanationsNameTheFailingConditionAndHowManyMoreAreNeeded() {
        // 17/20 aged 6 in grade 1 (85 %), all completed preschool; 10 aged 11: 7 completed, 2 in primary, 1 neither
        var p = pop().add("00001", 17, 6, b -> b.enrolment(Person.Enrolment.PRIMARY).grade(1).preschoolCompleted(Y))
                .add("00001", 3, 6, b -> b.preschoolCompleted(Y))
                .add("00001", 7, 11, b -> b.primaryCompleted(Y))
                .add("00001", 2, 11, b -> b.enrolment(Person.Enrolment.PRIMARY).grade(5))
                .add("00001", 1, 11);
        UnitResult u = p.run(units).unit("00001");
        assertThat(u.levels().th()).isEqualTo(0);
        List<Explanation> th = u.explanations(Standard.TH);
        assertThat(th).extracting(Explanation::level).containsExactly(1, 2, 3);

        // level 1: grade1 17/20 < 90 % -> 1 more (18/20 = 90 %)
        assertThat(th.get(0).failures()).singleElement().isInstanceOfSatisfying(Explanation.RateBelowThreshold.class, f -> {
            assertThat(f.criterion()).isEqualTo(Criterion.TH_GRADE1_AGE6);
            assertThat(f.numerator()).isEqualTo(17);
            assertThat(f.denominator()).isEqualTo(20);
            assertThat(f.threshold()).isEqualTo(Percent.of(90));
            assertThat(f.additionalNeeded()).isEqualTo(1);
            assertThat(f.reachableAlone()).isTrue();
            assertThat(f.rule().status()).isEqualTo(VerificationStatus.V);
            assertThat(f.messageEn()).contains("TH.grade1_age6").contains("17/20").contains("90%").contains("1 more person");
            assertThat(f.messageVi()).contains("cần thêm 1 người");
        });
        // level 2: level 1 missing; grade1 17/20 < 95 % -> 2 more; complete11 7/10 < 80 % -> 1; in primary 9/10 < 100 % -> 1
        assertThat(th.get(1).failures()).hasSize(4);
        assertThat(th.get(1).failures().get(0)).isEqualTo(new Explanation.LowerLevelMissing(1, 0));
        assertThat(th.get(1).failures().subList(1, 4)).extracting(f -> ((Explanation.RateBelowThreshold) f).additionalNeeded())
                .containsExactly(2L, 1L, 1L);
        // level 3: grade1 < 98 % -> 3 more (20/20; 19/20 = 95 % < 98 %); complete11 7/10 < 90 % -> 2 more
        assertThat(th.get(2).failures().get(0)).isEqualTo(new Explanation.LowerLevelMissing(2, 0));
        assertThat(th.get(2).failures().subList(1, 3)).extracting(f -> ((Explanation.RateBelowThreshold) f).additionalNeeded())
                .containsExactly(3L, 2L);
        assertThat(th.get(2).failures().get(1)).isInstanceOfSatisfying(Explanation.RateBelowThreshold.class,
                f -> assertThat(f.rule().status()).isEqualTo(VerificationStatus.S));
    }

    @Test
    void reachedLevelsHaveNoExplanation() {
        UnitResult u = pop().add("00001", 9, 6, b -> b.enrolment(Person.Enrolment.PRIMARY).grade(1).preschoolCompleted(Y))
                .add("00001", 1, 6, b -> b.preschoolCompleted(Y)).run(units).unit("00001");
        assertThat(u.levels().th()).isEqualTo(1);
        assertThat(u.explanations(Standard.TH)).extracting(Explanation::level).containsExactly(2, 3);
        assertThat(u.explanations(Standard.MN5)).isEmpty();
        // level 3: only "level 2 missing" and grade1 9/10 < 98 % -> 1 more (10/10)
        assertThat(u.explanations(Standard.TH).get(1).failures()).hasSize(2);
    }

    @Test
    void thresholdAboveWhatTheDenominatorAllowsIsReportedAsUnreachable() {
        Explanation.RateBelowThreshold f = new Explanation.RateBelowThreshold(Criterion.TH_GRADE1_AGE6, null, null, 5, 10,
                Percent.of(90), 4, true, RuleSet.defaults().thresholds(Standard.TH, 1).get(0));
        assertThat(f.messageEn()).contains("4 more persons");
        Explanation.RateBelowThreshold g = new Explanation.RateBelowThreshold(Criterion.TH_GRADE1_AGE6, null, null, 5, 10,
                Percent.of(90), 11, false, RuleSet.defaults().thresholds(Standard.TH, 1).get(0));
        assertThat(g.messageEn()).contains("cannot be reached by this criterion alone");
        assertThat(g.messageVi()).contains("không thể đạt");
    }
}
