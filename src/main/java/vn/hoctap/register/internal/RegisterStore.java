package vn.hoctap.register.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.hoctap.standards.core.Person;

/**
 * The register's table. Imports go through PostgreSQL's COPY into a temporary table and are then
 * merged in one statement each (insert or update what differs, delete what the file no longer has for
 * its communes), inside the caller's transaction: all or nothing.
 */
@Component
public class RegisterStore {

    /** What a merge changed. */
    public record MergeCounts(int inserted, int updated, int deleted) {
        public boolean changedNothing() {
            return inserted == 0 && updated == 0 && deleted == 0;
        }
    }

    private static final String DATA_COLUMNS = String.join(", ", PersonColumns.COLUMNS);

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;

    private final TransactionTemplate readOnly;

    RegisterStore(JdbcTemplate jdbc, DataSource dataSource, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /**
     * A COPY in progress on the transaction's connection, fed line by line while the file is read (PostgreSQL
     * stores rows while Java parses the next ones). Either {@link #finish} it or {@link #cancel} it; while it is
     * open the connection can run no other statement.
     */
    public static final class Copy {
        private final boolean direct;
        private final PGCopyOutputStream stream;
        private final Writer out;
        private long lines;

        private Copy(boolean direct, PGCopyOutputStream stream) {
            this.direct = direct;
            this.stream = stream;
            this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
        }

        /** True when the rows go straight into {@code register_person} (the year had no persons). */
        public boolean direct() {
            return direct;
        }

        /** Adds one person (a line of {@link PersonColumns#copyLine}, without newline). */
        public void write(String copyLine) {
            try {
                out.write(copyLine);
                out.write('\n');
                lines++;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Ends the COPY; returns the rows PostgreSQL stored. */
        public long finish() {
            try {
                out.flush();
                return stream.endCopy();
            } catch (SQLException e) {
                throw new IllegalStateException("COPY of the register failed: " + e.getMessage(), e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Abandons the COPY (the caller rolls the transaction back). */
        public void cancel() {
            try {
                if (stream.isActive()) {
                    stream.cancelCopy();
                }
            } catch (SQLException e) {
                // the transaction is rolled back anyway
            }
        }

        public long lines() {
            return lines;
        }
    }

    /**
     * Opens a COPY for an import of {@code year}, inside the caller's transaction. Imports of one year are
     * serialised (a transaction-scoped advisory lock). When the year holds no persons yet (its first import),
     * the rows go straight into {@code register_person}: nothing could be updated or deleted, so no merge is
     * needed, and a person id twice in the file is already refused by the reader (a duplicate that slipped
     * through would fail the primary key and roll the whole import back). Otherwise they are staged in a
     * temporary table for {@link #merge}.
     */
    public Copy open(int year) {
        jdbc.execute("select pg_advisory_xact_lock(7007, " + year + ")");
        Boolean any = jdbc.queryForObject("select exists (select 1 from register_person where year = ?)", Boolean.class, year);
        boolean direct = !Boolean.TRUE.equals(any);
        String table = direct ? "register_person" : "import_person";
        if (!direct) {
            jdbc.execute("create temporary table if not exists import_person (like register_person including defaults) on commit drop");
            jdbc.execute("truncate import_person");
        }
        Connection c = DataSourceUtils.getConnection(dataSource);
        try {
            return new Copy(direct, new PGCopyOutputStream(c.unwrap(PGConnection.class),
                    "copy " + table + " (" + DATA_COLUMNS + ") from stdin (format csv)", 1 << 16));
        } catch (SQLException e) {
            throw new IllegalStateException("COPY into " + table + " failed: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(c, dataSource);
        }
    }

    /**
     * Stages the rows of {@code copyCsv} (lines of {@link PersonColumns#copyLine}) in a temporary table
     * for {@link #merge}. Must run inside the same transaction as the merge.
     */
    public void stage(Reader copyCsv) {
        jdbc.execute("create temporary table if not exists import_person (like register_person including defaults) on commit drop");
        jdbc.execute("truncate import_person");
        Connection c = DataSourceUtils.getConnection(dataSource);
        try {
            c.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy import_person (" + DATA_COLUMNS + ") from stdin (format csv)", copyCsv);
        } catch (SQLException e) {
            throw new IllegalStateException("COPY into import_person failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            DataSourceUtils.releaseConnection(c, dataSource);
        }
    }

    /**
     * Replaces the register of {@code communes} for {@code year} by the staged rows: inserts new persons,
     * updates those whose data differ, deletes the persons of those communes that the file no longer has.
     */
    public MergeCounts merge(int year, Collection<String> communes) {
        String[] communeArray = communes.toArray(String[]::new);
        List<Boolean> upserted = jdbc.queryForList("""
                insert into register_person as r (%s)
                select %s from import_person
                on conflict (year, person_id) do update set
                  household_id = excluded.household_id, commune_code = excluded.commune_code, village = excluded.village,
                  birth_date = excluded.birth_date, birth_year = excluded.birth_year, sex = excluded.sex,
                  ethnicity = excluded.ethnicity, residence = excluded.residence, disability = excluded.disability,
                  enrolment = excluded.enrolment, grade = excluded.grade, preschool_completed = excluded.preschool_completed,
                  primary_completed = excluded.primary_completed, lower_secondary_diploma = excluded.lower_secondary_diploma,
                  upper_secondary_completed = excluded.upper_secondary_completed,
                  highest_grade_completed = excluded.highest_grade_completed,
                  literacy_stage_completed = excluded.literacy_stage_completed, employed = excluded.employed,
                  qualification = excluded.qualification, digital_skills = excluded.digital_skills,
                  information_literacy = excluded.information_literacy, life_skills = excluded.life_skills,
                  learning_citizen_year = excluded.learning_citizen_year, search_key = excluded.search_key,
                  version = r.version + 1, updated_at = now()
                where (r.household_id, r.commune_code, r.village, r.birth_date, r.birth_year, r.sex, r.ethnicity,
                       r.residence, r.disability, r.enrolment, r.grade, r.preschool_completed, r.primary_completed,
                       r.lower_secondary_diploma, r.upper_secondary_completed, r.highest_grade_completed,
                       r.literacy_stage_completed, r.employed, r.qualification, r.digital_skills,
                       r.information_literacy, r.life_skills, r.learning_citizen_year)
                  is distinct from
                      (excluded.household_id, excluded.commune_code, excluded.village, excluded.birth_date,
                       excluded.birth_year, excluded.sex, excluded.ethnicity, excluded.residence, excluded.disability,
                       excluded.enrolment, excluded.grade, excluded.preschool_completed, excluded.primary_completed,
                       excluded.lower_secondary_diploma, excluded.upper_secondary_completed,
                       excluded.highest_grade_completed, excluded.literacy_stage_completed, excluded.employed,
                       excluded.qualification, excluded.digital_skills, excluded.information_literacy,
                       excluded.life_skills, excluded.learning_citizen_year)
                returning (xmax = 0)""".formatted(DATA_COLUMNS, DATA_COLUMNS), Boolean.class);
        int inserted = (int) upserted.stream().filter(Boolean::booleanValue).count();
        int updated = upserted.size() - inserted;
        int deleted = jdbc.update("""
                delete from register_person r where r.year = ? and r.commune_code = any (?)
                  and not exists (select 1 from import_person i where i.year = r.year and i.person_id = r.person_id)""",
                year, communeArray);
        return new MergeCounts(inserted, updated, deleted);
    }

    /** The data columns an import compares (what makes a person "changed"). */
    private static final List<String> COMPARED = PersonColumns.COLUMNS.stream()
            .filter(c -> !c.equals("year") && !c.equals("person_id") && !c.equals("search_key")).toList();

    /**
     * Keeps, before {@link #merge}, what the merge will replace: for each staged person that differs from the stored
     * one its stored row ('U'), for each stored person of {@code communes} the file no longer has its row ('D'), and
     * the ids of the new persons ('I'). Unchanged persons cost no row. Same transaction as the merge.
     */
    public void keepBeforeImages(long importId, int year, Collection<String> communes) {
        String r = COMPARED.stream().map(c -> "r." + c).collect(java.util.stream.Collectors.joining(", "));
        String i = COMPARED.stream().map(c -> "i." + c).collect(java.util.stream.Collectors.joining(", "));
        jdbc.update("""
                insert into register_import_change (import_id, person_id, change, before)
                select ?, r.person_id, 'U', to_jsonb(r) from register_person r
                join import_person i on i.year = r.year and i.person_id = r.person_id
                where r.year = ? and (%s) is distinct from (%s)""".formatted(r, i), importId, year);
        jdbc.update("""
                insert into register_import_change (import_id, person_id, change, before)
                select ?, r.person_id, 'D', to_jsonb(r) from register_person r
                where r.year = ? and r.commune_code = any (?)
                  and not exists (select 1 from import_person i where i.year = r.year and i.person_id = r.person_id)""",
                importId, year, communes.toArray(String[]::new));
        jdbc.update("""
                insert into register_import_change (import_id, person_id, change)
                select ?, i.person_id, 'I' from import_person i
                where not exists (select 1 from register_person r where r.year = i.year and r.person_id = i.person_id)""",
                importId);
    }

    /** Staged persons already registered for the year under another commune: (person_id, that commune). */
    public List<String[]> stagedFromOtherCommunes() {
        return jdbc.query("""
                select i.person_id, r.commune_code from import_person i
                join register_person r on r.year = i.year and r.person_id = i.person_id and r.commune_code <> i.commune_code
                limit 1000""", (rs, n) -> new String[] {rs.getString(1), rs.getString(2)});
    }

    /**
     * Streams the persons of a year (optionally of some communes) to {@code sink}, in person_id order. Runs in a
     * (read-only) transaction, joining the caller's if any: only there does PostgreSQL's driver fetch the rows
     * through a cursor, 10,000 at a time; outside one it would hold the whole result (8.7 million rows) in memory.
     */
    public void forEach(int year, Collection<String> communes, Consumer<Person> sink) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            stream(year, communes, sink);
        } else {
            readOnly.executeWithoutResult(status -> stream(year, communes, sink));
        }
    }

    private void stream(int year, Collection<String> communes, Consumer<Person> sink) {
        String sql = "select * from register_person where year = ?" + (communes == null ? "" : " and commune_code = any (?)")
                + " order by commune_code, person_id";
        List<Object> args = new ArrayList<>();
        args.add(year);
        if (communes != null) {
            args.add(communes.toArray(String[]::new));
        }
        jdbc.query(con -> {
            var ps = con.prepareStatement(sql);
            ps.setFetchSize(10_000);
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            return ps;
        }, rs -> {
            sink.accept(PersonColumns.fromRow(rs));
        });
    }

    public List<Integer> years() {
        // a loose index scan over the primary key (year, person_id): one index probe per year instead of reading
        // every row, as "select distinct year" would (seconds at 8.7 million persons)
        return jdbc.queryForList("""
                with recursive y (year) as (
                  select min(year) from register_person
                  union all
                  select (select min(r.year) from register_person r where r.year > y.year) from y where y.year is not null)
                select year from y where year is not null order by year""", Integer.class);
    }

    public long count(int year) {
        Long n = jdbc.queryForObject("select count(*) from register_person where year = ?", Long.class, year);
        return n == null ? 0 : n;
    }
}
