package vn.hoctap.register.internal;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import vn.hoctap.platform.CommandLines;
import vn.hoctap.platform.CommandOptions;

import vn.hoctap.accounts.AccountPrincipal;
import vn.hoctap.accounts.CurrentUser;
import vn.hoctap.accounts.Role;
import vn.hoctap.register.RegisterImports;
import vn.hoctap.standards.core.ImportIssue;

/**
 * {@code bin/hoctap import --register FILE --year Y}: imports a register file into the platform's
 * database (the embedded one in HOCTAP_DATA_DIR, or SPRING_DATASOURCE_URL), as the operator, with the
 * same checks as the web page. Prints the row-level report and exits 1 when the file is refused.
 */
@Component
@ConditionalOnProperty(name = "hoctap.command", havingValue = "import")
class ImportCommand implements ApplicationRunner, ExitCodeGenerator {

    private final RegisterImports imports;
    private int exitCode = 0;

    ImportCommand(RegisterImports imports) {
        this.imports = imports;
    }

    /** The options, parsed by picocli ({@code platform.CommandLines}). */
    @picocli.CommandLine.Command(name = "import", sortOptions = false, description = {
            "Nhập một tệp sổ phổ cập vào cơ sở dữ liệu của nền tảng, với cùng các kiểm tra như trang web.",
            "Imports a register file into the platform's database, with the same checks as the web page."})
    final class Options implements java.util.concurrent.Callable<Integer> {
        @picocli.CommandLine.Option(names = "--register", required = true, paramLabel = "FILE",
                description = "tệp sổ / the register file (.csv|.xlsx, register-csv.md)")
        Path file;
        @picocli.CommandLine.Option(names = "--year", required = true, paramLabel = "YYYY", description = "năm dữ liệu / data year")
        int year;
        @picocli.CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "hướng dẫn / this help")
        boolean help;

        private final PrintStream out;
        private final PrintStream err;

        Options(PrintStream out, PrintStream err) {
            this.out = out;
            this.err = err;
        }

        @Override
        public Integer call() {
            if (year < 1000 || year > 9999) throw new CommandLines.UsageException("--year: YYYY, e.g. 2025");
            if (!Files.isReadable(file)) throw new CommandLines.UsageException("Không đọc được tệp / cannot read the file: " + file);
            return importFile(file, year, out, err);
        }
    }

    @Override
    public void run(ApplicationArguments args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        exitCode = CommandLines.execute(new Options(out, err), CommandOptions.after(args, "import"), out, err);
    }

    private int importFile(Path path, int year, PrintStream out, PrintStream err) {
        int exitCode = 0;
        CurrentUser operator = new CurrentUser(0, "cli:" + System.getProperty("user.name"), "Dòng lệnh / command line",
                Role.CITY_ADMIN, Set.of("01"));
        AccountPrincipal principal = new AccountPrincipal(operator, "", true);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        try {
            RegisterImports.Job job = imports.importNow(path, path.getFileName().toString(), year);
            RegisterImports.Result r = job.result();
            if (r == null) {
                err.println("Nhập thất bại / import failed: " + job.failure());
                exitCode = 1;
            } else if (!r.ok()) {
                for (ImportIssue issue : r.errors()) {
                    err.println(issue.format());
                }
                err.println(r.errorCount() + " lỗi, không có gì được ghi / errors, nothing was written");
                exitCode = 1;
            } else {
                out.printf("%s: %d dòng, %d thêm, %d sửa, %d xóa (%d xã/phường)%n", path.getFileName(), r.rows(),
                        r.inserted(), r.updated(), r.deleted(), r.communes().size());
                out.printf("%s: %d rows, %d inserted, %d updated, %d deleted%s%n", path.getFileName(), r.rows(), r.inserted(),
                        r.updated(), r.deleted(), r.changedNothing() ? " (no change)" : "");
            }
        } finally {
            SecurityContextHolder.clearContext();
        }
        return exitCode;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
