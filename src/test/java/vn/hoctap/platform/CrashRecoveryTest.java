package vn.hoctap.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import vn.hoctap.synthetic.GeneratorOptions;
import vn.hoctap.synthetic.ProgressListener;
import vn.hoctap.synthetic.Structure;
import vn.hoctap.synthetic.SyntheticRegister;

/**
 * Issue 11 crash test: the platform, started as a child process on its own data directory and port, is killed with
 * SIGKILL in the middle of a register import (a generated register sent through the API) and started again: the
 * year's register is exactly what it was before the import (same rows, compared by a digest of every row read
 * straight from the embedded PostgreSQL), the import is not recorded, and its job shows as failed (interrupted).
 */
class CrashRecoveryTest {

    private static final String PASSWORD = "crash-test-" + Long.toHexString(System.nanoTime());
    private final List<Process> started = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Path dataDir;

    @AfterEach
    void stopChildren() throws Exception {
        for (Process p : started) {
            if (p.isAlive()) {
                p.destroy();   // SIGTERM: Spring closes the context and stops its PostgreSQL
                if (!p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
        }
        if (dataDir != null) {
            // a PostgreSQL left by a killed child (there should be none after the graceful stop above)
            EmbeddedDatabaseConfiguration.stopOrphanedServer(dataDir.resolve("pgdata"));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private Process start(int port, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx768m", "-cp", System.getProperty("java.class.path"),
                "vn.hoctap.HocTapApplication", "serve", "--server.port=" + port, "--hoctap.data-dir=" + dataDir,
                "--hoctap.demo=false", "--hoctap.admin.username=admin", "--hoctap.admin.password=" + PASSWORD,
                "--hoctap.analytics.engine=streaming", "--spring.main.banner-mode=off");
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Process p = pb.start();
        started.add(p);
        return p;
    }

    private void awaitUp(int port, Process p) throws Exception {
        long until = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (System.nanoTime() < until) {
            assertThat(p.isAlive()).as("the platform exited while starting (see target/crash-test/*.log)").isTrue();
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("UP")) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the platform did not start within 4 minutes");
    }

    private HttpRequest.Builder api(int port, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofMinutes(2))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }

    private String send(HttpRequest r) throws Exception {
        HttpResponse<String> a = http.send(r, HttpResponse.BodyHandlers.ofString());
        assertThat(a.statusCode()).as(r.uri() + " → " + a.body()).isBetween(200, 299);
        return a.body();
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"?([^,\"}]*)").matcher(json);
        return m.find() ? m.group(1) : null;
    }

    /** Every row of the year's register, digested, read straight from the child's PostgreSQL (port in postmaster.pid). */
    private String registerDigest(int year) throws Exception {
        List<String> pid = Files.readAllLines(dataDir.resolve("pgdata/postmaster.pid"));
        String url = "jdbc:postgresql://localhost:" + pid.get(3).strip() + "/postgres";
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
             ResultSet rs = c.createStatement().executeQuery("""
                     select count(*) || ':' || coalesce(md5(string_agg(to_jsonb(r)::text, '|' order by person_id)), '')
                     from register_person r where year = """ + year)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void killedDuringAnImportTheRegisterIsAsBeforeAndTheImportShowsFailed() throws Exception {
        Path work = Path.of("target", "crash-test").toAbsolutePath();
        Files.createDirectories(work);
        dataDir = Files.createTempDirectory(work, "data-");
        Path logFile = work.resolve(dataDir.getFileName() + ".log");
        Path base = work.resolve("base-" + dataDir.getFileName());
        Path big = work.resolve("big-" + dataDir.getFileName());
        SyntheticRegister.generate(GeneratorOptions.of(3_000, 1, Structure.HANOI_2025), base, ProgressListener.NONE);
        SyntheticRegister.generate(GeneratorOptions.of(400_000, 2, Structure.HANOI_2025), big, ProgressListener.NONE);

        int port = freePort();
        Process first = start(port, logFile);
        awaitUp(port, first);
        String baseJob = send(api(port, "/api/register/imports?year=2025&fileName=base.csv")
                .POST(HttpRequest.BodyPublishers.ofFile(base.resolve("persons.csv"))).build());
        String baseId = field(baseJob, "id");
        for (int i = 0; i < 600 && !"DONE".equals(field(send(api(port, "/api/register/import-jobs/" + baseId).GET().build()), "state")); i++) {
            Thread.sleep(100);
        }
        String before = registerDigest(2025);
        assertThat(before).startsWith("3000:");

        String bigJob = send(api(port, "/api/register/imports?year=2025&fileName=big.csv")
                .POST(HttpRequest.BodyPublishers.ofFile(big.resolve("persons.csv"))).build());
        String bigId = field(bigJob, "id");
        // wait until the import is well under way (reading, checking and COPYing inside its transaction)
        long rows = 0;
        for (int i = 0; i < 1200 && rows < 60_000; i++) {
            String job = send(api(port, "/api/register/import-jobs/" + bigId).GET().build());
            assertThat(field(job, "state")).isIn("QUEUED", "CONVERTING", "CHECKING", "SAVING");
            rows = Long.parseLong(field(job, "rows"));
            Thread.sleep(50);
        }
        assertThat(rows).isGreaterThanOrEqualTo(60_000).isLessThan(400_000);
        first.destroyForcibly();   // SIGKILL
        assertThat(first.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(first.exitValue()).isEqualTo(137);

        int port2 = freePort();
        Process second = start(port2, logFile);
        awaitUp(port2, second);
        assertThat(registerDigest(2025)).isEqualTo(before);
        String job = send(api(port2, "/api/register/import-jobs/" + bigId).GET().build());
        assertThat(field(job, "state")).isEqualTo("FAILED");
        assertThat(field(job, "failure")).isEqualTo("register.import.interrupted");
        String imports = send(api(port2, "/api/register/imports?year=2025").GET().build());
        assertThat(imports).contains("base.csv").doesNotContain("big.csv");
        // and the platform still imports: the same file now goes through whole
        String again = send(api(port2, "/api/register/imports?year=2025&fileName=base.csv")
                .POST(HttpRequest.BodyPublishers.ofFile(base.resolve("persons.csv"))).build());
        assertThat(field(again, "state")).isIn("QUEUED", "CHECKING", "SAVING", "DONE");
    }
}
