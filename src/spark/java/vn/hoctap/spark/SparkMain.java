package vn.hoctap.spark;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.hoctap.analytics.core.ColumnarRegister;
import vn.hoctap.analytics.core.ColumnarResult;
import vn.hoctap.standards.core.RuleSet;
import vn.hoctap.standards.core.UnitLevel;
import vn.hoctap.standards.core.UnitResult;
import vn.hoctap.standards.core.Units;

/**
 * {@code bin/hoctap spark …} (issue 18 item 4): the register's standards on Apache Spark. Built from src/spark/java
 * into target/spark-classes, never in the production jar; {@code bin/hoctap spark} runs it on the test class path
 * written by the build (target/spark-classpath.txt), {@code local[*]} unless {@code --master} or {@code spark-submit}
 * says otherwise (docs/spark.md).
 * <ul>
 *   <li>{@code generate}: a synthetic national register (34 provinces, 3,321 communes) as CSV and as Parquet
 *       partitioned by province and year;</li>
 *   <li>{@code run}: the standards of every commune, province and the nation from the Parquet register, checked
 *       commune by commune against the columnar engine (exit 1 on any difference);</li>
 *   <li>{@code bench}: Spark, the columnar engine and DuckDB on the same Parquet at several sizes, side by side;</li>
 *   <li>{@code package}, {@code standalone}, {@code submit}: the application jar for spark-submit, a standalone
 *       cluster on this machine and spark-submit against a cluster ({@link SparkCluster}).</li>
 * </ul>
 * Exit codes: 0 done, 1 results differ, 2 usage or input error.
 */
@Command(name = "spark", mixinStandardHelpOptions = false, sortOptions = false,
        subcommands = {SparkMain.Generate.class, SparkMain.Run.class, SparkBench.class, SparkCluster.Package.class,
                SparkCluster.StandaloneCommand.class, SparkCluster.Submit.class, CommandLine.HelpCommand.class},
        description = {"Chuẩn phổ cập của mọi xã, tỉnh và cả nước trên Apache Spark.",
                "The standards of every commune, province and the nation on Apache Spark."})
public final class SparkMain implements Callable<Integer> {
    static final int DIFFERENT = 1;
    static final int BAD_INPUT = 2;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "this help / hướng dẫn")
    boolean help;

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** The command line of {@code bin/hoctap spark}. */
    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new SparkMain());
        // spark submit … run --data …: everything from the first positional on is the application's command line
        cl.getSubcommands().get("submit").setStopAtPositional(true);
        return cl;
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine cl = commandLine();
        cl.setOut(new java.io.PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        cl.setErr(new java.io.PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        cl.setExecutionExceptionHandler((e, c, p) -> {
            err.println("LỖI/ERROR " + e);
            e.printStackTrace(err);
            return BAD_INPUT;
        });
        return cl.execute(args);
    }

    @Override
    public Integer call() {
        CommandLine.usage(this, System.out);
        return BAD_INPUT;
    }

    /** A Spark session: {@code master} when given, else spark-submit's ({@code spark.master}), else local[*]. */
    static SparkSession session(String master) {
        quiet();
        SparkSession.Builder b = SparkSession.builder().appName("hoctap-standards")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "16")
                .config("spark.sql.debug.maxToStringFields", "1000")
                .config("spark.sql.session.timeZone", "UTC");
        String m = master != null ? master : System.getProperty("spark.master", "local[*]");
        b.master(m);
        if (m.startsWith("local")) {
            b.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1");
        }
        return b.getOrCreate();
    }

    /**
     * Spark, Hadoop, Parquet and Netty log at INFO and below by the thousand lines: with Logback (the only SLF4J
     * provider here, pom.xml), warnings only, unless {@code -Dhoctap.spark.log=INFO} (or DEBUG) asks for more.
     */
    static void quiet() {
        // by name: on a cluster (spark-submit) Logback is absent and Spark's own log4j2 configuration applies
        if (!"ch.qos.logback.classic.LoggerContext".equals(org.slf4j.LoggerFactory.getILoggerFactory().getClass().getName())) return;
        Logback.warnOnly(System.getProperty("hoctap.spark.log", "WARN"));
    }

    /** Loaded only when Logback is the SLF4J provider. */
    private static final class Logback {
        static void warnOnly(String levelName) {
            var ctx = (ch.qos.logback.classic.LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory();
            ch.qos.logback.classic.Level level = ch.qos.logback.classic.Level.toLevel(levelName);
            for (String name : new String[] {"org.apache.spark", "org.sparkproject", "org.apache.hadoop", "org.apache.parquet",
                    "io.netty", "org.apache.arrow", "org.apache.kerby"}) {
                ctx.getLogger(name).setLevel(level);
            }
        }
    }

    static RuleSet rules(String arg) {
        if (arg == null) return RuleSet.defaults();
        return RuleSet.BUNDLED.contains(arg) && !Files.exists(Path.of(arg)) ? RuleSet.bundled(arg) : RuleSet.load(Path.of(arg));
    }

    /** {@code spark generate}. */
    @Command(name = "generate", sortOptions = false, description = {
            "Tạo sổ phổ cập tổng hợp toàn quốc (CSV và Parquet theo tỉnh, năm).",
            "Generate a synthetic national register (CSV, and Parquet by province and year)."})
    static final class Generate implements Callable<Integer> {
        @Option(names = "--persons", required = true, paramLabel = "N", description = "số người / persons, e.g. 1_000_000")
        String persons;
        @Option(names = "--seed", paramLabel = "S", description = "mặc định / default: ${DEFAULT-VALUE}")
        long seed = 7;
        @Option(names = "--year", paramLabel = "Y", description = "năm dữ liệu / data year, default: ${DEFAULT-VALUE}")
        int year = 2025;
        @Option(names = "--out", required = true, paramLabel = "DIR", description = "thư mục / folder (units.csv, persons.csv, register/)")
        Path out;
        @Option(names = "--master", paramLabel = "URL", description = "Spark master, default local[*]")
        String master;
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "this help / hướng dẫn")
        boolean help;

        @Override
        public Integer call() throws IOException {
            long n = Long.parseLong(persons.replace("_", ""));
            long t0 = System.nanoTime();
            var summary = NationalRegister.generate(out, n, seed, year, null);
            System.out.printf(Locale.ROOT, "generated %,d persons in %,d communes of 34 provinces in %.1f s -> %s%n",
                    summary.persons(), summary.communes(), (System.nanoTime() - t0) / 1e9, out);
            Units units = NationalRegister.units(out);
            try (SparkSession spark = session(master)) {
                long t1 = System.nanoTime();
                long rows = NationalRegister.toParquet(spark, out, units, year);
                System.out.printf(Locale.ROOT, "Parquet: %,d persons, partitioned by province and year, in %.1f s -> %s%n",
                        rows, (System.nanoTime() - t1) / 1e9, NationalRegister.parquet(out));
                if (rows != summary.persons()) {
                    System.err.println("LỖI/ERROR Parquet holds " + rows + " persons, the CSV " + summary.persons());
                    return DIFFERENT;
                }
            }
            return 0;
        }
    }

    /** {@code spark run}. */
    @Command(name = "run", sortOptions = false, description = {
            "Tính chuẩn của mọi xã, tỉnh và cả nước từ sổ Parquet; so từng xã với bộ máy theo cột.",
            "Compute the standards of every commune, province and the nation from the Parquet register; check every commune against the columnar engine."})
    static final class Run implements Callable<Integer> {
        @Option(names = "--data", paramLabel = "DIR", description = "thư mục của generate / folder written by generate")
        Path data;
        @Option(names = "--register", paramLabel = "URI", description = "sổ Parquet (mọi URI của Hadoop: hdfs://, s3a://, file:) / the Parquet register; default DIR/register")
        String register;
        @Option(names = "--units", paramLabel = "UNITS.csv", description = "default DIR/units.csv")
        Path units;
        @Option(names = "--year", paramLabel = "Y", description = "năm dữ liệu / data year, default: ${DEFAULT-VALUE}")
        int year = 2025;
        @Option(names = "--rules", paramLabel = "FILE", description = "tệp quy tắc / rule file, default nd20-2014-v1")
        String rules;
        @Option(names = "--master", paramLabel = "URL", description = "Spark master, default local[*] (or spark-submit's)")
        String master;
        @Option(names = "--no-check", description = "không so với bộ máy theo cột / skip the comparison with the columnar engine (needs DIR/persons.csv)")
        boolean noCheck;
        @Option(names = "--json", paramLabel = "FILE", description = "ghi kết quả JSON (như lệnh standards) / write the result as JSON (as the standards command)")
        Path json;
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "this help / hướng dẫn")
        boolean help;

        @Override
        public Integer call() throws IOException {
            if (data == null && (register == null || units == null)) {
                System.err.println("--data DIR, or --register URI and --units FILE, are needed / cần --data, hoặc --register và --units");
                return BAD_INPUT;
            }
            Units u = units != null ? NationalRegister.unitsFile(units) : NationalRegister.units(data);
            RuleSet rs = rules(rules);
            SparkQuery query = SparkQuery.nq23(year, rs);
            String uri = register != null ? register : NationalRegister.parquet(data).toString();
            try (SparkSession spark = session(master)) {
                Dataset<Row> reg = spark.read().parquet(uri);
                long t0 = System.nanoTime();
                Map<String, long[]> counts = query.run(reg);
                double sparkMs = (System.nanoTime() - t0) / 1e6;
                NationalStandards ns = NationalStandards.of(u, query, counts);
                PrintStream out = System.out;
                out.printf(Locale.ROOT, "Spark %s (%s): %d communes with persons, %d counts each, %.0f ms%n", spark.version(),
                        spark.sparkContext().master(), counts.size(), query.columns().size(), sparkMs);
                out.println("  tỉnh / province   người / persons   MN5  TH  THCS  XMC");
                for (UnitResult r : ns.standards().units()) {
                    if (r.level() != UnitLevel.CITY) continue;
                    long persons = 0;
                    for (var c : u.communes()) {
                        if (NationalRegister.province(u, c).code().equals(r.code()) && counts.containsKey(c.code())) persons += counts.get(c.code())[0];
                    }
                    out.printf(Locale.ROOT, "  %-16s %,15d   %3s %3d %5d %4d%n", r.code(), persons, r.levels().mn5() ? "1" : "0",
                            r.levels().th(), r.levels().thcs(), r.levels().xmc());
                }
                ns.summary().forEach(out::println);
                if (json != null) Files.writeString(json, ns.standards().toJson(), StandardCharsets.UTF_8);
                if (noCheck) return 0;
                if (data == null || !Files.isRegularFile(data.resolve("persons.csv"))) {
                    System.err.println("no DIR/persons.csv to check against the columnar engine: pass --no-check / không có persons.csv để so");
                    return BAD_INPUT;
                }
                long t1 = System.nanoTime();
                ColumnarRegister cr = EngineCheck.load(data, u, year, (int) Math.min(Integer.MAX_VALUE - 16, ns.standards().personsCounted()));
                ColumnarResult er = EngineCheck.compute(cr, query, 2);
                out.printf(Locale.ROOT, "columnar engine: loaded %,d persons from persons.csv and computed in %.1f s%n", cr.size(), (System.nanoTime() - t1) / 1e9);
                return SparkBench.report(out, System.err, query, "Spark", counts, EngineCheck.rows(query, er), ns.standards(), er.standards(rs)) ? 0 : DIFFERENT;
            }
        }
    }
}
