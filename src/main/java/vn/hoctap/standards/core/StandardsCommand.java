package vn.hoctap.standards.core;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;

/**
 * {@code standards --units UNITS.csv --register PERSONS.csv --year Y [--rules FILE] [--verbose]}
 * <p>
 * Prints the standards JSON (UTF-8) to {@code out} and returns 0. When a file breaks register-csv.md it prints
 * the row-level report (file, line, column, value, reason in Vietnamese and English, totals) to {@code err},
 * prints nothing to {@code out} and returns 1; an unreadable file or a bad rule file also returns 1. Usage
 * errors return 2. {@code --verbose} adds throughput (rows/s, elapsed) on {@code err}.
 * Text is written to both streams as UTF-8 bytes, whatever the streams' own charset.
 */
public final class StandardsCommand {
    public static final int OK = 0;
    public static final int BAD_INPUT = 1;
    public static final int USAGE = 2;


    private StandardsCommand() { }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, Clock.systemDefaultZone());
    }

    /** @param clock gives the current year for "completion year in the future" checks */
    public static int run(String[] args, PrintStream out, PrintStream err, Clock clock) {
        String[] rest = args.length > 0 && args[0].equals("standards") ? java.util.Arrays.copyOfRange(args, 1, args.length) : args;
        return vn.hoctap.platform.CommandLines.execute(new Options(out, err, clock), rest, out, err);
    }

    /** The options, parsed by picocli (a repeated option, an unknown one or a missing value is a usage error). */
    @picocli.CommandLine.Command(name = "standards", sortOptions = false,
            description = {"Tính chuẩn PCGD-XMC từ tệp (không cần cơ sở dữ liệu), in JSON.",
                    "Universal-education and literacy standards from the files, as JSON (docs/contracts/standards.md)."},
            footer = "Exit: 0 = OK, 1 = bad input file (report on standard error), 2 = usage error.")
    static final class Options implements java.util.concurrent.Callable<Integer> {
        @picocli.CommandLine.Option(names = "--units", required = true, paramLabel = "UNITS.csv", description = "units.csv (register-csv.md)")
        String units;
        @picocli.CommandLine.Option(names = "--register", required = true, paramLabel = "PERSONS.csv", description = "persons.csv (register-csv.md)")
        String register;
        @picocli.CommandLine.Option(names = "--year", required = true, paramLabel = "Y", description = "data year Y (năm dữ liệu), e.g. 2025")
        String year;
        @picocli.CommandLine.Option(names = "--rules", paramLabel = "FILE", description = "rule file, or a bundled version: nd20-2014-v1 (default, classpath " + RuleSet.DEFAULT_RESOURCE + ") or nd20-2014-v2")
        String rules;
        @picocli.CommandLine.Option(names = "--verbose", description = "print rows/s and elapsed time on standard error")
        boolean verbose;
        @picocli.CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "this help / hướng dẫn")
        boolean help;

        private final PrintStream out;
        private final PrintStream err;
        private final Clock clock;

        Options(PrintStream out, PrintStream err, Clock clock) {
            this.out = out;
            this.err = err;
            this.clock = clock;
        }

        @Override
        public Integer call() {
            return compute(this, out, err, clock);
        }
    }

    private static int compute(Options o, PrintStream out, PrintStream err, Clock clock) {
        String unitsArg = o.units, registerArg = o.register, yearArg = o.year, rulesArg = o.rules;
        boolean verbose = o.verbose;
        for (String[] v : new String[][] {{"--units", unitsArg}, {"--register", registerArg}, {"--year", yearArg}, {"--rules", rulesArg}}) {
            if (v[1] != null && v[1].isEmpty()) return usage(err, v[0] + " needs a value / cần một giá trị");
        }
        Integer year = PersonsReader.parseInt(yearArg);
        if (year == null || year < 1900 || year > 9999) {
            return usage(err, "--year must be a year such as 2025 / --year phải là một năm, ví dụ 2025: " + yearArg);
        }

        RuleSet rules;
        try {
            rules = rulesArg == null ? RuleSet.defaults()
                    : RuleSet.BUNDLED.contains(rulesArg) && !Files.exists(Path.of(rulesArg)) ? RuleSet.bundled(rulesArg)
                    : RuleSet.load(Path.of(rulesArg));
        } catch (RuleSetException e) {
            write(err, "LỖI/ERROR tệp quy tắc không dùng được / unusable rule file: " + e.getMessage() + "\n");
            return BAD_INPUT;
        }

        Path unitsPath = Path.of(unitsArg);
        Path registerPath = Path.of(registerArg);
        for (Path p : new Path[] {unitsPath, registerPath}) {
            if (!Files.isRegularFile(p)) {
                write(err, "LỖI/ERROR không tìm thấy tệp / file not found: " + p + "\n");
                return BAD_INPUT;
            }
        }

        long t0 = System.nanoTime();
        UnitsReader.Result unitsResult = new UnitsReader().read(unitsPath);
        Units units = unitsResult.units();
        StandardsEngine.Accumulator acc = units == null ? null : new StandardsEngine(units, rules, year).newAccumulator();
        PersonsReader personsReader = new PersonsReader(units, clock);
        ImportReport personsReport = personsReader.read(registerPath, acc == null ? p -> { } : acc);

        boolean ok = unitsResult.report().ok() && personsReport.ok();
        StringBuilder diag = new StringBuilder();
        diag.append(unitsResult.report().format());
        if (!unitsResult.report().ok()) {
            diag.append(personsReport.file()).append(": mã xã chưa được kiểm tra vì units.csv có lỗi")
                .append(" / commune codes were not checked because units.csv has errors\n");
        }
        diag.append(personsReport.format());
        if (!ok) {
            long total = unitsResult.report().errorCount() + personsReport.errorCount();
            diag.append("Tổng số lỗi: ").append(total).append("; không có kết quả nào được tính. / Total errors: ")
                .append(total).append("; no result was computed.\n");
            write(err, diag.toString());
            return BAD_INPUT;
        }
        StandardsResult result = acc.result();
        String json = result.toJson();
        write(out, json);
        out.flush();
        if (diag.length() > 0) write(err, diag.toString());
        if (verbose) {
            double secs = (System.nanoTime() - t0) / 1e9;
            double readSecs = personsReport.nanos() / 1e9;
            write(err, String.format(Locale.ROOT,
                    "%s: %d rows in %.3f s (%.0f rows/s); total elapsed %.3f s; %d units; rule set %s v%s%n",
                    personsReport.file(), personsReport.rows(), readSecs,
                    readSecs > 0 ? personsReport.rows() / readSecs : 0.0, secs, units.size(), rules.id(), rules.version()));
        }
        return OK;
    }

    private static int usage(PrintStream err, String message) {
        write(err, "Cách dùng sai / usage: " + message + "\n"
                + new picocli.CommandLine(new Options(null, null, null)).getUsageMessage());
        return USAGE;
    }

    private static void write(PrintStream s, String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        s.write(b, 0, b.length);
        s.flush();
    }
}
