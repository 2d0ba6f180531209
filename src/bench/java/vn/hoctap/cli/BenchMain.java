package vn.hoctap.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import vn.hoctap.HocTapApplication;

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
        Set<String> only = new LinkedHashSet<>();
        List<String> platformArgs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String value = null;
            if (a.equals("--only")) {
                if (i + 1 >= args.length) return usage(err, "--only needs a value: " + String.join("|", PARTS));
                value = args[++i];
            } else if (a.startsWith("--only=")) {
                value = a.substring("--only=".length());
            }
            if (value == null) {
                platformArgs.add(a);
                continue;
            }
            for (String p : value.split(",")) {
                String part = p.strip();
                if (!PARTS.contains(part)) return usage(err, "--only " + value + ": not one of " + String.join("|", PARTS));
                only.add(part);
            }
        }
        List<String> selected = PARTS.stream().filter(p -> only.isEmpty() || only.contains(p)).toList();
        if (!platformArgs.isEmpty() && !selected.contains("platform") && !selected.contains("explore")) {
            return usage(err, "the options " + String.join(" ", platformArgs) + " are the platform part's; "
                    + "run bench-record or bench-fund to give the others options");
        }
        int result = 0;
        Map<String, Integer> codes = new LinkedHashMap<>();
        for (String p : selected) {
            if (selected.size() > 1) {
                out.println();
                out.println("=== bench: " + p + " (" + (selected.indexOf(p) + 1) + "/" + selected.size() + ") ===");
            }
            String[] partArgs = p.equals("platform") || p.equals("explore") ? platformArgs.toArray(String[]::new) : new String[0];
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

    private static int usage(PrintStream err, String message) {
        err.println("Tham số không hợp lệ / " + message);
        err.println("bench [--only " + String.join("|", PARTS) + "[,...]] [platform options: see bin/hoctap help]");
        return 2;
    }
}
