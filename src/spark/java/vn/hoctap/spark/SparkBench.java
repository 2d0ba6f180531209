package vn.hoctap.spark;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.hoctap.analytics.core.ColumnarRegister;
import vn.hoctap.analytics.core.ColumnarResult;
import vn.hoctap.analytics.SqlQuery;
import vn.hoctap.analytics.live.SqlEngines;
import vn.hoctap.standards.core.RuleSet;
import vn.hoctap.standards.core.StandardsResult;
import vn.hoctap.standards.core.Units;

/**
 * {@code bin/hoctap spark bench}: at each size, a synthetic national register (generated once into
 * {@code DATA_ROOT/n<N>/} and reused while its persons, seed and year are the same), then the same computation — the
 * twelve criteria and the NQ23 register indicators per commune — by Spark ({@code local[*]}) and DuckDB (JDBC,
 * in-process) on the same Parquet, and by the columnar engine (2 threads) on the same persons loaded from the CSV by
 * the platform's reader, when the heap can hold them. Every engine's counts are compared commune by commune; any
 * difference is printed and makes the exit code 1. Figures: median of the timed runs after one warm-up.
 */
@Command(name = "bench", sortOptions = false, description = {
        "Đo Spark, bộ máy theo cột và DuckDB trên cùng sổ Parquet ở nhiều cỡ.",
        "Measure Spark, the columnar engine and DuckDB on the same Parquet register at several sizes."})
final class SparkBench implements Callable<Integer> {
    @Option(names = "--persons", split = ",", paramLabel = "N[,N…]", description = "các cỡ / sizes, default: 1000000,5000000,20000000")
    List<String> sizes = List.of("1000000", "5000000", "20000000");
    @Option(names = "--data-root", paramLabel = "DIR", description = "nơi giữ dữ liệu tạo ra (không để trong kho mã) / where generated data is kept, default: ${DEFAULT-VALUE}")
    Path root = Path.of(System.getProperty("java.io.tmpdir"), "hoctap-spark");
    @Option(names = "--seed", paramLabel = "S", description = "default: ${DEFAULT-VALUE}")
    long seed = 7;
    @Option(names = "--year", paramLabel = "Y", description = "default: ${DEFAULT-VALUE}")
    int year = 2025;
    @Option(names = "--runs", paramLabel = "K", description = "số lần đo sau một lần khởi động / timed runs after one warm-up, default: ${DEFAULT-VALUE}")
    int runs = 3;
    @Option(names = "--master", paramLabel = "URL", description = "Spark master, default local[*]")
    String master;
    @Option(names = "--no-duckdb", description = "bỏ DuckDB / skip DuckDB")
    boolean noDuck;
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "this help / hướng dẫn")
    boolean help;

    private record Figures(long persons, double parquetMb, Double generateS, Double parquetS, double sparkColdMs, double sparkMs,
                           double levelsMs, Double duckMs, Double engineMs, Double engineLoadS, boolean equal) {
    }

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        RuleSet rules = RuleSet.defaults();
        SparkQuery query = SparkQuery.nq23(year, rules);
        List<Figures> figures = new ArrayList<>();
        boolean allEqual = true;
        try (SparkSession spark = SparkMain.session(master)) {
            out.printf(Locale.ROOT, "SparkBench: Spark %s on %s, %d cores, max heap %,d MB, Java %s; %d counts per commune (12 criteria × 2, %d NQ23 indicators)%n",
                    spark.version(), spark.sparkContext().master(), Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.vm.version"), query.columns().size(), query.indicators().size());
            for (String s : sizes) {
                long n = Long.parseLong(s.replace("_", "").trim());
                Figures f = size(spark, query, rules, n, out);
                figures.add(f);
                allEqual &= f.equal;
            }
        }
        out.println();
        out.println("Side by side (median of " + runs + " after a warm-up; same Parquet for Spark and DuckDB, same persons for the engine):");
        out.printf(Locale.ROOT, "%12s %10s %11s %11s %11s %10s %12s %14s %13s %6s%n", "persons", "Parquet MB", "CSV→Parquet",
                "Spark cold", "Spark", "levels", "DuckDB", "engine 2 thr", "engine load", "equal");
        for (Figures f : figures) {
            out.printf(Locale.ROOT, "%,12d %10.0f %11s %9.0fms %9.0fms %8.1fms %12s %14s %13s %6s%n", f.persons, f.parquetMb,
                    f.parquetS == null ? "reused" : String.format(Locale.ROOT, "%.1f s", f.parquetS), f.sparkColdMs, f.sparkMs, f.levelsMs,
                    f.duckMs == null ? "-" : String.format(Locale.ROOT, "%.0f ms", f.duckMs),
                    f.engineMs == null ? "not held" : String.format(Locale.ROOT, "%.1f ms", f.engineMs),
                    f.engineLoadS == null ? "-" : String.format(Locale.ROOT, "%.1f s", f.engineLoadS), f.equal ? "yes" : "NO");
        }
        if (!allEqual) {
            System.err.println("LỖI/ERROR: KẾT QUẢ KHÁC NHAU / RESULTS DIFFER between engines (see above)");
            return SparkMain.DIFFERENT;
        }
        out.println("all engines' counts equal, commune by commune, at every size");
        return 0;
    }

    private Figures size(SparkSession spark, SparkQuery query, RuleSet rules, long n, PrintStream out) throws IOException {
        Path dir = root.resolve("n" + n);
        out.printf(Locale.ROOT, "%n== %,d persons (%s)%s%n", n, dir, loadAverage());
        Properties want = new Properties();
        want.setProperty("persons", Long.toString(n));
        want.setProperty("seed", Long.toString(seed));
        want.setProperty("year", Integer.toString(year));
        want.setProperty("generator", "national-1");
        Path marker = dir.resolve("register.properties");
        Double generateS = null, parquetS = null;
        if (!want.equals(read(marker))) {
            Files.deleteIfExists(marker);
            long t = System.nanoTime();
            NationalRegister.generate(dir, n, seed, year, null);
            generateS = (System.nanoTime() - t) / 1e9;
            out.printf(Locale.ROOT, "generated persons.csv (%,.0f MB) in %.1f s%n", Files.size(dir.resolve("persons.csv")) / 1e6, generateS);
            t = System.nanoTime();
            long rows = NationalRegister.toParquet(spark, dir, NationalRegister.units(dir), year);
            parquetS = (System.nanoTime() - t) / 1e9;
            out.printf(Locale.ROOT, "Spark: CSV → Parquet partitioned by province and year: %,d rows in %.1f s%n", rows, parquetS);
            if (rows != n) throw new IllegalStateException("Parquet holds " + rows + " persons, expected " + n);
            try (var w = Files.newBufferedWriter(marker)) {
                want.store(w, "the register of this folder (bin/hoctap spark bench)");
            }
        }
        Units units = NationalRegister.units(dir);
        double parquetMb = folderBytes(NationalRegister.parquet(dir)) / 1e6;

        // ---- Spark
        Dataset<Row> reg = NationalRegister.read(spark, dir);
        long t = System.nanoTime();
        Map<String, long[]> sparkRows = query.run(reg);
        double cold = (System.nanoTime() - t) / 1e6;
        double[] sp = new double[runs];
        for (int i = 0; i < runs; i++) {
            t = System.nanoTime();
            sparkRows = query.run(reg);
            sp[i] = (System.nanoTime() - t) / 1e6;
        }
        double sparkMs = median(sp);
        t = System.nanoTime();
        NationalStandards ns = NationalStandards.of(units, query, sparkRows);
        double levelsMs = (System.nanoTime() - t) / 1e6;
        out.printf(Locale.ROOT, "Spark (%s): first run %.0f ms, then median %.0f ms (%s); levels of %,d communes and %d provinces from its counts %.1f ms%n",
                spark.sparkContext().master(), cold, sparkMs, fmt(sp), ns.communes(), ns.provinces(), levelsMs);

        // ---- DuckDB on the same Parquet
        Map<String, long[]> duckRows = null;
        Double duckMs = null;
        if (!noDuck) {
            SqlQuery sql = SqlQuery.of(query.year(), rules, query.indicators());
            try (Connection duck = SqlEngines.duckDb(null); Statement st = duck.createStatement()) {
                st.execute("create or replace view register_person as select * from read_parquet('"
                        + NationalRegister.parquet(dir).toAbsolutePath().toString().replace("'", "''") + "/*/*/*.parquet', hive_partitioning = true)");
                duckRows = SqlEngines.run(duck, sql);
                double[] dd = new double[runs];
                for (int i = 0; i < runs; i++) {
                    t = System.nanoTime();
                    duckRows = SqlEngines.run(duck, sql);
                    dd[i] = (System.nanoTime() - t) / 1e6;
                }
                duckMs = median(dd);
                out.printf(Locale.ROOT, "DuckDB (JDBC, in-process, read_parquet of the same files): median %.0f ms (%s)%n", duckMs, fmt(dd));
            } catch (java.sql.SQLException | IllegalStateException e) {
                out.println("DuckDB: NOT MEASURED — " + e.getMessage());
            }
        }

        // ---- the columnar engine, when the heap holds it (about 31 B a resident, plus the reader's working set)
        Map<String, long[]> engineRows = null;
        StandardsResult engineLevels = null;
        Double engineMs = null, loadS = null;
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        if (free > n * 60L + (512L << 20)) {
            t = System.nanoTime();
            ColumnarRegister cr = EngineCheck.load(dir, units, year, (int) n);
            loadS = (System.nanoTime() - t) / 1e9;
            ColumnarResult er = null;
            for (int i = 0; i < 5; i++) er = EngineCheck.compute(cr, query, 2);
            double[] ee = new double[Math.max(5, runs)];
            for (int i = 0; i < ee.length; i++) {
                t = System.nanoTime();
                er = EngineCheck.compute(cr, query, 2);
                ee[i] = (System.nanoTime() - t) / 1e6;
            }
            engineMs = median(ee);
            engineRows = EngineCheck.rows(query, er);
            engineLevels = er.standards(rules);
            out.printf(Locale.ROOT, "columnar engine: loaded from persons.csv by the platform's reader in %.1f s (%.0f B a resident); compute on 2 threads median %.1f ms (%s)%n",
                    loadS, cr.heapBytes() / (double) cr.size(), engineMs, fmt(ee));
        } else {
            out.printf(Locale.ROOT, "columnar engine: not held (needs about %,d MB of heap, %,d MB free)%n", (n * 60L + (512L << 20)) >> 20, free >> 20);
        }

        // ---- equality, commune by commune
        boolean equal;
        if (engineRows != null) {
            equal = report(out, System.err, query, "Spark", sparkRows, engineRows, ns.standards(), engineLevels);
            if (duckRows != null) equal &= report(out, System.err, query, "DuckDB", duckRows, engineRows, null, null);
        } else {
            equal = duckRows == null || compare(out, System.err, query, "Spark", sparkRows, "DuckDB", duckRows);
        }
        return new Figures(n, parquetMb, generateS, parquetS, cold, sparkMs, levelsMs, duckMs, engineMs, loadS, equal);
    }

    /**
     * Compares another engine's counts (and levels, when given) with the columnar engine's, commune by commune;
     * prints the result, and every difference (the first twenty) loudly on {@code err}.
     */
    static boolean report(PrintStream out, PrintStream err, SparkQuery query, String name, Map<String, long[]> other,
                          Map<String, long[]> engine, StandardsResult otherLevels, StandardsResult engineLevels) {
        boolean ok = compare(out, err, query, name, other, "columnar engine", engine);
        if (otherLevels != null && engineLevels != null) {
            List<String> d = EngineCheck.levelDifferences(otherLevels, engineLevels, 20);
            if (d.isEmpty()) {
                out.printf(Locale.ROOT, "%s levels equal the columnar engine's for all %d units (communes and provinces)%n", name, otherLevels.units().size());
            } else {
                err.println("LỖI/ERROR " + name + " levels differ from the columnar engine's:");
                d.forEach(x -> err.println("  " + x));
                ok = false;
            }
        }
        return ok;
    }

    static boolean compare(PrintStream out, PrintStream err, SparkQuery query, String a, Map<String, long[]> x, String b, Map<String, long[]> y) {
        List<String> d = EngineCheck.differences(query, a, x, b, y, 20);
        if (d.isEmpty()) {
            out.printf(Locale.ROOT, "%s counts equal the %s's: %,d communes × %d counts%n", a, b, x.size(), query.columns().size());
            return true;
        }
        err.println("LỖI/ERROR " + a + " counts differ from the " + b + "'s (first " + d.size() + "):");
        d.forEach(s -> err.println("  " + s));
        return false;
    }

    /** The machine's load average (other sessions share its cores), when the system tells it. */
    private static String loadAverage() {
        try {
            String[] l = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return "; load average " + l[0] + " " + l[1] + " " + l[2];
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static Properties read(Path marker) throws IOException {
        if (!Files.isRegularFile(marker)) return null;
        Properties p = new Properties();
        try (var r = Files.newBufferedReader(marker)) {
            p.load(r);
        }
        return p;
    }

    private static long folderBytes(Path dir) throws IOException {
        try (var s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static double median(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        return c[c.length / 2];
    }

    private static String fmt(double[] v) {
        StringBuilder sb = new StringBuilder();
        for (double d : v) sb.append(sb.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.0f", d));
        return sb.toString();
    }
}
