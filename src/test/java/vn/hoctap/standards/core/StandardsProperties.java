package vn.hoctap.standards.core;


import vn.hoctap.standards.core.Criterion;
import vn.hoctap.standards.core.Percent;
import vn.hoctap.standards.core.Person;
import vn.hoctap.standards.core.RuleSet;
import vn.hoctap.standards.core.Standard;
import vn.hoctap.standards.core.StandardLevel;
import vn.hoctap.standards.core.StandardsEngine;
import vn.hoctap.standards.core.StandardsResult;
import vn.hoctap.standards.core.Unit;
import vn.hoctap.standards.core.UnitResult;
import vn.hoctap.standards.core.Units;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoctap.standards.core.Fixtures.Y;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Monotonicity properties of the engine. */
class StandardsProperties {
    static final Units UNITS = Units.of(List.of(Unit.city("01", "TP"), Unit.district("001", "Q1", "01"),
            Unit.commune("00001", "A", "001", false), Unit.commune("00002", "B", "001", true),
            Unit.commune("00003", "C", "001", false), Unit.district("002", "Q2", "01"),
            Unit.commune("00004", "D", "002", false)));
    static final String[] COMMUNES = {"00001", "00002", "00003", "00004"};

    /** Random persons with ages 0–70 and random schooling facts. */
    @Provide
    Arbitrary<List<Person>> population() {
        Arbitrary<Person> person = Combinators.combine(
                Arbitraries.of(COMMUNES), Arbitraries.integers().between(0, 70),
                Arbitraries.of(Person.Enrolment.class), Arbitraries.integers().between(0, 12),
                Arbitraries.integers().between(-1, 12), Arbitraries.integers().between(-1, 2),
                Arbitraries.integers().between(0, 31), Arbitraries.integers().between(0, 20))
                .as((c, age, enr, grade, hg, stage, flags, disab) -> {
                    Person.Builder b = Person.builder("x", c, Y - age).enrolment(enr).grade(grade == 0 ? null : grade);
                    if (hg >= 0) b.highestGradeCompleted(hg);
                    if (stage >= 0) b.literacyStageCompleted(stage);
                    if ((flags & 1) != 0) b.preschoolCompleted(Y - age + 5 + (flags & 16) / 16);
                    if ((flags & 2) != 0) b.primaryCompleted(Y - age + 11 - (flags & 16) / 8);
                    if ((flags & 4) != 0) b.lowerSecondaryDiploma(Y - age + 15);
                    if ((flags & 8) != 0) b.upperSecondaryCompleted(Y - age + 18);
                    if (disab == 0) b.disability(Person.Disability.CANNOT_LEARN);
                    return b.build();
                });
        return person.list().ofMaxSize(200);
    }

    static StandardsResult run(List<Person> persons, RuleSet rules) {
        return StandardsEngine.compute(UNITS, persons.stream(), Y, rules);
    }

    @Property(tries = 200)
    void addingALiterateAdultNeverLowersXmc(@ForAll("population") List<Person> persons,
                                            @ForAll @IntRange(min = 0, max = 3) int commune,
                                            @ForAll @IntRange(min = 15, max = 35) int age,
                                            @ForAll @IntRange(min = 0, max = 3) int how) {
        Person.Builder b = Person.builder("new", COMMUNES[commune], Y - age);
        switch (how) {
            case 0: b.highestGradeCompleted(5); break;
            case 1: b.literacyStageCompleted(2); break;
            case 2: b.primaryCompleted(Y - age + 11); break;
            default: b.upperSecondaryCompleted(Y); break;
        }
        List<Person> more = new ArrayList<>(persons);
        more.add(b.build());
        StandardsResult before = run(persons, RuleSet.defaults());
        StandardsResult after = run(more, RuleSet.defaults());
        for (Unit u : UNITS.all()) {
            assertThat(after.unit(u.code()).levels().xmc()).isGreaterThanOrEqualTo(before.unit(u.code()).levels().xmc());
        }
    }

    @Property(tries = 200)
    void addingASixYearOldInGrade1NeverLowersTh(@ForAll("population") List<Person> persons,
                                                @ForAll @IntRange(min = 0, max = 3) int commune) {
        List<Person> more = new ArrayList<>(persons);
        more.add(Person.builder("new", COMMUNES[commune], Y - 6).enrolment(Person.Enrolment.PRIMARY).grade(1).build());
        StandardsResult before = run(persons, RuleSet.defaults());
        StandardsResult after = run(more, RuleSet.defaults());
        for (Unit u : UNITS.all()) {
            assertThat(after.unit(u.code()).levels().th()).isGreaterThanOrEqualTo(before.unit(u.code()).levels().th());
        }
    }

    /** Raises the k-th numeric threshold/percentage of the default rule file (counting commune, district and city rows). */
    static RuleSet raise(int which, int by) {
        String text = RuleSet.defaultText();
        List<int[]> spans = new ArrayList<>();
        for (String kind : new String[] {"commune", "district", "city"}) {
            Matcher line = Pattern.compile("(?m)^" + kind + " \\|.*$").matcher(text);
            while (line.find()) {
                String l = line.group();
                // skip the level column of commune rows (3rd field): thresholds are fields 5 and 6; percentages field 3
                String[] f = l.split("\\|", -1);
                int pos = line.start();
                int fieldStart = 0;
                for (int i = 0; i < f.length; i++) {
                    boolean numeric = kind.equals("commune") ? (i == 4 || i == 5) : i == 2;
                    if (numeric && f[i].strip().matches("\\d{1,3}")) {
                        int s = pos + fieldStart + f[i].indexOf(f[i].strip());
                        spans.add(new int[] {s, s + f[i].strip().length()});
                    }
                    fieldStart += f[i].length() + 1;
                }
            }
        }
        int[] span = spans.get(Math.floorMod(which, spans.size()));
        int old = Integer.parseInt(text.substring(span[0], span[1]));
        int raised = Math.min(100, old + by);
        return RuleSet.parse(text.substring(0, span[0]) + raised + text.substring(span[1]), "raised");
    }

    @Property(tries = 200)
    void raisingAThresholdNeverRaisesALevel(@ForAll("population") List<Person> persons,
                                            @ForAll @IntRange(min = 0, max = 1000) int which,
                                            @ForAll @IntRange(min = 1, max = 30) int by) {
        StandardsResult before = run(persons, RuleSet.defaults());
        StandardsResult after = run(persons, raise(which, by));
        for (Unit u : UNITS.all()) {
            for (Standard s : Standard.values()) {
                assertThat(after.unit(u.code()).levels().level(s)).isLessThanOrEqualTo(before.unit(u.code()).levels().level(s));
            }
        }
    }

    @Property(tries = 200)
    void aDistrictNeverExceedsWhatItsCommunesAllow(@ForAll("population") List<Person> persons) {
        StandardsResult r = run(persons, RuleSet.defaults());
        for (String d : new String[] {"001", "002"}) {
            UnitResult dr = r.unit(d);
            List<UnitResult> communes = UNITS.children(d).stream().map(c -> r.unit(c.code())).toList();
            for (Standard s : Standard.values()) {
                int level = dr.levels().level(s);
                int best = communes.stream().mapToInt(c -> c.levels().level(s)).max().orElse(s.maxLevel());
                assertThat(level).isLessThanOrEqualTo(best);
                for (int k = 1; k <= level; k++) {
                    final int kk = k;
                    long meeting = communes.stream().filter(c -> c.levels().level(s) >= kk).count();
                    Percent p = RuleSet.defaults().districtRule(StandardLevel.of(s, k)).percent();
                    assertThat(meeting * 10000).isGreaterThanOrEqualTo((long) p.hundredths() * communes.size());
                    assertThat(dr.meeting().get(StandardLevel.of(s, k))).isEqualTo(meeting);
                }
            }
        }
    }

    @Property(tries = 100)
    void criteriaNeverExceedTheirDenominatorAndCohortsMatchAges(@ForAll("population") List<Person> persons) {
        StandardsResult r = run(persons, RuleSet.defaults());
        for (String c : COMMUNES) {
            for (Criterion cr : Criterion.values()) {
                RuleSet.CohortRule cohort = RuleSet.defaults().cohort(cr);
                long expectedDen = persons.stream().filter(p -> p.communeCode().equals(c))
                        .filter(p -> p.disability() != Person.Disability.CANNOT_LEARN)
                        .filter(p -> cohort.contains(Y - p.birthYear())).count();
                assertThat(r.unit(c).criteria().get(cr).denominator()).isEqualTo(expectedDen);
            }
        }
    }

    @Property(tries = 50)
    void percentAdditionalNeededIsTheSmallestK(@ForAll @IntRange(min = 0, max = 10000) int hundredths,
                                               @ForAll @IntRange(min = 0, max = 500) int den,
                                               @ForAll @IntRange(min = 0, max = 500) int numRaw) {
        Percent p = new Percent(hundredths);
        int num = Math.min(numRaw, den);
        long k = p.additionalNeeded(num, den);
        assertThat(p.isMetBy(num + k, den)).isTrue();
        if (k > 0) assertThat(p.isMetBy(num + k - 1, den)).isFalse();
        assertThat(k).isLessThanOrEqualTo(den - num);
    }
}
