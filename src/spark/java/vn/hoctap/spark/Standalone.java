package vn.hoctap.spark;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A Spark standalone cluster on this machine (docs/spark.md, "On a cluster"): one master and one worker, each in its
 * own JVM, started from a Spark home whose {@code jars/} holds Spark alone — what a Spark distribution's
 * {@code sbin/start-master.sh} and {@code sbin/start-worker.sh} start — and the {@code spark-submit} command line
 * ({@code org.apache.spark.deploy.SparkSubmit}) against it. No JVM of the cluster has a HọcTập class on its class
 * path: the executors (and, in cluster deploy mode, the driver) get them from the application jar ({@link AppJar}).
 *
 * <p>The Spark home is a real distribution's ({@code --spark-home}) or one assembled by {@link #assemble} from jars
 * resolved by Maven: {@code jars/} (links to them) and {@code conf/logback.xml}. The JVMs get the options Spark's
 * own launcher adds on Java 17 ({@code org.apache.spark.launcher.JavaModuleOptions}) and {@code SPARK_HOME},
 * {@code SPARK_SCALA_VERSION} and {@code SPARK_LOCAL_IP} as {@code bin/load-spark-env.sh} sets them; the worker
 * starts the executors itself, with the class path {@code $SPARK_HOME/jars/*}.
 */
public final class Standalone implements AutoCloseable {
    private final Process master;
    private final Process worker;
    private final String masterUrl;
    private final String webUi;
    private final Path sparkHome;
    private final Path workDir;

    private Standalone(Process master, Process worker, String masterUrl, String webUi, Path sparkHome, Path workDir) {
        this.master = master;
        this.worker = worker;
        this.masterUrl = masterUrl;
        this.webUi = webUi;
        this.sparkHome = sparkHome;
        this.workDir = workDir;
    }

    public String masterUrl() { return masterUrl; }

    public String webUi() { return webUi; }

    public Path workDir() { return workDir; }

    public Path sparkHome() { return sparkHome; }

    /**
     * Makes {@code home} a Spark home: {@code home/jars/} linked to {@code jars} (replacing any earlier links) and
     * {@code home/conf/logback.xml} (INFO to the console, which the daemons' log files and the executors' stderr get).
     */
    public static Path assemble(Path home, List<Path> jars) throws IOException {
        Path dir = home.resolve("jars");
        Files.createDirectories(dir);
        try (Stream<Path> old = Files.list(dir)) {
            for (Path p : (Iterable<Path>) old::iterator) Files.delete(p);
        }
        for (Path jar : jars) {
            if (!jar.toString().endsWith(".jar")) {
                throw new IllegalArgumentException("not a jar (a Spark home holds jars only): " + jar);
            }
            Path link = dir.resolve(jar.getFileName().toString());
            if (Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                throw new IllegalArgumentException("two jars named " + jar.getFileName());
            }
            Files.createSymbolicLink(link, jar.toAbsolutePath());
        }
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf/logback.xml"), """
                <configuration>
                  <appender name="console" class="ch.qos.logback.core.ConsoleAppender">
                    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{36} - %msg%n</pattern></encoder>
                  </appender>
                  <logger name="org.sparkproject.jetty" level="WARN"/>
                  <logger name="io.netty" level="WARN"/>
                  <root level="INFO"><appender-ref ref="console"/></root>
                </configuration>
                """, StandardCharsets.UTF_8);
        return home;
    }

    /** The jars of a class path file (target/spark-dist-classpath.txt): its entries, in order. */
    public static List<Path> classPathFile(Path file) throws IOException {
        List<Path> jars = new ArrayList<>();
        for (String s : Files.readString(file, StandardCharsets.UTF_8).trim().split(java.io.File.pathSeparator)) {
            if (!s.isBlank()) jars.add(Path.of(s));
        }
        return jars;
    }

    /** A command for a JVM of the cluster (or spark-submit): java, heap, the Java 17 options, Spark's class path, main class. */
    static List<String> java(Path sparkHome, String heap, String mainClass, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx" + heap);
        cmd.addAll(Arrays.asList(org.apache.spark.launcher.JavaModuleOptions.defaultModuleOptionArray()));
        cmd.add("-Dfile.encoding=UTF-8");
        cmd.add("-Dstdout.encoding=UTF-8");
        cmd.add("-cp");
        cmd.add(sparkHome.resolve("conf") + java.io.File.pathSeparator + sparkHome.resolve("jars") + java.io.File.separator + "*");
        cmd.add(mainClass);
        cmd.addAll(args);
        return cmd;
    }

    /** The environment of a Spark JVM, as bin/load-spark-env.sh would set it. */
    static void environment(Map<String, String> env, Path sparkHome, String host) {
        env.put("SPARK_HOME", sparkHome.toAbsolutePath().toString());
        env.put("SPARK_SCALA_VERSION", "2.13");
        if (host != null) env.put("SPARK_LOCAL_IP", host);
    }

    /**
     * Starts a master on {@code host:port} (web UI on {@code webUiPort}) and one worker of {@code cores} cores and
     * {@code memory} (e.g. "4g") for executors, and waits until the worker has registered with the master. Their
     * logs: {@code logDir/master.log}, {@code logDir/worker.log}; the executors' output: under {@code workDir}.
     */
    public static Standalone start(Path sparkHome, String host, int port, int webUiPort, int cores, String memory, Path logDir,
                                   Path workDir, Duration timeout) throws IOException, InterruptedException {
        Files.createDirectories(logDir);
        Files.createDirectories(workDir);
        String url = "spark://" + host + ":" + port;
        Process master = launch(sparkHome, host, logDir.resolve("master.log"), java(sparkHome, "1g", "org.apache.spark.deploy.master.Master",
                List.of("--host", host, "--port", Integer.toString(port), "--webui-port", Integer.toString(webUiPort))));
        Process worker = null;
        Standalone cluster = null;
        try {
            int workerUi = freePort();
            worker = launch(sparkHome, host, logDir.resolve("worker.log"), java(sparkHome, "1g", "org.apache.spark.deploy.worker.Worker",
                    List.of("--host", host, "--webui-port", Integer.toString(workerUi), "--cores", Integer.toString(cores),
                            "--memory", memory, "--work-dir", workDir.toAbsolutePath().toString(), url)));
            cluster = new Standalone(master, worker, url, "http://" + host + ":" + webUiPort, sparkHome, workDir);
            cluster.awaitWorker(timeout, logDir);
            return cluster;
        } catch (IOException | InterruptedException | RuntimeException e) {
            if (cluster != null) cluster.close();
            else {
                if (worker != null) stop(worker);
                stop(master);
            }
            throw e;
        }
    }

    private static Process launch(Path sparkHome, String host, Path log, List<String> cmd) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        environment(pb.environment(), sparkHome, host);
        return pb.start();
    }

    private static final Pattern ALIVE = Pattern.compile("\"aliveworkers\"\\s*:\\s*(\\d+)");

    /** Alive workers as the master's web UI reports them ({@code /json}); -1 while it does not answer. */
    public int aliveWorkers() {
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(webUi + "/json/")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher m = ALIVE.matcher(r.body());
            return r.statusCode() == 200 && m.find() ? Integer.parseInt(m.group(1)) : -1;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private void awaitWorker(Duration timeout, Path logDir) throws InterruptedException, IOException {
        long end = System.nanoTime() + timeout.toNanos();
        while (aliveWorkers() < 1) {
            if (!master.isAlive() || !worker.isAlive() || System.nanoTime() > end) {
                String why = !master.isAlive() ? "the master stopped (exit " + master.exitValue() + ")"
                        : !worker.isAlive() ? "the worker stopped (exit " + worker.exitValue() + ")" : "no worker registered in " + timeout;
                throw new IOException(why + "; logs: " + logDir.resolve("master.log") + ", " + logDir.resolve("worker.log"));
            }
            Thread.sleep(250);
        }
    }

    /** True while both JVMs run. */
    public boolean alive() { return master.isAlive() && worker.isAlive(); }

    /** Waits until the master or the worker stops. */
    public void awaitExit() throws InterruptedException {
        while (alive()) Thread.sleep(1000);
    }

    /** Stops the worker (which stops its executors) and then the master. */
    @Override
    public void close() {
        stop(worker);
        stop(master);
    }

    private static void stop(Process p) {
        p.destroy();
        try {
            if (!p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The {@code spark-submit} command: {@code org.apache.spark.deploy.SparkSubmit} in a JVM on the Spark home's class
     * path, its heap the driver's memory (as Spark's launcher does in client deploy mode), then {@code args} (the
     * spark-submit options, the application jar and the application's own arguments).
     */
    public static ProcessBuilder submit(Path sparkHome, String host, String driverMemory, List<String> args) {
        ProcessBuilder pb = new ProcessBuilder(java(sparkHome, driverMemory, "org.apache.spark.deploy.SparkSubmit", args));
        environment(pb.environment(), sparkHome, host);
        return pb;
    }

    /** A TCP port free at the time of asking. */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
