package vn.hoctap.cli;

import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.hoctap.units.core.HanoiReferenceData;
import vn.hoctap.units.core.UnitLevel;
import vn.hoctap.units.core.UnitVersion;

/**
 * {@code bin/hoctap soak}: load and abuse against a running platform. {@code --clients} clients (64) for
 * {@code --seconds} (60) mix reads (pages and API), register edits, register imports and wrong sign-ins (from other
 * addresses, through {@code X-Forwarded-For} as a proxy would send them), then recount what was written: an edit
 * acknowledged but not in the register, or an import acknowledged but not whole (a commune's persons of two files,
 * or the wrong number), is a lost or half-applied write. Prints requests, errors, p50/p99 per kind and the lost
 * writes; exit 0 only when there is no error and no lost write. It writes to data years of its own ({@code --year},
 * default next year, for imports; the year before it for edits): run it on a test installation.
 */
public final class SoakCommand {

    private SoakCommand() {
    }

    enum Kind { READ, EDIT, IMPORT, WRONG_LOGIN }

    private static final class Stats {
        final Map<Kind, List<Long>> nanos = new ConcurrentHashMap<>();
        final Map<Kind, AtomicLong> errors = new ConcurrentHashMap<>();
        final Map<String, AtomicLong> errorSamples = new ConcurrentHashMap<>();

        void record(Kind k, long ns) {
            nanos.computeIfAbsent(k, x -> java.util.Collections.synchronizedList(new ArrayList<>())).add(ns);
        }

        void error(Kind k, String what) {
            errors.computeIfAbsent(k, x -> new AtomicLong()).incrementAndGet();
            if (errorSamples.size() < 20) {
                errorSamples.computeIfAbsent(what, x -> new AtomicLong()).incrementAndGet();
            }
        }
    }

    private record Target(String base, String auth, HttpClient http) {
        HttpRequest.Builder req(String path) {
            return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(2)).header("Authorization", auth);
        }
    }

    /** The options, parsed by picocli. */
    @picocli.CommandLine.Command(name = "soak", sortOptions = false, description = {
            "Thử tải và tấn công một nền tảng đang chạy (chỉ dùng trên bản thử).",
            "Load and abuse against a running platform (a test installation)."})
    static final class Options implements java.util.concurrent.Callable<Integer> {
        @picocli.CommandLine.Option(names = "--password", paramLabel = "P", description = "mật khẩu / password (HOCTAP_ADMIN_PASSWORD)")
        String password = System.getenv().getOrDefault("HOCTAP_ADMIN_PASSWORD", "");
        @picocli.CommandLine.Option(names = "--url", paramLabel = "URL", description = "mặc định / default: ${DEFAULT-VALUE}")
        String url = "http://localhost:" + System.getenv().getOrDefault("PORT", "8080");
        @picocli.CommandLine.Option(names = "--user", paramLabel = "U", description = "mặc định / default: ${DEFAULT-VALUE}")
        String user = "admin";
        @picocli.CommandLine.Option(names = "--seconds", description = "mặc định / default: ${DEFAULT-VALUE}")
        int seconds = 60;
        @picocli.CommandLine.Option(names = "--clients", description = "≥ 8, mặc định / default: ${DEFAULT-VALUE}")
        int clients = 64;
        @picocli.CommandLine.Option(names = "--year", paramLabel = "Y", description = "mặc định / default: ${DEFAULT-VALUE}")
        int year = LocalDate.now().getYear() + 1;
        @picocli.CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "hướng dẫn / this help")
        boolean help;

        private final PrintStream out;
        private final PrintStream err;

        Options(PrintStream out, PrintStream err) {
            this.out = out;
            this.err = err;
        }

        @Override
        public Integer call() {
            return soak(this, out, err);
        }
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        return vn.hoctap.platform.CommandLines.execute(new Options(out, err), args, out, err);
    }

    static int soak(Options o, PrintStream out, PrintStream err) {
        String url = o.url;
        String user = o.user;
        String password = o.password;
        int seconds = o.seconds;
        int clients = o.clients;
        int year = o.year;
        if (password.isEmpty() || clients < 8 || seconds < 1) {
            err.println("Cách dùng / usage: bin/hoctap soak --password P [--url URL] [--user admin] [--seconds 60] [--clients 64] [--year Y]");
            return 2;
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).executor(Executors.newFixedThreadPool(8)).build();
        Target t = new Target(url, "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)), http);
        List<String> communes = HanoiReferenceData.load().unitsOn(LocalDate.of(2025, 7, 1)).stream()
                .filter(u -> u.level() == UnitLevel.COMMUNE).map(UnitVersion::code).sorted().toList();
        int importers = Math.max(2, clients / 16);
        int editors = Math.max(2, clients / 5);
        int attackers = Math.max(2, clients / 8);
        int readers = clients - importers - editors - attackers;
        String editCommune = communes.get(communes.size() - 1);
        int editYear = year - 1;
        Stats stats = new Stats();
        try {
            // setup: the editors' persons, five each, in the edit year
            StringBuilder base = new StringBuilder("person_id,household_id,commune_code,village,birth_date,sex\n");
            for (int e = 0; e < editors; e++) {
                for (int i = 0; i < 5; i++) {
                    base.append("SOAK-E").append(e).append('-').append(i).append(",SOAK-H").append(e).append(',').append(editCommune)
                            .append(",Tổ 1,").append(1970 + i).append(',').append(i % 2 == 0 ? 'M' : 'F').append('\n');
                }
            }
            String setup = importFile(t, editYear, "soak-setup.csv", base.toString(), null);
            if (!"DONE".equals(setup)) {
                err.println("Không chuẩn bị được dữ liệu thử / setup import failed: " + setup);
                return 1;
            }
        } catch (Exception e) {
            err.println("Không kết nối được / cannot reach " + url + ": " + e);
            return 1;
        }
        Map<String, String> lastVillage = new ConcurrentHashMap<>();
        Map<String, int[]> lastImport = new ConcurrentHashMap<>();   // commune -> {generation, persons}
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> running = new ArrayList<>();
        out.printf(Locale.ROOT, "soak: %d clients (%d reads, %d edits, %d imports, %d wrong sign-ins) for %d s against %s%n",
                clients, readers, editors, importers, attackers, seconds, url);
        for (int c = 0; c < readers; c++) {
            running.add(pool.submit(() -> reads(t, editYear, editCommune, end, stats)));
        }
        for (int c = 0; c < editors; c++) {
            int e = c;
            running.add(pool.submit(() -> edits(t, editYear, editCommune, e, end, stats, lastVillage)));
        }
        for (int c = 0; c < importers; c++) {
            String commune = communes.get(c);
            running.add(pool.submit(() -> imports(t, year, commune, end, stats, lastImport)));
        }
        for (int c = 0; c < attackers; c++) {
            int a = c;
            running.add(pool.submit(() -> wrongLogins(t, a, end, stats)));
        }
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (Exception e) {
                stats.error(Kind.READ, "client crashed: " + e.getClass().getSimpleName());
            }
        }
        pool.shutdown();
        long lost = 0;
        List<String> lostSamples = new ArrayList<>();
        try {
            // recount: every acknowledged edit is in the register, every acknowledged import is whole
            Map<String, String> villages = exportColumn(t, editYear, editCommune, "village");
            for (var e : lastVillage.entrySet()) {
                if (!e.getValue().equals(villages.get(e.getKey()))) {
                    lost++;
                    lostSamples.add("edit " + e.getKey() + ": expected " + e.getValue() + ", found " + villages.get(e.getKey()));
                }
            }
            for (var e : lastImport.entrySet()) {
                Map<String, String> households = exportColumn(t, year, e.getKey(), "household_id");
                long wrongGeneration = households.values().stream().filter(h -> !h.startsWith("SOAK-G" + e.getValue()[0] + "-")).count();
                if (wrongGeneration > 0 || households.size() != e.getValue()[1]) {
                    lost++;
                    lostSamples.add("import " + e.getKey() + ": expected generation " + e.getValue()[0] + " with " + e.getValue()[1]
                            + " persons, found " + households.size() + " persons, " + wrongGeneration + " of another file");
                }
            }
        } catch (Exception e) {
            err.println("Không đếm lại được / recount failed: " + e);
            return 1;
        }
        long total = 0;
        long errors = 0;
        List<Long> all = new ArrayList<>();
        for (Kind k : Kind.values()) {
            List<Long> ns = new ArrayList<>(stats.nanos.getOrDefault(k, List.of()));
            long errs = stats.errors.getOrDefault(k, new AtomicLong()).get();
            total += ns.size();
            errors += errs;
            all.addAll(ns);
            out.printf(Locale.ROOT, "  %-12s requests %7d  errors %4d  p50 %8.1f ms  p99 %8.1f ms%n", k.name().toLowerCase(Locale.ROOT),
                    ns.size(), errs, pct(ns, 50), pct(ns, 99));
        }
        out.printf(Locale.ROOT, "  %-12s requests %7d  errors %4d  p50 %8.1f ms  p99 %8.1f ms  (%.0f requests/s)%n", "all", total, errors,
                pct(all, 50), pct(all, 99), total / (double) seconds);
        out.printf(Locale.ROOT, "  edits acknowledged: %d persons checked; imports acknowledged: %d communes checked%n",
                lastVillage.size(), lastImport.size());
        out.printf(Locale.ROOT, "  lost or half-applied writes: %d%n", lost);
        stats.errorSamples.forEach((k, v) -> out.println("  error: " + k + " ×" + v));
        lostSamples.stream().limit(10).forEach(s -> out.println("  lost: " + s));
        return errors == 0 && lost == 0 ? 0 : 1;
    }

    private static double pct(List<Long> ns, int p) {
        if (ns.isEmpty()) {
            return 0;
        }
        List<Long> s = new ArrayList<>(ns);
        java.util.Collections.sort(s);
        return s.get(Math.min(s.size() - 1, (int) Math.ceil(p / 100.0 * s.size()) - 1)) / 1e6;
    }

    private static HttpResponse<String> timed(Target t, HttpRequest r, Kind k, Stats stats) throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<String> a = t.http().send(r, HttpResponse.BodyHandlers.ofString());
        stats.record(k, System.nanoTime() - t0);
        return a;
    }

    private static void reads(Target t, int year, String commune, long end, Stats stats) {
        String[] paths = {"/api/units/" + commune, "/api/standards?year=" + year, "/register?year=" + year + "&commune=" + commune,
                "/api/targets", "/dashboard", "/units"};
        while (System.nanoTime() < end) {
            String p = paths[ThreadLocalRandom.current().nextInt(paths.length)];
            try {
                HttpResponse<String> a = timed(t, t.req(p).GET().build(), Kind.READ, stats);
                if (a.statusCode() != 200) {
                    stats.error(Kind.READ, "GET " + p.replaceAll("\\?.*", "") + " → " + a.statusCode());
                }
            } catch (Exception e) {
                stats.error(Kind.READ, "GET " + p.replaceAll("\\?.*", "") + ": " + e.getClass().getSimpleName());
            }
        }
    }

    private static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"(\\d+)\"");
    private static final Pattern VILLAGE = Pattern.compile("name=\"village\"[^>]*value=\"([^\"]*)\"|value=\"([^\"]*)\"[^>]*name=\"village\"");

    private static void edits(Target t, int year, String commune, int editor, long end, Stats stats, Map<String, String> last) {
        int n = 0;
        while (System.nanoTime() < end) {
            String person = "SOAK-E" + editor + "-" + (n % 5);
            String village = "Tổ soak " + editor + "." + n;
            n++;
            try {
                HttpResponse<String> page = timed(t, t.req("/register/" + year + "/" + person).GET().build(), Kind.READ, stats);
                Matcher v = VERSION.matcher(page.body());
                if (page.statusCode() != 200 || !v.find()) {
                    stats.error(Kind.EDIT, "edit page → " + page.statusCode());
                    continue;
                }
                Map<String, String> form = new HashMap<>();
                form.put("version", v.group(1));
                form.put("household_id", "SOAK-H" + editor);
                form.put("commune_code", commune);
                form.put("village", village);
                form.put("birth_date", String.valueOf(1970 + (n - 1) % 5));
                form.put("sex", (n - 1) % 5 % 2 == 0 ? "M" : "F");
                StringBuilder body = new StringBuilder();
                form.forEach((k, val) -> body.append(body.length() == 0 ? "" : "&").append(k).append('=')
                        .append(URLEncoder.encode(val, StandardCharsets.UTF_8)));
                HttpResponse<String> saved = timed(t, t.req("/register/" + year + "/" + person)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), Kind.EDIT, stats);
                if (saved.statusCode() != 302) {
                    stats.error(Kind.EDIT, "POST edit → " + saved.statusCode());
                    continue;
                }
                // acknowledged: read it back (the version moved on and the value is ours)
                HttpResponse<String> check = timed(t, t.req("/register/" + year + "/" + person).GET().build(), Kind.READ, stats);
                Matcher cv = VERSION.matcher(check.body());
                if (cv.find() && Integer.parseInt(cv.group(1)) == Integer.parseInt(v.group(1)) + 1) {
                    last.put(person, village);
                } else {
                    stats.error(Kind.EDIT, "edit acknowledged but not visible");
                }
            } catch (Exception e) {
                stats.error(Kind.EDIT, "edit: " + e.getClass().getSimpleName());
            }
        }
    }

    private static void imports(Target t, int year, String commune, long end, Stats stats, Map<String, int[]> last) {
        int generation = 0;
        while (System.nanoTime() < end) {
            generation++;
            int persons = 200 + ThreadLocalRandom.current().nextInt(800);
            StringBuilder csv = new StringBuilder("person_id,household_id,commune_code,village,birth_date,sex\n");
            for (int i = 0; i < persons; i++) {
                // ids overlap from file to file (updates), some disappear (deletes), some are new (inserts)
                csv.append("SOAK-").append(commune).append('-').append(i + generation % 3 * 50).append(",SOAK-G").append(generation)
                        .append('-').append(i / 4).append(',').append(commune).append(",Tổ ").append(i % 7).append(',')
                        .append(1940 + i % 80).append(',').append(i % 2 == 0 ? 'M' : 'F').append('\n');
            }
            try {
                long t0 = System.nanoTime();
                String state = importFile(t, year, "soak-" + commune + "-" + generation + ".csv", csv.toString(), stats);
                stats.record(Kind.IMPORT, System.nanoTime() - t0);
                if ("DONE".equals(state)) {
                    last.put(commune, new int[] {generation, persons});
                } else {
                    stats.error(Kind.IMPORT, "import " + state);
                }
            } catch (Exception e) {
                stats.error(Kind.IMPORT, "import: " + e.getClass().getSimpleName());
            }
        }
    }

    /** Sends a file through the import API and waits for its job; returns the final state (or an error text). */
    private static String importFile(Target t, int year, String name, String csv, Stats stats) throws Exception {
        HttpResponse<String> started = t.http().send(t.req("/api/register/imports?year=" + year + "&fileName=" + name)
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(csv)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (started.statusCode() != 202) {
            return "HTTP " + started.statusCode() + " " + started.body();
        }
        Matcher id = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(started.body());
        if (!id.find()) {
            return "no job id";
        }
        for (int i = 0; i < 6000; i++) {
            HttpResponse<String> job = t.http().send(t.req("/api/register/import-jobs/" + id.group(1)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher s = Pattern.compile("\"state\":\"([A-Z]+)\"").matcher(job.body());
            if (s.find() && (s.group(1).equals("DONE") || s.group(1).equals("FAILED"))) {
                return s.group(1).equals("DONE") ? "DONE" : "FAILED " + job.body();
            }
            Thread.sleep(100);
        }
        return "still running";
    }

    private static void wrongLogins(Target t, int attacker, long end, Stats stats) {
        int n = 0;
        while (System.nanoTime() < end) {
            String user = "soak-nobody-" + attacker + "-" + (n++ % 3);
            HttpRequest r = HttpRequest.newBuilder(URI.create(t.base() + "/api/units/00004")).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":wrong").getBytes(StandardCharsets.UTF_8)))
                    // from another address, as a TLS proxy in front of the platform would say
                    .header("X-Forwarded-For", "198.51.100." + (attacker + 1)).GET().build();
            try {
                HttpResponse<String> a = timed(t, r, Kind.WRONG_LOGIN, stats);
                if (a.statusCode() != 401 && a.statusCode() != 429) {
                    stats.error(Kind.WRONG_LOGIN, "wrong password answered " + a.statusCode());
                }
                if (a.statusCode() == 429) {
                    Thread.sleep(200);
                }
            } catch (Exception e) {
                stats.error(Kind.WRONG_LOGIN, "wrong login: " + e.getClass().getSimpleName());
            }
        }
    }

    /** person_id → the value of one column, from the register export of a commune. */
    private static Map<String, String> exportColumn(Target t, int year, String commune, String column) throws Exception {
        HttpResponse<String> a = t.http().send(t.req("/register/export?year=" + year + "&commune=" + commune).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (a.statusCode() != 200) {
            throw new IllegalStateException("export " + commune + " → " + a.statusCode());
        }
        List<String> lines = a.body().lines().toList();
        List<String> header = List.of(lines.get(0).split(","));
        int idx = header.indexOf(column);
        Map<String, String> out = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);   // the soak's own values hold no comma or quote
            out.put(cells[0], cells[idx]);
        }
        return out;
    }
}
