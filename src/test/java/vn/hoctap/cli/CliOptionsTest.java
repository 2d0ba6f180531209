package vn.hoctap.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoctap.cli.CliUnitsTest.run;

import org.junit.jupiter.api.Test;

/** The options of {@code bin/hoctap units} and {@code soak}, parsed by picocli: help, unknown and badly typed options. */
class CliOptionsTest {

    /** {@code bin/hoctap soak} (src/bench/java, run by BenchMain, compiled with the tests). */
    static CliUnitsTest.Run soak(String... args) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int code = SoakCommand.run(args, new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8),
                new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
        return new CliUnitsTest.Run(code, out.toString(java.nio.charset.StandardCharsets.UTF_8),
                err.toString(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void eachCommandHasItsHelp() {
        CliUnitsTest.Run units = run("units", "--help");
        assertThat(units.code()).isZero();
        assertThat(units.out()).contains("--date=YYYY-MM-DD").contains("--format=csv|json").contains("mặc định / default: csv")
                .contains("Các đơn vị hành chính có hiệu lực vào ngày đó");
        CliUnitsTest.Run soak = soak("--help");
        assertThat(soak.code()).isZero();
        assertThat(soak.out()).contains("--password=P").contains("--clients").contains("default: 64");
        CliUnitsTest.Run standards = run("standards", "--help");
        assertThat(standards.code()).isZero();
        assertThat(standards.out()).contains("--units=UNITS.csv").contains("--register=PERSONS.csv").contains("--year=Y")
                .contains("--rules=FILE").contains("--verbose").contains("Exit: 0 = OK");
    }

    @Test
    void usageMistakesAreRefusedWithExitCode2() {
        CliUnitsTest.Run unknown = run("units", "--date", "2025-07-01", "--colour", "red");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("Tham số không hợp lệ / invalid usage: ").contains("--colour").contains("--date=YYYY-MM-DD");
        CliUnitsTest.Run notANumber = soak("--password", "x", "--clients", "many");
        assertThat(notANumber.code()).isEqualTo(2);
        assertThat(notANumber.err()).contains("--clients").contains("many");
        CliUnitsTest.Run twice = run("standards", "--units", "a", "--units", "b", "--register", "c", "--year", "2025");
        assertThat(twice.code()).isEqualTo(2);
        assertThat(twice.err()).contains("--units").contains("Usage: standards");
        CliUnitsTest.Run tooFew = soak("--password", "x", "--clients", "4");   // the command's own check
        assertThat(tooFew.code()).isEqualTo(2);
        assertThat(tooFew.err()).contains("Cách dùng / usage: bin/hoctap soak");
    }

    @Test
    void theTopLevelHelpListsEveryCommand() {
        String help = run("--help").out();
        for (String command : new String[] {"serve", "units", "standards", "generate", "import", "indicators", "bench",
                "soak", "bench-record", "bench-fund", "help"}) {
            assertThat(help).as(command).containsPattern("(?m)^  " + command + "\\b");
        }
    }
}
