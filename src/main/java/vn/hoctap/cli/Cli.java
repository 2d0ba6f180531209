package vn.hoctap.cli;

import java.io.PrintStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

import vn.hoctap.units.core.HanoiReferenceData;
import vn.hoctap.units.core.UnitHistory;
import vn.hoctap.units.core.UnitVersion;

/**
 * {@code bin/hoctap}: the command-line tools. Each subcommand runs without the web application and
 * without a database unless it says otherwise. Exit codes: 0 done, 1 bad input data, 2 bad usage.
 */
public final class Cli {

    static final String HELP = """
            HọcTập — nền tảng xây dựng xã hội học tập (Hà Nội)

            Cách dùng / usage: bin/hoctap <lệnh> [tham số]

              serve                          chạy ứng dụng web (http://localhost:8080)
                                             run the web application
              units --date YYYY-MM-DD [--format csv|json]
                                             các đơn vị hành chính có hiệu lực vào ngày đó
                                             (code,name,level,parent_code)
                                             the administrative units in force on that date
              standards --units UNITS.csv --register PERSONS.csv --year Y [--rules FILE] [--verbose]
                                             tính chuẩn PCGD-XMC từ tệp (không cần cơ sở dữ liệu), in JSON
                                             universal-education and literacy standards from the files, as JSON
              generate --persons N --seed S --structure 2025|2024|national --out DIR [--year Y]
                                             sinh dữ liệu tổng hợp units.csv + persons.csv cho Hà Nội (national:
                                             34 tỉnh, 3.321 xã tổng hợp) / synthetic register for Hà Nội's real
                                             units (national: 34 synthetic provinces, 3,321 communes)
              import --register FILE(.csv|.xlsx) --year Y
                                             nhập sổ phổ cập vào cơ sở dữ liệu của nền tảng (tất cả hoặc không)
                                             import a register file into the platform's database (all or nothing)
              indicators --year Y [--format json|csv]
                                             giá trị, chỉ tiêu và trạng thái các chỉ tiêu NQ 23 của thành phố
                                             the city's Resolution 23 indicators: value, target, status
              bench [--only platform|explore|record|fund] [--persons N] [--seed S] [--clients C] [--pg-url URL]
                    [--duckdb-jar JAR] [--engine-only] [--import-only] [--no-http-import]
                    [--load-generator wrk|java|both] [--load-seconds S]
                                             đo tốc độ (mặc định 8,7 triệu người): bộ máy theo cột, cùng phép tính
                                             bằng SQL trong PostgreSQL và DuckDB, nhập sổ (trong tiến trình và qua
                                             HTTP) so với COPY, API dưới tải từ một tiến trình riêng; một biểu
                                             thức mới của Khám phá số liệu (explore); sau đó
                                             hồ sơ học tập (như bench-record) và sổ quỹ (như bench-fund) với cỡ mặc
                                             định; --only chỉ chạy phần đã chọn (platform, explore, record, fund)
                                             benchmark (default 8.7 million): columnar engine, the same in
                                             PostgreSQL and DuckDB SQL, import (in-process and over HTTP) vs COPY,
                                             the API loaded by a separate process (wrk); a new Explore expression
                                             (explore); every goal beside its measured value; then
                                             the learning record (as bench-record) and the fund ledger (as
                                             bench-fund) at their default sizes; --only runs the chosen parts
              soak --password P [--url URL] [--user U] [--seconds 60] [--clients 64] [--year Y]
                                             thử tải và tấn công một nền tảng đang chạy: đọc, sửa, nhập sổ, đăng
                                             nhập sai; đếm lại dữ liệu ghi mất hoặc ghi dở (chỉ dùng trên bản thử)
                                             load and abuse against a running platform (a test installation)
              bench-record                   đo tốc độ hồ sơ học tập suốt đời ở 3 cỡ (100 nghìn, 300 nghìn, 1 triệu
                                             mục) / the lifelong learning record at three sizes
              bench-fund [--threads 64] [--seconds 10] [--entries 1000000]
                                             đo tốc độ sổ quỹ khuyến học: số bút toán/giây (ghi bền vững) và
                                             báo cáo công khai của quỹ 1 triệu bút toán / fund ledger benchmark
              spark generate|run|bench [...]
                                             chuẩn của mọi xã, tỉnh và cả nước trên Apache Spark (local[*]) từ sổ
                                             Parquet theo tỉnh và năm, so từng xã với bộ máy theo cột; bench: Spark,
                                             bộ máy theo cột và DuckDB cạnh nhau (docs/spark.md) / the standards of
                                             every commune, province and the nation on Apache Spark, checked against
                                             the columnar engine; bench: Spark, the engine and DuckDB side by side
              help                           hướng dẫn này / this help

            Biến môi trường / environment: SPRING_DATASOURCE_URL (PostgreSQL ngoài; mặc định: PostgreSQL
            nhúng trong HOCTAP_DATA_DIR, mặc định ~/.hoctap), HOCTAP_ADMIN_PASSWORD, PORT.
            """;

    private Cli() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            out.print(HELP);
            return 0;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            return switch (args[0]) {
                case "help", "--help", "-h" -> {
                    out.print(HELP);
                    yield 0;
                }
                case "units" -> units(rest, out, err);
                case "standards" -> vn.hoctap.standards.core.StandardsCommand.run(rest, out, err);
                case "generate" -> vn.hoctap.synthetic.core.GenerateCommand.run(rest, out, err);
                default -> {
                    err.println("Lệnh không tồn tại / unknown command: " + args[0]);
                    err.print(HELP);
                    yield 2;
                }
            };
        } catch (UsageException e) {
            err.println(e.getMessage());
            return 2;
        }
    }

    static int units(String[] args, PrintStream out, PrintStream err) {
        return vn.hoctap.platform.CommandLines.execute(new UnitsCommand(out, err), args, out, err);
    }

    /** {@code units --date YYYY-MM-DD [--format csv|json]}, parsed by picocli. */
    @picocli.CommandLine.Command(name = "units", sortOptions = false,
            description = {"Các đơn vị hành chính có hiệu lực vào ngày đó (code,name,level,parent_code).",
                    "The administrative units in force on that date."})
    static final class UnitsCommand implements java.util.concurrent.Callable<Integer> {

        enum Format { csv, json }

        @picocli.CommandLine.Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD",
                description = "ngày / date")
        String date;

        @picocli.CommandLine.Option(names = "--format", defaultValue = "csv", paramLabel = "csv|json",
                description = "định dạng / format (mặc định / default: ${DEFAULT-VALUE})")
        Format format;

        @picocli.CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "hướng dẫn / this help")
        boolean help;

        private final PrintStream out;
        private final PrintStream err;

        UnitsCommand(PrintStream out, PrintStream err) {
            this.out = out;
            this.err = err;
        }

        @Override
        public Integer call() {
            LocalDate day;
            try {
                day = LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                throw new UsageException("--date: '" + date + "' không phải ngày dạng YYYY-MM-DD / is not a YYYY-MM-DD date");
            }
            UnitHistory history = HanoiReferenceData.load();
            if (!history.covers(day)) {
                err.println("Dữ liệu đơn vị hành chính bắt đầu từ " + history.earliestDate()
                        + " / the unit history starts on " + history.earliestDate());
                return 1;
            }
            List<UnitVersion> units = history.unitsOn(day);
            if (format == Format.csv) {
                StringBuilder sb = new StringBuilder();
                try {
                    vn.hoctap.platform.CsvWriter w = vn.hoctap.platform.CsvWriter.of(sb).header("code,name,level,parent_code");
                    for (UnitVersion v : units) {
                        w.row(v.code(), v.name(), v.level().code(), v.parentCode());
                    }
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                out.print(sb);
            } else {
                tools.jackson.databind.node.ArrayNode list = JSON.createArrayNode();
                for (UnitVersion v : units) {
                    tools.jackson.databind.node.ObjectNode o = list.addObject();
                    o.put("code", v.code());
                    o.put("name", v.name());
                    o.put("level", v.level().code());
                    o.put("parent_code", v.parentCode());
                    o.put("valid_from", v.validFrom().toString());
                    o.put("valid_until", v.validUntil() == null ? null : v.validUntil().toString());
                }
                out.print(JSON_LINES.writeValueAsString(list) + "\n");
            }
            out.flush();
            return 0;
        }
    }

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    /** One object a line: {@code [\n  {"code": "00004", "name": …},\n  …\n]}. */
    private static final tools.jackson.databind.ObjectWriter JSON_LINES = JSON.writer().with(
            new tools.jackson.core.util.DefaultPrettyPrinter(tools.jackson.core.util.Separators.createDefaultInstance()
                    .withObjectNameValueSpacing(tools.jackson.core.util.Separators.Spacing.AFTER)
                    .withObjectEntrySpacing(tools.jackson.core.util.Separators.Spacing.AFTER))
                    .withObjectIndenter(new tools.jackson.core.util.DefaultPrettyPrinter.NopIndenter())
                    .withArrayIndenter(new tools.jackson.core.util.DefaultIndenter("  ", "\n")));

    /** A usage mistake: the message says what to fix. */
    static final class UsageException extends vn.hoctap.platform.CommandLines.UsageException {
        UsageException(String message) {
            super(message);
        }
    }

}
