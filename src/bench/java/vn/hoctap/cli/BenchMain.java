package vn.hoctap.cli;

import java.io.PrintStream;
import java.util.Arrays;

import vn.hoctap.HocTapApplication;

/**
 * The entry point of the benchmark and load commands (issue 17 item 5): {@code bench}, {@code bench-record},
 * {@code bench-fund} and {@code soak}. These classes are built from src/bench/java into target/bench-classes and
 * are not in the production jar; {@code bin/hoctap} runs this class with the jar's own launcher
 * ({@code PropertiesLauncher}, {@code loader.path=target/bench-classes}), so the commands are unchanged for users.
 */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || !HocTapApplication.BENCH_COMMANDS.contains(args[0])) {
            return Cli.run(args, out, err);
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            return switch (args[0]) {
                // the benchmark starts the platform itself (random port, throw-away database) next to the other engines
                case "bench" -> vn.hoctap.analytics.live.PlatformBench.run(HocTapApplication.class, rest, out, err);
                // the lifelong learning record at three sizes on a throw-away PostgreSQL (issue 12)
                case "bench-record" -> vn.hoctap.learning.LearningBench.run(HocTapApplication.class, rest, out, err);
                // the fund ledger's benchmark (issue 13) on its own throw-away embedded database
                case "bench-fund" -> vn.hoctap.fund.FundBench.run(HocTapApplication.class, rest, out, err);
                default -> SoakCommand.run(rest, out, err);
            };
        } catch (Cli.UsageException e) {
            err.println(e.getMessage());
            return 2;
        }
    }
}
