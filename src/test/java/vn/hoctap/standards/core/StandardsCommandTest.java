package vn.hoctap.standards.core;


import vn.hoctap.standards.core.RuleSet;
import vn.hoctap.standards.core.StandardsCommand;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@SuppressWarnings("unchecked")
class StandardsCommandTest {
    static final Clock NOW = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);

    @TempDir Path dir;
    Path units;
    Path persons;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void files() throws Exception {
        units = dir.resolve("units.csv");
        Files.writeString(units, "code,name,level,parent_code,disadvantaged\n01,Thành phố Hà Nội,city,,\n"
                + "00004,Phường Ba Đình,commune,01,\n00008,Xã Khó Khăn,commune,01,true\n");
        persons = dir.resolve("persons.csv");
        StringBuilder sb = new StringBuilder("person_id;household_id;commune_code;birth_date;sex;enrolment;grade\n");
        for (int i = 0; i < 19; i++) sb.append("A").append(i).append(";H;00004;2020;F;preschool;\n");
        sb.append("A19;H;00004;2020-03-01;M;;\n");                   // 19/20 aged 5 in preschool = 95 %
        for (int i = 0; i < 18; i++) sb.append("B").append(i).append(";H;00008;2020;F;preschool;\n");
        sb.append("B18;H;00008;2020;M;;\nB19;H;00008;2020;M;;\n");    // 18/20 = 90 %, xã ĐBKK
        Files.writeString(persons, sb.toString());
    }

    int run(String... args) {
        return StandardsCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), NOW);
    }

    String out() { return out.toString(StandardCharsets.UTF_8); }

    String err() { return err.toString(StandardCharsets.UTF_8); }

    @Test
    void printsTheJson() {
        int rc = run("standards", "--units", units.toString(), "--register", persons.toString(), "--year", "2025");
        assertThat(rc).isZero();
        assertThat(err()).isEmpty();
        Map<String, Object> root = (Map<String, Object>) MiniJson.parse(out());
        assertThat(root.get("year")).isEqualTo(2025L);
        List<Object> us = (List<Object>) root.get("units");
        assertThat(us).extracting(u -> ((Map<String, Object>) u).get("code")).containsExactly("01", "00004", "00008");
        Map<String, Object> c4 = (Map<String, Object>) us.get(1);
        assertThat(((Map<String, Object>) c4.get("standards")).get("MN5")).isEqualTo(true);
        assertThat(((Map<String, Object>) ((Map<String, Object>) c4.get("criteria")).get("MN5.attend_age5")))
                .isEqualTo(Map.of("numerator", 19L, "denominator", 20L));
        Map<String, Object> c8 = (Map<String, Object>) us.get(2);
        assertThat(((Map<String, Object>) c8.get("standards")).get("MN5")).isEqualTo(true);
        Map<String, Object> city = (Map<String, Object>) us.get(0);
        assertThat((Map<String, Object>) city.get("communes_meeting")).containsEntry("MN5", 2L);
        assertThat(out()).contains("Thành phố Hà Nội");
    }

    @Test
    void verboseReportsThroughputOnStandardError() {
        int rc = run("--units=" + units, "--register=" + persons, "--year=2025", "--verbose");
        assertThat(rc).isZero();
        assertThat(err()).contains("rows/s").contains("40 rows");
        MiniJson.parse(out());
    }

    @Test
    void badRegisterPrintsTheReportAndNothingOnStandardOutput() throws Exception {
        Files.writeString(persons, "person_id,household_id,commune_code,birth_date,sex,unknown_col\n"
                + "P1,H1,00004,2020,F,\nP1,H2,00099,2020-02-30,Q,\n");
        int rc = run("--units", units.toString(), "--register", persons.toString(), "--year", "2025");
        assertThat(rc).isEqualTo(1);
        assertThat(out.size()).isZero();
        assertThat(err()).contains("persons.csv, dòng/line 3, cột/column person_id, giá trị/value \"P1\"")
                .contains("cột/column commune_code, giá trị/value \"00099\"").contains("Unknown commune code")
                .contains("Mã xã không có trong units.csv")
                .contains("cột/column birth_date").contains("cột/column sex")
                .contains("tổng cộng 4 lỗi").contains("total 4 errors")
                .contains("CẢNH BÁO/WARNING").contains("unknown_col");
    }

    @Test
    void badUnitsStillChecksTheRegisterWithoutCommuneCodes() throws Exception {
        Files.writeString(units, "code,name,level,parent_code\n01,TP,city,\n00004,X,commune,02\n");
        Files.writeString(persons, "person_id,household_id,commune_code,birth_date,sex\nP1,H1,00077,2020,X\n");
        int rc = run("--units", units.toString(), "--register", persons.toString(), "--year", "2025");
        assertThat(rc).isEqualTo(1);
        assertThat(out.size()).isZero();
        assertThat(err()).contains("units.csv, dòng/line 3, cột/column parent_code").contains("persons.csv, dòng/line 2, cột/column sex")
                .doesNotContain("00077\"").contains("commune codes were not checked");
    }

    @Test
    void usageErrors() {
        assertThat(run("--units", units.toString(), "--register", persons.toString())).isEqualTo(2);
        assertThat(err()).contains("--year").contains("usage");
        assertThat(run("--units", units.toString(), "--register", persons.toString(), "--year", "20x5")).isEqualTo(2);
        assertThat(run("--units", units.toString(), "--register", persons.toString(), "--year", "2025", "--bogus")).isEqualTo(2);
        assertThat(run("--units")).isEqualTo(2);
        assertThat(run("--units", "a", "--units", "b", "--register", "c", "--year", "2025")).isEqualTo(2);
        assertThat(out.size()).isZero();
        assertThat(run("--help")).isZero();
        assertThat(out()).contains("--register");
    }

    @Test
    void missingFileAndBadRulesAreBadInput() throws Exception {
        assertThat(run("--units", dir.resolve("nope.csv").toString(), "--register", persons.toString(), "--year", "2025")).isEqualTo(1);
        assertThat(err()).contains("nope.csv");
        Path rules = dir.resolve("bad.rules");
        Files.writeString(rules, "ruleset | x | 1 | t\ncohort | nope | 1 | 2 | s | V\n");
        err.reset();
        assertThat(run("--units", units.toString(), "--register", persons.toString(), "--year", "2025", "--rules", rules.toString()))
                .isEqualTo(1);
        assertThat(err()).contains("bad.rules:2:").contains("unknown criterion");
        assertThat(out.size()).isZero();
    }

    @Test
    void customRulesAreUsed() throws Exception {
        Path rules = dir.resolve("strict.rules");
        Files.writeString(rules, RuleSet.defaultText()
                .replace("commune | MN5  | 1 | MN5.attend_age5     | 95  | 90 |", "commune | MN5  | 1 | MN5.attend_age5     | 96  | 91 |")
                .replace("ruleset | nd20-2014 | 1 |", "ruleset | strict | 2 |"));
        assertThat(run("--units", units.toString(), "--register", persons.toString(), "--year", "2025", "--rules", rules.toString()))
                .isZero();
        Map<String, Object> root = (Map<String, Object>) MiniJson.parse(out());
        assertThat((Map<String, Object>) root.get("rule_set")).containsEntry("id", "strict").containsEntry("version", "2");
        List<Object> us = (List<Object>) root.get("units");
        for (int i = 1; i <= 2; i++) {
            assertThat(((Map<String, Object>) ((Map<String, Object>) us.get(i)).get("standards")).get("MN5")).isEqualTo(false);
        }
    }
}
