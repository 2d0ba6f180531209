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
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The platform run as a separate JVM (child process) on its own data directory (embedded PostgreSQL) and a free port,
 * for the crash tests that kill it with SIGKILL and start it again on the same database (issue 11's register import,
 * issue 13's bank statement import). {@link #close()} stops what is still running (SIGTERM, then SIGKILL) and any
 * PostgreSQL a killed child left behind.
 */
public final class ChildPlatform implements AutoCloseable {

    /** Random per run, as a real installation's would be (never a fixed string in the code). */
    public final String adminPassword = randomPassword();
    public final Path dataDir;
    public final Path logFile;
    private final List<Process> started = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A fresh data directory under target/crash-test; the children's output goes to a log file beside it. */
    public ChildPlatform() throws IOException {
        Path work = workDir();
        dataDir = Files.createTempDirectory(work, "data-");
        logFile = work.resolve(dataDir.getFileName() + ".log");
    }

    public static Path workDir() throws IOException {
        Path work = Path.of("target", "crash-test").toAbsolutePath();
        Files.createDirectories(work);
        return work;
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Starts the platform (no demo data, only the administrator) on the given port and this data directory. */
    public Process start(int port) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx768m", "-cp", System.getProperty("java.class.path"),
                "vn.hoctap.HocTapApplication", "serve", "--server.port=" + port, "--hoctap.data-dir=" + dataDir,
                "--hoctap.demo=false", "--hoctap.admin.username=admin", "--hoctap.admin.password=" + adminPassword,
                "--hoctap.analytics.engine=streaming", "--spring.main.banner-mode=off");
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        Process p = pb.start();
        started.add(p);
        return p;
    }

    /** Starts the platform and waits until its health endpoint answers UP (at most 4 minutes). */
    public Process startAndAwait(int port) throws Exception {
        Process p = start(port);
        awaitUp(port, p);
        return p;
    }

    public void awaitUp(int port, Process p) throws Exception {
        long until = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (System.nanoTime() < until) {
            assertThat(p.isAlive()).as("the platform exited while starting (see " + logFile + ")").isTrue();
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

    /**
     * Kills the process with SIGKILL ({@link Process#destroyForcibly()} on Linux sends SIGKILL: the JVM runs no
     * shutdown hook) and checks that it died of it (exit status 128 + 9).
     */
    public static void kill(Process p) throws InterruptedException {
        p.destroyForcibly();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("killed by SIGKILL").isEqualTo(137);
    }

    /** A request as the administrator. */
    public HttpRequest.Builder api(int port, String path) {
        return api(port, path, "admin", adminPassword);
    }

    /** A request with HTTP Basic as the given user. */
    public HttpRequest.Builder api(int port, String path, String user, String password) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofMinutes(2))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    public HttpClient http() {
        return http;
    }

    /** Sends and requires a 2xx answer; returns its body. */
    public String send(HttpRequest r) throws Exception {
        HttpResponse<String> a = http.send(r, HttpResponse.BodyHandlers.ofString());
        assertThat(a.statusCode()).as(r.uri() + " → " + a.body()).isBetween(200, 299);
        return a.body();
    }

    /** A scalar field of a JSON answer (first occurrence), without its quotes. */
    public static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"?([^,\"}]*)").matcher(json);
        return m.find() ? m.group(1) : null;
    }

    /** A connection straight to the child's embedded PostgreSQL (its port is in postmaster.pid). */
    public Connection database() throws IOException, SQLException {
        List<String> pid = Files.readAllLines(dataDir.resolve("pgdata/postmaster.pid"));
        String url = "jdbc:postgresql://localhost:" + pid.get(3).strip() + "/postgres";
        return DriverManager.getConnection(url, "postgres", "");
    }

    @Override
    public void close() throws Exception {
        for (Process p : started) {
            if (p.isAlive()) {
                p.destroy();   // SIGTERM: Spring closes the context and stops its PostgreSQL
                if (!p.waitFor(60, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
        }
        // a PostgreSQL left by a killed child (there should be none after the graceful stop above)
        EmbeddedDatabaseConfiguration.stopOrphanedServer(dataDir.resolve("pgdata"));
    }

    /** 24 random hex characters from a SecureRandom: a password for a test account. */
    public static String randomPassword() {
        byte[] b = new byte[12];
        new java.security.SecureRandom().nextBytes(b);
        return java.util.HexFormat.of().formatHex(b);
    }
}
