package vn.hoctap.register.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import vn.hoctap.accounts.AccountPrincipal;
import vn.hoctap.accounts.CurrentUser;
import vn.hoctap.accounts.Role;
import vn.hoctap.register.RegisterImports;
import vn.hoctap.synthetic.core.GeneratorOptions;
import vn.hoctap.synthetic.core.ProgressListener;
import vn.hoctap.synthetic.core.Structure;
import vn.hoctap.synthetic.core.SyntheticRegister;

/**
 * The demo data set of the run command: when {@code hoctap.demo} is on and the register is empty, a
 * synthetic register (see docs/synthetic-data.md) for 2023 and 2024 (30 districts, 579 communes) and 2025
 * (126 communes) is generated and imported through the normal import path, so the standards pages have data
 * on first start. Synthetic persons only; nothing real. It runs in the background once the server is
 * up (about half a minute for the default 400,000 persons a year); the standards pages fill in as each
 * year commits.
 */
@Component
class DemoRegister {

    private static final Logger log = LoggerFactory.getLogger(DemoRegister.class);

    private final JdbcTemplate jdbc;
    private final RegisterImports imports;
    private final boolean demo;
    private final long persons;
    private final String command;

    DemoRegister(JdbcTemplate jdbc, RegisterImports imports, @Value("${hoctap.demo:false}") boolean demo,
                 @Value("${hoctap.demo.persons:400000}") long persons, @Value("${hoctap.command:}") String command) {
        this.jdbc = jdbc;
        this.imports = imports;
        this.demo = demo;
        this.persons = persons;
        this.command = command;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (!demo || !command.isEmpty()) {
            return;
        }
        Thread t = new Thread(this::run, "demo-register");
        t.setDaemon(true);
        t.start();
    }

    void run() {
        Long n = jdbc.queryForObject("select count(*) from register_person", Long.class);
        if (n != null && n > 0) {
            return;
        }
        CurrentUser system = new CurrentUser(0, "demo", "Dữ liệu minh họa", Role.CITY_ADMIN, Set.of("01"));
        AccountPrincipal principal = new AccountPrincipal(system, "", true);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        try {
            // three data years, so that the dashboard has a trend: 2023 and 2024 on the 2024 structure
            // (30 districts, 579 communes), 2025 on the 126 communes
            load(new GeneratorOptions(persons, 2023, Structure.HANOI_2024, 2023));
            load(new GeneratorOptions(persons, 2024, Structure.HANOI_2024, 2024));
            load(new GeneratorOptions(persons, 2025, Structure.HANOI_2025, 2025));
        } catch (IOException | RuntimeException e) {
            log.warn("Không nạp được dữ liệu minh họa / the demo register could not be loaded", e);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private void load(GeneratorOptions options) throws IOException {
        long start = System.nanoTime();
        Path dir = Files.createTempDirectory("hoctap-demo-");
        try {
            SyntheticRegister.generate(options, dir, ProgressListener.NONE);
            int year = options.year();
            for (String line : Files.readAllLines(dir.resolve("units.csv"), StandardCharsets.UTF_8)) {
                if (line.endsWith(",true")) {
                    jdbc.update("insert into commune_disadvantaged (year, code) values (?, ?) on conflict do nothing",
                            year, line.substring(0, line.indexOf(',')));
                }
            }
            RegisterImports.Job job = imports.importNow(dir.resolve("persons.csv"), "demo-persons-" + year + ".csv", year);
            if (job.result() == null || !job.result().ok()) {
                log.warn("Dữ liệu minh họa năm {} không nhập được / demo data for {} was refused: {}", year, year,
                        job.result() == null ? job.failure() : job.result().errorCount() + " errors");
                return;
            }
            log.info("Dữ liệu minh họa / demo register {}: {} persons in {} ms", year, job.result().rows(),
                    (System.nanoTime() - start) / 1_000_000);
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(dir);
        }
    }
}
