package vn.hoctap.fund;

import vn.hoctap.fund.internal.FundLedger;
import vn.hoctap.fund.internal.FundReports;
import vn.hoctap.fund.internal.Funds;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import vn.hoctap.accounts.AccountPrincipal;
import vn.hoctap.accounts.CurrentUser;
import vn.hoctap.accounts.Role;
import vn.hoctap.fund.core.EntryDraft;
import vn.hoctap.fund.core.Line;
import vn.hoctap.fund.core.Period;

/**
 * {@code bin/hoctap bench-fund [--threads 64] [--seconds 10] [--entries 1000000]} (issue 13): on a throw-away embedded
 * PostgreSQL (fsync and synchronous commit on), (1) postings per second through {@link FundLedger#post} (every rule,
 * the idempotency key, the triggers, the audit event, one durable commit per posting) beside a baseline of one-row
 * durable commits through the same pool; (2) the public yearly report of a fund with N entries, with nothing closed and
 * after closing eleven months (the frozen baseline). Goals are printed, never asserted.
 */
public final class FundBench {

    private FundBench() {
    }

    /** The options of {@code bench-fund}, parsed by picocli ({@code platform.CommandLines}). */
    @picocli.CommandLine.Command(name = "bench-fund", sortOptions = false, description = {
            "Đo sổ cái quỹ khuyến học trên một PostgreSQL dùng một lần.",
            "The fund ledger's figures on a throw-away embedded PostgreSQL."})
    static final class Options implements java.util.concurrent.Callable<Integer> {
        @picocli.CommandLine.Option(names = "--threads", paramLabel = "T", converter = vn.hoctap.platform.CommandLines.PositiveWholeNumber.class,
                description = "số luồng ghi / posting threads (mặc định / default ${DEFAULT-VALUE})")
        int threads = 64;
        @picocli.CommandLine.Option(names = "--seconds", paramLabel = "S", converter = vn.hoctap.platform.CommandLines.PositiveWholeNumber.class,
                description = "thời gian đo ghi sổ / seconds of posting (mặc định / default ${DEFAULT-VALUE})")
        int seconds = 10;
        @picocli.CommandLine.Option(names = "--entries", paramLabel = "N", converter = vn.hoctap.platform.CommandLines.PositiveWholeNumber.class,
                description = "số bút toán của quỹ cho báo cáo năm / entries of the fund for the yearly report (mặc định / default ${DEFAULT-VALUE})")
        int entries = 1_000_000;
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
            return FundBench.run(application, this, out, err);
        }
    }

    public static int run(Class<?> application, String[] args, PrintStream out, PrintStream err) {
        return vn.hoctap.platform.CommandLines.execute(new Options(application, out, err), args, out, err);
    }

    private static int run(Class<?> application, Options o, PrintStream out, PrintStream err) {
        try {
            Path dir = Files.createTempDirectory("hoctap-fund-bench-");
            SpringApplication app = new SpringApplication(application);
            app.setWebApplicationType(WebApplicationType.NONE);
            String[] appArgs = {"--hoctap.demo=false", "--hoctap.command=bench-fund", "--hoctap.data-dir=" + dir,
                    "--hoctap.embedded-db.ephemeral=true", "--hoctap.admin.password=" + HexFormat.of().formatHex(new SecureRandom().generateSeed(12)),
                    "--spring.main.banner-mode=off", "--logging.level.root=WARN", "--spring.jdbc.template.query-timeout=3600s"};
            try (ConfigurableApplicationContext ctx = app.run(appArgs)) {
                bench(ctx, o.threads, o.seconds, o.entries, out);
            }
            return 0;
        } catch (Exception e) {
            err.println("bench-fund failed: " + e);
            e.printStackTrace(err);
            return 1;
        }
    }

    static void as(String user) {
        CurrentUser u = new CurrentUser(0, user, user, Role.FUND_ACCOUNTANT, java.util.Set.of("01"));
        AccountPrincipal p = new AccountPrincipal(u, "", true);
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(p, null, p.getAuthorities()));
    }

    static void bench(ConfigurableApplicationContext ctx, int threads, int seconds, int entries, PrintStream out) throws Exception {
        JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
        Funds funds = ctx.getBean(Funds.class);
        FundLedger ledger = ctx.getBean(FundLedger.class);
        FundReports reports = ctx.getBean(FundReports.class);
        out.printf("fsync=%s synchronous_commit=%s, %d cores, pool %s%n", jdbc.queryForObject("show fsync", String.class),
                jdbc.queryForObject("show synchronous_commit", String.class), Runtime.getRuntime().availableProcessors(),
                ctx.getBean(DataSource.class) instanceof com.zaxxer.hikari.HikariDataSource h ? h.getMaximumPoolSize() : "?");
        as("bench");
        Funds.Fund f = funds.create("bench-posting", "Quỹ đo tốc độ", "01", "CITY_ASSOCIATION", 1_000_000_000);
        LocalDate today = vn.hoctap.platform.HanoiTime.today();

        // ---- 1. postings per second through the service, and a baseline of one-row durable commits
        jdbc.execute("create table if not exists bench_commit (id bigserial primary key, v bigint)");
        // the cost of one durable commit (pg_test_fsync's question): one connection, one-row inserts, one after another
        double serial = timed(1, Math.max(1, seconds / 2), (t, i) -> jdbc.update("insert into bench_commit (v) values (?)", i));
        double baseline = timed(threads, seconds, (t, i) -> jdbc.update("insert into bench_commit (v) values (?)", i));
        AtomicLong seq = new AtomicLong();
        String[][] pairs = {{"112", "5111"}, {"111", "5112"}, {"6111", "112"}, {"156", "5113"}};
        // warm-up, then the statistics a running installation has (autovacuum analyses a table within a minute): on a
        // table never analysed, PostgreSQL plans the foreign-key check of every line (fund_line → fund_entry) as a
        // sequential scan, and each line then costs O(entries) — measured 1.5 s for 4,000 lines on 6,000 entries, 28 ms
        // once analysed
        for (int i = 0; i < 2000; i++) {
            long n = seq.incrementAndGet();
            ledger.postOneByOne(f.code(), new EntryDraft(today, "Khởi động", List.of(Line.debit("112", 1000), Line.credit("5111", 1000))), "bench-" + n);
        }
        jdbc.execute("analyze fund_entry");
        jdbc.execute("analyze fund_line");
        jdbc.execute("analyze audit_event");
        // the old path: every posting its own transaction and durable commit
        double oneByOne = timed(threads, seconds, (t, i) -> {
            if (SecurityContextHolder.getContext().getAuthentication() == null) as("bench-" + t);
            String[] p = pairs[(int) (i % pairs.length)];
            long n = seq.incrementAndGet();
            ledger.postOneByOne(f.code(), new EntryDraft(today, "Đo tốc độ", List.of(Line.debit(p[0], 1000 + n % 997), Line.credit(p[1], 1000 + n % 997))),
                    "bench-" + n);
        });
        long afterOld = jdbc.queryForObject("select count(*) from fund_entry where fund_id = ?", Long.class, f.id());
        vn.hoctap.fund.internal.GroupCommit.Stats s0 = ledger.postingStats();
        double postings = timed(threads, seconds, (t, i) -> {
            if (SecurityContextHolder.getContext().getAuthentication() == null) as("bench-" + t);
            String[] p = pairs[(int) (i % pairs.length)];
            long n = seq.incrementAndGet();
            ledger.post(f.code(), new EntryDraft(today, "Đo tốc độ", List.of(Line.debit(p[0], 1000 + n % 997), Line.credit(p[1], 1000 + n % 997))),
                    "bench-" + n);
        });
        vn.hoctap.fund.internal.GroupCommit.Stats s1 = ledger.postingStats();
        long inDb = jdbc.queryForObject("select count(*) from fund_entry where fund_id = ?", Long.class, f.id());
        long audited = jdbc.queryForObject("select count(*) from audit_event where action = 'fund.post' and actor like 'bench-%'", Long.class);
        double avgBatch = s1.batches() == s0.batches() ? 0 : (double) (s1.postings() - s0.postings()) / (s1.batches() - s0.batches());
        out.println();
        out.println("== fund ledger: postings through the service (" + threads + " threads, " + seconds + " s each, durable commits)");
        out.printf(Locale.ROOT, "%-58s %12s   %s%n", "measure", "value", "goal");
        out.printf(Locale.ROOT, "%-58s %,12.0f   %s%n", "postings / s, FundLedger.post (group commit)", postings, "≥ 5,000 / s");
        out.printf(Locale.ROOT, "%-58s %,12.1f   %s%n", "  postings per durable commit (average batch)", avgBatch, "");
        out.printf(Locale.ROOT, "%-58s %,12.0f   %s%n", "baseline: postings / s, one transaction each (old path)", oneByOne, "");
        out.printf(Locale.ROOT, "%-58s %,12.0f   %s%n", "baseline: one-row insert commits / s, same pool", baseline, "");
        out.printf(Locale.ROOT, "%-58s %,12.0f   %s%n", "one connection: durable commits / s (≈ 1 / fsync)", serial, "");
        out.printf(Locale.ROOT, "%-58s %,12d   %s%n", "entries in the database (both runs)", inDb, "");
        out.printf(Locale.ROOT, "%-58s %,12d   %s%n", "audit events of these postings (one per entry)", audited, "");

        // ---- 2. the public report of a fund with N entries (a past year, loaded in bulk)
        Funds.Fund big = funds.create("bench-report", "Quỹ một triệu bút toán", "01", "CITY_ASSOCIATION", 1_000_000_000);
        int year = today.getYear() - 1;
        long t0 = System.nanoTime();
        bulk(jdbc, funds, big, year, entries);
        double loadS = (System.nanoTime() - t0) / 1e9;
        long open = median(() -> reports.report(big, year));
        FundReports.Report before = reports.report(big, year);
        t0 = System.nanoTime();
        ledger.closeThrough(big.code(), Period.of(year, 11));
        double closeS = (System.nanoTime() - t0) / 1e9;
        long closed = median(() -> reports.report(big, year));
        FundReports.Report after = reports.report(big, year);
        out.println();
        out.println("== public report of a fund with " + String.format(Locale.ROOT, "%,d", entries) + " entries (" + year + ")");
        out.printf(Locale.ROOT, "%-58s %10.1f s%n", "bulk load (triggers off for the load only)", loadS);
        out.printf(Locale.ROOT, "%-58s %9d ms   %s%n", "report, nothing closed (every line summed) — baseline", open, "");
        out.printf(Locale.ROOT, "%-58s %10.1f s%n", "closing January–November (totals frozen)", closeS);
        out.printf(Locale.ROOT, "%-58s %9d ms   %s%n", "report, 11 months closed (frozen totals + December lines)", closed, "≤ 500 ms");
        out.printf(Locale.ROOT, "%-58s %12s%n", "same income / spending / closing before and after",
                before.incomeTotal() == after.incomeTotal() && before.spendingTotal() == after.spendingTotal() && before.closing() == after.closing()
                        ? "yes" : "NO");
        out.printf(Locale.ROOT, "%-58s %,12d%n", "income of the year (VND)", after.incomeTotal());
        SecurityContextHolder.clearContext();
    }

    interface Op {
        void run(int thread, long i) throws Exception;
    }

    static double timed(int threads, int seconds, Op op) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicLong done = new AtomicLong();
        long start = System.nanoTime();
        long until = start + TimeUnit.SECONDS.toNanos(seconds);
        List<Future<?>> fs = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            fs.add(pool.submit(() -> {
                long i = 0;
                while (System.nanoTime() < until) {
                    op.run(id, i++);
                    done.incrementAndGet();
                }
                SecurityContextHolder.clearContext();
                return null;
            }));
        }
        for (Future<?> f : fs) f.get();
        pool.shutdown();
        return done.get() / ((System.nanoTime() - start) / 1e9);
    }

    /** N two-line entries spread over the twelve months of {@code year}: gifts (4/5) and scholarships (1/5). */
    static void bulk(JdbcTemplate jdbc, Funds funds, Funds.Fund f, int year, int n) {
        long bank = funds.accountId(f.id(), "112");
        long[] income = {funds.accountId(f.id(), "5111"), funds.accountId(f.id(), "5112"), funds.accountId(f.id(), "5113")};
        long spend = funds.accountId(f.id(), "6111");
        jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Void>) c -> {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try (var st = c.createStatement()) {
                st.execute("set local session_replication_role = replica");   // the bulk load only: no per-row triggers
                st.execute("create temp table bench_e on commit drop as select g, make_date(" + year + ", 1 + g % 12, 1 + g % 28) d from generate_series(1, " + n + ") g");
                st.execute("insert into fund_entry (id, fund_id, entry_date, period, description, idempotency_key, request_hash, source_kind, posted_by) "
                        + "select nextval('fund_entry_id_seq'), " + f.id() + ", d, extract(year from d)::int * 100 + extract(month from d)::int, 'Đóng góp', "
                        + "'bulk-" + f.id() + "-' || g, 'bulk', 'RECEIPT', 'bench' from bench_e");
                st.execute("create temp table bench_ids on commit drop as select id, period, row_number() over (order by id) g from fund_entry where fund_id = " + f.id());
                st.execute("insert into fund_line (entry_id, fund_id, period, account_id, debit, credit) "
                        + "select id, " + f.id() + ", period, case when g % 5 = 0 then " + spend + " else " + bank + " end, 10000 + g % 1000, 0 from bench_ids "
                        + "union all select id, " + f.id() + ", period, case when g % 5 = 0 then " + bank + " when g % 3 = 0 then " + income[0]
                        + " when g % 3 = 1 then " + income[1] + " else " + income[2] + " end, 0, 10000 + g % 1000 from bench_ids");
                st.execute("analyze fund_line");
                st.execute("analyze fund_entry");
            }
            c.commit();
            c.setAutoCommit(auto);
            return null;
        });
    }

    static long median(Runnable r) {
        r.run();   // warm
        long[] t = new long[5];
        for (int i = 0; i < t.length; i++) {
            long s = System.nanoTime();
            r.run();
            t[i] = (System.nanoTime() - s) / 1_000_000;
        }
        Arrays.sort(t);
        return t[2];
    }
}
