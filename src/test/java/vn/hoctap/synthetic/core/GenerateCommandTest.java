package vn.hoctap.synthetic.core;


import vn.hoctap.synthetic.core.GenerateCommand;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {

    @TempDir
    Path tmp;

    private record Run(int rc, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = GenerateCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(rc, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void writesBothFilesReportsProgressAndASummary() throws Exception {
        Path dir = tmp.resolve("out/nested");
        Run r = run("generate", "--persons", "30000", "--seed", "4", "--structure", "2025", "--out", dir.toString());
        assertThat(r.rc()).as(r.err()).isZero();
        assertThat(r.err()).contains("(10%)").contains("(90%)").contains("done: 127 units (126 communes), 30,000 persons")
                .contains("rows/s").contains("bytes");
        List<String> units = Files.readAllLines(dir.resolve("units.csv"));
        List<String> persons = Files.readAllLines(dir.resolve("persons.csv"));
        assertThat(units).hasSize(128);
        assertThat(persons).hasSize(30_001);
        RegisterValidator v = new RegisterValidator()
                .validateUnits(new StringReader(Files.readString(dir.resolve("units.csv"))))
                .validatePersons(Files.newBufferedReader(dir.resolve("persons.csv")), 2025);
        assertThat(v.errors).isEmpty();
        // same arguments, same bytes
        Path again = tmp.resolve("again");
        assertThat(run("--persons=30000", "--seed=4", "--structure=2025", "--out=" + again).rc()).isZero();
        assertThat(Files.mismatch(dir.resolve("persons.csv"), again.resolve("persons.csv"))).isEqualTo(-1L);
        assertThat(Files.mismatch(dir.resolve("units.csv"), again.resolve("units.csv"))).isEqualTo(-1L);
    }

    @Test
    void structure2024DefaultsToDataYear2024AndYearCanBeGiven() throws Exception {
        Path d24 = tmp.resolve("y24");
        assertThat(run("--persons", "3000", "--seed", "1", "--structure", "2024", "--out", d24.toString()).rc()).isZero();
        assertThat(Files.readAllLines(d24.resolve("units.csv"))).hasSize(611);
        assertThat(new RegisterValidator().validateUnits(Files.newBufferedReader(d24.resolve("units.csv")))
                .validatePersons(Files.newBufferedReader(d24.resolve("persons.csv")), 2024).errors).isEmpty();
        assertThat(Files.readString(d24.resolve("persons.csv"))).doesNotContain(",2025-");
        Path d30 = tmp.resolve("y30");
        Run r = run("--persons", "3000", "--seed", "1", "--structure", "2025", "--year", "2030", "--out", d30.toString());
        assertThat(r.rc()).isZero();
        assertThat(r.err()).contains("data year 2030");
        assertThat(Files.readString(d30.resolve("persons.csv"))).contains(",2030-");
    }

    @Test
    void badArgumentsGiveExitCode2AndAClearMessage() throws Exception {
        String out = tmp.resolve("x").toString();
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        Object[][] cases = {
            {new String[] {"--persons", "0", "--seed", "1", "--structure", "2025", "--out", out}, "error: --persons must be at least 1"},
            {new String[] {"--persons", "-3", "--seed", "1", "--structure", "2025", "--out", out}, "at least 1"},
            {new String[] {"--persons", "many", "--seed", "1", "--structure", "2025", "--out", out}, "whole number"},
            {new String[] {"--persons", "10", "--seed", "x", "--structure", "2025", "--out", out}, "--seed must be an integer"},
            {new String[] {"--persons", "10", "--seed", "1", "--structure", "2023", "--out", out}, "--structure must be 2025 or 2024"},
            {new String[] {"--persons", "10", "--seed", "1", "--structure", "2025"}, "Missing required option: '--out=DIR'"},
            {new String[] {"--seed", "1", "--structure", "2025", "--out", out}, "Missing required option: '--persons=N'"},
            {new String[] {"--persons", "10", "--structure", "2025", "--out", out}, "Missing required option: '--seed=S'"},
            {new String[] {"--persons", "10", "--seed", "1", "--out", out}, "Missing required option: '--structure=2025|2024|national'"},
            {new String[] {"--persons", "10", "--seed", "1", "--structure", "2025", "--out", file.toString()}, "is a file"},
            {new String[] {"--persons", "10", "--seed", "1", "--structure", "2025", "--out", file.resolve("sub").toString()}, "cannot be created"},
            {new String[] {"--persons", "10", "--seed", "1", "--structure", "2025", "--out", out, "--year", "1700"}, "year must be between"},
            {new String[] {"--persons", "10", "--seed", "1", "--structure", "2025", "--out", out, "--colour", "red"}, "'--colour'"},
            {new String[] {"--persons"}, "Missing required parameter for option '--persons'"},
            {new String[] {"--persons", "10", "--seed", "1", "--structure", "2025", "--out", out, "stray"}, "Unmatched argument at index 8: 'stray'"},
        };
        for (Object[] c : cases) {
            Run r = run((String[]) c[0]);
            assertThat(r.rc()).as(String.join(" ", (String[]) c[0])).isEqualTo(2);
            // a value of the wrong form: "error: …"; a parsing mistake: picocli's message (platform.CommandLines); both
            // followed by the command's help
            assertThat(r.err()).as(String.join(" ", (String[]) c[0])).contains((String) c[1]).contains("Usage: generate");
        }
        assertThat(Files.exists(tmp.resolve("x").resolve("persons.csv"))).isFalse();
    }

    @Test
    void helpPrintsUsage() {
        Run r = run("--help");
        assertThat(r.rc()).isZero();
        assertThat(r.out()).contains("Usage: generate").contains("--persons=N").contains("--seed=S")
                .contains("--structure=2025|2024|national").contains("--out=DIR").contains("[--year=Y]");
    }
}
