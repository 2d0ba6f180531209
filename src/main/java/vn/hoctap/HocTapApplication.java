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

    public static void main(String[] args) {
        if (args.length > 0 && "serve".equals(args[0])) {
            String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
            SpringApplication.run(HocTapApplication.class, rest);
            return;
        }
        if (args.length > 0 && "bench".equals(args[0])) {
            // the benchmark starts the platform itself (random port, throw-away database) next to the other engines
            System.exit(vn.hoctap.analytics.live.PlatformBench.run(HocTapApplication.class,
                    java.util.Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        if (args.length > 0 && "bench-record".equals(args[0])) {
            // the lifelong learning record at three sizes on a throw-away PostgreSQL (issue 12)
            System.exit(vn.hoctap.learning.LearningBench.run(HocTapApplication.class,
                    java.util.Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        if (args.length > 0 && "bench-fund".equals(args[0])) {
            // the fund ledger's benchmark (issue 13) on its own throw-away embedded database
            System.exit(vn.hoctap.fund.FundBench.run(HocTapApplication.class,
                    java.util.Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
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
