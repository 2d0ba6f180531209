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
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
public class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${hoctap.data-dir}") String dataDir,
                                      @Value("${hoctap.embedded-db.ephemeral:false}") boolean ephemeral,
                                      @Value("${hoctap.embedded-db.wal-level:minimal}") String walLevel) throws IOException {
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
        return builder.start();
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
