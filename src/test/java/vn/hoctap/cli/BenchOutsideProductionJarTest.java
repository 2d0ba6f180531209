package vn.hoctap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import vn.hoctap.HocTapApplication;

/**
 * The benchmark and load commands are not in the production jar (issue 17 item 5): the classes the jar is made of
 * (target/classes) hold none of them and no production class names them; they are built from src/bench/java.
 */
class BenchOutsideProductionJarTest {

    static final List<String> BENCH = List.of("vn/hoctap/analytics/live/PlatformBench", "vn/hoctap/analytics/live/SqlEngines",
            "vn/hoctap/analytics/AnalyticsBench", "vn/hoctap/analytics/SqlQuery", "vn/hoctap/analytics/internal/SyntheticPersons",
            "vn/hoctap/analytics/internal/RandomEdits", "vn/hoctap/cli/SoakCommand", "vn/hoctap/cli/BenchMain",
            "vn/hoctap/learning/LearningBench", "vn/hoctap/fund/FundBench");

    @Test
    void productionClassesHoldNoBenchmarkClassAndNameNone() throws IOException, URISyntaxException {
        Path classes = Path.of(HocTapApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertThat(classes.resolve("vn/hoctap/HocTapApplication.class")).exists();
        for (String c : BENCH) {
            assertThat(classes.resolve(c + ".class")).as(c).doesNotExist();
        }
        // nor does any production class refer to one (the constant pool holds the referenced class names)
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String bytes = new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1);
                for (String c : BENCH) {
                    assertThat(bytes.contains(c))
                            .as(classes.relativize(f) + " refers to " + c).isFalse();
                }
            }
        }
        // the sources are where the build compiles them from (src/bench/java), not src/main/java
        assertThat(Path.of("src/bench/java/vn/hoctap/analytics/live/PlatformBench.java")).exists();
        assertThat(Path.of("src/main/java/vn/hoctap/analytics/live/PlatformBench.java")).doesNotExist();
    }

    @Test
    void theApplicationsJarSendsBenchCommandsToTheLauncher() {
        assertThat(HocTapApplication.BENCH_COMMANDS).containsExactlyInAnyOrder("bench", "bench-record", "bench-fund", "soak");
    }
}
