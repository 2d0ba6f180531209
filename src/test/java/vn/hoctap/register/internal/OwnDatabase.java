package vn.hoctap.register.internal;

import java.io.IOException;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL of a test's own with the platform's migrations and a {@link RegisterStore} on it, for the tests that
 * need the whole register table empty (a first import).
 */
final class OwnDatabase implements AutoCloseable {

    final EmbeddedPostgres pg;
    final DataSource ds;
    final JdbcTemplate jdbc;
    final TransactionTemplate tx;
    final RegisterStore store;

    OwnDatabase() throws IOException {
        pg = EmbeddedPostgres.builder().start();
        ds = pg.getPostgresDatabase();
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(ds);
        DataSourceTransactionManager tm = new DataSourceTransactionManager(ds);
        tx = new TransactionTemplate(tm);
        store = new RegisterStore(jdbc, ds, tm);
    }

    @Override
    public void close() throws IOException {
        pg.close();
    }
}
