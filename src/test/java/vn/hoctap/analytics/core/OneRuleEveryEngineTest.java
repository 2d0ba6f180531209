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

/**
 * Issue 17: the criteria of Nghị định 20/2014 are defined once, as lines of the rule file. A change of one criterion is
 * a change of one line of the rule text, and every engine follows it: the streaming {@link StandardsEngine}, the
 * columnar engine ({@code QueryPlan}) and the SQL generator ({@link SqlQuery}, run in DuckDB), and the indicator
 * expressions that use the changed name.
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
