package vn.hoctap.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import picocli.CommandLine;
import vn.hoctap.HocTapApplication;
import vn.hoctap.platform.CommandLines;

/**
 * The entry point of the benchmark and load commands (issue 17 item 5): {@code bench}, {@code bench-record},
 * {@code bench-fund} and {@code soak}. These classes are built from src/bench/java into target/bench-classes and
 * are not in the production jar; {@code bin/hoctap} runs this class with the jar's own launcher
 * ({@code PropertiesLauncher}, {@code loader.path=target/bench-classes}), so the commands are unchanged for users.
 *
 * <p>{@code bench} runs every part in turn (issues 7, 12 and 13): the platform's own figures, then the lifelong
 * learning record ({@code bench-record}) and the fund ledger ({@code bench-fund}) at their default sizes.
 * {@code --only platform|record|fund} (or a comma-separated list) limits it; the other options are the platform
 * part's. The exit code is that of the first part that failed (0 when all succeeded); every selected part runs.
 */
public final class BenchMain {
    private BenchMain() {
    }

    /** One part of {@code bench}: its arguments, output, error stream → exit code. */
    @FunctionalInterface
    interface Part {
        int run(String[] args, PrintStream out, PrintStream err);
    }

    /** The parts of {@code bench}, in the order they run. */
    static final List<String> PARTS = List.of("platform", "explore", "record", "fund");

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
                case "bench" -> bench(rest, parts(), out, err);
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

    static Map<String, Part> parts() {
        Map<String, Part> parts = new LinkedHashMap<>();
        // the platform starts itself (random port, throw-away database) next to the other engines
        parts.put("platform", (a, o, e) -> vn.hoctap.analytics.live.PlatformBench.run(HocTapApplication.class, a, o, e));
        // Khám phá số liệu: a new expression over the generated register, in-process (issue 18)
        parts.put("explore", vn.hoctap.analytics.ExploreBench::run);
        parts.put("record", (a, o, e) -> vn.hoctap.learning.LearningBench.run(HocTapApplication.class, a, o, e));
        parts.put("fund", (a, o, e) -> vn.hoctap.fund.FundBench.run(HocTapApplication.class, a, o, e));
        return parts;
    }

    /**
     * {@code bench [--only platform|explore|record|fund[,…]] [platform options]}: runs the selected parts in the order
     * of {@link #PARTS}, the platform and explore parts with the other options, the record and fund parts with their
     * defaults.
     */
    static int bench(String[] args, Map<String, Part> parts, PrintStream out, PrintStream err) {
        return CommandLines.execute(new BenchOptions(parts, out, err), args, out, err);
    }

    /** The options of {@code bench} itself (picocli); whatever it does not know goes to the platform part. */
    @CommandLine.Command(name = "bench", sortOptions = false, description = {
            "Chạy lần lượt các bộ đo: nền tảng, hồ sơ học tập suốt đời, quỹ khuyến học.",
            "Runs the benchmarks in turn: the platform, the lifelong learning record, the fund ledger."})
    static final class BenchOptions implements Callable<Integer> {
        @CommandLine.Option(names = "--only", split = ",", paramLabel = "PART", description = "chỉ chạy các phần này, một hoặc"
                + " nhiều, cách nhau bởi dấu phẩy / only these parts, one or a comma-separated list: platform|record|fund")
        List<String> only = new ArrayList<>();
        @CommandLine.Option(names = {"-h", "--help"}, description = "hướng dẫn / this help")
        boolean help;
        /** The platform part's options (bin/hoctap help; PlatformBench.Options). */
        @CommandLine.Unmatched
        List<String> platformArgs = new ArrayList<>();

        private final Map<String, Part> parts;
        private final PrintStream out;
        private final PrintStream err;

        BenchOptions(Map<String, Part> parts, PrintStream out, PrintStream err) {
            this.parts = parts;
            this.out = out;
            this.err = err;
        }

        @Override
        public Integer call() {
            if (help) {
                out.print(new CommandLine(new BenchOptions(parts, out, err)).getUsageMessage(CommandLine.Help.Ansi.OFF));
                out.println();
                out.println("Tùy chọn của phần platform / the platform part's options:");
                out.print(vn.hoctap.analytics.live.PlatformBench.usage());
                return 0;
            }
            for (String part : only) {
                if (!PARTS.contains(part.strip())) {
                    throw new CommandLines.UsageException("Tham số không hợp lệ / --only " + String.join(",", only) + ": not one of "
                            + String.join("|", PARTS));
                }
            }
            List<String> selected = PARTS.stream().filter(p -> only.isEmpty() || only.stream().anyMatch(o -> o.strip().equals(p))).toList();
            if (!platformArgs.isEmpty() && !selected.contains("platform") && !selected.contains("explore")) {
                throw new CommandLines.UsageException("Tham số không hợp lệ / the options " + String.join(" ", platformArgs)
                        + " are the platform part's; run bench-record or bench-fund to give the others options");
            }
            return runParts(selected, platformArgs.toArray(String[]::new), parts, out, err);
        }
    }

    private static int runParts(List<String> selected, String[] platformArgs, Map<String, Part> parts, PrintStream out, PrintStream err) {
        int result = 0;
        Map<String, Integer> codes = new LinkedHashMap<>();
        for (String p : selected) {
            if (selected.size() > 1) {
                out.println();
                out.println("=== bench: " + p + " (" + (selected.indexOf(p) + 1) + "/" + selected.size() + ") ===");
            }
            String[] partArgs = p.equals("platform") || p.equals("explore") ? platformArgs : new String[0];
            int code;
            try {
                code = parts.get(p).run(partArgs, out, err);
            } catch (RuntimeException e) {
                err.println("bench " + p + " failed: " + e);
                code = 1;
            }
            codes.put(p, code);
            if (code != 0 && result == 0) result = code;
        }
        if (selected.size() > 1) {
            out.println();
            out.print("=== bench: ");
            codes.forEach((p, c) -> out.print(p + " " + (c == 0 ? "ok" : "FAILED (exit " + c + ")") + "; "));
            out.println("===");
        }
        return result;
    }
}
