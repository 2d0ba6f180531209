package vn.hoctap.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** The default database keeps its data across restarts, with fsync and synchronous commit on. */
class EmbeddedDatabaseTest {

    @TempDir
    Path dir;

    @Test
    void dataSurvivesARestartAndIsDurable() throws Exception {
        EmbeddedDatabaseConfiguration config = new EmbeddedDatabaseConfiguration();
        try (EmbeddedPostgres pg = config.embeddedPostgres(dir.toString(), false, "replica", "code-point");
             Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create table kept (v text)");
            s.execute("insert into kept values ('Hà Nội')");
            assertThat(show(s, "fsync")).isEqualTo("on");
            assertThat(show(s, "synchronous_commit")).isEqualTo("on");
        }
        assertThat(Files.isDirectory(dir.resolve("pgdata"))).isTrue();
        try (EmbeddedPostgres pg = config.embeddedPostgres(dir.toString(), false, "replica", "code-point");
             Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select v from kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("Hà Nội");
        }
    }

    /**
     * A new data directory compares texts by Unicode code point (PostgreSQL's built-in C.UTF-8 locale): capitals before
     * small letters, letters with diacritics after all ASCII letters — the order of the C library's C.UTF-8 too — while
     * upper case and case-insensitive matching still know Vietnamese letters. A directory created with the C library's
     * locale keeps it when opened again.
     */
    @Test
    void aNewDataDirectoryComparesTextsByCodePoint() throws Exception {
        EmbeddedDatabaseConfiguration config = new EmbeddedDatabaseConfiguration();
        String order = "select string_agg(v, ',' order by v) from (values ('b'), ('Z'), ('ă'), ('a'), ('Đ'), ('đ'), ('A')) t(v)";
        try (EmbeddedPostgres pg = config.embeddedPostgres(dir.resolve("new").toString(), false, "replica", "code-point");
             Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            assertThat(one(s, "select datlocprovider from pg_database where datname = current_database()")).isEqualTo("b");
            assertThat(one(s, order)).isEqualTo("A,Z,a,b,ă,Đ,đ");
            assertThat(one(s, "select upper('đặng thị ả')")).isEqualTo("ĐẶNG THỊ Ả");
            assertThat(one(s, "select 'Hà Nội' ilike 'hà nội'")).isEqualTo("t");
        }
        try (EmbeddedPostgres pg = config.embeddedPostgres(dir.resolve("old").toString(), false, "replica", "libc");
             Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            assertThat(one(s, "select datlocprovider from pg_database where datname = current_database()")).isEqualTo("c");
            s.execute("create table kept (v text)");
        }
        try (EmbeddedPostgres pg = config.embeddedPostgres(dir.resolve("old").toString(), false, "replica", "code-point");
             Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            assertThat(one(s, "select datlocprovider from pg_database where datname = current_database()")).isEqualTo("c");
            assertThat(one(s, "select count(*) from kept")).isEqualTo("0");
        }
    }

    @Test
    void anUnknownCollationSettingIsRefusedByName() {
        assertThatThrownBy(() -> new EmbeddedDatabaseConfiguration().embeddedPostgres(dir.toString(), true, "minimal", "vi_VN"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hoctap.embedded-db.collation").hasMessageContaining("code-point or libc");
    }

    private static String one(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String show(Statement s, String setting) throws Exception {
        try (ResultSet rs = s.executeQuery("show " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
