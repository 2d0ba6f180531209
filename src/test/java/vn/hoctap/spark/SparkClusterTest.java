package vn.hoctap.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pieces of the cluster path (docs/spark.md, "On a cluster"; issue 18 item 4): the application jar, the Spark
 * home of the standalone cluster, the spark-submit command lines. The path itself — a master and a worker in their own
 * JVMs and the commands submitted to them, in client and cluster deploy mode — was tried by hand and is not a test:
 * each submission starts two to three JVMs and took about 80 s on this two-core machine under load (docs/spark.md).
 */
class SparkClusterTest {

    @Test
    void theApplicationJarHoldsTheCommandsThePlatformAndTheirLibrariesButNoSpark(@TempDir Path dir) throws Exception {
        Path app = AppJar.write(dir.resolve("app.jar")).jar();
        try (JarFile jar = new JarFile(app.toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class")).isEqualTo("vn.hoctap.spark.SparkMain");
            for (String entry : List.of("vn/hoctap/spark/SparkMain.class", "vn/hoctap/spark/SparkQuery.class",
                    "vn/hoctap/standards/core/StandardsEngine.class", "vn/hoctap/analytics/internal/QueryPlan.class",
                    "vn/hoctap/analytics/SqlQuery.class", "standards/nd20-2014-v1.rules", "indicators/nq23-register-indicators.txt",
                    "picocli/CommandLine.class", "tools/jackson/databind/ObjectMapper.class", "tools/jackson/core/JsonParser.class")) {
                assertThat(jar.getEntry(entry)).as(entry).isNotNull();
            }
            // Jackson 3 finds its JSON factory by this service file
            assertThat(jar.getEntry("META-INF/services/tools.jackson.core.TokenStreamFactory")).isNotNull();
            List<String> names = jar.stream().map(e -> e.getName()).toList();
            assertThat(names).noneMatch(n -> n.startsWith("org/apache/spark/") || n.startsWith("scala/")
                    || n.startsWith("org/apache/hadoop/") || n.startsWith("org/apache/parquet/") || n.startsWith("ch/qos/logback/"));
            assertThat(names).noneMatch(n -> n.endsWith("module-info.class") || n.startsWith("META-INF/versions/"));
        }
        // on its own (no HọcTập class, no library beside the JDK) the jar reads the default rule set from itself
        try (URLClassLoader loader = new URLClassLoader(new URL[] {app.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            Class<?> rules = Class.forName("vn.hoctap.standards.core.RuleSet", true, loader);
            assertThat(rules.getClassLoader()).isSameAs(loader);
            Object defaults = rules.getMethod("defaults").invoke(null);
            assertThat(rules.getMethod("id").invoke(defaults)).isEqualTo("nd20-2014");
        }
    }

    @Test
    void theSparkHomeLinksJarsOnlySoNoClassFolderReachesTheCluster(@TempDir Path dir) throws Exception {
        Path a = Files.writeString(dir.resolve("a-1.0.jar"), "a");
        Path b = Files.writeString(dir.resolve("b-2.0.jar"), "b");
        Path home = Standalone.assemble(dir.resolve("home"), List.of(a, b));
        assertThat(Files.readSymbolicLink(home.resolve("jars/a-1.0.jar"))).isEqualTo(a);
        assertThat(Files.readSymbolicLink(home.resolve("jars/b-2.0.jar"))).isEqualTo(b);
        assertThat(home.resolve("conf/logback.xml")).exists();
        // assembling again replaces the links: b is gone
        Standalone.assemble(home, List.of(a));
        try (var files = Files.list(home.resolve("jars"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("a-1.0.jar");
        }
        Files.createDirectories(dir.resolve("classes"));
        assertThatThrownBy(() -> Standalone.assemble(home, List.of(a, dir.resolve("classes"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a jar");
    }

    @Test
    void sparkSubmitRunsOnTheSparkHomeAloneWithTheDriversHeapAndJava17Options(@TempDir Path dir) {
        ProcessBuilder pb = Standalone.submit(dir, "127.0.0.1", "3g", List.of("--master", "spark://127.0.0.1:7077", "app.jar", "run"));
        List<String> cmd = pb.command();
        assertThat(cmd).containsSubsequence("-Xmx3g", "-cp", dir.resolve("conf") + ":" + dir.resolve("jars") + "/*",
                "org.apache.spark.deploy.SparkSubmit", "--master", "spark://127.0.0.1:7077", "app.jar", "run");
        assertThat(cmd).contains("--add-opens=java.base/sun.nio.ch=ALL-UNNAMED");
        assertThat(cmd.subList(cmd.indexOf("org.apache.spark.deploy.SparkSubmit") + 1, cmd.size()))
                .containsExactly("--master", "spark://127.0.0.1:7077", "app.jar", "run");
        assertThat(pb.environment()).containsEntry("SPARK_HOME", dir.toAbsolutePath().toString())
                .containsEntry("SPARK_SCALA_VERSION", "2.13").containsEntry("SPARK_LOCAL_IP", "127.0.0.1");
    }

    @Test
    void submitPassesTheCommandsOwnOptionsThroughAndWaitsForADriverOnTheCluster() {
        var cl = SparkMain.commandLine();
        cl.parseArgs("submit", "--master", "spark://10.0.0.5:7077", "--deploy-mode", "cluster", "--executor-memory", "8g",
                "--conf", "spark.executor.cores=4", "run", "--register", "hdfs://nn/registers/national", "--units", "units.csv", "--no-check");
        SparkCluster.Submit submit = cl.getSubcommands().get("submit").getCommand();
        assertThat(submit.arguments(Path.of("/opt/hoctap/hoctap-spark-app.jar"))).containsExactly(
                "--master", "spark://10.0.0.5:7077", "--deploy-mode", "cluster", "--class", "vn.hoctap.spark.SparkMain",
                "--name", "hoctap-run", "--driver-memory", "2g", "--executor-memory", "8g",
                "--conf", "spark.standalone.submit.waitAppCompletion=true", "--conf", "spark.executor.cores=4",
                "/opt/hoctap/hoctap-spark-app.jar", "run", "--register", "hdfs://nn/registers/national", "--units", "units.csv", "--no-check");
    }

    @Test
    void theDriversFinalStateIsReadFromSparkSubmitsOutput() {
        // lines as spark-submit printed them on this machine (cluster deploy mode); it exits 0 in both cases
        assertThat(SparkCluster.Submit.driverState("23:00:40.779 INFO  o.apache.spark.deploy.ClientEndpoint - State of driver "
                + "driver-20261207225855-0000 is FINISHED, exiting spark-submit JVM.")).isEqualTo("FINISHED");
        assertThat(SparkCluster.Submit.driverState("23:01:11.601 INFO  o.apache.spark.deploy.ClientEndpoint - State of driver "
                + "driver-20261207230056-0001 is FAILED, exiting spark-submit JVM.")).isEqualTo("FAILED");
        assertThat(SparkCluster.Submit.driverState("23:01:01.712 INFO  o.apache.spark.deploy.ClientEndpoint - State of "
                + "driver-20261207230056-0001 is RUNNING")).isNull();
    }
}
