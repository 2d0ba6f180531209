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
 * with fsync and synchronous commit on, so nothing acknowledged is lost on a crash.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
public class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${hoctap.data-dir}") String dataDir,
                                      @Value("${hoctap.embedded-db.ephemeral:false}") boolean ephemeral) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "100");
        if (ephemeral) {
            builder.setCleanDataDirectory(true);
            log.info("Embedded PostgreSQL: ephemeral data directory (tests)");
        } else {
            Path dir = Path.of(dataDir).toAbsolutePath().resolve("pgdata");
            Files.createDirectories(dir.getParent());
            builder.setDataDirectory(dir).setCleanDataDirectory(false);
            log.info("Embedded PostgreSQL: data directory {}", dir);
        }
        return builder.start();
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
