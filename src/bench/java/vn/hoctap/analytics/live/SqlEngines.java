package vn.hoctap.analytics.live;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import org.postgresql.PGConnection;

import vn.hoctap.analytics.SqlQuery;

/**
 * Runs {@link SqlQuery} in PostgreSQL and in DuckDB (JDBC), for the benchmark and the equivalence tests. The DuckDB
 * driver (~80 MB with its native libraries) is not packaged in the application's jar: it is taken from the class
 * path when there (tests), else from a given jar or the local Maven repository.
 */
public final class SqlEngines {
    private SqlEngines() {
    }

    /** The columns of {@code register_person} the query reads (and DuckDB's types for them). */
    static final String[][] COLUMNS = {
            {"year", "INTEGER"}, {"commune_code", "VARCHAR"}, {"birth_year", "INTEGER"}, {"sex", "VARCHAR"},
            {"residence", "VARCHAR"}, {"disability", "VARCHAR"}, {"enrolment", "VARCHAR"}, {"grade", "SMALLINT"},
            {"preschool_completed", "SMALLINT"}, {"primary_completed", "SMALLINT"}, {"lower_secondary_diploma", "SMALLINT"},
            {"upper_secondary_completed", "SMALLINT"}, {"highest_grade_completed", "SMALLINT"},
            {"literacy_stage_completed", "SMALLINT"}, {"employed", "BOOLEAN"}, {"qualification", "VARCHAR"},
            {"digital_skills", "VARCHAR"}, {"information_literacy", "BOOLEAN"}, {"life_skills", "BOOLEAN"},
            {"learning_citizen_year", "SMALLINT"}};

    /** Runs the query: commune code → values in {@link SqlQuery#columns()} order. */
    public static Map<String, long[]> run(Connection c, SqlQuery q) throws SQLException {
        Map<String, long[]> out = new TreeMap<>();
        int n = q.columns().size();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(q.sql())) {
            while (rs.next()) {
                long[] v = new long[n];
                for (int i = 0; i < n; i++) {
                    v[i] = rs.getLong(i + 2);
                }
                out.put(rs.getString(1), v);
            }
        }
        return out;
    }

    /** Writes a year's register (the columns the query reads) from PostgreSQL to a CSV file; returns the rows. */
    public static long exportYear(Connection pg, int year, Path csv) throws SQLException, IOException {
        StringBuilder cols = new StringBuilder();
        for (String[] col : COLUMNS) {
            cols.append(cols.length() == 0 ? "" : ", ").append(col[1].equals("BOOLEAN") ? col[0] + "::text" : col[0]);
        }
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(csv, StandardCharsets.UTF_8), 1 << 16)) {
            return pg.unwrap(PGConnection.class).getCopyAPI().copyOut(
                    "copy (select " + cols + " from register_person where year = " + year + ") to stdout (format csv)", w);
        }
    }

    /** Creates {@code register_person} in DuckDB from a CSV file of {@link #exportYear}. */
    public static void loadDuckDb(Connection duck, Path csv) throws SQLException {
        StringBuilder types = new StringBuilder();
        for (String[] col : COLUMNS) {
            types.append(types.length() == 0 ? "" : ", ").append('\'').append(col[0]).append("': '").append(col[1]).append('\'');
        }
        try (Statement st = duck.createStatement()) {
            st.execute("drop table if exists register_person");
            st.execute("create table register_person as select * from read_csv('" + csv.toAbsolutePath().toString().replace("'", "''")
                    + "', header = false, delim = ',', quote = '\"', columns = {" + types + "})");
        }
    }

    /**
     * An in-memory DuckDB connection: the driver from the class path, else from {@code jar}, else from the local
     * Maven repository (~/.m2/repository/org/duckdb/duckdb_jdbc/VERSION/).
     * @throws IllegalStateException when no driver is found (the message says how to give one)
     */
    public static Connection duckDb(Path jar) throws SQLException {
        Driver driver;
        try {
            driver = (Driver) Class.forName("org.duckdb.DuckDBDriver").getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError notOnClassPath) {
            Path j = jar != null ? jar : fromMavenRepository();
            if (j == null || !Files.isRegularFile(j)) {
                throw new IllegalStateException("DuckDB JDBC driver not found: pass --duckdb-jar PATH (org.duckdb:duckdb_jdbc, "
                        + "e.g. mvn dependency:get -Dartifact=org.duckdb:duckdb_jdbc:2.0.0.1)");
            }
            try {
                URLClassLoader loader = new URLClassLoader(new URL[] {j.toUri().toURL()}, SqlEngines.class.getClassLoader());
                driver = (Driver) loader.loadClass("org.duckdb.DuckDBDriver").getDeclaredConstructor().newInstance();
            } catch (IOException | ReflectiveOperationException e) {
                throw new IllegalStateException("DuckDB JDBC driver could not be loaded from " + j + ": " + e, e);
            }
        }
        return driver.connect("jdbc:duckdb:", new Properties());
    }

    private static Path fromMavenRepository() {
        Path dir = Path.of(System.getProperty("user.home"), ".m2", "repository", "org", "duckdb", "duckdb_jdbc");
        if (!Files.isDirectory(dir)) {
            return null;
        }
        try (var versions = Files.list(dir)) {
            return versions.sorted(java.util.Comparator.reverseOrder())
                    .map(v -> v.resolve("duckdb_jdbc-" + v.getFileName() + ".jar"))
                    .filter(Files::isRegularFile).findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }
}
