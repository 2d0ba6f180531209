package vn.hoctap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * {@code bin/hoctap bench} runs the platform's figures, then the learning record's (issue 12) and the fund ledger's
 * (issue 13); {@code --only} limits it and the exit code fails when any part fails. The parts here are stand-ins that
 * record how they were called: no benchmark runs.
 */
class BenchMainTest {

    /** What each stand-in part was called with, in call order ("platform [--persons, 1000]"). */
    private final List<String> calls = new ArrayList<>();

    private Map<String, BenchMain.Part> parts(int platformCode, int recordCode, int fundCode) {
        Map<String, BenchMain.Part> parts = new LinkedHashMap<>();
        parts.put("platform", stand("platform", platformCode));
        parts.put("explore", stand("explore", 0));
        parts.put("record", stand("record", recordCode));
        parts.put("fund", stand("fund", fundCode));
        return parts;
    }

    private BenchMain.Part stand(String name, int code) {
        return (args, out, err) -> {
            calls.add(name + " " + Arrays.toString(args));
            out.println(name + " figures");
            return code;
        };
    }

    record Run(int code, String out, String err) {
    }

    private Run bench(Map<String, BenchMain.Part> parts, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = BenchMain.bench(args, parts, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void withoutOnlyEveryPartRunsInOrderAndOnlyThePlatformAndExploreGetTheOptions() {
        Run r = bench(parts(0, 0, 0), "--persons", "1000", "--engine-only");
        assertThat(r.code()).isZero();
        assertThat(calls).containsExactly("platform [--persons, 1000, --engine-only]", "explore [--persons, 1000, --engine-only]",
                "record []", "fund []");
        assertThat(r.out()).containsSubsequence("=== bench: platform (1/4) ===", "platform figures",
                "=== bench: explore (2/4) ===", "explore figures",
                "=== bench: record (3/4) ===", "record figures", "=== bench: fund (4/4) ===", "fund figures",
                "=== bench: platform ok; explore ok; record ok; fund ok; ===");
    }

    @Test
    void onlyRunsTheChosenPartsInTheirUsualOrder() {
        assertThat(bench(parts(0, 0, 0), "--only", "fund").code()).isZero();
        assertThat(calls).containsExactly("fund []");
        calls.clear();
        Run one = bench(parts(0, 0, 0), "--only=record");
        assertThat(calls).containsExactly("record []");
        assertThat(one.out()).isEqualTo("record figures\n");   // a single part prints no banner
        calls.clear();
        assertThat(bench(parts(0, 0, 0), "--only", "fund,platform", "--persons", "5000").code()).isZero();
        assertThat(calls).containsExactly("platform [--persons, 5000]", "fund []");
        calls.clear();
        assertThat(bench(parts(0, 0, 0), "--only", "explore", "--persons", "5000").code()).isZero();
        assertThat(calls).containsExactly("explore [--persons, 5000]");
    }

    @Test
    void anyFailingPartFailsTheWholeRunButTheOthersStillRun() {
        Run r = bench(parts(0, 1, 0));
        assertThat(r.code()).isEqualTo(1);
        assertThat(calls).containsExactly("platform []", "explore []", "record []", "fund []");
        assertThat(r.out()).contains("=== bench: platform ok; explore ok; record FAILED (exit 1); fund ok; ===");
        calls.clear();
        // the first failure's code is the run's: the platform's 1 (engines disagree) before the fund's 2
        assertThat(bench(parts(1, 0, 2)).code()).isEqualTo(1);
        calls.clear();
        Map<String, BenchMain.Part> throwing = parts(0, 0, 0);
        throwing.put("record", (a, o, e) -> {
            throw new IllegalStateException("no database");
        });
        Run t = bench(throwing);
        assertThat(t.code()).isEqualTo(1);
        assertThat(t.err()).contains("bench record failed: java.lang.IllegalStateException: no database");
        assertThat(calls).containsExactly("platform []", "explore []", "fund []");
    }

    @Test
    void badOnlyValuesAndPlatformOptionsWithoutThePlatformAreUsageErrors() {
        Run unknown = bench(parts(0, 0, 0), "--only", "ledger");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("ledger").contains("platform|explore|record|fund");
        assertThat(bench(parts(0, 0, 0), "--only").code()).isEqualTo(2);
        Run misplaced = bench(parts(0, 0, 0), "--only", "record", "--persons", "1000");
        assertThat(misplaced.code()).isEqualTo(2);
        assertThat(misplaced.err()).contains("--persons 1000");
        assertThat(calls).isEmpty();
    }

    @Test
    void benchCommandsGoThroughTheirEntryPointAndTheHelpListsThem() {
        assertThat(BenchMain.parts()).containsOnlyKeys("platform", "explore", "record", "fund");
        assertThat(BenchMain.PARTS).containsExactly("platform", "explore", "record", "fund");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        // a bad --only reaches BenchMain.bench through the command dispatch (and runs nothing)
        int code = BenchMain.run(new String[] {"bench", "--only", "nothing"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--only nothing");
        String help = CliUnitsTest.run("help").out();
        assertThat(help).containsPattern("(?m)^  bench \\[--only platform\\|explore\\|record\\|fund\\]")
                .contains("bench-record").contains("bench-fund")
                .contains("the learning record (as bench-record) and the fund ledger (as");
    }
}
