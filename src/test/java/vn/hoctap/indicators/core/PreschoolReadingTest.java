package vn.hoctap.indicators.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.hoctap.standards.core.Person;
import vn.hoctap.standards.core.PreschoolRuleSet;
import vn.hoctap.standards.core.RuleSet;
import vn.hoctap.standards.core.RuleSetException;
import vn.hoctap.standards.core.StandardsEngine;
import vn.hoctap.standards.core.StandardsResult;
import vn.hoctap.standards.core.Unit;
import vn.hoctap.standards.core.Units;
import vn.hoctap.standards.core.VerificationStatus;
import vn.hoctap.standards.core.expression.GroupValue;

/**
 * Universal preschool education for ages 3–5 (issue 15, rule set nd277-2025) on a hand-made register of data year 2025;
 * every figure below is counted by hand from the list of children.
 */
class PreschoolReadingTest {

    static final int Y = 2025;
    static final String A = "00001";   // ordinary commune
    static final String B = "00002";   // xã ĐBKK
    static final Units UNITS = Units.of(List.of(Unit.city("01", "Thành phố"),
            Unit.commune(A, "Xã A", "01", false), Unit.commune(B, "Xã B", "01", true)));

    final List<Person> persons = new ArrayList<>();
    int seq;

    void add(String commune, int age, Person.Enrolment enrolment, Integer preschoolCompleted, Person.Disability disability) {
        Person.Builder b = Person.builder("P" + (++seq), commune, Y - age).householdId("H" + seq).sex(Person.Sex.F);
        if (enrolment != null) b.enrolment(enrolment);
        if (preschoolCompleted != null) b.preschoolCompleted(preschoolCompleted);
        if (disability != null) b.disability(disability);
        persons.add(b.build());
    }

    void child(String commune, int age, boolean inClass) {
        add(commune, age, inClass ? Person.Enrolment.PRESCHOOL : null, null, null);
    }

    /**
     * Xã A: aged 3 — 3 in class, 1 not; aged 4 — 3 in class; aged 5 — 4 in class, 1 not, and 1 exempt (cannot learn,
     * not in class: left out); aged 6 — 3 completed preschool in 2025, 1 completes in 2026 (not yet); a 2-year-old in
     * class and a 7-year-old are outside every cohort.
     * Xã B (ĐBKK): aged 3 — 2 not in class; aged 5 — 1 in class; aged 6 — 1 completed in 2024.
     */
    void handMadeRegister() {
        for (int i = 0; i < 3; i++) child(A, 3, true);
        child(A, 3, false);
        for (int i = 0; i < 3; i++) child(A, 4, true);
        for (int i = 0; i < 4; i++) child(A, 5, true);
        child(A, 5, false);
        add(A, 5, null, null, Person.Disability.CANNOT_LEARN);
        for (int i = 0; i < 3; i++) add(A, 6, null, 2025, null);
        add(A, 6, null, 2026, null);
        child(A, 2, true);
        child(A, 7, false);
        child(B, 3, false);
        child(B, 3, false);
        child(B, 5, true);
        add(B, 6, null, 2024, null);
    }

    /** The counts as the register engines give them: each criterion's compiled ratio, grouped by commune. */
    Map<String, Map<String, long[]>> counts(PreschoolRuleSet rules) {
        Map<String, Map<String, long[]>> out = new HashMap<>();
        rules.criteria().forEach((id, c) -> {
            Map<String, long[]> byCommune = new HashMap<>();
            for (Map.Entry<String, GroupValue> e : c.compiled().evaluate(Y, persons).groups().entrySet()) {
                byCommune.put(e.getKey(), new long[] {Math.round(e.getValue().numerator()), Math.round(e.getValue().denominator())});
            }
            out.put(id, byCommune);
        });
        return out;
    }

    static long[] nd(long n, long d) { return new long[] {n, d}; }

    static String show(PreschoolRuleSet r, String criterion) {
        PreschoolRuleSet.ThresholdRule t = r.thresholds().stream().filter(x -> x.criterion().equals(criterion)).findFirst().orElseThrow();
        return t.normal() + "|" + t.disadvantaged() + "|" + t.status();
    }

    @Test
    void theBundledRuleSetAppliesFrom2025AndItsThresholdsAreNotVerified() {
        PreschoolRuleSet r = PreschoolRuleSet.bundled();
        assertThat(r.name()).isEqualTo("nd277-2025-v1");
        assertThat(r.appliesTo(2024)).isFalse();
        assertThat(r.appliesTo(2025)).isTrue();
        assertThat(r.appliesStatus()).isEqualTo(VerificationStatus.M);
        assertThat(r.criteria().keySet()).containsExactly("MN35.attend_age3", "MN35.attend_age4", "MN35.attend_age5",
                "MN35.attend_3_5", "MN35.complete_age6");
        // no threshold has a number: nothing is invented
        assertThat(r.thresholds()).hasSize(2).noneMatch(PreschoolRuleSet.ThresholdRule::verified);
        assertThat(r.thresholdsVerified()).isFalse();
    }

    @Test
    void versionTwoHoldsTheDraftThresholdsAsTheyWereReportedAndCountsTheSameThings() {
        PreschoolRuleSet v1 = PreschoolRuleSet.bundled(PreschoolRuleSet.APPLIED);
        PreschoolRuleSet v2 = PreschoolRuleSet.bundled(PreschoolRuleSet.BESIDE);
        assertThat(v2.name()).isEqualTo("nd277-2025-v2");
        // the same criteria, counted alike (the engines count v1's programs for both)
        assertThat(v2.criteria().keySet()).containsExactlyElementsOf(v1.criteria().keySet());
        v1.criteria().forEach((id, c) -> assertThat(v2.criteria().get(id).expression()).isEqualTo(c.expression()));
        // nghean24h.vn on the draft: commune 90 (ĐBKK 85) in class, 85 (80) completing; province 90 / 85 of communes
        assertThat(v2.thresholdsVerified()).isTrue();
        assertThat(show(v2, "MN35.attend_3_5")).isEqualTo("90|85|S");
        assertThat(show(v2, "MN35.complete_age6")).isEqualTo("85|80|M");
        assertThat(v2.province().ordinary().toString()).isEqualTo("90");
        assertThat(v2.province().disadvantaged().toString()).isEqualTo("85");
        assertThat(v2.province().status()).isEqualTo(VerificationStatus.S);
        assertThat(v1.province()).isNull();
    }

    @Test
    void theProvinceRuleCountsOrdinaryAndDisadvantagedCommunesApart() {
        PreschoolRuleSet v2 = PreschoolRuleSet.bundled(PreschoolRuleSet.BESIDE);
        Map<String, PreschoolRuleSet.Outcome> outcomes = new java.util.LinkedHashMap<>();
        Map<String, Boolean> dbkk = new HashMap<>();
        // 10 ordinary communes, 9 met = 90% ≥ 90; 7 ĐBKK communes, 6 met = 85.7% ≥ 85 → met
        for (int i = 0; i < 10; i++) {
            outcomes.put("N" + i, i < 9 ? PreschoolRuleSet.Outcome.MET : PreschoolRuleSet.Outcome.NOT_MET);
            dbkk.put("N" + i, false);
        }
        for (int i = 0; i < 7; i++) {
            outcomes.put("D" + i, i < 6 ? PreschoolRuleSet.Outcome.MET : PreschoolRuleSet.Outcome.NOT_MET);
            dbkk.put("D" + i, true);
        }
        assertThat(v2.city(outcomes, dbkk)).isEqualTo(PreschoolRuleSet.Outcome.MET);
        // one more ĐBKK commune not met: 6 of 8 = 75% < 85 → not met
        outcomes.put("D7", PreschoolRuleSet.Outcome.NOT_MET);
        dbkk.put("D7", true);
        assertThat(v2.city(outcomes, dbkk)).isEqualTo(PreschoolRuleSet.Outcome.NOT_MET);
        // a city without ĐBKK communes: only the ordinary share counts (9 of 10)
        Map<String, PreschoolRuleSet.Outcome> ordinaryOnly = new java.util.LinkedHashMap<>();
        outcomes.forEach((k, v) -> { if (!dbkk.get(k)) ordinaryOnly.put(k, v); });
        assertThat(v2.city(ordinaryOnly, dbkk)).isEqualTo(PreschoolRuleSet.Outcome.MET);
        // without a province rule (v1 and the made-up version below) every commune must meet it
        assertThat(PreschoolRuleSet.bundled().city(Map.of("N0", PreschoolRuleSet.Outcome.UNDETERMINED), dbkk))
                .isEqualTo(PreschoolRuleSet.Outcome.UNDETERMINED);
    }

    @Test
    void theFiguresOfTheHandMadeRegister() {
        handMadeRegister();
        PreschoolRuleSet rules = PreschoolRuleSet.bundled();
        StandardsResult nd20 = StandardsEngine.compute(UNITS, persons.stream(), Y, RuleSet.defaults());
        PreschoolReading p = PreschoolReading.of(Y, rules, counts(rules), UNITS, nd20);

        Map<String, long[]> a = p.communes().get(A);
        assertThat(a.get("MN35.attend_age3")).containsExactly(3, 4);
        assertThat(a.get("MN35.attend_age4")).containsExactly(3, 3);
        assertThat(a.get("MN35.attend_age5")).containsExactly(4, 5);          // the exempt child is left out
        assertThat(a.get("MN35.attend_3_5")).containsExactly(10, 12);         // 3 + 3 + 4 over 4 + 3 + 5
        assertThat(a.get("MN35.complete_age6")).containsExactly(3, 4);        // 2026 is after the data year
        Map<String, long[]> b = p.communes().get(B);
        assertThat(b.get("MN35.attend_age3")).containsExactly(0, 2);
        assertThat(b.get("MN35.attend_age4")).containsExactly(0, 0);
        assertThat(b.get("MN35.attend_3_5")).containsExactly(1, 3);
        assertThat(b.get("MN35.complete_age6")).containsExactly(1, 1);
        // the city adds numerators and denominators
        assertThat(p.figures().get("MN35.attend_3_5")).containsExactly(11, 15);
        assertThat(p.figures().get("MN35.attend_age3")).containsExactly(3, 6);
        assertThat(p.figures().get("MN35.attend_age5")).containsExactly(5, 6);
        assertThat(p.figures().get("MN35.complete_age6")).containsExactly(4, 5);
        assertThat(p.cityFigures().get(3).percent()).isEqualTo(11 * 100.0 / 15);

        // the decree's thresholds are not verified: neither met nor not met, for every commune and the city
        assertThat(p.outcomes()).containsEntry(A, PreschoolRuleSet.Outcome.UNDETERMINED).containsEntry(B, PreschoolRuleSet.Outcome.UNDETERMINED);
        assertThat(p.cityOutcome()).isEqualTo(PreschoolRuleSet.Outcome.UNDETERMINED);
        assertThat(p.undetermined()).isTrue();
        assertThat(p.meeting()).isZero();

        // beside it, the draft's thresholds (v2): A 10/12 = 83.3% < 90 → not met; B (ĐBKK) 1/3 = 33.3% < 85 → not met;
        // the city: 0 of 1 ordinary commune (< 90%) → not met
        PreschoolReading withDraft = p.withBeside(PreschoolRuleSet.bundled(PreschoolRuleSet.BESIDE),
                counts(PreschoolRuleSet.bundled(PreschoolRuleSet.BESIDE)), UNITS);
        assertThat(withDraft.beside().outcomes()).containsEntry(A, PreschoolRuleSet.Outcome.NOT_MET).containsEntry(B, PreschoolRuleSet.Outcome.NOT_MET);
        assertThat(withDraft.beside().cityOutcome()).isEqualTo(PreschoolRuleSet.Outcome.NOT_MET);
        assertThat(withDraft.beside().meeting()).isZero();
        assertThat(withDraft.cityOutcome()).isEqualTo(PreschoolRuleSet.Outcome.UNDETERMINED);   // the status is still v1's
        assertThat(withDraft.beside().threshold("MN35.attend_3_5").normal().toString()).isEqualTo("90");

        // beside it, the 5-year-old standard of ND 20/2014 (A: 4/5 = 80% < 95% attend → not met; B ĐBKK: 1/1 attend,
        // 1/1 completed → met)
        assertThat(p.mn5Meeting()).isEqualTo(1);
        assertThat(p.communeCount()).isEqualTo(2);
    }

    @Test
    void onceThresholdsAreWrittenTheStatusIsMetOrNotMetWithTheDisadvantagedVariant() {
        handMadeRegister();
        // a version with numbers, made up for this test only (NOT the decree's): 3–5 in class ≥ 80 (ĐBKK 70),
        // completion ≥ 75 (ĐBKK 75)
        String text = """
                ruleset | test | 2 | test
                applies | 2025 | test | M
                criterion | MN35.attend_3_5 | 3 | 5 | enrolment = preschool | a | a | test | M
                criterion | MN35.complete_age6 | 6 | 6 | preschool_completed <= year | c | c | test | M
                threshold | MN35.attend_3_5 | 80 | 70 | test | M
                threshold | MN35.complete_age6 | 75 | 75 | test | M
                """;
        PreschoolRuleSet rules = PreschoolRuleSet.parse(text, "test");
        PreschoolReading p = PreschoolReading.of(Y, rules, counts(rules), UNITS, null);
        // A: 10/12 = 83.3% ≥ 80 and 3/4 = 75% ≥ 75 → met; B (ĐBKK): 1/3 = 33.3% < 70 → not met
        assertThat(p.outcomes()).containsEntry(A, PreschoolRuleSet.Outcome.MET).containsEntry(B, PreschoolRuleSet.Outcome.NOT_MET);
        assertThat(p.cityOutcome()).isEqualTo(PreschoolRuleSet.Outcome.NOT_MET);
        assertThat(p.meeting()).isEqualTo(1);
        // B as an ordinary commune would need 80%: still 33.3% — and A as ĐBKK (70%) stays met
        assertThat(rules.commune(Map.of("MN35.attend_3_5", nd(10, 12), "MN35.complete_age6", nd(3, 4)), true))
                .isEqualTo(PreschoolRuleSet.Outcome.MET);
        // 9/12 = 75% meets ĐBKK's 70 but not the ordinary 80
        assertThat(rules.commune(Map.of("MN35.attend_3_5", nd(9, 12), "MN35.complete_age6", nd(3, 4)), false))
                .isEqualTo(PreschoolRuleSet.Outcome.NOT_MET);
        assertThat(rules.commune(Map.of("MN35.attend_3_5", nd(9, 12), "MN35.complete_age6", nd(3, 4)), true))
                .isEqualTo(PreschoolRuleSet.Outcome.MET);
    }

    @Test
    void aBrokenRuleFileNamesItsLine() {
        assertThatThrownBy(() -> PreschoolRuleSet.parse("ruleset | t | 1 | t\napplies | 2025 | s | M\nthreshold | X | 90 | 85 | s | M\n", "f"))
                .isInstanceOf(RuleSetException.class).hasMessageContaining("3");
        assertThatThrownBy(() -> PreschoolRuleSet.parse("ruleset | t | 1 | t\napplies | 2025 | s | M\n"
                        + "criterion | C | 3 | 5 | enrolment = kindergarten | a | a | s | M\n", "f"))
                .isInstanceOf(RuleSetException.class).hasMessageContaining("kindergarten");
        assertThatThrownBy(() -> PreschoolRuleSet.parse("ruleset | t | 1 | t\ncriterion | C | 3 | 5 | enrolment = preschool | a | a | s | M\n", "f"))
                .isInstanceOf(RuleSetException.class).hasMessageContaining("applies");
        assertThatThrownBy(() -> PreschoolRuleSet.parse("ruleset | t | 1 | t\napplies | 2025 | s | M\n"
                        + "criterion | C | 3 | 5 | enrolment = preschool | a | a | s | M\nthreshold | C | 101 | ? | s | M\n", "f"))
                .isInstanceOf(RuleSetException.class).hasMessageContaining("101");
    }
}
