package vn.hoctap.cli;

import java.io.PrintStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

import vn.hoctap.units.HanoiReferenceData;
import vn.hoctap.units.UnitHistory;
import vn.hoctap.units.UnitVersion;

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
              generate --persons N --seed S --structure 2025|2024 --out DIR [--year Y]
                                             sinh dữ liệu tổng hợp units.csv + persons.csv cho Hà Nội
                                             synthetic register for Hà Nội's real units
              import --register FILE(.csv|.xlsx) --year Y
                                             nhập sổ phổ cập vào cơ sở dữ liệu của nền tảng (tất cả hoặc không)
                                             import a register file into the platform's database (all or nothing)
              indicators --year Y [--format json|csv]
                                             giá trị, chỉ tiêu và trạng thái các chỉ tiêu NQ 23 của thành phố
                                             the city's Resolution 23 indicators: value, target, status
              bench [--persons N] [--seed S] [--clients C] [--pg-url URL] [--duckdb-jar JAR] [--engine-only]
                                             đo tốc độ (mặc định 8,7 triệu người): bộ máy theo cột, cùng phép tính
                                             bằng SQL trong PostgreSQL và DuckDB, nhập sổ so với COPY, API
                                             benchmark (default 8.7 million): columnar engine, the same in
                                             PostgreSQL and DuckDB SQL, import vs COPY, the API under load
              soak --password P [--url URL] [--user U] [--seconds 60] [--clients 64] [--year Y]
                                             thử tải và tấn công một nền tảng đang chạy: đọc, sửa, nhập sổ, đăng
                                             nhập sai; đếm lại dữ liệu ghi mất hoặc ghi dở (chỉ dùng trên bản thử)
                                             load and abuse against a running platform (a test installation)
              bench-record                   đo tốc độ hồ sơ học tập suốt đời ở 3 cỡ (100 nghìn, 300 nghìn, 1 triệu
                                             mục) / the lifelong learning record at three sizes
              bench-fund [--threads 64] [--seconds 10] [--entries 1000000]
                                             đo tốc độ sổ quỹ khuyến học: số bút toán/giây (ghi bền vững) và
                                             báo cáo công khai của quỹ 1 triệu bút toán / fund ledger benchmark
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
                case "standards" -> vn.hoctap.standards.StandardsCommand.run(rest, out, err);
                case "generate" -> vn.hoctap.synthetic.GenerateCommand.run(rest, out, err);
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
        Options o = Options.parse(args, List.of("--date", "--format"));
        String dateText = o.require("--date");
        LocalDate date;
        try {
            date = LocalDate.parse(dateText);
        } catch (DateTimeParseException e) {
            throw new UsageException("--date: '" + dateText + "' không phải ngày dạng YYYY-MM-DD / is not a YYYY-MM-DD date");
        }
        String format = o.get("--format", "csv");
        UnitHistory history = HanoiReferenceData.load();
        if (!history.covers(date)) {
            err.println("Dữ liệu đơn vị hành chính bắt đầu từ " + history.earliestDate()
                    + " / the unit history starts on " + history.earliestDate());
            return 1;
        }
        List<UnitVersion> units = history.unitsOn(date);
        switch (format) {
            case "csv" -> {
                out.println("code,name,level,parent_code");
                for (UnitVersion v : units) {
                    out.println(String.join(",", Csv.cell(v.code()), Csv.cell(v.name()), v.level().code(),
                            v.parentCode() == null ? "" : Csv.cell(v.parentCode())));
                }
            }
            case "json" -> {
                StringBuilder sb = new StringBuilder("[\n");
                for (int i = 0; i < units.size(); i++) {
                    UnitVersion v = units.get(i);
                    sb.append("  {\"code\": ").append(Json.str(v.code()))
                      .append(", \"name\": ").append(Json.str(v.name()))
                      .append(", \"level\": ").append(Json.str(v.level().code()))
                      .append(", \"parent_code\": ").append(v.parentCode() == null ? "null" : Json.str(v.parentCode()))
                      .append(", \"valid_from\": ").append(Json.str(v.validFrom().toString()))
                      .append(", \"valid_until\": ").append(v.validUntil() == null ? "null" : Json.str(v.validUntil().toString()))
                      .append(i + 1 < units.size() ? "},\n" : "}\n");
                }
                out.print(sb.append("]\n"));
            }
            default -> throw new UsageException("--format: '" + format + "' — dùng csv hoặc json / use csv or json");
        }
        out.flush();
        return 0;
    }

    /** A usage mistake: the message says what to fix. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    /** {@code --name value} options. */
    record Options(java.util.Map<String, String> values) {
        static Options parse(String[] args, List<String> known) {
            java.util.Map<String, String> map = new java.util.LinkedHashMap<>();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (!known.contains(a)) {
                    throw new UsageException("Tham số không hợp lệ / unknown option: " + a + " (dùng / use: " + known + ")");
                }
                if (i + 1 >= args.length) {
                    throw new UsageException("Thiếu giá trị cho / missing value for " + a);
                }
                map.put(a, args[++i]);
            }
            return new Options(map);
        }

        String require(String name) {
            String v = values.get(name);
            if (v == null) {
                throw new UsageException("Thiếu tham số / missing option " + name);
            }
            return v;
        }

        String get(String name, String def) {
            return values.getOrDefault(name, def);
        }
    }

    static final class Csv {
        static String cell(String s) {
            return vn.hoctap.platform.SpreadsheetCells.csv(s);
        }
    }

    static final class Json {
        static String str(String s) {
            StringBuilder sb = new StringBuilder("\"");
            for (char c : s.toCharArray()) {
                switch (c) {
                    case '"' -> sb.append("\\\"");
                    case '\\' -> sb.append("\\\\");
                    case '\n' -> sb.append("\\n");
                    case '\r' -> sb.append("\\r");
                    case '\t' -> sb.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            sb.append(String.format("\\u%04x", (int) c));
                        } else {
                            sb.append(c);
                        }
                    }
                }
            }
            return sb.append('"').toString();
        }
    }
}
