package vn.hoctap.analytics.core;


import vn.hoctap.analytics.SqlQuery;
import vn.hoctap.analytics.core.ColumnarEngine;
import vn.hoctap.analytics.core.ColumnarRegister;
import vn.hoctap.analytics.core.ColumnarResult;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.hoctap.analytics.live.SqlEngines;
import vn.hoctap.standards.core.Criterion;
import vn.hoctap.standards.core.Person;
import vn.hoctap.standards.core.Rate;
import vn.hoctap.standards.core.RuleSet;
import vn.hoctap.standards.core.StandardsEngine;
import vn.hoctap.standards.core.StandardsResult;
import vn.hoctap.standards.core.Unit;
import vn.hoctap.standards.core.Units;
import vn.hoctap.standards.core.expression.CompiledIndicator;
import vn.hoctap.standards.core.expression.GroupValue;
import vn.hoctap.synthetic.core.GeneratorOptions;
import vn.hoctap.synthetic.core.Structure;
import vn.hoctap.register.internal.StandardsExports;
import vn.hoctap.standards.core.Standard;

/**
 * Issue 17: the criteria of Nghị định 20/2014 are defined once, as lines of the rule file. A change of one criterion is
 * a change of one line of the rule text, and every engine follows it: the streaming {@link StandardsEngine}, the
 * columnar engine ({@code QueryPlan}) and the SQL generator ({@link SqlQuery}, run in DuckDB), and the indicator
 * expressions that use the changed name. The lines changed: a criterion, a literacy level, and who is exempt.
 */
class OneRuleEveryEngineTest {

    static final int Y = 2025;

    /** Replaces exactly one line of the default rule text; the changed text differs from the default in that line only. */
    static RuleSet changeOneLine(String oldLine, String newLine) {
        String text = RuleSet.defaultText();
        List<String> before = text.lines().toList();
        assertThat(before).as("the default rule file has the line").containsOnlyOnce(oldLine);
        String changed = text.replace(oldLine, newLine);
        List<String> after = changed.lines().toList();
        assertThat(after).hasSameSizeAs(before);
        int differing = 0;
        for (int i = 0; i < before.size(); i++) {
            if (!before.get(i).equals(after.get(i))) differing++;
        }
        assertThat(differing).isEqualTo(1);
        return RuleSet.parse(changed, "one-line-change");
    }

    static final String TH11 = "criterion | TH.complete_age11   | primary_completed <= year | NĐ 20/2014/NĐ-CP Điều 10, 11 (xã) | V";
    static final String TH11_CHANGED = "criterion | TH.complete_age11   | primary_completed <= year - 1 | NĐ 20/2014/NĐ-CP Điều 10, 11 (xã) | V";

    @Test
    void aChangedCriterionLineChangesEveryEngineByHand() throws Exception {
        // eleven-year-olds of commune 00001 in 2025: 3 completed primary in 2025, 2 in 2024, 1 still in primary school
        Units units = Units.of(List.of(Unit.city("01", "Thành phố"), Unit.commune("00001", "Xã A", "01", false)));
        List<Person> persons = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Person.Builder b = Person.builder("p" + i, "00001", Y - 11);
            if (i < 3) b.primaryCompleted(2025);
            else if (i < 5) b.primaryCompleted(2024);
            else b.enrolment(Person.Enrolment.PRIMARY).grade(5);
            persons.add(b.build());
        }
        RuleSet changed = changeOneLine(TH11, TH11_CHANGED);

        assertThat(streamed(units, persons, RuleSet.defaults()).unit("00001").criteria().get(Criterion.TH_COMPLETE_AGE11))
                .isEqualTo(new Rate(5, 6));
        assertThat(streamed(units, persons, changed).unit("00001").criteria().get(Criterion.TH_COMPLETE_AGE11))
                .isEqualTo(new Rate(2, 6));
        ColumnarRegister reg = ColumnarRegister.of(units, persons.stream());
        assertThat(ColumnarEngine.compute(reg, Y, changed, 1).rate(0, Criterion.TH_COMPLETE_AGE11)).isEqualTo(new Rate(2, 6));
        // the other criteria on the same line's field are not touched: TH.age11_in_primary still counts all six
        assertThat(ColumnarEngine.compute(reg, Y, changed, 1).rate(0, Criterion.TH_AGE11_IN_PRIMARY)).isEqualTo(new Rate(6, 6));

        SqlQuery sql = SqlQuery.of(Y, changed, Map.of());
        assertThat(sql.sql()).contains("primary_completed <= 2024");
        Map<String, long[]> rows = inDuckDb(sql, persons);
        int num = sql.columns().indexOf("num_TH.complete_age11");
        int den = sql.columns().indexOf("den_TH.complete_age11");
        assertThat(rows.get("00001")[num]).isEqualTo(2);
        assertThat(rows.get("00001")[den]).isEqualTo(6);
    }

    static final String EXEMPT = "define | exempt | disability = cannot_learn | docs/contracts/standards.md (Cohorts and criteria); "
            + "TT 07/2016/TT-BGDĐT (chưa đọc được văn bản, regulations.md §1.4) | M";
    static final String EXEMPT_CHANGED = "define | exempt | disability in (can_learn, cannot_learn) | docs/contracts/standards.md (Cohorts and criteria); "
            + "TT 07/2016/TT-BGDĐT (chưa đọc được văn bản, regulations.md §1.4) | M";

    @Test
    void aChangedExemptLineChangesEveryEngineByHand() throws Exception {
        // six-year-olds of commune 00001 in 2025, all in grade 1 except one:
        //   p0 no disability, grade 1; p1 can_learn, grade 1; p2 can_learn, not enrolled; p3 cannot_learn, grade 1
        // and one person aged 20 with cannot_learn (exempt under both lines, outside every age-6 cohort)
        Units units = Units.of(List.of(Unit.city("01", "Thành phố"), Unit.commune("00001", "Xã A", "01", false)));
        List<Person> persons = List.of(
                Person.builder("p0", "00001", Y - 6).enrolment(Person.Enrolment.PRIMARY).grade(1).build(),
                Person.builder("p1", "00001", Y - 6).disability(Person.Disability.CAN_LEARN).enrolment(Person.Enrolment.PRIMARY).grade(1).build(),
                Person.builder("p2", "00001", Y - 6).disability(Person.Disability.CAN_LEARN).build(),
                Person.builder("p3", "00001", Y - 6).disability(Person.Disability.CANNOT_LEARN).enrolment(Person.Enrolment.PRIMARY).grade(1).build(),
                Person.builder("p4", "00001", Y - 20).disability(Person.Disability.CANNOT_LEARN).build());
        RuleSet changed = changeOneLine(EXEMPT, EXEMPT_CHANGED);
        // default line: exempt = p3, p4; TH.grade1_age6 over p0, p1, p2 = 2 of 3
        // changed line: exempt = p1, p2, p3, p4; TH.grade1_age6 over p0 alone = 1 of 1
        Rate before = new Rate(2, 3), after = new Rate(1, 1);

        StandardsResult s0 = streamed(units, persons, RuleSet.defaults());
        StandardsResult s1 = streamed(units, persons, changed);
        assertThat(s0.unit("00001").criteria().get(Criterion.TH_GRADE1_AGE6)).isEqualTo(before);
        assertThat(s1.unit("00001").criteria().get(Criterion.TH_GRADE1_AGE6)).isEqualTo(after);
        assertThat(s0.personsExempt()).isEqualTo(2);
        assertThat(s1.personsExempt()).isEqualTo(4);
        assertThat(s1.personsCounted()).isEqualTo(5);

        // an indicator that says "not exempt" follows the same line (compiled with the changed rule set's definitions)
        Map<String, CompiledIndicator> ind = new LinkedHashMap<>();
        ind.put("g1", CompiledIndicator.compile("count(person where age = 6 and not exempt and grade = 1)"
                + " / count(person where age = 6 and not exempt)", changed.definitions()));
        assertThat(ind.get("g1").evaluate(Y, persons).group("00001").aggregates()).containsExactly(1L, 1L);

        ColumnarRegister reg = ColumnarRegister.of(units, persons.stream());
        ColumnarResult c0 = ColumnarEngine.compute(reg, Y, RuleSet.defaults(), 1);
        ColumnarResult c1 = ColumnarEngine.of(units, Y, changed, ind).compute(reg, 1);
        assertThat(c0.rate(0, Criterion.TH_GRADE1_AGE6)).isEqualTo(before);
        assertThat(c1.rate(0, Criterion.TH_GRADE1_AGE6)).isEqualTo(after);
        assertThat(c0.exempt(0)).isEqualTo(2);
        assertThat(c1.exempt(0)).isEqualTo(4);
        assertThat(c1.indicator(0, 0).aggregates()).containsExactly(1L, 1L);

        SqlQuery sql = SqlQuery.of(Y, changed, ind);
        Map<String, long[]> rows = inDuckDb(sql, persons);
        long[] row = rows.get("00001");
        assertThat(row[sql.columns().indexOf("exempt")]).isEqualTo(4);
        assertThat(row[sql.columns().indexOf("den_TH.grade1_age6")]).isEqualTo(1);
        assertThat(row[sql.columns().indexOf("num_TH.grade1_age6")]).isEqualTo(1);
        assertThat(row[sql.columns().indexOf("g1#0")]).isEqualTo(1);
        assertThat(row[sql.columns().indexOf("g1#1")]).isEqualTo(1);
        Map<String, long[]> rows0 = inDuckDb(SqlQuery.of(Y, RuleSet.defaults(), Map.of()), persons);
        assertThat(rows0.get("00001")[1]).as("exempt, default line").isEqualTo(2);

        // the per-age tables of the exports: at age 6, persons (not exempt) and exempt
        Map<Integer, long[]> ages0 = StandardsExports.ageTable(new StandardsEngine(units, RuleSet.defaults(), Y), persons, Standard.TH);
        Map<Integer, long[]> ages1 = StandardsExports.ageTable(new StandardsEngine(units, changed, Y), persons, Standard.TH);
        List<StandardsExports.AgeColumn> cols = StandardsExports.columns(Standard.TH);
        int personsCol = cols.indexOf(StandardsExports.AgeColumn.PERSONS), exemptCol = cols.indexOf(StandardsExports.AgeColumn.EXEMPT);
        int grade1Col = cols.indexOf(StandardsExports.AgeColumn.IN_GRADE1);
        assertThat(new long[] {ages0.get(6)[personsCol], ages0.get(6)[grade1Col], ages0.get(6)[exemptCol]}).containsExactly(3, 2, 1);
        assertThat(new long[] {ages1.get(6)[personsCol], ages1.get(6)[grade1Col], ages1.get(6)[exemptCol]}).containsExactly(1, 1, 3);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '#', value = {
            "criterion | TH.complete_age11   | primary_completed <= year | NĐ 20/2014/NĐ-CP Điều 10, 11 (xã) | V"
                    + "#criterion | TH.complete_age11   | primary_completed <= year - 1 | NĐ 20/2014/NĐ-CP Điều 10, 11 (xã) | V"
                    + "#TH.complete_age11",
            "criterion | THCS.attend_15_18   | enrolment in (upper_secondary, continuing_upper_secondary, vocational) or upper_secondary_completed <= year | NĐ 20/2014/NĐ-CP Điều 16 (xã), điểm c | V"
                    + "#criterion | THCS.attend_15_18   | enrolment in (upper_secondary, continuing_upper_secondary) or upper_secondary_completed <= year | NĐ 20/2014/NĐ-CP Điều 16 (xã), điểm c | V"
                    + "#THCS.attend_15_18",
            // the literacy level used by two criteria and by the indicator lit.rate_15_60
            "define | literate1 | primary_completed <= year or lower_secondary_diploma <= year or upper_secondary_completed <= year or highest_grade_completed >= 3 or literacy_stage_completed >= 1 | NĐ 20/2014/NĐ-CP Điều 19 (biết chữ mức độ 1); register-csv.md (derived facts) | V"
                    + "#define | literate1 | primary_completed <= year or lower_secondary_diploma <= year or upper_secondary_completed <= year or highest_grade_completed >= 5 or literacy_stage_completed >= 1 | NĐ 20/2014/NĐ-CP Điều 19 (biết chữ mức độ 1); register-csv.md (derived facts) | V"
                    + "#XMC.lit1_15_35",
            // who is exempt: left out of every criterion and of the indicators that say "not exempt"
            "define | exempt | disability = cannot_learn | docs/contracts/standards.md (Cohorts and criteria); TT 07/2016/TT-BGDĐT (chưa đọc được văn bản, regulations.md §1.4) | M"
                    + "#define | exempt | disability in (can_learn, cannot_learn) | docs/contracts/standards.md (Cohorts and criteria); TT 07/2016/TT-BGDĐT (chưa đọc được văn bản, regulations.md §1.4) | M"
                    + "#XMC.lit1_15_35"})
    void everyEngineFollowsAOneLineChangeOnAGeneratedRegister(String oldLine, String newLine, String criterionId,
                                                               @TempDir Path dir) throws Exception {
        Generated.Register g = Generated.of(GeneratorOptions.of(30_000, 17, Structure.HANOI_2025));
        Criterion c = Criterion.parse(criterionId);
        RuleSet base = RuleSet.defaults();
        RuleSet changed = changeOneLine(oldLine, newLine);
        StandardsResult before = streamed(g.units(), g.persons(), base);
        StandardsResult after = streamed(g.units(), g.persons(), changed);
        long numBefore = 0, numAfter = 0;
        for (Unit u : g.units().communes()) {
            numBefore += before.unit(u.code()).criteria().get(c).numerator();
            numAfter += after.unit(u.code()).criteria().get(c).numerator();
        }
        assertThat(numAfter).as("the change changes the count, so the comparison below is not vacuous").isLessThan(numBefore);

        ColumnarRegister reg = ColumnarRegister.of(g.units(), g.persons().stream());
        Map<String, CompiledIndicator> lit = new LinkedHashMap<>();
        lit.put("lit", CompiledIndicator.compile("count(person where age between 15 and 60 and not exempt and literate1)"
                + " / count(person where age between 15 and 60 and not exempt)", changed.definitions()));
        ColumnarResult columnar = ColumnarEngine.of(g.units(), g.year(), changed, lit).compute(reg, 2);
        SqlQuery sql = SqlQuery.of(g.year(), changed, lit);
        Map<String, long[]> fromSql = inDuckDb(sql, g.persons(), dir);
        assertThat(sql.firstDifference(sql.rows(columnar), fromSql)).isNull();
        var streamedLit = lit.get("lit").evaluate(g.year(), g.persons());
        for (int ci = 0; ci < g.units().communeCount(); ci++) {
            String code = g.units().communes().get(ci).code();
            for (Criterion k : Criterion.values()) {
                assertThat(columnar.rate(ci, k)).as(code + " " + k.id()).isEqualTo(after.unit(code).criteria().get(k));
            }
            GroupValue e = streamedLit.group(code);
            if (e != null) assertThat(columnar.indicator(ci, 0).aggregates()).as(code).isEqualTo(e.aggregates());
        }
    }

    static StandardsResult streamed(Units units, List<Person> persons, RuleSet rules) {
        StandardsEngine.Accumulator acc = new StandardsEngine(units, rules, Y).newAccumulator();
        persons.forEach(acc);
        return acc.result();
    }

    static Map<String, long[]> inDuckDb(SqlQuery sql, List<Person> persons) throws Exception {
        Path dir = Files.createTempDirectory("one-rule-");
        try {
            return inDuckDb(sql, persons, dir);
        } finally {
            Files.deleteIfExists(dir.resolve("register.csv"));
            Files.deleteIfExists(dir);
        }
    }

    /** The persons as {@code register_person} rows (the columns the query reads) in an in-memory DuckDB. */
    static Map<String, long[]> inDuckDb(SqlQuery sql, List<Person> persons, Path dir) throws Exception {
        Path csv = dir.resolve("register.csv");
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            for (Person p : persons) {
                Object[] v = {Y, p.communeCode(), p.birthYear(), code(p.sex()), code(p.residence()), code(p.disability()),
                        code(p.enrolment()), p.grade(), p.preschoolCompleted(), p.primaryCompleted(), p.lowerSecondaryDiploma(),
                        p.upperSecondaryCompleted(), p.highestGradeCompleted(), p.literacyStageCompleted(), p.employed(),
                        code(p.qualification()), code(p.digitalSkills()), p.informationLiteracy(), p.lifeSkills(),
                        p.learningCitizenYear()};
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < v.length; i++) line.append(i == 0 ? "" : ",").append(v[i] == null ? "" : v[i].toString());
                w.write(line.append('\n').toString());
            }
        } catch (IOException e) {
            throw e;
        }
        try (Connection duck = SqlEngines.duckDb(null)) {
            SqlEngines.loadDuckDb(duck, csv);
            return SqlEngines.run(duck, sql);
        }
    }

    static String code(Person.Coded c) {
        return c == null ? null : c.code();
    }
}
