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
        StringBuilder sb = new StringBuilder(csv ? "indicator,year,value,target,target_year,national_target,status\n" : "[\n");
        var lines = status.city(y);
        for (int i = 0; i < lines.size(); i++) {
            var l = lines.get(i);
            String value = l.value() != null && l.value().present() ? String.format(Locale.ROOT, "%.4f", l.value().value()) : "";
            String target = l.target() == null ? "" : l.target().text();
            String national = l.national() == null ? "" : l.national().text();
            String st = l.assessment().status().name().toLowerCase(Locale.ROOT);
            if (csv) {
                sb.append(String.join(",", vn.hoctap.platform.SpreadsheetCells.csv(l.definition().id()), year, value,
                        vn.hoctap.platform.SpreadsheetCells.csv(target),
                        l.target() == null ? "" : String.valueOf(l.targetYear()), vn.hoctap.platform.SpreadsheetCells.csv(national), st))
                        .append('\n');
            } else {
                sb.append("  {\"indicator\": \"").append(l.definition().id()).append("\", \"year\": ").append(y)
                  .append(", \"value\": ").append(value.isEmpty() ? "null" : value)
                  .append(", \"target\": ").append(target.isEmpty() ? "null" : "\"" + target + "\"")
                  .append(", \"target_year\": ").append(l.target() == null ? "null" : l.targetYear())
                  .append(", \"national_target\": ").append(national.isEmpty() ? "null" : "\"" + national + "\"")
                  .append(", \"status\": \"").append(st).append("\"}").append(i + 1 < lines.size() ? ",\n" : "\n");
            }
        }
        if (!csv) {
            sb.append("]\n");
        }
        out.print(sb);
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
