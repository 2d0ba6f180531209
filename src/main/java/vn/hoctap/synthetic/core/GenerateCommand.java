package vn.hoctap.synthetic.core;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * {@code generate --persons N --seed S --structure 2025|2024|national --out DIR [--year Y]}: writes
 * DIR/units.csv and DIR/persons.csv, a synthetic register for Hà Nội's real units.
 */
public final class GenerateCommand {

    /** Exit code: success. */
    public static final int OK = 0;
    /** Exit code: writing failed. */
    public static final int FAILED = 1;
    /** Exit code: bad arguments. */
    public static final int USAGE = 2;

    /** The options, parsed by picocli ({@code platform.CommandLines}); the values are checked in {@link #call()}. */
    @picocli.CommandLine.Command(name = "generate", sortOptions = false, description = {
            "Sinh một sổ phổ cập giả lập cho các đơn vị thật của Hà Nội: DIR/units.csv và DIR/persons.csv.",
            "Writes a synthetic register for Hà Nội's real units: DIR/units.csv and DIR/persons.csv."})
    static final class Options implements java.util.concurrent.Callable<Integer> {
        @picocli.CommandLine.Option(names = "--persons", required = true, paramLabel = "N",
                description = "số người, ít nhất 1 / number of persons, at least 1 (Hà Nội: about 8700000)")
        String persons;
        @picocli.CommandLine.Option(names = "--seed", required = true, paramLabel = "S",
                description = "hạt giống (số nguyên); cùng tham số cho cùng tệp / integer seed; the same arguments give byte-identical files")
        String seed;
        @picocli.CommandLine.Option(names = "--structure", required = true, paramLabel = "2025|2024|national",
                description = "2025 = thành phố + 126 xã, phường (từ 1/7/2025) / city + 126 communes (from 1/7/2025); 2024 = 30 quận, huyện, 579 xã / 30 districts, 579 communes; national = 34 tỉnh, 3.321 xã GIẢ LẬP (mã và tên tự đặt) / SYNTHETIC 34 provinces, 3,321 communes (made-up codes and names)")
        String structure;
        @picocli.CommandLine.Option(names = "--out", required = true, paramLabel = "DIR",
                description = "thư mục ra (tạo nếu chưa có) / output folder (created if missing); writes units.csv and persons.csv")
        String out;
        @picocli.CommandLine.Option(names = "--year", paramLabel = "Y",
                description = "năm dữ liệu / data year (default 2025 for structure 2025, 2024 for 2024)")
        String year;
        @picocli.CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "hướng dẫn / this help")
        boolean help;

        private final PrintStream stdout;
        private final PrintStream err;

        Options(PrintStream stdout, PrintStream err) {
            this.stdout = stdout;
            this.err = err;
        }

        @Override
        public Integer call() {
            return generate(this, stdout, err);
        }
    }

    private GenerateCommand() {
    }

    public static void main(String[] args) {
        int rc = run(args, System.out, System.err);
        System.out.flush();
        if (rc != 0) {
            System.exit(rc);
        }
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        String[] rest = args.length > 0 && "generate".equals(args[0]) ? java.util.Arrays.copyOfRange(args, 1, args.length) : args;
        return vn.hoctap.platform.CommandLines.execute(new Options(out, err), rest, out, err);
    }

    private static int generate(Options o, PrintStream out, PrintStream err) {
        String persons = o.persons;
        String seed = o.seed;
        String structure = o.structure;
        String dir = o.out;
        String year = o.year;
        long n;
        try {
            n = Long.parseLong(persons.replace("_", "").trim());
        } catch (NumberFormatException e) {
            return usage(err, "--persons must be a whole number, got: " + persons);
        }
        if (n < 1) {
            return usage(err, "--persons must be at least 1, got: " + persons);
        }
        long s;
        try {
            s = Long.parseLong(seed.trim());
        } catch (NumberFormatException e) {
            return usage(err, "--seed must be an integer, got: " + seed);
        }
        Structure st;
        try {
            st = Structure.parse(structure);
        } catch (IllegalArgumentException e) {
            return usage(err, "--structure must be 2025 or 2024 (or national), got: " + structure);
        }
        int y = st.defaultYear();
        if (year != null) {
            try {
                y = Integer.parseInt(year.trim());
            } catch (NumberFormatException e) {
                return usage(err, "--year must be a year, got: " + year);
            }
        }
        GeneratorOptions options;
        try {
            options = new GeneratorOptions(n, s, st, y);
        } catch (IllegalArgumentException e) {
            return usage(err, e.getMessage());
        }
        Path outDir;
        try {
            outDir = Path.of(dir);
        } catch (InvalidPathException e) {
            return usage(err, "--out is not a valid path: " + dir);
        }
        String problem = checkWritable(outDir);
        if (problem != null) {
            return usage(err, problem);
        }

        err.printf(Locale.ROOT, "generating %,d persons, structure %s, data year %d, seed %d -> %s%n",
                n, st.id(), y, s, outDir.toAbsolutePath());
        long t0 = System.nanoTime();
        long step = Math.max(1, Math.min(n / 10, 1_000_000));
        long[] next = {step};
        GenerationSummary summary;
        try {
            summary = SyntheticRegister.generate(options, outDir, (done, total) -> {
                if (done >= next[0] && done < total) {
                    double secs = (System.nanoTime() - t0) / 1e9;
                    err.printf(Locale.ROOT, "  %,d / %,d persons (%.0f%%), %.1f s%n", done, total,
                            100.0 * done / total, secs);
                    while (next[0] <= done) {
                        next[0] += step;
                    }
                }
            });
        } catch (IOException | RuntimeException e) {
            err.println("error: generation failed: " + e);
            return FAILED;
        }
        double secs = Math.max(1e-9, (System.nanoTime() - t0) / 1e9);
        long bytes = size(outDir.resolve("units.csv")) + size(outDir.resolve("persons.csv"));
        err.printf(Locale.ROOT, "done: %d units (%d communes), %,d persons in %,d households, %,d bytes,"
                        + " %.2f s, %,.0f rows/s%n",
                summary.units(), summary.communes(), summary.persons(), summary.households(), bytes,
                secs, summary.persons() / secs);
        StringBuilder weak = new StringBuilder();
        for (Map.Entry<String, String> e : SyntheticRegister.communeProfiles(s, st).entrySet()) {
            if (!"normal".equals(e.getValue())) {
                weak.append(' ').append(e.getKey()).append('=').append(e.getValue().replace(' ', '/'));
            }
        }
        err.println("synthetic profiles (not official):" + weak);
        out.println(outDir.resolve("units.csv"));
        out.println(outDir.resolve("persons.csv"));
        return OK;
    }

    private static String checkWritable(Path dir) {
        try {
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                return "--out must be a directory, but is a file: " + dir;
            }
            Files.createDirectories(dir);
        } catch (IOException | SecurityException e) {
            return "--out cannot be created: " + dir + " (" + e.getMessage() + ")";
        }
        if (!Files.isWritable(dir)) {
            return "--out is not writable: " + dir;
        }
        for (String f : new String[] {"units.csv", "persons.csv"}) {
            Path p = dir.resolve(f);
            if (Files.exists(p) && (Files.isDirectory(p) || !Files.isWritable(p))) {
                return "cannot overwrite " + p;
            }
        }
        return null;
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }

    private static int usage(PrintStream err, String message) {
        err.println("error: " + message);
        new picocli.CommandLine(new Options(null, null)).usage(err, picocli.CommandLine.Help.Ansi.OFF);
        return USAGE;
    }
}
