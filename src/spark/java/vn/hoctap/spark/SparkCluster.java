package vn.hoctap.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bin/hoctap spark package | standalone | submit} (docs/spark.md, "On a cluster"): the application jar for
 * {@code spark-submit}, a Spark standalone cluster on this machine (one master, one worker) and {@code spark-submit}
 * against a cluster, all from Spark's jars in the local Maven repository (no Spark distribution needed), or from a
 * distribution given by {@code --spark-home}. Defaults are under the project folder ({@code -Dhoctap.home}, set by
 * bin/hoctap): target/hoctap-spark-app.jar, target/spark-home (assembled from target/spark-dist-classpath.txt, written
 * by {@code mvn -f src/spark/cluster/pom.xml generate-resources}: Spark alone, no HọcTập class).
 */
final class SparkCluster {
    private SparkCluster() {
    }

    static Path home() {
        return Path.of(System.getProperty("hoctap.home", ".")).toAbsolutePath().normalize();
    }

    static Path defaultJar() {
        return home().resolve("target/hoctap-spark-app.jar");
    }

    /** The given distribution, or target/spark-home assembled from target/spark-dist-classpath.txt; null (and a message) if neither. */
    static Path sparkHome(Path given) throws IOException {
        if (given != null) {
            if (!Files.isDirectory(given.resolve("jars"))) {
                System.err.println("no jars/ folder in " + given + " (not a Spark distribution) / không phải thư mục Spark");
                return null;
            }
            return given.toAbsolutePath();
        }
        Path cp = home().resolve("target/spark-dist-classpath.txt");
        if (!Files.isRegularFile(cp)) {
            System.err.println("missing " + cp + ": run mvn -o -q -f src/spark/cluster/pom.xml generate-resources (bin/hoctap does) / thiếu tệp class path của Spark");
            return null;
        }
        return Standalone.assemble(home().resolve("target/spark-home"), Standalone.classPathFile(cp));
    }

    /** {@code spark package}. */
    @Command(name = "package", sortOptions = false, description = {
            "Đóng gói jar ứng dụng cho spark-submit (lớp HọcTập, picocli, Jackson 3; không có Spark).",
            "Build the application jar for spark-submit (HọcTập's classes, picocli, Jackson 3; no Spark)."})
    static final class Package implements Callable<Integer> {
        @Option(names = "--out", paramLabel = "FILE", description = "default target/hoctap-spark-app.jar")
        Path out;
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "this help / hướng dẫn")
        boolean help;

        @Override
        public Integer call() throws IOException {
            AppJar.Summary s = AppJar.write(out != null ? out : defaultJar());
            System.out.printf(Locale.ROOT, "%s: %,d entries, %,d bytes, from%n", s.jar(), s.entries(), s.bytes());
            s.from().forEach(p -> System.out.println("  " + p));
            return 0;
        }
    }

    /** {@code spark standalone}. */
    @Command(name = "standalone", sortOptions = false, description = {
            "Chạy một cụm Spark standalone trên máy này (một master, một worker, mỗi cái một JVM) đến khi Ctrl-C.",
            "Run a Spark standalone cluster on this machine (one master, one worker, each in its own JVM) until Ctrl-C."})
    static final class StandaloneCommand implements Callable<Integer> {
        @Option(names = "--host", paramLabel = "IP", description = "default: ${DEFAULT-VALUE}")
        String host = "127.0.0.1";
        @Option(names = "--port", paramLabel = "P", description = "cổng master / master port, default: ${DEFAULT-VALUE}")
        int port = 7077;
        @Option(names = "--webui-port", paramLabel = "P", description = "default: ${DEFAULT-VALUE}")
        int webUiPort = 8080;
        @Option(names = "--cores", paramLabel = "N", description = "lõi của worker / worker cores, default: ${DEFAULT-VALUE}")
        int cores = 2;
        @Option(names = "--memory", paramLabel = "MEM", description = "bộ nhớ cho executor / memory for executors, default: ${DEFAULT-VALUE}")
        String memory = "4g";
        @Option(names = "--spark-home", paramLabel = "DIR", description = "một bản phân phối Spark 4.x / a Spark 4.x distribution; default target/spark-home (Spark's jars from the local Maven repository)")
        Path sparkHome;
        @Option(names = "--work-dir", paramLabel = "DIR", description = "thư mục của worker (đầu ra executor, driver) / worker folder; default SPARK_HOME/work")
        Path workDir;
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "this help / hướng dẫn")
        boolean help;

        @Override
        public Integer call() throws Exception {
            Path sh = SparkCluster.sparkHome(sparkHome);
            if (sh == null) return SparkMain.BAD_INPUT;
            Path logs = sh.resolve("logs");
            Standalone cluster;
            try {
                cluster = Standalone.start(sh, host, port, webUiPort, cores, memory, logs, workDir != null ? workDir : sh.resolve("work"),
                        Duration.ofSeconds(120));
            } catch (IOException e) {
                System.err.println("LỖI/ERROR the cluster did not start / cụm không khởi động được: " + e.getMessage());
                return SparkMain.BAD_INPUT;
            }
            // Ctrl-C (or SIGTERM): stop the worker, then the master
            var stopping = new java.util.concurrent.atomic.AtomicBoolean();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stopping.set(true);
                cluster.close();
            }));
            System.out.printf(Locale.ROOT, "master %s (web UI %s), one worker: %d cores, %s; Spark home %s; logs %s; work %s%n",
                    cluster.masterUrl(), cluster.webUi(), cores, memory, sh, logs, cluster.workDir());
            System.out.println("Ctrl-C dừng cả hai / stops both");
            cluster.awaitExit();
            if (stopping.get()) return 0;
            System.err.println("LỖI/ERROR the master or the worker stopped / master hoặc worker đã dừng; logs " + logs);
            cluster.close();
            return SparkMain.DIFFERENT;
        }
    }

    /** {@code spark submit}. */
    @Command(name = "submit", sortOptions = false, description = {
            "Gửi lệnh Spark của HọcTập (run, generate) lên một cụm bằng spark-submit, với jar ứng dụng.",
            "Submit a HọcTập Spark command (run, generate) to a cluster with spark-submit and the application jar.",
            "Mã thoát / exit code: client: của lệnh / the command's; cluster: 0 driver FINISHED, 1 driver FAILED (KILLED, ERROR), else spark-submit's."})
    static final class Submit implements Callable<Integer> {
        @Option(names = "--master", required = true, paramLabel = "URL", description = "e.g. spark://127.0.0.1:7077")
        String master;
        @Option(names = "--deploy-mode", paramLabel = "client|cluster", description = "default: ${DEFAULT-VALUE} (cluster: the driver runs on a worker; its output in the worker's work folder)")
        String deployMode = "client";
        @Option(names = "--jar", paramLabel = "FILE", description = "jar ứng dụng / application jar, default target/hoctap-spark-app.jar (spark package)")
        Path jar;
        @Option(names = "--driver-memory", paramLabel = "MEM", description = "default: ${DEFAULT-VALUE}")
        String driverMemory = "2g";
        @Option(names = "--executor-memory", paramLabel = "MEM", description = "default: ${DEFAULT-VALUE}")
        String executorMemory = "2g";
        @Option(names = "--total-executor-cores", paramLabel = "N", description = "default: all the cluster offers")
        Integer totalCores;
        @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "Spark configuration, repeatable")
        List<String> conf = new ArrayList<>();
        @Option(names = "--spark-home", paramLabel = "DIR", description = "default target/spark-home (Spark's jars from the local Maven repository)")
        Path sparkHome;
        @Parameters(arity = "1..*", paramLabel = "COMMAND", description = "lệnh và tùy chọn của nó / the command and its options, e.g. run --data DIR --year 2025")
        List<String> command;
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "this help / hướng dẫn")
        boolean help;

        @Override
        public Integer call() throws Exception {
            if (!deployMode.equals("client") && !deployMode.equals("cluster")) {
                System.err.println("--deploy-mode client or cluster / chỉ client hoặc cluster");
                return SparkMain.BAD_INPUT;
            }
            Path app = (jar != null ? jar : defaultJar()).toAbsolutePath();
            if (!Files.isRegularFile(app)) {
                System.err.println("no application jar " + app + ": bin/hoctap spark package / chưa có jar ứng dụng");
                return SparkMain.BAD_INPUT;
            }
            Path sh = SparkCluster.sparkHome(sparkHome);
            if (sh == null) return SparkMain.BAD_INPUT;
            ProcessBuilder pb = Standalone.submit(sh, null, driverMemory, arguments(app));
            // a master on this machine's loopback: the driver too (else Spark picks another interface and warns)
            if (master.matches("spark://(127\\.0\\.0\\.1|localhost):\\d+")) pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
            else pb.environment().remove("SPARK_LOCAL_IP");
            if (deployMode.equals("client")) return pb.inheritIO().start().waitFor();
            // cluster deploy mode: spark-submit exits 0 whatever state the driver ended in (ClientEndpoint); its last
            // word on the driver's state is read from its output, which is passed on
            pb.redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.INHERIT);
            Process p = pb.start();
            String state = null;
            try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(), java.nio.charset.StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    System.out.println(line);
                    String st = driverState(line);
                    if (st != null) state = st;
                }
            }
            int rc = p.waitFor();
            if (rc != 0) return rc;
            if ("FINISHED".equals(state)) return 0;
            if (state == null) state = "in a state spark-submit did not log (INFO) / không rõ";
            System.err.println("LỖI/ERROR the driver ended " + state + " / driver kết thúc " + state
                    + " (its output: driver-…/stdout, stderr in the worker's work folder / đầu ra trong thư mục work của worker)");
            return SparkMain.DIFFERENT;
        }

        /** The driver's final state in a line of spark-submit's output (cluster deploy mode), else null. */
        static String driverState(String line) {
            java.util.regex.Matcher m = DRIVER_STATE.matcher(line);
            return m.find() ? m.group(1) : null;
        }

        private static final java.util.regex.Pattern DRIVER_STATE = java.util.regex.Pattern.compile("State of driver \\S+ is ([A-Z]+), exiting");

        List<String> arguments(Path app) {
            List<String> a = new ArrayList<>(List.of("--master", master, "--deploy-mode", deployMode, "--class", SparkMain.class.getName(),
                    "--name", "hoctap-" + command.get(0), "--driver-memory", driverMemory, "--executor-memory", executorMemory));
            if (totalCores != null) a.addAll(List.of("--total-executor-cores", totalCores.toString()));
            // cluster deploy mode: wait for the driver and fail when it fails (standalone's client returns at once otherwise)
            if (deployMode.equals("cluster")) a.addAll(List.of("--conf", "spark.standalone.submit.waitAppCompletion=true"));
            for (String c : conf) a.addAll(List.of("--conf", c));
            a.add(app.toString());
            a.addAll(command);
            return a;
        }
    }
}
