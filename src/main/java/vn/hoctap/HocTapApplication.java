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

    public static void main(String[] args) {
        if (args.length > 0 && "serve".equals(args[0])) {
            String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
            SpringApplication.run(HocTapApplication.class, rest);
            return;
        }
        System.exit(Cli.run(args, System.out, System.err));
    }
}
