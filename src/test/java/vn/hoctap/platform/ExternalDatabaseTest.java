package vn.hoctap.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.hoctap.RequiresEnvironment;
import vn.hoctap.RequiresEnvironment.Need;
import vn.hoctap.units.UnitDirectory;

/**
 * The external-database path: with a JDBC URL configured, the application uses that PostgreSQL
 * (here the machine's service at 127.0.0.1:5432, trust auth, database {@code test}), migrates it
 * with Flyway and loads the units; no embedded PostgreSQL is started. Works in a schema of its own,
 * dropped afterwards.
 */
@RequiresEnvironment(Need.POSTGRESQL_SERVICE)
@SpringBootTest(properties = {"hoctap.demo=false", "hoctap.data-dir=target/test-data-external"})
class ExternalDatabaseTest {

    static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
    static final String USER = "postgres";
    static final String SCHEMA = "hoctap_it_" + Long.toHexString(System.nanoTime());

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        try (Connection c = DriverManager.getConnection(URL, USER, "")) {
            try (Statement s = c.createStatement()) {
                s.execute("create schema " + SCHEMA);
            }
        } catch (SQLException e) {
            fail("This test needs the PostgreSQL service at 127.0.0.1:5432 with trust authentication and a database "
                    + "'test' (user 'postgres'). Start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) "
                    + "main start  — cause: " + e.getMessage());
        }
        registry.add("spring.datasource.url", () -> URL + "?currentSchema=" + SCHEMA);
        registry.add("spring.datasource.username", () -> USER);
        registry.add("spring.flyway.schemas", () -> SCHEMA);
        registry.add("hoctap.admin.password", () -> java.util.UUID.randomUUID().toString());
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UnitDirectory units;

    @Test
    void migratesAndLoadsTheUnitsIntoTheConfiguredDatabase() {
        assertThat(context.getBeanNamesForType(io.zonky.test.db.postgres.embedded.EmbeddedPostgres.class)).isEmpty();
        assertThat(jdbc.queryForObject("select current_schema()", String.class)).isEqualTo(SCHEMA);
        assertThat(jdbc.queryForObject("select count(*) from unit_version where valid_from <= date '2025-07-01' "
                + "and (valid_until is null or valid_until > date '2025-07-01')", Integer.class)).isEqualTo(127);
        assertThat(units.unitsOn(java.time.LocalDate.of(2024, 6, 1))).hasSize(610);
        assertThat(jdbc.queryForObject("select count(*) from unit_succession", Integer.class)).isEqualTo(796);
    }

    @AfterAll
    static void dropSchema() throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, USER, ""); Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + SCHEMA + " cascade");
        }
    }
}
