package vn.hoctap.titles.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import vn.hoctap.RequiresEnvironment;
import vn.hoctap.RequiresEnvironment.Need;

/**
 * V50 on an installation that already issued credentials (the vc-claim form of issue 6): each keeps its id and JWT and
 * gets a status index, in evaluation order from 0, and the sequence goes on after them. Runs Flyway up to V49 in a
 * fresh schema of the machine's PostgreSQL, stores two old credentials as the platform did, then migrates to V50.
 */
@RequiresEnvironment(Need.POSTGRESQL_SERVICE)
class CredentialMigrationTest {

    static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
    final String schema = "hoctap_v50_" + Long.toHexString(System.nanoTime());

    Flyway flyway(String target) {
        return Flyway.configure().dataSource(URL + "?currentSchema=" + schema, "postgres", "").schemas(schema)
                .locations("classpath:db/migration").target(target).load();
    }

    /** The highest migration version below {@code v} (other modules' migrations come and go; Flyway needs an existing target). */
    static String lastVersionBefore(int v) throws Exception {
        int best = 0;
        for (var r : new org.springframework.core.io.support.PathMatchingResourcePatternResolver().getResources("classpath:db/migration/V*__*.sql")) {
            int n = Integer.parseInt(r.getFilename().substring(1).split("[^0-9]")[0]);
            if (n < v && n > best) best = n;
        }
        return String.valueOf(best);
    }

    @Test
    void credentialsIssuedBeforeV50GetStableIndexesAndKeepVerifying() throws Exception {
        flyway(lastVersionBefore(50)).migrate();
        try (Connection c = DriverManager.getConnection(URL + "?currentSchema=" + schema, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("""
                    insert into titles_criteria_set (set_id, version, kind, title, text, sha256, unverified, created_by)
                    values ('cdht-residents', 1, 'CONG_DAN', 't', 'x', repeat('0', 64), true, 'test')""");
            s.execute("""
                    insert into titles_campaign (year, kind, unit_code, name, registration_until, assessment_until, review_until,
                    decision_until, created_by) values (2026, 'CONG_DAN', '00004', 'c', date '2026-12-01', date '2026-12-02',
                    date '2026-12-03', date '2026-12-04', 'test')""");
            for (String[] e : new String[][] {{"urn:uuid:a", "PUBLISHED", "jwt-a"}, {null, "REJECTED", null}, {"urn:uuid:b", "REVOKED", "jwt-b"}}) {
                s.execute("insert into titles_evaluation (campaign_id, subject_type, subject_name, commune_code, criteria_set_id, "
                        + "criteria_sha256, status, credential_id, credential_jwt, published_at, created_by) select c.id, 'CITIZEN', 'n', '00004', "
                        + "s.id, s.sha256, '" + e[1] + "', " + (e[0] == null ? "null" : "'" + e[0] + "'") + ", "
                        + (e[2] == null ? "null" : "'" + e[2] + "'") + ", now(), 'test' from titles_campaign c, titles_criteria_set s");
            }
        }
        flyway("50").migrate();
        try (Connection c = DriverManager.getConnection(URL + "?currentSchema=" + schema, "postgres", ""); Statement s = c.createStatement()) {
            ResultSet r = s.executeQuery("select id, status_index, form, jwt from titles_credential order by status_index");
            assertThat(r.next()).isTrue();
            assertThat(r.getString("id")).isEqualTo("urn:uuid:a");
            assertThat(r.getInt("status_index")).isZero();
            assertThat(r.getString("form")).isEqualTo("vc-claim");
            assertThat(r.getString("jwt")).isEqualTo("jwt-a");
            assertThat(r.next()).isTrue();
            assertThat(r.getString("id")).isEqualTo("urn:uuid:b");
            assertThat(r.getInt("status_index")).isEqualTo(1);
            assertThat(r.next()).isFalse(); // the rejected title had no credential
            ResultSet n = s.executeQuery("select nextval('titles_status_index_seq')");
            n.next();
            assertThat(n.getInt(1)).isEqualTo(2);
        }
    }

    @AfterEach
    void dropSchema() throws Exception {
        try (Connection c = DriverManager.getConnection(URL, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + schema + " cascade");
        }
    }
}
