package vn.hoctap.analytics.live;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import picocli.CommandLine;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import vn.hoctap.accounts.AccountPrincipal;
import vn.hoctap.accounts.CurrentUser;
import vn.hoctap.accounts.Role;
import vn.hoctap.analytics.AnalyticsBench;
import vn.hoctap.analytics.SqlQuery;
import vn.hoctap.analytics.internal.SyntheticPersons;
import vn.hoctap.platform.CommandLines;
import vn.hoctap.register.Register;
import vn.hoctap.register.RegisterImports;
import vn.hoctap.register.RegisterStandards;
import vn.hoctap.standards.core.Person;
import vn.hoctap.standards.core.RuleSet;
import vn.hoctap.standards.core.Units;
import vn.hoctap.synthetic.core.GeneratorOptions;
import vn.hoctap.synthetic.core.ProgressListener;
import vn.hoctap.synthetic.core.Structure;
import vn.hoctap.synthetic.core.SyntheticRegister;

/**
 * {@code bin/hoctap bench [--persons N]} (issue 7): on one generated Hà Nội register (cached between runs), side by
 * side, the columnar engine (full recompute, incremental p50/p99, heap), the same computation as one SQL statement
 * in PostgreSQL and in DuckDB, the platform's register import against PostgreSQL's COPY of the same file, and the
 * running platform (started in-process on a random port, on a throw-away embedded PostgreSQL or {@code --pg-url}):
 * loading the register into the engine, the dashboard API under concurrent clients and how soon an edit shows
 * through the API. Every engine's counts are compared; any difference ends the run with exit code 1. Goals are
 * printed, never asserted.
 */
public final class PlatformBench {

    /** The options of {@code bench} (its platform part), parsed by picocli ({@code platform.CommandLines}). */
    @CommandLine.Command(name = "bench", sortOptions = false, description = {
            "Đo nền tảng trên một sổ phổ cập sinh ngẫu nhiên (lưu lại giữa các lần chạy).",
            "The platform's figures on one generated register (cached between runs)."})
    public static final class Options implements Callable<Integer> {
        @CommandLine.Option(names = "--persons", paramLabel = "N", converter = CommandLines.PositiveWholeNumber.class,
                description = "số người của sổ sinh ra / residents of the generated register (mặc định / default ${DEFAULT-VALUE}); lưu trong / cached in DIR/bench")
        int persons = 8_700_000;
        @CommandLine.Option(names = "--seed", paramLabel = "S", converter = CommandLines.WholeNumber.class,
                description = "hạt giống của bộ sinh / the generator's seed (mặc định / default ${DEFAULT-VALUE})")
        int seed = 7;
        @CommandLine.Option(names = "--clients", paramLabel = "C", converter = CommandLines.PositiveWholeNumber.class,
                description = "số máy khách API đồng thời / concurrent API clients (mặc định / default ${DEFAULT-VALUE})")
        int clients = 64;
        @CommandLine.Option(names = "--pg-url", paramLabel = "JDBC_URL", description = "một CSDL PostgreSQL mà bộ đo được ghi vào"
                + " / a PostgreSQL database the benchmark may fill (the platform's tables are created by Flyway and the benchmark"
                + " year's register is replaced), e.g. jdbc:postgresql://127.0.0.1:5432/test?user=postgres; mặc định / default:"
                + " a throw-away embedded PostgreSQL")
        String pgUrl;
        @CommandLine.Option(names = "--duckdb-jar", paramLabel = "PATH",
                description = "tệp jar JDBC của DuckDB / the DuckDB JDBC jar (default: from the local Maven repository)")
        Path duckdbJar;
        @CommandLine.Option(names = "--data-dir", paramLabel = "DIR",
                description = "nơi lưu các sổ sinh ra / where generated registers are cached (default $HOCTAP_DATA_DIR or ~/.hoctap)")
        String dataDir;
        @CommandLine.Option(names = "--engine-only", description = "chỉ đo bộ máy trong tiến trình / only the in-process engine figures (no database)")
        boolean engineOnly;
        @CommandLine.Option(names = "--import-only",
                description = "chỉ đo nhập sổ / only the register import figures (first import, re-import, plain COPY)")
        boolean importOnly;
        @CommandLine.Option(names = "--load-generator", paramLabel = "wrk|java|both",
                description = "tiến trình riêng tạo tải cho API / the separate process that loads the API: wrk, java (a Java client in its own JVM) or both (default wrk when installed, else java)")
        String loadGenerator;
        @CommandLine.Option(names = "--load-seconds", paramLabel = "S", converter = CommandLines.PositiveWholeNumber.class,
                description = "thời gian mỗi lần tạo tải / how long each separate-process load runs (default ${DEFAULT-VALUE})")
        int loadSeconds = 15;
        @CommandLine.Option(names = "--no-http-import", description = "không đo nhập qua HTTP / skip the imports through HTTP (tus upload, plain POST)")
        boolean noHttpImport;
        @CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "hướng dẫn / this help")
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
            if (loadGenerator != null && !List.of("wrk", "java", "both").contains(loadGenerator)) {
                throw new CommandLines.UsageException("--load-generator: wrk, java hoặc both / wrk, java or both, not " + loadGenerator);
            }
            try {
                return new PlatformBench(out, this).run(application);
            } catch (Exception e) {
                err.println("bench failed: " + e);
                e.printStackTrace(err);
                return 1;
            }
        }
    }

    private final PrintStream out;
    private final Options opts;
    private final List<String> differences = new ArrayList<>();
    private final Map<String, String> table = new LinkedHashMap<>();

    // ---- the goals of issue 18, each printed next to its measured value at the end ("not measured" when the run did not)
    static final String GOAL_IMPORT = "first register import / plain COPY of the same file";
    static final String GOAL_REIMPORT = "re-import of the same file (nothing changes) / COPY";
    static final String GOAL_START_SAVED = "start-up load of a year (register unchanged since the last run)";
    /**
     * Printed beside the goals without a verdict: the path taken only when the saved columns do not describe the
     * database. Issue 18 names a checksummed snapshot as a means for the start-up goal; moving a year's rows out of
     * PostgreSQL alone takes 13–17 s for 8.7 M on this machine's one connection (docs/performance.md), so this path
     * is measured, not judged against 5 s.
     */
    static final String GOAL_START_PG = "the same without valid saved columns (read from PostgreSQL)";
    static final String GOAL_START_THREE = "start-up load with three years";
    static final String GOAL_STATUS = "GET /api/indicators/status p99, 64 clients, separate-process generator";
    static final String GOAL_STATUS_WRITER = "the same while one writer edits 10/s";
    /** The Explore figure (issue 18 item 3): its bench part reports here with {@link #goal}. */
    static final String GOAL_EXPLORE = "Explore: a new expression over the register";
    static final String GOAL_EQUAL = "all engines' counts equal";
    private static final Map<String, String> GOALS = new LinkedHashMap<>();
    static {
        GOALS.put(GOAL_IMPORT, "≥ 0.5");
        GOALS.put(GOAL_REIMPORT, "≥ 0.3");
        GOALS.put(GOAL_START_SAVED, "≤ 5 s");
        GOALS.put(GOAL_START_PG, "(none)");
        GOALS.put(GOAL_START_THREE, "≤ 10 s");
        GOALS.put(GOAL_STATUS, "≤ 100 ms");
        GOALS.put(GOAL_STATUS_WRITER, "≤ 200 ms");
        GOALS.put(GOAL_EXPLORE, "≤ 100 ms");
        GOALS.put(GOAL_EQUAL, "yes");
    }
    /** Goal → measured value and whether it is met (null: not judged). */
    private final Map<String, Map.Entry<String, Boolean>> goals = new LinkedHashMap<>();
    private double firstImportRate;
    private double reImportRate;
    private double copyRate;
    private double httpImportRate;
    private double httpReImportRate;

    /** Records the measured value of one of the goals above ({@code met} null when it cannot be judged). */
    void goal(String goal, String measured, Boolean met) {
        if (!GOALS.containsKey(goal)) {
            throw new IllegalArgumentException("not a goal of the bench: " + goal);
        }
        goals.put(goal, new java.util.AbstractMap.SimpleImmutableEntry<>(measured, met));
    }

    private PlatformBench(PrintStream out, Options opts) {
        this.out = out;
        this.opts = opts;
    }

    /** Runs the benchmark; returns the exit code (0, 1 when engines disagree, 2 for a usage mistake). */
    public static int run(Class<?> application, String[] args, PrintStream out, PrintStream err) {
        return CommandLines.execute(new Options(application, out, err), args, out, err);
    }

    /** The options' help (for {@code bench --help}, which lists the platform part's options). */
    public static String usage() {
        return new CommandLine(new Options(null, null, null)).getUsageMessage(CommandLine.Help.Ansi.OFF);
    }

    private int run(Class<?> application) throws Exception {
        int n = opts.persons;
        long seed = opts.seed;
        GeneratorOptions go = GeneratorOptions.of(n, seed, Structure.HANOI_2025);
        int year = go.year();
        Path dir = data(go);
        Path personsCsv = dir.resolve("persons.csv");
        Units units = SyntheticPersons.units(Files.readString(dir.resolve("units.csv"), StandardCharsets.UTF_8));
        RuleSet rules = RuleSet.defaults();
        SqlQuery sql = SqlQuery.nq23(year, rules);

        // ---- 1. the engine in-process (heap, full recompute, streaming baseline, incremental)
        Map<String, long[]> engineRows = Map.of();
        if (!opts.importOnly) {
        out.println();
        out.println("== 1. columnar engine, in-process");
        SyntheticPersons.forEach(personsCsv, units, year, p -> { });   // classes and the file cache warm
        AnalyticsBench.Summary e = AnalyticsBench.run(units, year, n, Math.min(n, 1_000_000), seed,
                sink -> SyntheticPersons.forEach(personsCsv, units, year, sink), out);
        engineRows = sql.rows(e.result());
        if (Boolean.FALSE.equals(e.baselineSame())) {
            differences.add("engine vs streaming baseline (in memory)");
        }
        if (!e.incrementalSame()) {
            differences.add("incremental counts vs full recompute");
        }
        row("full recompute, engine, 2 threads", ms(e.full2Threads()), "≤ 250 ms at 8.7 M on 2 cores");
        row("full recompute, engine, 1 thread", ms(e.full1Thread()), "");
        row("streaming baseline (Person objects, 1 thread)" + (e.baselineExtrapolated() ? ", scaled from 1 M" : ""), ms(e.baseline()), "");
        row("incremental update p50 / p99", String.format(Locale.ROOT, "%.1f µs / %.1f µs", e.incrementalP50(), e.incrementalP99()), "p99 ≤ 50 µs");
        row("heap per resident, measured (estimated)", String.format(Locale.ROOT, "%.1f B (%.1f B)", e.heapMeasured(), e.heapEstimated()), "≤ 40 B");
        if (opts.engineOnly) {
            return finish();
        }
        }

        // ---- 2. the platform on PostgreSQL
        out.println();
        out.println("== 2. the platform (in-process, random port), " + (opts.pgUrl != null ? "PostgreSQL " + redact(opts.pgUrl) : "throw-away embedded PostgreSQL"));
        String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
        Path appDir = Files.createTempDirectory("hoctap-bench-");
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("server.port", "0");
        props.put("hoctap.demo", "false");
        props.put("hoctap.command", "bench");
        props.put("hoctap.data-dir", appDir.toString());
        props.put("hoctap.admin.username", "admin");
        props.put("hoctap.admin.password", password);
        props.put("hoctap.analytics.engine", "columnar");
        props.put("spring.main.banner-mode", "off");
        props.put("logging.level.root", "WARN");
        props.put("logging.level.vn.hoctap.analytics.live", "INFO");
        props.put("logging.level.vn.hoctap.register.RegisterImports", "INFO");
        props.put("spring.jdbc.template.query-timeout", "3600s");
        if (opts.pgUrl != null) {
            props.put("spring.datasource.url", opts.pgUrl);
        } else {
            props.put("hoctap.embedded-db.ephemeral", "true");
        }
        SpringApplication app = new SpringApplication(application);
        app.setWebApplicationType(WebApplicationType.SERVLET);
        // as command-line arguments: they take precedence over application.properties (port, demo, admin password)
        String[] appArgs = props.entrySet().stream().map(x -> "--" + x.getKey() + "=" + x.getValue()).toArray(String[]::new);
        long t0 = System.nanoTime();
        try (ConfigurableApplicationContext ctx = app.run(appArgs)) {
            int port = ((WebServerApplicationContext) ctx).getWebServer().getPort();
            out.printf(Locale.ROOT, "started in %.1f s on port %d%n", (System.nanoTime() - t0) / 1e9, port);
            platform(ctx, port, password, go, dir, sql, engineRows, n);
        } finally {
            deleteTree(appDir);
        }
        return finish();
    }

    private void platform(ConfigurableApplicationContext ctx, int port, String password, GeneratorOptions go, Path dir,
                          SqlQuery sql, Map<String, long[]> engineRows, int n) throws Exception {
        int year = go.year();
        JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
        DataSource ds = ctx.getBean(DataSource.class);
        RegisterImports imports = ctx.getBean(RegisterImports.class);
        RegisterStandards standards = ctx.getBean(RegisterStandards.class);
        LiveRegisterEngine live = ctx.getBean(LiveRegisterEngine.class);
        Register register = ctx.getBean(Register.class);
        Path personsCsv = dir.resolve("persons.csv");

        // ---- import: the platform's path (reader + checks + COPY into staging + merge) vs plain COPY of the file
        CurrentUser system = new CurrentUser(0, "bench", "Benchmark", Role.CITY_ADMIN, Set.of("01"));
        AccountPrincipal principal = new AccountPrincipal(system, "", true);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        int deleted = jdbc.update("delete from register_person where year = ?", year);
        if (deleted > 0) {
            out.printf(Locale.ROOT, "removed the %,d persons of %d left by an earlier run%n", deleted, year);
        }
        for (String line : Files.readAllLines(dir.resolve("units.csv"), StandardCharsets.UTF_8)) {
            if (line.endsWith(",true")) {
                jdbc.update("insert into commune_disadvantaged (year, code) values (?, ?) on conflict do nothing", year,
                        line.substring(0, line.indexOf(',')));
            }
        }
        long t = System.nanoTime();
        RegisterImports.Job job = imports.importNow(personsCsv, "bench-" + n + ".csv", year);
        double importS = (System.nanoTime() - t) / 1e9;
        if (job.result() == null || !job.result().ok()) {
            throw new IllegalStateException("the platform refused the generated register: "
                    + (job.result() == null ? job.failure() : job.result().errors()));
        }
        double importRate = job.result().rows() / importS;
        out.printf(Locale.ROOT, "platform import, first of the year (read + check, streamed by COPY into register_person): %,d rows in %.1f s = %,.0f rows/s%n",
                job.result().rows(), importS, importRate);
        double copyRate = plainCopy(ds, personsCsv, n);
        row("register import, platform", String.format(Locale.ROOT, "%,.0f rows/s", importRate), "");
        row("plain PostgreSQL COPY of the same file", String.format(Locale.ROOT, "%,.0f rows/s", copyRate), "");
        row("import / COPY", String.format(Locale.ROOT, "%.2f", importRate / copyRate), "≥ 0.5");
        firstImportRate = importRate;   // issue 18 goals (summary)
        this.copyRate = copyRate;
        // the same file again: staged and merged, nothing changes (no update, no audit event)
        t = System.nanoTime();
        RegisterImports.Job again = imports.importNow(personsCsv, "bench-" + n + ".csv", year);
        double againS = (System.nanoTime() - t) / 1e9;
        if (again.result() == null || !again.result().ok() || !again.result().changedNothing()) {
            throw new IllegalStateException("re-importing the same register changed it or failed");
        }
        out.printf(Locale.ROOT, "platform re-import of the same file (read + check, COPY into staging, merge: no change): %,d rows in %.1f s = %,.0f rows/s%n",
                again.result().rows(), againS, again.result().rows() / againS);
        row("register re-import of the same file (no change)", String.format(Locale.ROOT, "%,.0f rows/s", again.result().rows() / againS), "");
        row("re-import / COPY", String.format(Locale.ROOT, "%.2f", again.result().rows() / againS / copyRate), "≥ 0.3");
        reImportRate = again.result().rows() / againS;   // issue 18 goals (summary)
        startUp(ctx, year, register, standards, sql);
        if (!opts.noHttpImport) {
            httpImports(jdbc, port, password, year, personsCsv, n);
        }
        threeYears(ctx, year, standards, sql);
        if (opts.importOnly) {
            return;
        }

        // ---- the running engine: load from PostgreSQL, compare with the in-process engine and the streaming path
        t = System.nanoTime();
        standards.result(year);
        double loadS = (System.nanoTime() - t) / 1e9;
        var snapshot = live.snapshot(year);
        if (snapshot == null) {
            throw new IllegalStateException("the platform's engine does not serve " + year);
        }
        out.printf(Locale.ROOT, "platform engine: loaded %,d residents from PostgreSQL and counted them in %.1f s; %.1f B of heap a resident%n",
                snapshot.personsTotal(), loadS, live.heapBytes() / (double) snapshot.personsTotal());
        row("platform start: load the register from PostgreSQL into the engine", String.format(Locale.ROOT, "%.1f s", loadS), "");
        compare("platform engine (loaded from PostgreSQL) vs in-process engine", engineRows, sql.rows(snapshot), sql);
        startUp(ctx, year, engineRows, sql);
        t = System.nanoTime();
        String streamed = standards.resultStreaming(year).toJson();
        double streamS = (System.nanoTime() - t) / 1e9;
        boolean sameJson = streamed.equals(standards.result(year).toJson());
        out.printf(Locale.ROOT, "streaming path (register streamed from PostgreSQL through the accumulator, as before issue 7): %.1f s; "
                + "same standards JSON as the engine: %s%n", streamS, sameJson);
        if (!sameJson) {
            differences.add("standards JSON: engine vs streaming from PostgreSQL");
        }
        row("standards by streaming the register from PostgreSQL (old path)", String.format(Locale.ROOT, "%.0f ms", streamS * 1000), "");

        // ---- the same computation as SQL: PostgreSQL, DuckDB
        double pgMs;
        Path export = Files.createTempFile("hoctap-bench-duckdb-", ".csv");
        try (Connection pg = ds.getConnection()) {
            try (Statement st = pg.createStatement()) {
                st.execute("analyze register_person");
            }
            Map<String, long[]> pgRows = SqlEngines.run(pg, sql);   // warm-up
            double[] times = new double[3];
            for (int i = 0; i < times.length; i++) {
                long s = System.nanoTime();
                pgRows = SqlEngines.run(pg, sql);
                times[i] = (System.nanoTime() - s) / 1e6;
            }
            Arrays.sort(times);
            pgMs = times[1];
            out.printf(Locale.ROOT, "PostgreSQL: one GROUP BY commune_code with %d FILTER aggregates over register_person: median of 3 %.0f ms%n",
                    sql.columns().size(), pgMs);
            compare("PostgreSQL SQL vs engine", engineRows, pgRows, sql);
            row("same computation in PostgreSQL (SQL, GROUP BY + FILTER)", ms(pgMs), "");

            long s = System.nanoTime();
            long exported = SqlEngines.exportYear(pg, year, export);
            out.printf(Locale.ROOT, "exported %,d rows for DuckDB in %.1f s%n", exported, (System.nanoTime() - s) / 1e9);
            try (Connection duck = SqlEngines.duckDb(opts.duckdbJar)) {
                s = System.nanoTime();
                SqlEngines.loadDuckDb(duck, export);
                out.printf(Locale.ROOT, "DuckDB: loaded in %.1f s%n", (System.nanoTime() - s) / 1e9);
                Map<String, long[]> duckRows = SqlEngines.run(duck, sql);
                double[] dt = new double[5];
                for (int i = 0; i < dt.length; i++) {
                    s = System.nanoTime();
                    duckRows = SqlEngines.run(duck, sql);
                    dt[i] = (System.nanoTime() - s) / 1e6;
                }
                Arrays.sort(dt);
                out.printf(Locale.ROOT, "DuckDB (in-memory, JDBC): the same statement: median of 5 %.0f ms%n", dt[2]);
                compare("DuckDB SQL vs engine", engineRows, duckRows, sql);
                row("same computation in DuckDB (JDBC, in-memory table)", ms(dt[2]), "engine faster");
                ratios.add(new double[] {dt[2], 0});
            } catch (IllegalStateException noDriver) {
                out.println("DuckDB: NOT MEASURED — " + noDriver.getMessage());
                row("same computation in DuckDB", "not measured (no driver)", "");
            }
        } finally {
            Files.deleteIfExists(export);
        }
        ratios.add(new double[] {pgMs, 1});

        // ---- the dashboard API under concurrent clients, and how soon an edit shows
        api(port, password, year, register, jdbc);
    }

    private final List<double[]> ratios = new ArrayList<>();

    /**
     * A start of the platform, measured on a fresh engine over the same database and data folder (issue 18 item 1): with
     * the columns an earlier load saved (valid only for the exact register state they were made from), and without
     * them (every resident read from PostgreSQL). Both must count what the in-process engine counted.
     */
    private void startUp(ConfigurableApplicationContext ctx, int year, Map<String, long[]> engineRows, SqlQuery sql) {
        RegisterStandards standards = ctx.getBean(RegisterStandards.class);
        String dataDir = ctx.getEnvironment().getProperty("hoctap.data-dir");
        for (boolean saved : new boolean[] {true, false}) {
            LiveRegisterEngine fresh = new LiveRegisterEngine(standards, ctx.getBeanProvider(vn.hoctap.analytics.core.RegisterPrograms.class),
                    "columnar", "bench", dataDir, saved, 3_600_000);
            try {
                long t = System.nanoTime();
                var r = fresh.snapshot(year);
                double s = (System.nanoTime() - t) / 1e9;
                if (r == null) {
                    differences.add("a fresh engine could not hold " + year);
                    continue;
                }
                boolean read = fresh.savedReads(year) > 0;
                String how = read ? "read from the saved columns (register unchanged since they were saved)"
                        : saved ? "read from PostgreSQL: no valid saved columns" : "read from PostgreSQL (saved columns off)";
                out.printf(Locale.ROOT, "a fresh start of the engine: %,d residents %s and counted in %.2f s%n", r.personsTotal(), how, s);
                compare("fresh engine (" + (read ? "saved columns" : "PostgreSQL") + ") vs in-process engine", engineRows, sql.rows(r), sql);
                String label = read ? "start-up load of a year, register unchanged (saved columns)" : "start-up load of a year from PostgreSQL (fresh engine)";
                row(label, String.format(Locale.ROOT, "%.2f s", s), read ? "≤ 5 s" : "");
                goal(read ? GOAL_START_SAVED : GOAL_START_PG, String.format(Locale.ROOT, "%.2f s", s), read ? (Boolean) (s <= 5) : null);
            } finally {
                fresh.stop();
            }
        }
    }

    /**
     * The imports through HTTP (issue 18): the year emptied, then the register sent by the resumable upload (tus) as
     * a first import, again by tus (re-import: nothing changes), and as the body of a plain POST (re-import); each
     * timed from the first byte sent to the import job's end, beside the in-process figures of the same run.
     */
    private void httpImports(JdbcTemplate jdbc, int port, String password, int year, Path personsCsv, int n) throws Exception {
        HttpImport client = new HttpImport("http://127.0.0.1:" + port, "admin", password);
        long t = System.nanoTime();
        // TRUNCATE when the benchmark's year is the only one in the table (the throw-away database), else DELETE
        Boolean others = jdbc.queryForObject("select exists (select 1 from register_person where year <> ?)", Boolean.class, year);
        if (Boolean.TRUE.equals(others)) {
            jdbc.update("delete from register_person where year = ?", year);
        } else {
            jdbc.execute("truncate register_person");
        }
        out.printf(Locale.ROOT, "emptied %d for the import through HTTP in %.1f s%n", year, (System.nanoTime() - t) / 1e9);
        int piece = 16 << 20;
        HttpImport.Result first = client.tus(personsCsv, "bench-" + n + ".csv", year, piece);
        if (first.rows() != n || first.changedNothing()) {
            throw new IllegalStateException("the import through HTTP did not add the " + n + " persons: " + first.summary());
        }
        out.printf(Locale.ROOT, "platform import through HTTP, first of the year (tus: %d pieces of %d MB, upload %.1f s; then the job): %,d rows in %.1f s = %,.0f rows/s (%s)%n",
                first.pieces(), piece >> 20, first.uploadSeconds(), first.rows(), first.totalSeconds(), first.rate(), first.summary());
        row("register import through HTTP (tus upload + job)", String.format(Locale.ROOT, "%,.0f rows/s", first.rate()), "");
        httpImportRate = first.rate();
        HttpImport.Result again = client.tus(personsCsv, "bench-" + n + ".csv", year, piece);
        if (!again.changedNothing()) {
            throw new IllegalStateException("re-importing the same register through HTTP changed it: " + again.summary());
        }
        out.printf(Locale.ROOT, "platform re-import through HTTP (tus, upload %.1f s; merge: no change): %,d rows in %.1f s = %,.0f rows/s%n",
                again.uploadSeconds(), again.rows(), again.totalSeconds(), again.rate());
        row("register re-import through HTTP (tus upload + job, no change)", String.format(Locale.ROOT, "%,.0f rows/s", again.rate()), "");
        HttpImport.Result post = client.plainPost(personsCsv, "bench-" + n + ".csv", year);
        if (!post.changedNothing()) {
            throw new IllegalStateException("re-importing the same register by a plain POST changed it: " + post.summary());
        }
        out.printf(Locale.ROOT, "platform re-import through HTTP (plain POST /api/register/imports, upload %.1f s; merge: no change): %,d rows in %.1f s = %,.0f rows/s%n",
                post.uploadSeconds(), post.rows(), post.totalSeconds(), post.rate());
        row("register re-import through HTTP (plain POST body + job, no change)", String.format(Locale.ROOT, "%,.0f rows/s", post.rate()), "");
        httpReImportRate = Math.max(again.rate(), post.rate());
    }

    /** COPY of the generated file into a bare table (every column text, no index): PostgreSQL's best case. */
    private double plainCopy(DataSource ds, Path csv, int n) throws SQLException, IOException {
        String header;
        try (var lines = Files.lines(csv, StandardCharsets.UTF_8)) {
            header = lines.findFirst().orElseThrow();
        }
        StringBuilder cols = new StringBuilder();
        for (String c : header.split(",")) {
            cols.append(cols.length() == 0 ? "" : ", ").append('"').append(c.strip().replace("\"", "")).append("\" text");
        }
        try (Connection c = ds.getConnection()) {
            try (Statement st = c.createStatement()) {
                st.execute("drop table if exists bench_copy");
                st.execute("create table bench_copy (" + cols + ")");
            }
            long t = System.nanoTime();
            long rows;
            try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
                rows = c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy bench_copy from stdin (format csv, header true)", r);
            }
            double s = (System.nanoTime() - t) / 1e9;
            try (Statement st = c.createStatement()) {
                st.execute("drop table bench_copy");
            }
            out.printf(Locale.ROOT, "plain COPY of the same file into a table of text columns without index: %,d rows in %.1f s = %,.0f rows/s%n",
                    rows, s, rows / s);
            return rows / s;
        }
    }

    private void api(int port, String password, int year, Register register, JdbcTemplate jdbc) throws Exception {
        int clients = opts.clients;
        String base = "http://127.0.0.1:" + port;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        String basic = "Basic " + Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
        URI status = URI.create(base + "/api/indicators/status?year=" + year);

        // HTTP Basic: the first request verifies the password hash (BCrypt, cost 12), later ones within five minutes
        // are answered from the remembered match (accounts.internal.RecentlyVerifiedPasswords); one client only
        HttpRequest basicReq = HttpRequest.newBuilder(status).header("Authorization", basic).timeout(Duration.ofSeconds(60)).GET().build();
        long[] b = new long[8];
        long first = 0;
        for (int i = 0; i < b.length; i++) {
            long s = System.nanoTime();
            HttpResponse<byte[]> r = http.send(basicReq, HttpResponse.BodyHandlers.ofByteArray());
            b[i] = System.nanoTime() - s;
            if (i == 0) {
                first = b[0];
            }
            if (r.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + r.statusCode() + " from " + status);
            }
        }
        Arrays.sort(b);
        out.printf(Locale.ROOT, "GET /api/indicators/status with HTTP Basic, 1 client, %d requests: median %.1f ms, first %.1f ms (the first "
                + "checks the BCrypt password hash, later ones reuse the remembered match)%n", b.length, b[b.length / 2] / 1e6, first / 1e6);
        row("dashboard API with HTTP Basic, 1 client (median)", ms(b[b.length / 2] / 1e6), "");

        // the dashboard's way: each client signs in once (login form), then its session cookie
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<String>> logins = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                logins.add(pool.submit(() -> login(http, base, password)));
            }
            List<HttpRequest> reqs = new ArrayList<>();
            for (Future<String> f : logins) {
                reqs.add(HttpRequest.newBuilder(status).header("Cookie", f.get()).timeout(Duration.ofSeconds(60)).GET().build());
            }
            load(pool, http, reqs, 10);   // warm-up
            long[] one = load(pool, http, reqs.subList(0, 1), 200);
            out.printf(Locale.ROOT, "GET /api/indicators/status, 1 client (signed-in session) × 200 requests: p50 %.1f ms, p99 %.1f ms%n",
                    one[one.length / 2] / 1e6, one[(int) (one.length * 0.99)] / 1e6);
            row("dashboard API p50 / p99, 1 client (session)",
                    String.format(Locale.ROOT, "%.1f ms / %.1f ms", one[one.length / 2] / 1e6, one[(int) (one.length * 0.99)] / 1e6), "");
            int perClient = 50;
            long[] lat = load(pool, http, reqs, perClient);
            out.printf(Locale.ROOT, "GET /api/indicators/status, %d concurrent clients (signed-in sessions) × %d requests: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    clients, perClient, lat[lat.length / 2] / 1e6, lat[(int) (lat.length * 0.99)] / 1e6, lat[lat.length - 1] / 1e6);
            row("dashboard API p50 / p99, " + clients + " clients (sessions, read only)",
                    String.format(Locale.ROOT, "%.1f ms / %.1f ms", lat[lat.length / 2] / 1e6, lat[(int) (lat.length * 0.99)] / 1e6), "p99 ≤ 100 ms");

            // edits: an employed person without training finishes a short course → lab.trained of the commune +1
            List<Map<String, Object>> candidates = jdbc.queryForList("""
                    select person_id, commune_code from register_person where year = ? and employed and qualification = 'none'
                    order by person_id limit 20""", year);
            List<Double> visible = new ArrayList<>();
            String cookie = reqs.get(0).headers().firstValue("Cookie").orElseThrow();
            HttpRequest vreq = HttpRequest.newBuilder(URI.create(base + "/api/indicators/values?year=" + year + "&indicator=lab.trained"))
                    .header("Cookie", cookie).timeout(Duration.ofSeconds(60)).GET().build();
            for (Map<String, Object> cand : candidates) {
                String id = (String) cand.get("person_id");
                String commune = (String) cand.get("commune_code");
                double before = numerator(http.send(vreq, HttpResponse.BodyHandlers.ofString()).body(), commune);
                Register.Entry entry = register.get(year, id);
                Map<String, String> cells = cells(entry.person());
                cells.put("qualification", "short_course");
                long s = System.nanoTime();
                register.update(year, id, cells, entry.version());
                double seen = before;
                while (seen != before + 1 && System.nanoTime() - s < 5_000_000_000L) {
                    seen = numerator(http.send(vreq, HttpResponse.BodyHandlers.ofString()).body(), commune);
                }
                if (seen != before + 1) {
                    differences.add("edit of a person not visible through the API within 5 s (lab.trained numerator " + before + " → " + seen + ")");
                }
                visible.add((System.nanoTime() - s) / 1e6);
            }
            double[] v = visible.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            if (v.length > 0) {
                out.printf(Locale.ROOT, "edit visible through GET /api/indicators/values (%d edits through Register.update, each timed until the "
                        + "commune's lab.trained numerator is +1): median %.1f ms, max %.1f ms%n", v.length, v[v.length / 2], v[v.length - 1]);
                row("single edit visible through the API (median / max of " + v.length + ")",
                        String.format(Locale.ROOT, "%.1f ms / %.1f ms", v[v.length / 2], v[v.length - 1]), "≤ 1 s");
            }

            // reads while one writer edits 10 times a second (each edit drops the cached dashboard values)
            Writer writer = new Writer(register, year, candidates);
            long[] mixed = load(pool, http, reqs, perClient);
            int edited = writer.stop();
            out.printf(Locale.ROOT, "GET /api/indicators/status, %d clients while one writer edited %d times (10 a second): p50 %.1f ms, p99 %.1f ms%n",
                    clients, edited, mixed[mixed.length / 2] / 1e6, mixed[(int) (mixed.length * 0.99)] / 1e6);
            row("dashboard API p50 / p99, " + clients + " clients, 10 edits/s",
                    String.format(Locale.ROOT, "%.1f ms / %.1f ms", mixed[mixed.length / 2] / 1e6, mixed[(int) (mixed.length * 0.99)] / 1e6), "p99 ≤ 200 ms");

            // ---- the same load generated by a separate process (issue 18 item 2): the in-process rows above are the baseline
            List<String> cookies = reqs.stream().map(q -> q.headers().firstValue("Cookie").orElseThrow()).toList();
            external(status.toString(), cookies, clients, register, year, candidates);
        } finally {
            pool.shutdownNow();
        }
    }

    /** One writer editing a person 10 times a second through {@code Register.update} (as the edit form does), until stopped. */
    private final class Writer {
        private final java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        private final java.util.concurrent.atomic.AtomicInteger edits = new java.util.concurrent.atomic.AtomicInteger();
        private final Thread thread;

        Writer(Register register, int year, List<Map<String, Object>> candidates) {
            var authentication = SecurityContextHolder.getContext().getAuthentication();
            thread = new Thread(() -> {
                var sc = SecurityContextHolder.createEmptyContext();
                sc.setAuthentication(authentication);
                SecurityContextHolder.setContext(sc);
                int k = 0;
                while (!stop.get() && !candidates.isEmpty()) {
                    String id = (String) candidates.get(k++ % candidates.size()).get("person_id");
                    Register.Entry en = register.get(year, id);
                    Map<String, String> c = cells(en.person());
                    c.put("qualification", "short_course".equals(c.get("qualification")) ? "none" : "short_course");
                    register.update(year, id, c, en.version());
                    edits.incrementAndGet();
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "bench-writer");
            thread.setUncaughtExceptionHandler((th, ex) -> differences.add("writer failed: " + ex));
            thread.start();
        }

        /** Stops the writer; returns the number of edits it made. */
        int stop() throws InterruptedException {
            stop.set(true);
            thread.join();
            return edits.get();
        }
    }

    /**
     * {@code GET /api/indicators/status} loaded by a separate process ({@link ExternalLoad}: wrk, or a Java client in its
     * own JVM): plain GETs and conditional ones (ETag sent back, 304 answers), read only and while one writer edits 10
     * times a second. The goals of issue 18 are judged on these figures.
     */
    private void external(String url, List<String> cookies, int clients, Register register, int year,
                          List<Map<String, Object>> candidates) throws Exception {
        int seconds = opts.loadSeconds;
        String which = opts.loadGenerator != null ? opts.loadGenerator : (ExternalLoad.wrk() != null ? "wrk" : "java");
        List<ExternalLoad.Tool> tools = switch (which) {
            case "both" -> List.of(ExternalLoad.Tool.WRK, ExternalLoad.Tool.JAVA);
            case "java" -> List.of(ExternalLoad.Tool.JAVA);
            default -> List.of(ExternalLoad.Tool.WRK);
        };
        if (tools.contains(ExternalLoad.Tool.WRK) && ExternalLoad.wrk() == null) {
            out.println("wrk: NOT MEASURED — not installed (apt-get install wrk); --load-generator java uses a Java client in its own JVM");
            row("dashboard API, wrk", "not measured (wrk not installed)", "");
            tools = tools.stream().filter(x -> x != ExternalLoad.Tool.WRK).toList();
        }
        Double worstRead = null;
        Double worstWriter = null;
        for (ExternalLoad.Tool tool : tools) {
            // warm-up, not counted: the first separate-process load after the in-process ones above met the server
            // still busy from them (the first measured run was 3–4 times slower than the later ones, writer included)
            ExternalLoad.Result warm = ExternalLoad.run(tool, url, clients, Math.min(5, seconds), cookies, false);
            out.printf(Locale.ROOT, "GET /api/indicators/status, %d clients, %s, warm-up (not counted), %d s: %s%n", clients,
                    tool.label(), Math.min(5, seconds), ExternalLoad.describe(warm));
            for (boolean withWriter : new boolean[] {false, true}) {
                for (boolean conditional : new boolean[] {false, true}) {
                    Writer writer = withWriter ? new Writer(register, year, candidates) : null;
                    ExternalLoad.Result r = ExternalLoad.run(tool, url, clients, seconds, cookies, conditional);
                    int edited = writer == null ? 0 : writer.stop();
                    String kind = (conditional ? "conditional GETs (If-None-Match)" : "plain GETs")
                            + (withWriter ? ", one writer editing 10/s (" + edited + " edits)" : ", read only");
                    out.printf(Locale.ROOT, "GET /api/indicators/status, %d clients, %s, %s, %d s: %s%n", clients, tool.label(), kind, seconds,
                            ExternalLoad.describe(r));
                    if (r.errors() > 0) {
                        differences.add("status API under load (" + tool.label() + ", " + kind + "): " + r.errors() + " errors");
                    }
                    if (conditional && !withWriter && r.notModified() == 0) {
                        differences.add("conditional GETs of the status API were never answered 304");
                    }
                    row("status API p50 / p99, " + clients + " clients, " + (tool == ExternalLoad.Tool.WRK ? "wrk" : "Java in own JVM") + ", "
                                    + (conditional ? "conditional" : "plain") + (withWriter ? ", 10 edits/s" : ""),
                            String.format(Locale.ROOT, "%.1f ms / %.1f ms (%,.0f req/s)", r.p50(), r.p99(), r.perSecond()),
                            withWriter ? "p99 ≤ 200 ms" : "p99 ≤ 100 ms");
                    if (withWriter) {
                        worstWriter = worstWriter == null ? r.p99() : Math.max(worstWriter, r.p99());
                    } else {
                        worstRead = worstRead == null ? r.p99() : Math.max(worstRead, r.p99());
                    }
                }
            }
        }
        if (worstRead != null) {
            goal(GOAL_STATUS, String.format(Locale.ROOT, "%.1f ms (worst of plain / conditional)", worstRead), worstRead <= 100);
            goal(GOAL_STATUS_WRITER, String.format(Locale.ROOT, "%.1f ms (worst of plain / conditional)", worstWriter), worstWriter <= 200);
        }
    }

    /** Signs in through the login form; returns the session cookie ("JSESSIONID=…"). */
    private static String login(HttpClient http, String base, String password) throws IOException, InterruptedException {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).timeout(Duration.ofSeconds(120)).GET().build(), HttpResponse.BodyHandlers.ofString());
        String cookie = sessionCookie(page, null);
        String token = csrfToken(page.body());
        if (cookie == null || token == null) {
            throw new IllegalStateException("the login page gave no session or CSRF token");
        }
        String form = "username=admin&password=" + java.net.URLEncoder.encode(password, StandardCharsets.UTF_8)
                + "&_csrf=" + java.net.URLEncoder.encode(token, StandardCharsets.UTF_8);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).timeout(Duration.ofSeconds(120)).header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        String signedIn = sessionCookie(r, cookie);
        if (r.statusCode() != 302 || r.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("sign-in failed: HTTP " + r.statusCode());
        }
        return signedIn;
    }

    /**
     * The value of the form's {@code <input name="_csrf">} (or of {@code <meta name="_csrf" content>}), read with an
     * HTML parser (attoparser, the one Thymeleaf uses), not a regular expression.
     */
    static String csrfToken(String html) {
        String[] found = new String[1];
        try {
            new org.attoparser.MarkupParser(org.attoparser.config.ParseConfiguration.htmlConfiguration()).parse(html,
                    new org.attoparser.AbstractMarkupHandler() {
                        private final Map<String, String> attributes = new HashMap<>();

                        @Override
                        public void handleStandaloneElementStart(char[] b, int o, int l, boolean minimized, int line, int col) {
                            attributes.clear();
                        }

                        @Override
                        public void handleOpenElementStart(char[] b, int o, int l, int line, int col) {
                            attributes.clear();
                        }

                        @Override
                        public void handleAttribute(char[] b, int nameOffset, int nameLen, int nameLine, int nameCol,
                                int opOffset, int opLen, int opLine, int opCol, int valueContentOffset, int valueContentLen,
                                int valueOuterOffset, int valueOuterLen, int valueLine, int valueCol) {
                            attributes.put(new String(b, nameOffset, nameLen).toLowerCase(Locale.ROOT),
                                    new String(b, valueContentOffset, valueContentLen));
                        }

                        @Override
                        public void handleStandaloneElementEnd(char[] b, int o, int l, boolean minimized, int line, int col) {
                            take();
                        }

                        @Override
                        public void handleOpenElementEnd(char[] b, int o, int l, int line, int col) {
                            take();
                        }

                        private void take() {
                            if (found[0] == null && "_csrf".equals(attributes.get("name"))) {
                                found[0] = attributes.getOrDefault("value", attributes.get("content"));
                            }
                        }
                    });
        } catch (org.attoparser.ParseException e) {
            throw new IllegalStateException("the login page is not readable HTML: " + e.getMessage(), e);
        }
        return found[0];
    }

    /** The session cookie set by the response ("JSESSIONID=…"), read with {@link java.net.HttpCookie}. */
    private static String sessionCookie(HttpResponse<?> r, String otherwise) {
        for (String h : r.headers().allValues("Set-Cookie")) {
            for (java.net.HttpCookie c : java.net.HttpCookie.parse(h)) {
                if ("JSESSIONID".equals(c.getName())) {
                    return c.getName() + "=" + c.getValue();
                }
            }
        }
        return otherwise;
    }

    /** One thread per request list, each sending {@code each} requests back to back; sorted latencies (ns). */
    private static long[] load(ExecutorService pool, HttpClient http, List<HttpRequest> reqs, int each) throws Exception {
        List<Future<long[]>> fs = new ArrayList<>();
        for (HttpRequest req : reqs) {
            fs.add(pool.submit(() -> {
                long[] l = new long[each];
                for (int i = 0; i < each; i++) {
                    long s = System.nanoTime();
                    HttpResponse<byte[]> r = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
                    l[i] = System.nanoTime() - s;
                    if (r.statusCode() != 200) {
                        throw new IllegalStateException("HTTP " + r.statusCode() + " from " + req.uri());
                    }
                }
                return l;
            }));
        }
        long[] all = new long[reqs.size() * each];
        int k = 0;
        for (Future<long[]> f : fs) {
            for (long x : f.get()) {
                all[k++] = x;
            }
        }
        Arrays.sort(all);
        return all;
    }

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    /** The numerator of the commune's item in a /api/indicators/values answer (read with Jackson). */
    static double numerator(String json, String commune) {
        for (tools.jackson.databind.JsonNode item : JSON.readTree(json).findParents("unit_code")) {
            if (commune.equals(item.path("unit_code").asString()) && item.path("numerator").isNumber()) {
                return item.path("numerator").asDouble();
            }
        }
        throw new IllegalStateException("no value of commune " + commune + " in the answer");
    }

    /** A person as the exchange format's cells (what the edit form sends). */
    static Map<String, String> cells(Person p) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("household_id", p.householdId());
        m.put("commune_code", p.communeCode());
        m.put("village", s(p.village()));
        m.put("birth_date", p.birthDate());
        m.put("sex", p.sex() == null ? "" : p.sex().code());
        m.put("ethnicity", s(p.ethnicity()));
        m.put("residence", p.residence().code());
        m.put("disability", p.disability().code());
        m.put("enrolment", p.enrolment().code());
        m.put("grade", s(p.grade()));
        m.put("preschool_completed", s(p.preschoolCompleted()));
        m.put("primary_completed", s(p.primaryCompleted()));
        m.put("lower_secondary_diploma", s(p.lowerSecondaryDiploma()));
        m.put("upper_secondary_completed", s(p.upperSecondaryCompleted()));
        m.put("highest_grade_completed", s(p.highestGradeCompleted()));
        m.put("literacy_stage_completed", s(p.literacyStageCompleted()));
        m.put("employed", s(p.employed()));
        m.put("qualification", p.qualification() == null ? "" : p.qualification().code());
        m.put("digital_skills", p.digitalSkills() == null ? "" : p.digitalSkills().code());
        m.put("information_literacy", s(p.informationLiteracy()));
        m.put("life_skills", s(p.lifeSkills()));
        m.put("learning_citizen_year", s(p.learningCitizenYear()));
        return m;
    }

    private static String s(Object o) {
        return o == null ? "" : o.toString();
    }

    /**
     * The engine's start-up paths (issue 18, item 1), each a new engine on one data directory as a restarted platform
     * would be: loading the year from PostgreSQL (and saving its columns); reading the saved columns while the register
     * is unchanged; after 100 edits through the edit form's service, the columns saved again in the background and read
     * at the next start. Three years: {@link #threeYears}.
     */
    private void startUp(ConfigurableApplicationContext ctx, int year, Register register, RegisterStandards standards,
                         SqlQuery sql) throws Exception {
        var programs = ctx.getBeanProvider(vn.hoctap.analytics.core.RegisterPrograms.class);
        Path dataDir = Files.createTempDirectory("hoctap-bench-start-");
        try {
            java.util.function.Supplier<LiveRegisterEngine> start = () -> new LiveRegisterEngine(standards, programs, "columnar", "bench",
                    dataDir.toString(), true, 3_600_000);
            LiveRegisterEngine fromDb = start.get();
            long t = System.nanoTime();
            var loaded = fromDb.snapshot(year);
            double dbS = (System.nanoTime() - t) / 1e9;
            out.printf(Locale.ROOT, "engine start, year from PostgreSQL (columns saved after it): %,d residents in %.1f s%n", loaded.personsTotal(), dbS);
            row("engine start: a year from PostgreSQL", String.format(Locale.ROOT, "%.1f s", dbS), "");
            goal(GOAL_START_PG, String.format(Locale.ROOT, "%.2f s", dbS), null);

            LiveRegisterEngine unchanged = start.get();
            t = System.nanoTime();
            var read = unchanged.snapshot(year);
            double readS = (System.nanoTime() - t) / 1e9;
            if (unchanged.savedReads(year) != 1) {
                differences.add("the saved columns were not read at an unchanged start");
            }
            compare("start from the saved columns vs from PostgreSQL", sql.rows(loaded), sql.rows(read), sql);
            out.printf(Locale.ROOT, "engine start, register unchanged: saved columns read and counted in %.2f s%n", readS);
            row("engine start: a year from its saved columns (register unchanged)", String.format(Locale.ROOT, "%.2f s", readS), "≤ 5 s");
            goal(GOAL_START_SAVED, String.format(Locale.ROOT, "%.2f s", readS), readS <= 5);

            // 100 edits (the edit form's service), applied to the engine as the platform applies them after commit
            List<String> ids = jdbc(ctx).queryForList("select person_id from register_person where year = ? and employed and qualification = 'none'"
                    + " order by person_id limit 100", String.class, year);
            for (String id : ids) {
                Register.Entry entry = register.get(year, id);
                Map<String, String> cells = cells(entry.person());
                cells.put("qualification", "short_course");
                Register.Entry saved = register.update(year, id, cells, entry.version());
                fromDb.changed(new vn.hoctap.register.RegisterChanged(year, Set.of(saved.person().communeCode()),
                        List.of(new vn.hoctap.register.RegisterChanged.Change(entry.person(), saved.person()))));
            }
            t = System.nanoTime();
            boolean savedAfterEdits = fromDb.saveChangedYears();
            double saveS = (System.nanoTime() - t) / 1e9;
            LiveRegisterEngine afterEdits = start.get();
            t = System.nanoTime();
            var edited = afterEdits.snapshot(year);
            double editedS = (System.nanoTime() - t) / 1e9;
            if (!savedAfterEdits || afterEdits.savedReads(year) != 1) {
                differences.add("the columns saved after edits were not read at the next start");
            }
            compare("start after " + ids.size() + " edits: saved columns vs the engine that applied the edits",
                    sql.rows(fromDb.snapshot(year)), sql.rows(edited), sql);
            out.printf(Locale.ROOT, "engine start after %d edits: columns saved again in %.2f s (background), read and counted in %.2f s%n",
                    ids.size(), saveS, editedS);
            row("engine start: a year after " + ids.size() + " edits (columns saved again in the background)",
                    String.format(Locale.ROOT, "%.2f s (saving took %.2f s)", editedS, saveS), "≤ 5 s");
            // put the persons back, so that the rest of the bench counts the generated register
            for (String id : ids) {
                Register.Entry entry = register.get(year, id);
                Map<String, String> cells = cells(entry.person());
                cells.put("qualification", "none");
                register.update(year, id, cells, entry.version());
            }

        } finally {
            deleteTree(dataDir);
        }
    }

    /**
     * An engine start with three years of residents (issue 18: ≤ 10 s). The imported year is copied in PostgreSQL into
     * the two following years (one {@code insert … select} each, indexes maintained; these years have the same 126
     * communes), so the database really holds three years; then fresh engines on one new data folder start as the
     * platform does ({@link LiveRegisterEngine#loadYears}): the first reads every year from PostgreSQL and saves its
     * columns (the baseline), the next reads the three saved years one after another (as before issue 18) and the last
     * several at once (the platform now), timing the newest year's first answer (what the year's pages wait for) and
     * the last year loaded (what the dashboard's progress series wait for). Every start must count what the first did.
     * The two copies are removed afterwards.
     */
    private void threeYears(ConfigurableApplicationContext ctx, int year, RegisterStandards standards, SqlQuery sql) throws Exception {
        JdbcTemplate jdbc = jdbc(ctx);
        List<Integer> years = List.of(year, year + 1, year + 2);
        for (int y : years) {
            out.printf(Locale.ROOT, "units of %d: %d communes%s%n", y, standards.unitsFor(y).communeCount(),
                    y == year ? "" : codes(standards.unitsFor(y)).equals(codes(standards.unitsFor(year))) ? ", the same as " + year : ", OTHER than " + year);
        }
        String columns = String.join(", ", jdbc.queryForList("""
                select column_name from information_schema.columns
                where table_schema = current_schema() and table_name = 'register_person' order by ordinal_position""", String.class));
        String select = columns.replaceFirst("^year,", "?,");
        if (select.equals(columns)) {
            throw new IllegalStateException("register_person's first column is not year: " + columns);
        }
        Set<String> communes = new java.util.HashSet<>(codes(standards.unitsFor(year)));
        for (int y : years.subList(1, years.size())) {
            jdbc.update("delete from register_person where year = ?", y);
            long t = System.nanoTime();
            int copied = jdbc.update("insert into register_person (" + columns + ") select " + select + " from register_person where year = ?", y, year);
            jdbc.update("insert into commune_disadvantaged (year, code) select ?, code from commune_disadvantaged where year = ? on conflict do nothing", y, year);
            out.printf(Locale.ROOT, "register of %d copied as %d in PostgreSQL: %,d rows in %.1f s%n", year, y, copied, (System.nanoTime() - t) / 1e9);
            ctx.publishEvent(new vn.hoctap.register.RegisterChanged(y, communes));   // as an import: the years' list is read again
        }
        if (!standards.years().containsAll(years)) {
            throw new IllegalStateException("the register's years are " + standards.years() + ", not " + years);
        }
        var programs = ctx.getBeanProvider(vn.hoctap.analytics.core.RegisterPrograms.class);
        Path dataDir = Files.createTempDirectory("hoctap-bench-years-");
        int threads = Runtime.getRuntime().availableProcessors();
        try {
            Map<Integer, Map<String, long[]>> expected = new HashMap<>();
            // the saved-columns starts three times each, alternately (a few seconds each; one run of each was within
            // the noise of this shared machine): medians in the table and the goal, every value on its line
            Map<Integer, List<double[]>> savedStarts = new java.util.TreeMap<>();
            long[] perYear = {0};
            for (int parallel : new int[] {threads, 1, threads, 1, threads, 1, threads}) {
                boolean fromDb = expected.isEmpty();
                System.gc();   // the previous start's engine is garbage: each start begins on a collected heap
                LiveRegisterEngine e = new LiveRegisterEngine(standards, programs, "columnar", "bench", dataDir.toString(), true, 3_600_000);
                try {
                    long t = System.nanoTime();
                    var all = e.loadYears(parallel);
                    // a request for the newest year arriving at once (the year the pages open on): loads it or waits for it
                    e.standards(years.get(years.size() - 1));
                    double firstS = (System.nanoTime() - t) / 1e9;
                    all.get();
                    double allS = (System.nanoTime() - t) / 1e9;
                    long residents = 0;
                    int reads = 0;
                    for (int y : years) {
                        var r = e.snapshot(y);
                        if (r == null) {
                            differences.add("a fresh engine could not hold " + y);
                            continue;
                        }
                        residents += r.personsTotal();
                        reads += e.savedReads(y);
                        if (e.loads(y) != 1) {
                            differences.add(y + " loaded " + e.loads(y) + " times at one start");
                        }
                        if (fromDb) {
                            expected.put(y, sql.rows(r));
                        } else {
                            compare("start with three years, " + y + ": saved columns vs PostgreSQL", expected.get(y), sql.rows(r), sql);
                        }
                    }
                    if (fromDb) {
                        perYear[0] = residents / years.size();
                    }
                    String how = fromDb ? "from PostgreSQL, columns saved after each" : "from the saved columns";
                    String at = parallel == 1 ? "one year at a time" : parallel + " years at a time";
                    out.printf(Locale.ROOT, "engine start, three years %s (%,d residents, %d of 3 read from saved columns), %s: "
                            + "newest year answered after %.2f s, all three loaded after %.2f s%n", how, residents, reads, at, firstS, allS);
                    if (fromDb) {
                        row("engine start: three years " + how + ", " + at, String.format(Locale.ROOT,
                                "%.2f s (newest year answered after %.2f s)", allS, firstS), "");
                    } else {
                        savedStarts.computeIfAbsent(parallel, k -> new ArrayList<>()).add(new double[] {allS, firstS});
                    }
                    if (fromDb ? reads != 0 : reads != years.size()) {
                        differences.add("start with three years " + how + ": " + reads + " of 3 years read from saved columns");
                    }
                } finally {
                    e.stop();
                }
            }
            Map<Integer, double[]> medians = new java.util.TreeMap<>();
            savedStarts.forEach((parallel, runs) -> {
                double[] all = runs.stream().mapToDouble(r -> r[0]).sorted().toArray();
                double[] first = runs.stream().mapToDouble(r -> r[1]).sorted().toArray();
                medians.put(parallel, new double[] {all[all.length / 2], first[first.length / 2]});
                row("engine start: three years from the saved columns, " + (parallel == 1 ? "one year at a time" : parallel + " years at a time")
                        + ", median of " + runs.size(), String.format(Locale.ROOT, "%.2f s (newest year answered after %.2f s; all: %s)",
                        all[all.length / 2], first[first.length / 2],
                        String.join(", ", runs.stream().map(r -> String.format(Locale.ROOT, "%.2f", r[0])).toList())), "≤ 10 s");
            });
            double now = medians.get(threads)[0];
            goal(GOAL_START_THREE, String.format(Locale.ROOT, "%.2f s (median; %d × %,d residents, saved columns, %d years at a time; one at a time %.2f s)",
                    now, years.size(), perYear[0], threads,
                    medians.containsKey(1) ? medians.get(1)[0] : Double.NaN), now <= 10);
        } finally {
            deleteTree(dataDir);
            long t = System.nanoTime();
            int removed = jdbc.update("delete from register_person where year in (?, ?)", year + 1, year + 2);
            jdbc.update("delete from commune_disadvantaged where year in (?, ?)", year + 1, year + 2);
            for (int y : years.subList(1, years.size())) {
                ctx.publishEvent(new vn.hoctap.register.RegisterChanged(y, communes));
            }
            out.printf(Locale.ROOT, "the two copies removed again (%,d rows) in %.1f s%n", removed, (System.nanoTime() - t) / 1e9);
        }
    }

    private static List<String> codes(Units units) {
        return units.communes().stream().map(c -> c.code()).toList();
    }

    private static JdbcTemplate jdbc(ConfigurableApplicationContext ctx) {
        return ctx.getBean(JdbcTemplate.class);
    }

    private void compare(String what, Map<String, long[]> expected, Map<String, long[]> actual, SqlQuery sql) {
        String d = sql.firstDifference(expected, actual);
        out.println(what + ": " + (d == null ? "identical (" + expected.size() + " communes × " + sql.columns().size() + " counts)" : "DIFFERENT — " + d));
        if (d != null) {
            differences.add(what + ": " + d);
        }
    }

    private void row(String what, String value, String goal) {
        table.put(what, value + (goal.isEmpty() ? "" : "\t(goal " + goal + ")"));
    }

    private static String ms(double v) {
        return String.format(Locale.ROOT, "%.1f ms", v);
    }

    private int finish() {
        out.println();
        out.println("== summary (goals are printed, not asserted)");
        for (var e : table.entrySet()) {
            out.printf(Locale.ROOT, "  %-72s %s%n", e.getKey(), e.getValue());
        }
        Double engine2 = parseMs(table.get("full recompute, engine, 2 threads"));
        for (double[] r : ratios) {
            if (engine2 != null && engine2 > 0) {
                out.printf(Locale.ROOT, "  %-72s %.1f×%n", (r[1] == 1 ? "PostgreSQL" : "DuckDB") + " / engine (2 threads), same computation", r[0] / engine2);
            }
        }
        if (copyRate > 0 && firstImportRate > 0) {
            double r = firstImportRate / copyRate;
            goal(GOAL_IMPORT, String.format(Locale.ROOT, "%.2f in-process%s", r, httpImportRate > 0
                    ? String.format(Locale.ROOT, ", %.2f through HTTP (tus)", httpImportRate / copyRate) : ""), r >= 0.5);
        }
        if (copyRate > 0 && reImportRate > 0) {
            double r = reImportRate / copyRate;
            goal(GOAL_REIMPORT, String.format(Locale.ROOT, "%.2f in-process%s", r, httpReImportRate > 0
                    ? String.format(Locale.ROOT, ", %.2f through HTTP", httpReImportRate / copyRate) : ""), r >= 0.3);
        }
        goal(GOAL_EQUAL, differences.isEmpty() ? "yes" : "NO (" + differences.size() + " differences, below)", differences.isEmpty());
        out.println();
        out.println("== goals of issue 18 (measured in this run; printed, not asserted)");
        out.printf(Locale.ROOT, "  %-72s %-10s %s%n", "goal", "target", "measured");
        for (var g : GOALS.entrySet()) {
            var m = goals.get(g.getKey());
            String measured = m == null ? "not measured in this run" : m.getKey() + (m.getValue() == null ? "" : m.getValue() ? "  — met" : "  — NOT met");
            out.printf(Locale.ROOT, "  %-72s %-10s %s%n", g.getKey(), g.getValue(), measured);
        }
        if (!differences.isEmpty()) {
            out.println();
            out.println("RESULTS DIFFER — the engines do not agree:");
            differences.forEach(d -> out.println("  " + d));
            System.err.println("bench: RESULTS DIFFER (" + differences.size() + "): " + differences);
            return 1;
        }
        out.println("  all engines gave identical counts");
        return 0;
    }

    private static Double parseMs(String v) {
        if (v == null) {
            return null;
        }
        Matcher m = Pattern.compile("([0-9.]+) ms").matcher(v);
        return m.find() ? Double.parseDouble(m.group(1)) : null;
    }

    /** The generated register for the options, from the cache or generated into it. */
    private Path data(GeneratorOptions go) throws IOException {
        return generatedRegister(go, opts.dataDir, out);
    }

    /**
     * The generated register of the options in {@code dataDir/bench} (default $HOCTAP_DATA_DIR or ~/.hoctap), generated
     * into it the first time; shared by the bench parts.
     */
    public static Path generatedRegister(GeneratorOptions go, String dataDir, PrintStream out) throws IOException {
        String base = dataDir != null ? dataDir : System.getenv().getOrDefault("HOCTAP_DATA_DIR", System.getProperty("user.home") + "/.hoctap");
        Path dir = Path.of(base, "bench", "hanoi-" + go.year() + "-n" + go.persons() + "-s" + go.seed());
        if (Files.isRegularFile(dir.resolve("complete"))) {
            out.printf(Locale.ROOT, "generated register: cached in %s (%,d MB)%n", dir, Files.size(dir.resolve("persons.csv")) >> 20);
            return dir;
        }
        Files.createDirectories(dir.getParent());
        Path tmp = Files.createTempDirectory(dir.getParent(), "generating-");
        long t = System.nanoTime();
        SyntheticRegister.generate(go, tmp, ProgressListener.NONE);
        if (Files.exists(dir)) {
            deleteTree(dir);
        }
        Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
        Files.writeString(dir.resolve("complete"), "");
        out.printf(Locale.ROOT, "generated register: %,d persons in %.1f s, cached in %s (%,d MB)%n", go.persons(),
                (System.nanoTime() - t) / 1e9, dir, Files.size(dir.resolve("persons.csv")) >> 20);
        return dir;
    }

    private static String redact(String url) {
        return url.replaceAll("password=[^&]*", "password=…");
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (var walk = Files.walk(p)) {
            for (Path x : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(x);
            }
        }
    }
}
