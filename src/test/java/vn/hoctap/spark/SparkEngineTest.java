package vn.hoctap.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hoctap.analytics.core.ColumnarRegister;
import vn.hoctap.analytics.core.ColumnarResult;
import vn.hoctap.standards.core.Criterion;
import vn.hoctap.standards.core.RuleSet;
import vn.hoctap.standards.core.StandardLevel;
import vn.hoctap.standards.core.Units;
import vn.hoctap.standards.core.expression.CompiledIndicator;
import vn.hoctap.synthetic.core.SyntheticRegister;

/**
 * The register computation on Spark ({@code local[2]}, issue 18 item 4): a register written by hand whose counts are
 * worked out below, then a generated national register (34 provinces, 3,321 communes) compared with the columnar
 * engine commune by commune. One Spark session for the class (about 10 s to start).
 */
class SparkEngineTest {
    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SparkMain.session("local[2]");
    }

    @AfterAll
    static void stop() {
        if (spark != null) spark.stop();
    }

    private static final String UNITS = """
            code,name,level,parent_code,disadvantaged
            01,Tỉnh A,city,,
            01001,Xã A1,commune,01,false
            01002,Xã A2,commune,01,false
            02,Tỉnh B,city,,
            02001,Xã B1,commune,02,true
            """;

    /** Persons: id, commune, birth date, residence, disability, enrolment, grade, primary, literacy stage, employed, qualification. */
    private static String person(String id, String commune, String birth, String residence, String disability, String enrolment,
                                 String grade, String primary, String literacy, String employed, String qualification) {
        // person_id,household_id,commune_code,village,birth_date,sex,ethnicity,residence,disability,enrolment,grade,
        // preschool_completed,primary_completed,lower_secondary_diploma,upper_secondary_completed,highest_grade_completed,
        // literacy_stage_completed,employed,qualification,digital_skills,information_literacy,life_skills,learning_citizen_year
        return String.join(",", id, "H" + id, commune, "Thôn 1", birth, "F", "", residence, disability, enrolment, grade,
                "", primary, "", "", "", literacy, employed, qualification, "", "", "", "") + "\n";
    }

    @Test
    void countsOfAHandWrittenRegister(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("units.csv"), UNITS, StandardCharsets.UTF_8);
        String csv = SyntheticRegister.PERSONS_HEADER + "\n"
                // 01001: three five-year-olds; one in preschool, one not, one exempt (cannot_learn) and in preschool
                + person("P1", "01001", "2020-03-01", "permanent", "none", "preschool", "", "", "", "", "")
                + person("P2", "01001", "2020-05-01", "permanent", "none", "none", "", "", "", "", "")
                + person("P3", "01001", "2020", "permanent", "cannot_learn", "preschool", "", "", "", "", "")
                // 01002: two eleven-year-olds; one completed primary in 2025, one still in grade 5 (no completion year)
                + person("P4", "01002", "2014-01-10", "permanent", "none", "lower_secondary", "6", "2025", "", "", "")
                + person("P5", "01002", "2014-02-10", "permanent", "none", "primary", "5", "", "", "", "")
                // 02001: aged 25, literacy stage 2, employed, university; aged 35, nothing recorded but not employed, temporary
                + person("P6", "02001", "2000-06-01", "permanent", "none", "none", "", "", "2", "true", "university")
                + person("P7", "02001", "1990-06-01", "temporary", "none", "none", "", "", "", "false", "");
        Files.writeString(dir.resolve("persons.csv"), csv, StandardCharsets.UTF_8);
        Units units = NationalRegister.units(dir);
        assertEquals(7, NationalRegister.toParquet(spark, dir, units, 2025));
        assertTrue(Files.isDirectory(NationalRegister.parquet(dir).resolve("province_code=01").resolve("year=2025")));
        assertTrue(Files.isDirectory(NationalRegister.parquet(dir).resolve("province_code=02").resolve("year=2025")));

        Map<String, CompiledIndicator> inds = new LinkedHashMap<>();
        inds.put("t.not_employed", CompiledIndicator.compile("count(person where not employed)"));
        inds.put("t.employed_false", CompiledIndicator.compile("count(person where employed = false)"));
        inds.put("t.age_temporary", CompiledIndicator.compile("sum(person.age where residence = temporary)"));
        inds.put("t.qualified", CompiledIndicator.compile("count(person where qualification >= short_course) / count(person)"));
        SparkQuery q = SparkQuery.of(2025, RuleSet.defaults(), inds);
        Map<String, long[]> got = q.run(NationalRegister.read(spark, dir));

        assertEquals(List.of("01001", "01002", "02001"), List.copyOf(got.keySet()));
        List<String> cols = q.columns();
        // persons, exempt
        assertEquals(3, got.get("01001")[cols.indexOf("persons")]);
        assertEquals(1, got.get("01001")[cols.indexOf("exempt")]);
        // MN5.attend_age5: P1 and P2 in the cohort (P3 exempt), P1 attends
        assertEquals(2, got.get("01001")[cols.indexOf("den_MN5.attend_age5")]);
        assertEquals(1, got.get("01001")[cols.indexOf("num_MN5.attend_age5")]);
        // TH.complete_age11: P4 completed (2025 <= year), P5 has no completion year; both are in or past primary
        assertEquals(2, got.get("01002")[cols.indexOf("den_TH.complete_age11")]);
        assertEquals(1, got.get("01002")[cols.indexOf("num_TH.complete_age11")]);
        assertEquals(2, got.get("01002")[cols.indexOf("num_TH.age11_in_primary")]);
        // literacy (define lines): P6 (25) literate at both levels by stage 2; P7 (35) has nothing recorded
        assertEquals(2, got.get("02001")[cols.indexOf("den_XMC.lit1_15_35")]);
        assertEquals(1, got.get("02001")[cols.indexOf("num_XMC.lit1_15_35")]);
        assertEquals(1, got.get("02001")[cols.indexOf("den_XMC.lit1_15_25")]);
        assertEquals(1, got.get("02001")[cols.indexOf("num_XMC.lit1_15_25")]);
        assertEquals(2, got.get("02001")[cols.indexOf("den_XMC.lit2_15_60")]);
        assertEquals(1, got.get("02001")[cols.indexOf("num_XMC.lit2_15_60")]);
        // the indicators: `not employed` counts empty cells, `employed = false` does not; a sum of ages; a ratio's two counts
        assertEquals(3, got.get("01001")[cols.indexOf("t.not_employed#0")]);
        assertEquals(2, got.get("01002")[cols.indexOf("t.not_employed#0")]);
        assertEquals(1, got.get("02001")[cols.indexOf("t.not_employed#0")]);
        assertEquals(0, got.get("01001")[cols.indexOf("t.employed_false#0")]);
        assertEquals(1, got.get("02001")[cols.indexOf("t.employed_false#0")]);
        assertEquals(35, got.get("02001")[cols.indexOf("t.age_temporary#0")]);
        assertEquals(0, got.get("01002")[cols.indexOf("t.age_temporary#0")]);
        assertArrayEquals(new long[] {1, 2}, new long[] {got.get("02001")[cols.indexOf("t.qualified#0")], got.get("02001")[cols.indexOf("t.qualified#1")]});
        assertArrayEquals(new long[] {0, 3}, new long[] {got.get("01001")[cols.indexOf("t.qualified#0")], got.get("01001")[cols.indexOf("t.qualified#1")]});

        // the same register through the columnar engine, commune by commune
        ColumnarRegister reg = EngineCheck.load(dir, units, 2025, 16);
        ColumnarResult er = EngineCheck.compute(reg, q, 1);
        Map<String, long[]> engine = EngineCheck.rows(q, er);
        assertEquals(List.of(), EngineCheck.differences(q, "Spark", got, "engine", engine, 100));

        // one count off in one commune: reported with the commune, the count and both values, and the check fails
        Map<String, long[]> wrong = new LinkedHashMap<>(got);
        long[] b1 = got.get("02001").clone();
        b1[cols.indexOf("num_XMC.lit1_15_35")] = 2;
        wrong.put("02001", b1);
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        boolean same = SparkBench.report(new java.io.PrintStream(new java.io.ByteArrayOutputStream()),
                new java.io.PrintStream(err, true, StandardCharsets.UTF_8), q, "Spark", wrong, engine, null, null);
        assertEquals(false, same);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("commune 02001, num_XMC.lit1_15_35: Spark 2, columnar engine 1"),
                err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aGeneratedNationalRegisterEqualsTheColumnarEngineCommuneByCommune(@TempDir Path dir) throws Exception {
        NationalRegister.generate(dir, 60_000, 11, 2025, null);
        Units units = NationalRegister.units(dir);
        assertEquals(34, units.all().stream().filter(u -> u.level() == vn.hoctap.standards.core.UnitLevel.CITY).count());
        assertEquals(3_321, units.communeCount());
        assertEquals(60_000, NationalRegister.toParquet(spark, dir, units, 2025));

        SparkQuery q = SparkQuery.nq23(2025, RuleSet.defaults());
        Map<String, long[]> got = q.run(NationalRegister.read(spark, dir));
        ColumnarRegister reg = EngineCheck.load(dir, units, 2025, 60_000);
        ColumnarResult er = EngineCheck.compute(reg, q, 2);
        Map<String, long[]> engine = EngineCheck.rows(q, er);
        assertEquals(List.of(), EngineCheck.differences(q, "Spark", got, "engine", engine, 100));
        long persons = 0;
        for (long[] v : got.values()) persons += v[0];
        assertEquals(60_000, persons);

        NationalStandards ns = NationalStandards.of(units, q, got);
        assertEquals(List.of(), EngineCheck.levelDifferences(ns.standards(), er.standards(RuleSet.defaults()), 100));
        assertEquals(34, ns.provinces());
        assertEquals(3_321, ns.communes());
        // the nation's rates are the sums of the communes' counts
        long den = 0;
        for (long[] v : got.values()) den += v[q.columns().indexOf("den_" + Criterion.XMC_LIT2_15_60.id())];
        assertEquals(den, ns.nationRates().get(Criterion.XMC_LIT2_15_60).denominator());
        assertTrue(ns.communesMeeting().get(StandardLevel.MN5) <= ns.communes());
    }

    @Test
    void theCommandFailsLoudlyOnAnUnknownFolder(@TempDir Path dir) {
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int code = SparkMain.run(new String[] {"run", "--data", dir.resolve("missing").toString(), "--master", "local[2]"},
                new java.io.PrintStream(new java.io.ByteArrayOutputStream()), new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(SparkMain.BAD_INPUT, code);
    }
}
