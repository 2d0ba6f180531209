package vn.hoctap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class CliUnitsTest {

    record Run(int code, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void unitsInForceOnEachStructure() {
        Run after = run("units", "--date", "2025-07-01", "--format", "csv");
        assertThat(after.code()).isZero();
        assertThat(after.lines().get(0)).isEqualTo("code,name,level,parent_code");
        assertThat(after.lines()).hasSize(1 + 127);
        assertThat(after.lines()).contains("01,Thành phố Hà Nội,city,", "00004,Phường Ba Đình,commune,01");

        assertThat(run("units", "--date", "2024-06-01", "--format", "csv").lines()).hasSize(1 + 610)
                .contains("001,Quận Ba Đình,district,01", "00004,Phường Trúc Bạch,commune,001");
        assertThat(run("units", "--date", "2025-03-01").lines()).hasSize(1 + 557);
    }

    @Test
    void jsonFormat() {
        Run r = run("units", "--date", "2025-07-01", "--format", "json");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("[").contains("{\"code\": \"00004\", \"name\": \"Phường Ba Đình\", \"level\": \"commune\", \"parent_code\": \"01\"");
        assertThat(r.out().split("\"code\":", -1)).hasSize(128);
    }

    @Test
    void usageErrorsSayWhatToFix() {
        Run badDate = run("units", "--date", "1/7/2025");
        assertThat(badDate.code()).isEqualTo(2);
        assertThat(badDate.err()).contains("YYYY-MM-DD");
        Run missing = run("units");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("--date");
        Run format = run("units", "--date", "2025-07-01", "--format", "xml");
        assertThat(format.code()).isEqualTo(2);
        assertThat(format.err()).contains("csv");
        Run before = run("units", "--date", "2020-01-01");
        assertThat(before.code()).isEqualTo(1);
        assertThat(before.err()).contains("2024-01-01");
        assertThat(run("nonsense").code()).isEqualTo(2);
        assertThat(run("help").out()).contains("units --date");
    }
}
