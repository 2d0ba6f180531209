package vn.hoctap.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The no-install default database: a real PostgreSQL 17 started by the application itself when no
 * JDBC URL is configured ({@code spring.datasource.url} or the environment variable
 * {@code SPRING_DATASOURCE_URL}). Its data directory survives restarts ({@code hoctap.data-dir}/pgdata),
 * with fsync and synchronous commit on, so nothing acknowledged is lost on a crash. {@code wal_level} is
 * {@code minimal} by default ({@code hoctap.embedded-db.wal-level=replica} for PostgreSQL's own default): a table
 * filled in the transaction that emptied it — a first register import — is then written without WAL and forced to
 * disk at commit (issue 18); the server is not replicated or archived either way.
 *
 * <p>A new data directory is created with PostgreSQL 17's built-in {@code C.UTF-8} locale ({@code
 * hoctap.embedded-db.collation=code-point}, the default): texts sort by Unicode code point — the order the
 * operating system's {@code C.UTF-8}, which the server took from the environment before, gives too — and case
 * mapping and character classes follow Unicode, but comparisons are plain byte comparisons instead of calls to the C
 * library's {@code strcoll}, and sorts may use abbreviated keys. The register's index builds after a first
 * import sort 8.7 million codes each (issue 18; figures in docs/performance.md). {@code libc} keeps the
 * environment's locale. A data directory keeps the locale it was created with.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
public class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${hoctap.data-dir}") String dataDir,
                                      @Value("${hoctap.embedded-db.ephemeral:false}") boolean ephemeral,
                                      @Value("${hoctap.embedded-db.wal-level:minimal}") String walLevel,
                                      @Value("${hoctap.embedded-db.collation:code-point}") String collation) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "100");
        if (walLevel.equals("minimal")) {
            // no WAL for a table filled in the transaction that emptied it (a first register import): its files are
            // forced to disk at commit instead, so a crash loses nothing acknowledged; no replication or archiving
            builder.setServerConfig("wal_level", "minimal").setServerConfig("max_wal_senders", "0");
        } else if (!walLevel.equals("replica")) {
            throw new IllegalArgumentException("hoctap.embedded-db.wal-level: '" + walLevel + "' — use replica or minimal");
        }
        if (collation.equals("code-point")) {
            // initdb --locale-provider=builtin --builtin-locale=C.UTF-8 (PostgreSQL 17); used only for a new data directory
            builder.setLocaleConfig("locale-provider", "builtin").setLocaleConfig("builtin-locale", "C.UTF-8");
        } else if (!collation.equals("libc")) {
            throw new IllegalArgumentException("hoctap.embedded-db.collation: '" + collation + "' — use code-point or libc");
        }
        if (ephemeral) {
            builder.setCleanDataDirectory(true);
            log.info("Embedded PostgreSQL: ephemeral data directory (tests)");
        } else {
            Path dir = Path.of(dataDir).toAbsolutePath().resolve("pgdata");
            Files.createDirectories(dir.getParent());
            stopOrphanedServer(dir);
            builder.setDataDirectory(dir).setCleanDataDirectory(false);
            log.info("Embedded PostgreSQL: data directory {}", dir);
        }
        EmbeddedPostgres postgres = builder.start();
        logCollation(postgres);
        return postgres;
    }

    /** Says how the server compares texts; an older data directory (the C library's locale) keeps working, slower to sort. */
    private static void logCollation(EmbeddedPostgres postgres) {
        try (var c = postgres.getPostgresDatabase().getConnection(); var s = c.createStatement();
             var rs = s.executeQuery("select datlocprovider from pg_database where datname = current_database()")) {
            rs.next();
            if ("b".equals(rs.getString(1))) {
                log.info("Embedded PostgreSQL: texts compared by code point (built-in C.UTF-8 locale)");
            } else {
                log.info("Embedded PostgreSQL: texts compared by the C library's locale (a data directory created before"
                        + " the built-in C.UTF-8 locale was the default; same order, slower index builds)");
            }
        } catch (java.sql.SQLException e) {
            log.warn("Embedded PostgreSQL: could not read its locale: {}", e.getMessage());
        }
    }

    /**
     * After the platform was killed (SIGKILL, power cut of the JVM only), the PostgreSQL server it had started runs on
     * without it and holds the data directory: a restart would fail. Its transactions were rolled back when the
     * platform's connections closed; it is asked to stop (SIGTERM, PostgreSQL's "smart" shutdown: no client is left)
     * and waited for, so the restart takes the data directory over. Only a process named postgres whose id is in this
     * data directory's postmaster.pid is touched.
     */
    static void stopOrphanedServer(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        try {
            if (!Files.exists(pidFile)) {
                return;
            }
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
            var process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
            if (process.isEmpty()) {
                return;
            }
            log.warn("Embedded PostgreSQL of an earlier run (pid {}) still holds {}: stopping it", pid, dataDir);
            process.get().destroy();
            process.get().onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            log.warn("Could not stop the earlier embedded PostgreSQL: {}", e.toString());
        }
    }

    /** A connection pool on the embedded server, as in production. */
    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres postgres) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setMaximumPoolSize(20);
        config.setPoolName("hoctap-embedded");
        return new HikariDataSource(config);
    }
}
