package vn.hoctap.learning;

import java.io.PrintStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code bin/hoctap bench-record [--sizes 100000,300000,1000000] [--pg-url URL]}: the lifelong learning record at
 * three sizes on PostgreSQL (a throw-away embedded one by default), to measure how it grows towards the issue's
 * 200 million entries (8.7 M people × 3 entries a year × 10 years, more than this machine holds). Per size: import
 * throughput of the platform's batched INSERT against PostgreSQL COPY; a citizen's record page (p50/p99 over 500
 * random persons, by the person index); a centre's year report; the city's centre indicators (learners per commune in
 * a year) — each beside the same query written plainly, without indexes (index scans disabled for the session) — and
 * the city figures as the platform reads them since V91 (the per-commune yearly summary kept by each write), checked
 * equal to the scan at every size; the insert and COPY rates include the trigger that keeps the summary.
 * Synthetic data, deterministic by size.
 */
public final class LearningBench {

    private LearningBench() {
    }

    /** The options of {@code bench-record}, parsed by picocli ({@code platform.CommandLines}). */
    @picocli.CommandLine.Command(name = "bench-record", sortOptions = false, description = {
            "Đo hồ sơ học tập suốt đời ở ba cỡ trên PostgreSQL.",
            "The lifelong learning record at three sizes on PostgreSQL."})
    static final class Options implements java.util.concurrent.Callable<Integer> {
        @picocli.CommandLine.Option(names = "--sizes", split = ",", paramLabel = "N",
                converter = vn.hoctap.platform.CommandLines.PositiveWholeNumber.class,
                description = "các cỡ (số mục) / the sizes (entries), mặc định / default 100000,300000,1000000")
        List<Integer> sizes;
        @picocli.CommandLine.Option(names = "--pg-url", paramLabel = "JDBC_URL",
                description = "một CSDL PostgreSQL được ghi vào / a PostgreSQL database it may fill; mặc định / default: a throw-away embedded one")
        String pgUrl;
        @picocli.CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "hướng dẫn / this help")
        boolean help;

        private final Class<?> application;
        private final PrintStream out;
        private final PrintStream err;

        Options(Class<?> application, PrintStream out, PrintStream err) {
            this.application = application;
            this.out = out;
            this.err = err;
        }

        @Override
        public Integer call() {
            return LearningBench.run(application, this, out, err);
        }
    }

    public static int run(Class<?> application, String[] args, PrintStream out, PrintStream err) {
        return vn.hoctap.platform.CommandLines.execute(new Options(application, out, err), args, out, err);
    }

    private static int run(Class<?> application, Options opts, PrintStream out, PrintStream err) {
        int[] sizes = (opts.sizes == null ? List.of(100_000, 300_000, 1_000_000) : opts.sizes).stream().mapToInt(Integer::intValue).toArray();
        try {
            Path dir = Files.createTempDirectory("hoctap-bench-record-");
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("hoctap.demo", "false");
            props.put("hoctap.command", "bench-record");
            props.put("hoctap.data-dir", dir.toString());
            props.put("hoctap.admin.username", "admin");
            props.put("hoctap.admin.password", HexFormat.of().formatHex(new SecureRandom().generateSeed(12)));
            props.put("spring.main.banner-mode", "off");
            props.put("logging.level.root", "WARN");
            if (opts.pgUrl != null) props.put("spring.datasource.url", opts.pgUrl);
            else props.put("hoctap.embedded-db.ephemeral", "true");
            SpringApplication app = new SpringApplication(application);
            app.setWebApplicationType(WebApplicationType.NONE);
            String[] appArgs = props.entrySet().stream().map(x -> "--" + x.getKey() + "=" + x.getValue()).toArray(String[]::new);
            try (ConfigurableApplicationContext ctx = app.run(appArgs)) {
                bench(ctx.getBean(JdbcTemplate.class), ctx.getBean(DataSource.class), sizes, out);
            }
            return 0;
        } catch (Exception e) {
            err.println("bench-record failed: " + e);
            return 1;
        }
    }

    record Row(String personId, String commune, long org, String title, String topic, LocalDate start, LocalDate end, int hours) {
    }

    static List<Row> generate(int n, List<String> communes, long[] orgs) {
        SplittableRandom r = new SplittableRandom(n);
        String[] topics = {"literacy", "post_literacy", "vocational", "digital", "legal", "health", "agriculture", "language", "life_skills", "other"};
        int persons = Math.max(1, n / 30);   // 3 entries a year over 10 years
        List<Row> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int p = r.nextInt(persons);
            int c = p % communes.size();
            LocalDate start = LocalDate.of(2016 + r.nextInt(10), 1 + r.nextInt(12), 1 + r.nextInt(28));
            out.add(new Row("B" + p, communes.get(c), orgs[c], "Lớp " + topics[i % topics.length] + " " + (i % 97),
                    topics[r.nextInt(topics.length)], start, start.plusDays(14 + r.nextInt(60)), 2 + r.nextInt(40)));
        }
        return out;
    }

    static void bench(JdbcTemplate jdbc, DataSource ds, int[] sizes, PrintStream out) throws Exception {
        List<String> communes = jdbc.queryForList("select distinct code from unit_version where level = 'commune' and valid_until is null order by code",
                String.class);
        long[] orgs = new long[communes.size()];
        for (int i = 0; i < communes.size(); i++) {
            orgs[i] = jdbc.queryForObject("insert into reporting_organisation (code, name, kind, commune_code, valid_from, synthetic)"
                    + " values (?, ?, 'clc', ?, '2015-01-01', true) returning id", Long.class, "TT-" + communes.get(i) + "-B01",
                    "TTHTCĐ (bench) " + communes.get(i), communes.get(i));
        }
        out.printf(Locale.ROOT, "== lifelong learning record on PostgreSQL: %d communes, %d centres; sizes %s%n", communes.size(), orgs.length,
                Arrays.toString(sizes));
        out.printf(Locale.ROOT, "%-10s %-12s %-12s %-22s %-22s %-22s %-26s %-16s%n", "entries", "insert/s", "COPY/s", "record p50/p99 (plain)",
                "", "centre year (plain)", "city: old scan (plain)", "city: summary");
        double[] prev = null;
        double[] last = null;
        for (int n : sizes) {
            truncate(jdbc);
            List<Row> rows = generate(n, communes, orgs);
            // platform path: batched INSERT (at most 100,000 rows, the rate is what matters); then COPY of everything
            int insertN = Math.min(n, 100_000);
            long t0 = System.nanoTime();
            List<Object[]> batch = new ArrayList<>(5000);
            for (int i = 0; i < insertN; i++) {
                Row x = rows.get(i);
                batch.add(new Object[] {x.personId(), x.commune(), x.title(), x.topic(), "TTHTCĐ", x.org(), x.start(), x.end(), x.hours()});
                if (batch.size() == 5000 || i == insertN - 1) {
                    jdbc.batchUpdate("insert into learning_entry (person_id, commune_code, title, kind, topic, provider, provider_org_id, start_date,"
                            + " end_date, hours, status, created_by) values (?, ?, ?, 'class', ?, ?, ?, ?, ?, ?, 'verified', 'bench')", batch);
                    batch.clear();
                }
            }
            double insertRate = insertN / ((System.nanoTime() - t0) / 1e9);
            truncate(jdbc);
            StringBuilder csv = new StringBuilder(n * 90);
            for (Row x : rows) {
                csv.append(x.personId()).append(',').append(x.commune()).append(',').append(x.title()).append(",class,").append(x.topic())
                        .append(",TTHTCĐ,").append(x.org()).append(',').append(x.start()).append(',').append(x.end()).append(',').append(x.hours())
                        .append(",verified,bench\n");
            }
            long t1 = System.nanoTime();
            try (Connection c = ds.getConnection(); Reader reader = new StringReader(csv.toString())) {
                c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy learning_entry (person_id, commune_code, title, kind, topic, provider,"
                        + " provider_org_id, start_date, end_date, hours, status, created_by) from stdin (format csv)", reader);
            }
            double copyRate = n / ((System.nanoTime() - t1) / 1e9);
            jdbc.execute("analyze learning_entry");
            int persons = Math.max(1, n / 30);
            SplittableRandom r = new SplittableRandom(7);
            String record = "select id, title, topic, provider, start_date, end_date, hours, status from learning_entry where person_id = ?"
                    + " order by start_date desc, id desc";
            double[] rec = timings(500, () -> jdbc.queryForList(record, "B" + r.nextInt(persons)));
            String centre = "select topic, count(*), count(distinct person_id), sum(hours) from learning_entry where provider_org_id = ?"
                    + " and start_date >= '2024-01-01' and start_date < '2025-01-01' group by topic";
            double[] cen = timings(20, () -> jdbc.queryForList(centre, orgs[r.nextInt(orgs.length)]));
            String city = "select commune_code, count(distinct person_id), sum(hours) from learning_entry"
                    + " where start_date >= '2024-01-01' and start_date < '2025-01-01' group by commune_code";
            double[] cit = timings(3, () -> jdbc.queryForList(city));
            // the city figures as the platform reads them now: the per-commune summary kept by the writes (V91); first
            // right after the load (the summary rows' dead versions still there), then after a VACUUM as autovacuum does
            double[] sumFresh = timings(20, () -> jdbc.queryForList(LearningRecord.FIGURES, 2024));
            jdbc.execute("vacuum analyze learning_commune_year");
            double[] sum = timings(50, () -> jdbc.queryForList(LearningRecord.FIGURES, 2024));
            List<Map<String, Object>> fromSummary = jdbc.queryForList(LearningRecord.FIGURES, 2024);
            List<Map<String, Object>> fromScan = jdbc.queryForList(LearningRecord.FIGURES_BY_SCAN, 2024, 2024);
            if (!same(fromSummary, fromScan)) {
                throw new IllegalStateException("the per-commune summary differs from the entries at " + n + " entries: summary "
                        + fromSummary.size() + " rows, first " + (fromSummary.isEmpty() ? "-" : fromSummary.get(0)) + "; scan "
                        + fromScan.size() + " rows, first " + (fromScan.isEmpty() ? "-" : fromScan.get(0)));
            }
            double[] recPlain, cenPlain, citPlain;
            try (Connection c = ds.getConnection()) {
                JdbcTemplate plain = new JdbcTemplate(new org.springframework.jdbc.datasource.SingleConnectionDataSource(c, true));
                plain.execute("set enable_indexscan = off");
                plain.execute("set enable_bitmapscan = off");
                plain.execute("set enable_indexonlyscan = off");
                // a different statement text: PostgreSQL keeps a prepared statement's cached plan across SET enable_*
                String tag = " /* plain */";
                recPlain = timings(20, () -> plain.queryForList(record + tag, "B" + r.nextInt(persons)));
                cenPlain = timings(5, () -> plain.queryForList(centre + tag, orgs[r.nextInt(orgs.length)]));
                citPlain = timings(3, () -> plain.queryForList(city + tag));
                plain.execute("reset all");
            }
            out.printf(Locale.ROOT, "%-10d %-12.0f %-12.0f %6.2f/%6.2f ms (%7.1f) %-5s %7.1f ms (%7.1f)      %7.1f ms (%7.1f)       %6.2f/%6.2f ms"
                    + " (%.2f before vacuum)%n", n, insertRate, copyRate, rec[0], rec[1], recPlain[0], "", cen[0], cenPlain[0], cit[0], citPlain[0],
                    sum[0], sum[1], sumFresh[0]);
            if (prev != null) {
                out.printf(Locale.ROOT, "   growth ×%.1f entries: record p99 ×%.2f, centre year ×%.2f, city old scan ×%.2f, city summary ×%.2f%n",
                        n / prev[0], rec[1] / prev[1], cen[0] / prev[2], cit[0] / prev[3], sum[0] / prev[4]);
            }
            prev = new double[] {n, rec[1], cen[0], cit[0], sum[0]};
            last = new double[] {n, cit[0], sum[0], sum[1]};
        }
        if (last != null) {
            // linear extrapolation of the old scan; the summary reads 126 rows a year whatever the size
            out.printf(Locale.ROOT, "city figures at 200 M entries (extrapolated linearly from %,d): old scan ≈ %.1f s; summary: %d rows a year,"
                    + " measured %.2f ms p50 / %.2f ms p99 here (size-independent)%n", (long) last[0], last[1] * 200e6 / last[0] / 1000,
                    communes.size(), last[2], last[3]);
        }
        out.println("targets (issue 12, at 200 M entries): record page p99 ≤ 50 ms, centre year report ≤ 1 s, city centre indicators ≤ 2 s");
    }

    static void truncate(JdbcTemplate jdbc) {
        jdbc.execute("truncate learning_entry, learning_commune_year, learning_person_year restart identity cascade");
    }

    /** Same rows, numbers compared by value (the summary and the scan may differ in numeric scale and integer width). */
    static boolean same(List<Map<String, Object>> a, List<Map<String, Object>> b) {
        if (a.size() != b.size()) return false;
        for (int i = 0; i < a.size(); i++) {
            List<Object> x = new ArrayList<>(a.get(i).values());
            List<Object> y = new ArrayList<>(b.get(i).values());
            for (int j = 0; j < x.size(); j++) {
                Object p = x.get(j), q = y.get(j);
                boolean eq = p instanceof Number m && q instanceof Number k
                        ? new java.math.BigDecimal(m.toString()).compareTo(new java.math.BigDecimal(k.toString())) == 0 : java.util.Objects.equals(p, q);
                if (!eq) return false;
            }
        }
        return true;
    }

    /** p50 and p99 in ms of {@code runs} calls (after two warm-up calls). */
    static double[] timings(int runs, Runnable call) {
        call.run();
        call.run();
        double[] t = new double[runs];
        for (int i = 0; i < runs; i++) {
            long s = System.nanoTime();
            call.run();
            t[i] = (System.nanoTime() - s) / 1e6;
        }
        Arrays.sort(t);
        return new double[] {t[(int) Math.floor(0.5 * (runs - 1))], t[(int) Math.ceil(0.99 * (runs - 1))]};
    }
}
