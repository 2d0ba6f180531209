package vn.hoctap;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableAsync;

import vn.hoctap.cli.Cli;

/**
 * HọcTập — nền tảng xây dựng xã hội học tập của Thành phố Hà Nội (Nghị quyết 23-NQ/TU ngày 16/11/2023).
 *
 * <p>The single entry point of the jar: {@code serve} starts the web application, every other
 * subcommand is a command-line tool that runs without Spring (see {@link Cli}).
 */
@SpringBootApplication
@EnableAsync
public class HocTapApplication {

    /** Subcommands that need the database (and so the Spring context, without the web server). */
    static final java.util.Set<String> DATABASE_COMMANDS = java.util.Set.of("import", "indicators");

    /** Benchmark and load commands: built from src/bench/java into target/bench-classes, run by bin/hoctap. */
    public static final java.util.Set<String> BENCH_COMMANDS = java.util.Set.of("bench", "bench-record", "bench-fund", "soak");

    public static void main(String[] args) {
        if (args.length > 0 && "serve".equals(args[0])) {
            String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
            SpringApplication.run(HocTapApplication.class, rest);
            return;
        }
        if (args.length > 0 && "spark".equals(args[0])) {
            // Apache Spark is not in this jar (src/spark/java, target/spark-classes, docs/spark.md): bin/hoctap runs it
            System.err.println("Lệnh spark chạy bằng bin/hoctap (Apache Spark không nằm trong tệp jar của ứng dụng)"
                    + " / run spark through bin/hoctap: Apache Spark is not in the application's jar (docs/spark.md)");
            System.exit(2);
        }
        if (args.length > 0 && BENCH_COMMANDS.contains(args[0])) {
            // the benchmarks are not in this jar (src/bench/java, target/bench-classes): bin/hoctap adds them
            System.err.println("Lệnh " + args[0] + " chạy bằng bin/hoctap (các bộ đo không nằm trong tệp jar của ứng dụng)"
                    + " / run " + args[0] + " through bin/hoctap: the benchmarks are not in the application's jar");
            System.exit(2);
        }
        if (args.length > 0 && DATABASE_COMMANDS.contains(args[0])) {
            // commands that work on the platform's database: the application without its web server
            SpringApplication app = new SpringApplication(HocTapApplication.class);
            app.setWebApplicationType(org.springframework.boot.WebApplicationType.NONE);
            app.setDefaultProperties(java.util.Map.of("hoctap.command", args[0], "spring.main.banner-mode", "off",
                    "logging.level.root", "WARN", "hoctap.demo", "false"));
            var context = app.run(args);
            System.exit(org.springframework.boot.SpringApplication.exit(context));
        }
        System.exit(Cli.run(args, System.out, System.err));
    }
}
