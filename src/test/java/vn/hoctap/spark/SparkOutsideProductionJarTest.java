package vn.hoctap.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import vn.hoctap.HocTapApplication;

/**
 * Apache Spark stays out of the production jar (issue 18 item 4): no production class is a Spark command or refers to
 * Spark, and the packaged jar, when it has been built, carries no Spark, Scala, Hadoop or log4j-core library.
 */
class SparkOutsideProductionJarTest {

    @Test
    void productionClassesNeitherHoldNorNameSpark() throws Exception {
        Path classes = Path.of(HocTapApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertThat(classes.resolve("vn/hoctap/HocTapApplication.class")).exists();
        assertThat(classes.resolve("vn/hoctap/spark")).doesNotExist();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                assertThat(bytes.contains("org/apache/spark")).as(classes.relativize(f) + " refers to Spark").isFalse();
                assertThat(bytes.contains("vn/hoctap/spark/")).as(classes.relativize(f) + " refers to the Spark commands").isFalse();
            }
        }
        assertThat(Path.of("src/spark/java/vn/hoctap/spark/SparkMain.java")).exists();
    }

    @Test
    void thePackagedJarCarriesNoSpark() throws Exception {
        // the dependency is of test scope, which Spring Boot's repackaging never puts in the jar
        String pom = Files.readString(Path.of("pom.xml"));
        int at = pom.indexOf("<artifactId>spark-sql_2.13</artifactId>");
        assertThat(at).isPositive();
        assertThat(pom.substring(at, pom.indexOf("</dependency>", at))).contains("<scope>test</scope>");
        // `mvn verify` runs the tests before packaging; after a package the jar itself is read too
        Path jar = Path.of("target/hoctap.jar");
        if (!Files.isRegularFile(jar)) return;
        try (var zip = new java.util.zip.ZipFile(jar.toFile())) {
            var names = zip.stream().map(java.util.zip.ZipEntry::getName).filter(n -> n.startsWith("BOOT-INF/lib/")).toList();
            assertThat(names).isNotEmpty();
            assertThat(names).noneMatch(n -> n.contains("spark-") || n.contains("scala-library") || n.contains("hadoop-client")
                    || n.contains("log4j-core") || n.contains("parquet-hadoop"));
        }
    }
}
