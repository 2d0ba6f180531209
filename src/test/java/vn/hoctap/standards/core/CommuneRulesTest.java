package vn.hoctap.standards.core;


import vn.hoctap.standards.core.Criterion;
import vn.hoctap.standards.core.Explanation;
import vn.hoctap.standards.core.Levels;
import vn.hoctap.standards.core.Person;
import vn.hoctap.standards.core.Rate;
import vn.hoctap.standards.core.RuleSet;
import vn.hoctap.standards.core.Standard;
import vn.hoctap.standards.core.UnitResult;
import vn.hoctap.standards.core.Units;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoctap.standards.core.Fixtures.Y;
import static vn.hoctap.standards.core.Fixtures.pop;

import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Commune criteria and levels; every expected value is worked out by hand from standards.md. */
class CommuneRulesTest {
    static final String N = "00001"; // ordinary commune
    static final String D = "00002"; // xã ĐBKK
    final Units units = Fixtures.oneCity();

    private Levels levels(Fixtures.Pop p, String commune) { return p.run(units).unit(commune).levels(); }

    private Rate rate(Fixtures.Pop p, String commune, Criterion c) { return p.run(units).unit(commune).criteria().get(c); }

    @Test
    void emptyCommuneMeetsEverythingBecauseEveryDenominatorIsZero() {
        UnitResult u = pop().run(units).unit(N);
        assertThat(u.levels()).isEqualTo(new Levels(true, 3, 3, 2));
        assertThat(u.criteria()).hasSize(12);
        assertThat(u.criteria().values()).allMatch(r -> r.numerator() == 0 && r.denominator() == 0);
        assertThat(u.explanations()).isEmpty();
    }

    @Nested
    class Mn5 {
        @ParameterizedTest(name = "{0}: {1}/20 aged 5 in preschool -> MN5 {2}")
        @CsvSource({"00001, 19, true", "00001, 18, false", "00002, 18, true", "00002, 17, false"})
        void attendAge5AtAndBelowThreshold(String commune, int attending, boolean met) {
            var p = pop().add(commune, attending, 5, b -> b.enrolment(Person.Enrolment.PRESCHOOL))
                    .add(commune, 20 - attending, 5);
            assertThat(rate(p, commune, Criterion.MN5_ATTEND_AGE5)).isEqualTo(new Rate(attending, 20));
            assertThat(levels(p, commune).mn5()).isEqualTo(met);
        }

        @ParameterizedTest(name = "{0}: {1}/20 aged 6 completed preschool -> MN5 {2}")
        @CsvSource({"00001, 17, true", "00001, 16, false", "00002, 16, true", "00002, 15, false"})
        void completeAge6AtAndBelowThreshold(String commune, int completed, boolean met) {
            var p = pop().add(commune, completed, 6, b -> b.preschoolCompleted(Y))
                    .add(commune, 20 - completed, 6);
            assertThat(rate(p, commune, Criterion.MN5_COMPLETE_AGE6)).isEqualTo(new Rate(completed, 20));
            assertThat(levels(p, commune).mn5()).isEqualTo(met);
        }

        @Test
        void completionAfterTheDataYearDoesNotCount() {
            var p = pop().add(N, 17, 6, b -> b.preschoolCompleted(Y + 1)).add(N, 3, 6, b -> b.preschoolCompleted(Y - 1));
            assertThat(rate(p, N, Criterion.MN5_COMPLETE_AGE6)).isEqualTo(new Rate(3, 20));
            assertThat(levels(p, N).mn5()).isFalse();
        }

        @Test
        void disabledWhoCannotLearnAreLeftOutOfNumeratorAndDenominator() {
            var exempt = pop().add(N, 18, 5, b -> b.enrolment(Person.Enrolment.PRESCHOOL))
                    .add(N, 2, 5, b -> b.disability(Person.Disability.CANNOT_LEARN));
            assertThat(rate(exempt, N, Criterion.MN5_ATTEND_AGE5)).isEqualTo(new Rate(18, 18));
            assertThat(levels(exempt, N).mn5()).isTrue();
            // can_learn persons are not exempt: 18/20 = 90 % < 95 %
            var notExempt = pop().add(N, 18, 5, b -> b.enrolment(Person.Enrolment.PRESCHOOL))
                    .add(N, 2, 5, b -> b.disability(Person.Disability.CAN_LEARN));
            assertThat(rate(notExempt, N, Criterion.MN5_ATTEND_AGE5)).isEqualTo(new Rate(18, 20));
            assertThat(levels(notExempt, N).mn5()).isFalse();
        }

        @Test
        void exemptPersonsAreLeftOutOfEveryCriterion() {
            UnaryOperator<Person.Builder> exempt = b -> b.disability(Person.Disability.CANNOT_LEARN);
            var p = pop();
            for (int age : new int[] {5, 6, 11, 14, 16, 20, 40}) p.add(N, 1, age, exempt);
            UnitResult u = p.run(units).unit(N);
            assertThat(u.criteria().values()).allMatch(r -> r.denominator() == 0);
            assertThat(p.run(units).personsExempt()).isEqualTo(7);
        }
    }

    @Nested
    class Primary {
        @ParameterizedTest(name = "{0} of {1} aged 6 in grade 1 -> TH {2}")
        @CsvSource({"9, 10, 1", "8, 10, 0", "19, 20, 2", "18, 20, 1", "49, 50, 3", "48, 50, 2"})
        void grade1Age6Levels(int inGrade1, int total, int th) {
            var p = pop().add(N, inGrade1, 6, b -> b.enrolment(Person.Enrolment.PRIMARY).grade(1))
                    .add(N, total - inGrade1, 6);
            assertThat(rate(p, N, Criterion.TH_GRADE1_AGE6)).isEqualTo(new Rate(inGrade1, total));
            assertThat(levels(p, N).th()).isEqualTo(th);
        }

        @Test
        void grade1NeedsPrimaryEnrolmentAndGradeOne() {
            var p = pop().add(N, 1, 6, b -> b.enrolment(Person.Enrolment.PRIMARY).grade(1))
                    .add(N, 1, 6, b -> b.enrolment(Person.Enrolment.PRIMARY).grade(2))
                    .add(N, 1, 6, b -> b.enrolment(Person.Enrolment.PRESCHOOL))
                    .add(N, 1, 7, b -> b.enrolment(Person.Enrolment.PRIMARY).grade(1));
            assertThat(rate(p, N, Criterion.TH_GRADE1_AGE6)).isEqualTo(new Rate(1, 3));
        }

        @ParameterizedTest(name = "{0}: {1}/10 aged 14 completed primary -> TH {2}")
        @CsvSource({"00001, 8, 3", "00001, 7, 0", "00002, 7, 3", "00002, 6, 0"})
        void completeAge14(String commune, int completed, int th) {
            var p = pop().add(commune, completed, 14, b -> b.primaryCompleted(Y - 3)).add(commune, 10 - completed, 14);
            assertThat(rate(p, commune, Criterion.TH_COMPLETE_AGE14)).isEqualTo(new Rate(completed, 10));
            // the other TH criteria have empty cohorts, so TH.complete_age14 decides level 1 and everything above
            assertThat(levels(p, commune).th()).isEqualTo(th);
        }

        @ParameterizedTest(name = "{0}: 11-year-olds {1} completed, {2} in primary, {3} neither -> TH {4}")
        @CsvSource({
            "00001, 9, 1, 0, 3",  // 90 % completed, 100 % completed-or-in-primary
            "00001, 8, 2, 0, 2",  // 80 % < 90 % for level 3
            "00001, 7, 3, 0, 1",  // 70 % < 80 % for level 2
            "00001, 9, 0, 1, 1",  // 90 % completed but one 11-year-old out of primary: not 100 %
            "00002, 8, 2, 0, 3",  // ĐBKK: 80 % meets level 3 (80)
            "00002, 7, 3, 0, 2",  // ĐBKK: 70 % meets level 2 (70), not level 3 (80)
            "00002, 6, 4, 0, 1"   // ĐBKK: 60 % < 70 %
        })
        void age11(String commune, int completed, int inPrimary, int neither, int th) {
            var p = pop().add(commune, completed, 11, b -> b.primaryCompleted(Y))
                    .add(commune, inPrimary, 11, b -> b.enrolment(Person.Enrolment.PRIMARY).grade(5))
                    .add(commune, neither, 11);
            int total = completed + inPrimary + neither;
            assertThat(rate(p, commune, Criterion.TH_COMPLETE_AGE11)).isEqualTo(new Rate(completed, total));
            assertThat(rate(p, commune, Criterion.TH_AGE11_IN_PRIMARY)).isEqualTo(new Rate(completed + inPrimary, total));
            assertThat(levels(p, commune).th()).isEqualTo(th);
        }

        @Test
        void grade1ThresholdHasNoDisadvantagedVariant() {
            var p = pop().add(D, 8, 6, b -> b.enrolment(Person.Enrolment.PRIMARY).grade(1)).add(D, 2, 6);
            assertThat(levels(p, D).th()).isEqualTo(0); // 80 % < 90 % also in a xã ĐBKK
        }
    }

    @Nested
    class Literacy {
        @ParameterizedTest(name = "normal commune: {0} literate(L2)/{1} aged 20 -> XMC {2}")
        @CsvSource({"9, 10, 2", "8, 10, 0", "18, 20, 2", "17, 20, 0"})
        void lit15to35and15to60(int literate, int total, int xmc) {
            var p = pop().add(N, literate, 20, Fixtures::literate2).add(N, total - literate, 20, Fixtures::illiterate);
            assertThat(rate(p, N, Criterion.XMC_LIT1_15_35)).isEqualTo(new Rate(literate, total));
            assertThat(rate(p, N, Criterion.XMC_LIT2_15_60)).isEqualTo(new Rate(literate, total));
            assertThat(levels(p, N).xmc()).isEqualTo(xmc);
        }

        @Test
        void level1OnlyWhenLiterateAtLevel1ButNotLevel2() {
            var p = pop().add(N, 9, 20, b -> b.highestGradeCompleted(3)).add(N, 1, 20, Fixtures::illiterate);
            assertThat(rate(p, N, Criterion.XMC_LIT1_15_35)).isEqualTo(new Rate(9, 10));
            assertThat(rate(p, N, Criterion.XMC_LIT2_15_60)).isEqualTo(new Rate(0, 10));
            assertThat(levels(p, N).xmc()).isEqualTo(1);
        }

        @Test
        void olderAdultsCountOnlyForLevel2InAnOrdinaryCommune() {
            // 10 literate aged 20 + 2 illiterate aged 40: lit1_15_35 = 10/10, lit2_15_60 = 10/12 = 83.3 %
            var p = pop().add(N, 10, 20, Fixtures::literate2).add(N, 2, 40, Fixtures::illiterate);
            assertThat(rate(p, N, Criterion.XMC_LIT2_15_60)).isEqualTo(new Rate(10, 12));
            assertThat(levels(p, N).xmc()).isEqualTo(1);
        }

        @Test
        void disadvantagedCommuneUses15to25And15to35() {
            // 9 literate + 1 illiterate aged 20, 5 illiterate aged 30
            var mk = (java.util.function.Function<String, Fixtures.Pop>) c -> pop()
                    .add(c, 9, 20, Fixtures::literate2).add(c, 1, 20, Fixtures::illiterate).add(c, 5, 30, Fixtures::illiterate);
            Fixtures.Pop dis = mk.apply(D);
            assertThat(rate(dis, D, Criterion.XMC_LIT1_15_25)).isEqualTo(new Rate(9, 10));  // 90 % -> level 1
            assertThat(rate(dis, D, Criterion.XMC_LIT2_15_35)).isEqualTo(new Rate(9, 15));  // 60 % -> not level 2
            assertThat(levels(dis, D).xmc()).isEqualTo(1);
            Fixtures.Pop normal = mk.apply(N);
            assertThat(rate(normal, N, Criterion.XMC_LIT1_15_35)).isEqualTo(new Rate(9, 15)); // 60 % -> level 0
            assertThat(levels(normal, N).xmc()).isEqualTo(0);
        }

        @Test
        void disadvantagedCommuneIgnoresAdultsOver35ForLevel2() {
            var mk = (java.util.function.Function<String, Fixtures.Pop>) c -> pop()
                    .add(c, 10, 20, Fixtures::literate2).add(c, 5, 40, Fixtures::illiterate);
            assertThat(levels(mk.apply(D), D).xmc()).isEqualTo(2);
            assertThat(levels(mk.apply(N), N).xmc()).isEqualTo(1); // 10/15 = 66.7 % of 15–60
        }

        @Test
        void disadvantagedAtExactlyNinetyAndOneBelow() {
            // ĐBKK: 9/10 aged 25 literate -> level 2 (lit1_15_25 = lit2_15_35 = 90 %); 8/10 -> 0
            var at = pop().add(D, 9, 25, Fixtures::literate2).add(D, 1, 25, Fixtures::illiterate);
            assertThat(levels(at, D).xmc()).isEqualTo(2);
            var below = pop().add(D, 8, 25, Fixtures::literate2).add(D, 2, 25, Fixtures::illiterate);
            assertThat(levels(below, D).xmc()).isEqualTo(0);
            // aged 26–35 are outside lit1_15_25 but inside lit2_15_35: 9/10 at 25 plus 1 illiterate at 30 -> 9/11 < 90 % for level 2
            var older = pop().add(D, 9, 25, Fixtures::literate2).add(D, 1, 25, Fixtures::literate2).add(D, 2, 30, Fixtures::illiterate);
            assertThat(rate(older, D, Criterion.XMC_LIT1_15_25)).isEqualTo(new Rate(10, 10));
            assertThat(rate(older, D, Criterion.XMC_LIT2_15_35)).isEqualTo(new Rate(10, 12));
            assertThat(levels(older, D).xmc()).isEqualTo(1);
        }

        @Test
        void cohortBoundaries() {
            var p = pop().add(N, 1, 14, Fixtures::illiterate).add(N, 1, 15, Fixtures::illiterate)
                    .add(N, 1, 25, Fixtures::illiterate).add(N, 1, 26, Fixtures::illiterate)
                    .add(N, 1, 35, Fixtures::illiterate).add(N, 1, 36, Fixtures::illiterate)
                    .add(N, 1, 60, Fixtures::illiterate).add(N, 1, 61, Fixtures::illiterate);
            UnitResult u = p.run(units).unit(N);
            assertThat(u.criteria().get(Criterion.XMC_LIT1_15_25).denominator()).isEqualTo(2);  // 15, 25
            assertThat(u.criteria().get(Criterion.XMC_LIT1_15_35).denominator()).isEqualTo(4);  // 15, 25, 26, 35
            assertThat(u.criteria().get(Criterion.XMC_LIT2_15_35).denominator()).isEqualTo(4);
            assertThat(u.criteria().get(Criterion.XMC_LIT2_15_60).denominator()).isEqualTo(6);  // + 36, 60
        }

        static Stream<Arguments> literacyCases() {
            return Stream.of(
                    Arguments.of("grade 2", (UnaryOperator<Person.Builder>) b -> b.highestGradeCompleted(2), 0, 0),
                    Arguments.of("grade 3", (UnaryOperator<Person.Builder>) b -> b.highestGradeCompleted(3), 1, 0),
                    Arguments.of("grade 4", (UnaryOperator<Person.Builder>) b -> b.highestGradeCompleted(4), 1, 0),
                    Arguments.of("grade 5", (UnaryOperator<Person.Builder>) b -> b.highestGradeCompleted(5), 1, 1),
                    Arguments.of("stage 0", (UnaryOperator<Person.Builder>) b -> b.literacyStageCompleted(0), 0, 0),
                    Arguments.of("stage 1", (UnaryOperator<Person.Builder>) b -> b.literacyStageCompleted(1), 1, 0),
                    Arguments.of("stage 2", (UnaryOperator<Person.Builder>) b -> b.literacyStageCompleted(2), 1, 1),
                    Arguments.of("primary done", (UnaryOperator<Person.Builder>) b -> b.primaryCompleted(Y - 5), 1, 1),
                    Arguments.of("primary done in Y", (UnaryOperator<Person.Builder>) b -> b.primaryCompleted(Y), 1, 1),
                    Arguments.of("primary after Y", (UnaryOperator<Person.Builder>) b -> b.primaryCompleted(Y + 1), 0, 0),
                    Arguments.of("THCS diploma", (UnaryOperator<Person.Builder>) b -> b.lowerSecondaryDiploma(Y - 2), 1, 1),
                    Arguments.of("THCS diploma after Y", (UnaryOperator<Person.Builder>) b -> b.lowerSecondaryDiploma(Y + 1), 0, 0),
                    Arguments.of("THPT", (UnaryOperator<Person.Builder>) b -> b.upperSecondaryCompleted(Y - 1), 1, 1),
                    Arguments.of("THPT after Y, grade 3", (UnaryOperator<Person.Builder>) b -> b.upperSecondaryCompleted(Y + 1).highestGradeCompleted(3), 1, 0),
                    Arguments.of("in literacy class, nothing completed", (UnaryOperator<Person.Builder>) b -> b.enrolment(Person.Enrolment.LITERACY_CLASS), 0, 0),
                    Arguments.of("nothing", (UnaryOperator<Person.Builder>) b -> b, 0, 0));
        }

        @ParameterizedTest(name = "{0}: literate level 1 = {2}, level 2 = {3}")
        @MethodSource("literacyCases")
        void derivedLiteracy(String name, UnaryOperator<Person.Builder> f, int lit1, int lit2) {
            var p = pop().add(N, 1, 30, f);
            UnitResult u = p.run(units).unit(N);
            assertThat(u.criteria().get(Criterion.XMC_LIT1_15_35)).isEqualTo(new Rate(lit1, 1));
            assertThat(u.criteria().get(Criterion.XMC_LIT2_15_60)).isEqualTo(new Rate(lit2, 1));
            assertThat(u.criteria().get(Criterion.XMC_LIT2_15_35)).isEqualTo(new Rate(lit2, 1));
        }
    }

    @Nested
    class LowerSecondary {
        private Fixtures.Pop youths(String c, int total, int diploma, int attending) {
            var p = pop();
            for (int i = 0; i < total; i++) {
                boolean dip = i < diploma;
                boolean att = i < attending;
                p.add(c, 1, 16, b -> {
                    b.highestGradeCompleted(8); // literate, so XMC does not interfere
                    if (dip) b.lowerSecondaryDiploma(Y - 1);
                    if (att) b.enrolment(Person.Enrolment.UPPER_SECONDARY).grade(11);
                    return b;
                });
            }
            return p;
        }

        @ParameterizedTest(name = "{0}: diploma {2}/{1}, attending {3}/{1} -> THCS {4}")
        @CsvSource({
            "00001, 10, 8, 0, 1", "00001, 10, 7, 0, 0", "00001, 10, 9, 0, 2",
            "00001, 20, 19, 16, 3", "00001, 20, 19, 15, 2", "00001, 20, 18, 20, 2",
            "00002, 10, 7, 0, 1", "00002, 10, 6, 0, 0", "00002, 10, 8, 0, 2",
            "00002, 20, 18, 14, 3", "00002, 20, 18, 13, 2", "00002, 20, 17, 20, 2"
        })
        void diplomaAndAttendance(String c, int total, int diploma, int attending, int thcs) {
            var p = youths(c, total, diploma, attending);
            assertThat(rate(p, c, Criterion.THCS_DIPLOMA_15_18)).isEqualTo(new Rate(diploma, total));
            assertThat(rate(p, c, Criterion.THCS_ATTEND_15_18)).isEqualTo(new Rate(attending, total));
            assertThat(levels(p, c)).isEqualTo(new Levels(true, 3, thcs, 2));
        }

        @Test
        void whatCountsAsAttendingUpperSecondary() {
            var p = pop().add(N, 1, 15, b -> b.enrolment(Person.Enrolment.UPPER_SECONDARY).grade(10))
                    .add(N, 1, 16, b -> b.enrolment(Person.Enrolment.CONTINUING_UPPER_SECONDARY))
                    .add(N, 1, 17, b -> b.enrolment(Person.Enrolment.VOCATIONAL))
                    .add(N, 1, 18, b -> b.upperSecondaryCompleted(Y))
                    .add(N, 1, 18, b -> b.upperSecondaryCompleted(Y + 1))
                    .add(N, 1, 18, b -> b.enrolment(Person.Enrolment.HIGHER))
                    .add(N, 1, 16, b -> b.enrolment(Person.Enrolment.LOWER_SECONDARY).grade(9))
                    .add(N, 1, 19, b -> b.enrolment(Person.Enrolment.VOCATIONAL))
                    .add(N, 1, 14, b -> b.enrolment(Person.Enrolment.VOCATIONAL));
            assertThat(rate(p, N, Criterion.THCS_ATTEND_15_18)).isEqualTo(new Rate(4, 7));
        }

        @Test
        void level1BlockedByPrimaryLevel0() {
            // no 6-year-old in grade 1 -> TH 0 (they completed preschool, so MN5 stays met)
            var p = youths(N, 10, 10, 10).add(N, 10, 6, b -> b.preschoolCompleted(Y));
            UnitResult u = p.run(units).unit(N);
            assertThat(u.levels()).isEqualTo(new Levels(true, 0, 0, 2));
            Explanation thcs1 = u.explanations(Standard.THCS).get(0);
            assertThat(thcs1.level()).isEqualTo(1);
            assertThat(thcs1.failures()).containsExactly(
                    new Explanation.PrerequisiteMissing(Standard.TH, 1, 0, RuleSet.defaults().prerequisites(Standard.THCS, 1).get(0)));
        }

        @Test
        void level1BlockedByLiteracyLevel0() {
            var p = youths(N, 10, 10, 10).add(N, 10, 30, Fixtures::illiterate); // lit1_15_35 = 10/20 -> XMC 0
            UnitResult u = p.run(units).unit(N);
            assertThat(u.levels()).isEqualTo(new Levels(true, 3, 0, 0));
            assertThat(u.explanations(Standard.THCS).get(0).failures())
                    .singleElement().isInstanceOfSatisfying(Explanation.PrerequisiteMissing.class,
                            f -> assertThat(f.required()).isEqualTo(Standard.XMC));
        }
    }

    @Test
    void personsOutsideEveryCohortChangeNothing() {
        var p = pop().add(N, 5, 0).add(N, 5, 3).add(N, 5, 70).add(N, 3, -1);
        assertThat(p.run(units).unit(N).criteria().values()).allMatch(r -> r.denominator() == 0);
    }
}
