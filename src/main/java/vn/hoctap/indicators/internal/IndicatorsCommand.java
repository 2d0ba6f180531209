package vn.hoctap.indicators.internal;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

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

    @Override
    public void run(ApplicationArguments args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        String year = CommandOptions.option(args, "year");
        String format = CommandOptions.option(args, "format");
        if (year == null || !year.matches("\\d{4}") || (format != null && !format.equals("json") && !format.equals("csv"))) {
            err.println("Cách dùng / usage: bin/hoctap indicators --year YYYY [--format json|csv]");
            exitCode = 2;
            return;
        }
        int y = Integer.parseInt(year);
        if (!values.years().contains(y)) {
            err.println("Chưa có số liệu năm " + y + " / no data for " + y + " (years: " + values.years() + ")");
            exitCode = 1;
            return;
        }
        boolean csv = "csv".equals(format);
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
    }

    /** The JSON output, by Jackson (it was written by hand, without escaping the target texts). */
    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
