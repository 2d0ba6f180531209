package vn.hoctap.indicators.internal;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import vn.hoctap.platform.CommandLines;
import vn.hoctap.platform.CommandOptions;

import vn.hoctap.indicators.IndicatorStatus;
import vn.hoctap.indicators.IndicatorValues;

/**
 * {@code bin/hoctap indicators --year Y [--format json|csv]}: the city's value, target and status of
 * each Resolution 23 indicator for a data year, from the platform's database.
 */
@Component
@ConditionalOnProperty(name = "hoctap.command", havingValue = "indicators")
class IndicatorsCommand implements ApplicationRunner, ExitCodeGenerator {

    private final IndicatorStatus status;
    private final IndicatorValues values;
    private int exitCode;

    IndicatorsCommand(IndicatorStatus status, IndicatorValues values) {
        this.status = status;
        this.values = values;
    }

    /** The options, parsed by picocli ({@code platform.CommandLines}). */
    @picocli.CommandLine.Command(name = "indicators", sortOptions = false, description = {
            "Giá trị, mục tiêu và trạng thái của từng chỉ tiêu Nghị quyết 23 của thành phố trong một năm dữ liệu.",
            "The city's value, target and status of each Resolution 23 indicator for a data year."})
    final class Options implements java.util.concurrent.Callable<Integer> {
        enum Format { json, csv }

        @picocli.CommandLine.Option(names = "--year", required = true, paramLabel = "YYYY", description = "năm dữ liệu / data year")
        int year;
        @picocli.CommandLine.Option(names = "--format", defaultValue = "json", paramLabel = "json|csv",
                description = "định dạng / format (mặc định / default: ${DEFAULT-VALUE})")
        Format format;
        @picocli.CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "hướng dẫn / this help")
        boolean help;

        private final PrintStream out;
        private final PrintStream err;

        Options(PrintStream out, PrintStream err) {
            this.out = out;
            this.err = err;
        }

        @Override
        public Integer call() {
            if (year < 1000 || year > 9999) throw new CommandLines.UsageException("--year: YYYY, e.g. 2025");
            return print(year, format == Format.csv, out, err);
        }
    }

    @Override
    public void run(ApplicationArguments args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        exitCode = CommandLines.execute(new Options(out, err), CommandOptions.after(args, "indicators"), out, err);
    }

    private int print(int y, boolean csv, PrintStream out, PrintStream err) {
        if (!values.years().contains(y)) {
            err.println("Chưa có số liệu năm " + y + " / no data for " + y + " (years: " + values.years() + ")");
            return 1;
        }
        StringBuilder sb = new StringBuilder();
        vn.hoctap.platform.CsvWriter table = csv ? vn.hoctap.platform.CsvWriter.of(sb) : null;
        tools.jackson.databind.node.ArrayNode json = JSON.createArrayNode();
        try {
            if (csv) table.header("indicator,year,value,target,target_year,national_target,status");
            for (var l : status.city(y)) {
                java.math.BigDecimal value = l.value() != null && l.value().present()
                        ? new java.math.BigDecimal(String.format(Locale.ROOT, "%.4f", l.value().value())) : null;
                String target = l.target() == null ? null : l.target().text();
                Integer targetYear = l.target() == null ? null : l.targetYear();
                String national = l.national() == null ? null : l.national().text();
                String st = l.assessment().status().name().toLowerCase(Locale.ROOT);
                if (csv) {
                    table.row(l.definition().id(), y, value, target, targetYear, national, st);
                } else {
                    var o = json.addObject();
                    o.put("indicator", l.definition().id());
                    o.put("year", y);
                    o.put("value", value);
                    o.put("target", target);
                    o.put("target_year", targetYear);
                    o.put("national_target", national);
                    o.put("status", st);
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        out.print(csv ? sb : JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n");
        return 0;
    }

    /** The JSON output, by Jackson (it was written by hand, without escaping the target texts). */
    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
