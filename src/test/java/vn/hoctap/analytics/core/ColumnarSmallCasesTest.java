package vn.hoctap.analytics.core;


import vn.hoctap.analytics.core.ColumnarAggregates;
import vn.hoctap.analytics.core.ColumnarEngine;
import vn.hoctap.analytics.core.ColumnarRegister;
import vn.hoctap.analytics.core.ColumnarResult;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import vn.hoctap.standards.core.expression.CompiledIndicator;
import vn.hoctap.standards.core.expression.IndicatorResult;
import vn.hoctap.standards.core.Criterion;
import vn.hoctap.standards.core.Person;
import vn.hoctap.standards.core.Rate;
import vn.hoctap.standards.core.RuleSet;
import vn.hoctap.standards.core.StandardsEngine;
import vn.hoctap.standards.core.Unit;
import vn.hoctap.standards.core.Units;
import vn.hoctap.synthetic.core.GeneratorOptions;
import vn.hoctap.synthetic.core.Structure;

/** Hand-made cases: cohort boundaries, exempt persons, completion after the data year, the expression compiler. */
class ColumnarSmallCasesTest {
    static final int Y = 2025;
    static final Units UNITS = Units.of(List.of(Unit.city("01", "Thành phố"), Unit.commune("00001", "Xã Thường", "01", false),
            Unit.commune("00002", "Xã ĐBKK", "01", true)));

    private final List<Person> persons = new ArrayList<>();

    private void add(String commune, int age, UnaryOperator<Person.Builder> f) {
        persons.add(f.apply(Person.builder("p" + persons.size(), commune, Y - age)).build());
    }

    private ColumnarResult compute(int year) {
        return ColumnarEngine.compute(ColumnarRegister.of(UNITS, persons.stream()), year, RuleSet.defaults(), 2);
    }

    @Test
    void cohortBoundariesExemptPersonsAndCompletionAfterTheYear() {
        add("00001", 5, b -> b.enrolment(Person.Enrolment.PRESCHOOL));
        add("00001", 5, b -> b.enrolment(Person.Enrolment.PRESCHOOL).disability(Person.Disability.CANNOT_LEARN)); // exempt
        add("00001", 5, b -> b.enrolment(Person.Enrolment.PRESCHOOL).disability(Person.Disability.CAN_LEARN));
        add("00001", 4, b -> b.enrolment(Person.Enrolment.PRESCHOOL)); // below the cohort
        add("00001", 11, b -> b.primaryCompleted(Y));          // completed in Y: counts
        add("00001", 11, b -> b.primaryCompleted(Y + 1));      // completed after Y: does not
        add("00001", 11, b -> b.enrolment(Person.Enrolment.PRIMARY));
        add("00001", 15, b -> b.lowerSecondaryDiploma(Y - 1));
        add("00001", 18, b -> b.enrolment(Person.Enrolment.VOCATIONAL));
        add("00001", 19, b -> b.lowerSecondaryDiploma(Y - 1)); // above 15-18
        add("00001", 35, b -> b.highestGradeCompleted(3));    // literate 1, not 2
        add("00001", 36, b -> b.literacyStageCompleted(2));   // literate 2; outside 15-35
        add("00001", 60, b -> b.disability(Person.Disability.CANNOT_LEARN).highestGradeCompleted(9));
        add("00002", 6, b -> b.enrolment(Person.Enrolment.PRIMARY).grade(1).preschoolCompleted(Y - 1));
        add("00002", 6, b -> b.enrolment(Person.Enrolment.PRIMARY).grade(2));

        ColumnarResult r = compute(Y);
        assertThat(r.persons(0)).isEqualTo(13);
        assertThat(r.rate(0, Criterion.MN5_ATTEND_AGE5)).isEqualTo(new Rate(2, 2));
        assertThat(r.rate(0, Criterion.TH_COMPLETE_AGE11)).isEqualTo(new Rate(1, 3));
        assertThat(r.rate(0, Criterion.TH_AGE11_IN_PRIMARY)).isEqualTo(new Rate(2, 3));
        assertThat(r.rate(0, Criterion.THCS_DIPLOMA_15_18)).isEqualTo(new Rate(1, 2));
        assertThat(r.rate(0, Criterion.THCS_ATTEND_15_18)).isEqualTo(new Rate(1, 2));
        assertThat(r.rate(0, Criterion.XMC_LIT1_15_35)).isEqualTo(new Rate(3, 4)); // 15, 19 by diploma, 35 by grade 3; 18 not
        assertThat(r.rate(0, Criterion.XMC_LIT2_15_35)).isEqualTo(new Rate(2, 4));
        assertThat(r.rate(0, Criterion.XMC_LIT2_15_60)).isEqualTo(new Rate(3, 5)); // 60-year-old exempt left out
        assertThat(r.rate(1, Criterion.TH_GRADE1_AGE6)).isEqualTo(new Rate(1, 2));
        assertThat(r.rate(1, Criterion.MN5_COMPLETE_AGE6)).isEqualTo(new Rate(1, 2));
        // completion after Y counts one year later (same register, other year)
        assertThat(compute(Y + 1).rate(0, Criterion.TH_COMPLETE_AGE14)).isEqualTo(new Rate(0, 0));
        assertThat(compute(Y + 1).rate(0, Criterion.TH_COMPLETE_AGE11)).isEqualTo(new Rate(0, 0));
        assertThat(compute(Y + 3).rate(0, Criterion.TH_COMPLETE_AGE14)).isEqualTo(new Rate(2, 3));

        // everything equals the streaming engine, levels included
        StandardsEngine.Accumulator acc = new StandardsEngine(UNITS, RuleSet.defaults(), Y).newAccumulator();
        persons.forEach(acc);
        for (String code : List.of("00001", "00002")) {
            int ci = UNITS.communeIndex(code);
            for (Criterion c : Criterion.values()) assertThat(r.rate(ci, c)).isEqualTo(acc.result().unit(code).criteria().get(c));
        }
        for (String code : List.of("01", "00001", "00002")) {
            assertThat(r.standards(RuleSet.defaults()).unit(code).levels()).isEqualTo(acc.result().unit(code).levels());
        }
    }

    /** Expressions exercising every kind of condition, against CompiledIndicator on a generated register. */
    @Test
    void everyKindOfConditionEqualsCompiledIndicator() {
        Generated.Register g = Generated.of(GeneratorOptions.of(20_000, 3, Structure.HANOI_2025));
        List<Person> ps = new ArrayList<>(g.persons());
        // some edge values the generator may not produce
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(1);
        String[] codes = g.units().communes().stream().map(Unit::code).toArray(String[]::new);
        for (int i = 0; i < 2000; i++) {
            ps.set(i, vn.hoctap.analytics.internal.RandomEdits.mutate(ps.get(i), rnd, Y, codes));
        }
        String[] exprs = {
            "count(person where grade is missing)",
            "count(person where employed is not missing and not employed)",
            "count(person where employed = false)",
            "count(person where employed != true)",
            "count(person where employed in (true, false))",
            "sum(person.age where sex = F)",
            "sum(person.birth_year where age < 10) / count(person where age < 10)",
            "sum(person.highest_grade_completed) / count(person)",
            "sum(person.grade where primary_completed >= year - 2)",
            "count(person where qualification between elementary and college)",
            "count(person where qualification > college or digital_skills = none)",
            "count(person where qualification != university)",
            "count(person where literate2 != true and age >= 15)",
            "count(person where literate1 = false)",
            "count(person where literate1 in (true, false))",
            "count(person where birth_year in (2019, 2020) or age in (30, 31, 32))",
            "count(person where primary_completed <= year - 1)",
            "count(person where learning_citizen_year between year - 1 and year)",
            "count(person where learning_citizen_year in (year, year - 1))",
            "count(person where enrolment in (primary, preschool) or residence = temporary)",
            "count(person where disability != none and exempt)",
            "count(person where commune_code = \"" + codes[3] + "\" or commune_code in (\"" + codes[5] + "\", \"" + codes[7] + "\"))",
            "count(person where grade between 1 and 5 and not (sex = M or life_skills))",
            "count(person where literacy_stage_completed >= 1 and highest_grade_completed < 3)",
            "count(person where age >= 200)",
        };
        Map<String, CompiledIndicator> inds = new LinkedHashMap<>();
        for (int i = 0; i < exprs.length; i++) inds.put("e" + i, CompiledIndicator.compile(exprs[i]));
        ColumnarRegister reg = ColumnarRegister.of(g.units(), ps.stream());
        ColumnarResult r = ColumnarEngine.of(g.units(), Y, RuleSet.defaults(), inds).compute(reg, 2);
        for (int i = 0; i < exprs.length; i++) {
            IndicatorResult e = inds.get("e" + i).evaluate(Y, ps);
            assertThat(r.indicatorTotal(i).aggregates()).as(exprs[i]).isEqualTo(e.total().aggregates());
            for (int ci = 0; ci < g.units().communeCount(); ci++) {
                var ev = e.group(codes[ci]);
                if (ev != null) assertThat(r.indicator(ci, i).aggregates()).as(exprs[i] + " " + codes[ci]).isEqualTo(ev.aggregates());
            }
        }
    }

    @Test
    void fieldsThatAreNotKeptAreRefused() {
        Map<String, CompiledIndicator> m = Map.of("x", CompiledIndicator.compile("count(person where ethnicity = \"Kinh\")"));
        assertThatThrownBy(() -> ColumnarEngine.of(UNITS, Y, RuleSet.defaults(), m))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("ethnicity");
    }

    @Test
    void updatesInsertsAndDeletes() {
        add("00001", 5, b -> b.enrolment(Person.Enrolment.PRESCHOOL));
        add("00001", 5, b -> b);
        add("00002", 40, b -> b.employed(true).qualification(Person.Qualification.UNIVERSITY));
        ColumnarRegister reg = ColumnarRegister.of(UNITS, persons.stream());
        ColumnarEngine engine = ColumnarEngine.nq23(UNITS, Y, RuleSet.defaults());
        ColumnarAggregates agg = engine.aggregates(reg, 1);
        Person p1 = persons.get(1);
        Person p1b = Person.builder(p1.personId(), "00001", p1.birthYear()).enrolment(Person.Enrolment.PRESCHOOL).build();
        agg.apply(p1, p1b);
        assertThat(agg.result().rate(0, Criterion.MN5_ATTEND_AGE5)).isEqualTo(new Rate(2, 2));
        // stale "before" is refused and changes nothing
        assertThatThrownBy(() -> agg.apply(p1, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> agg.apply(Person.builder("nobody", "00001", 2000).build(), null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> agg.apply(null, Person.builder("new", "99999", 2000).build())).isInstanceOf(IllegalArgumentException.class);
        // delete the first row: the last row moves into its place and stays findable
        agg.apply(persons.get(0), null);
        assertThat(reg.size()).isEqualTo(2);
        assertThat(reg.rowOf(persons.get(0).personId())).isEqualTo(-1);
        assertThat(reg.rowOf(persons.get(2).personId())).isEqualTo(0);
        assertThat(agg.result().rate(0, Criterion.MN5_ATTEND_AGE5)).isEqualTo(new Rate(1, 1));
        // move a person to the other commune by an update with a new id (delete + insert)
        Person moved = Person.builder("p9", "00002", Y - 5).build();
        agg.apply(p1b, moved);
        assertThat(agg.result().rate(0, Criterion.MN5_ATTEND_AGE5)).isEqualTo(new Rate(0, 0));
        assertThat(agg.result().rate(1, Criterion.MN5_ATTEND_AGE5)).isEqualTo(new Rate(0, 1));
        assertThat(agg.result().sameCounts(engine.compute(reg, 2))).isTrue();
    }
}
