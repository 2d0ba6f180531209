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
 * The register's table. Imports go through PostgreSQL's COPY (straight into the table for a year's first import,
 * otherwise into a temporary table that is compared with the year in one pass and merged: insert or update what
 * differs, delete what the file no longer has for its communes), inside the caller's transaction: all or nothing.
 */
@Component
public class RegisterStore {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RegisterStore.class);

    /** What a merge changed. */
    public record MergeCounts(int inserted, int updated, int deleted) {
        public boolean changedNothing() {
            return inserted == 0 && updated == 0 && deleted == 0;
        }
    }

    private static final String DATA_COLUMNS = String.join(", ", PersonColumns.COLUMNS);
    /** What an import or an edit COPYs: the data columns and the row's hash. */
    private static final String STAGED_COLUMNS = String.join(", ", PersonColumns.STAGED_COLUMNS);

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
     * A COPY in progress on the transaction's connection, fed person by person while the file is read (PostgreSQL
     * stores rows while Java parses the next ones; in the binary form a second thread encodes and sends them,
     * {@link PersonSender}). Either {@link #finish} it or {@link #cancel} it; while it is open the connection can run
     * no other statement.
     */
    public static final class Copy {
        private final boolean direct;
        private final PGCopyOutputStream stream;
        /** The CSV form's writer, or null when persons are sent in the binary form. */
        private final Writer out;
        /** The binary form's encoder and sender (its own thread), or null for the CSV form. */
        private final PersonSender rows;
        /** Run after the COPY ended (the indexes dropped for a first import are built again), or null. */
        private final Runnable afterCopy;
        private long lines;

        private Copy(boolean direct, PGCopyOutputStream stream, Runnable afterCopy, boolean binary) {
            this.direct = direct;
            this.stream = stream;
            this.afterCopy = afterCopy;
            if (binary) {
                this.out = null;
                try {
                    stream.write(BinaryPersonRows.HEADER);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                this.rows = new PersonSender(stream);
            } else {
                this.rows = null;
                this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
            }
        }

        /** True when the persons go to PostgreSQL in its binary COPY form ({@link BinaryPersonRows}). */
        public boolean binary() {
            return rows != null;
        }

        /** Adds one person of {@code year}, in the form this COPY was opened with. */
        public void write(int year, Person p) {
            if (rows == null) {
                write(PersonColumns.stagedLine(year, p));
                return;
            }
            rows.add(year, p);
            lines++;
        }

        /** True when the table's indexes were dropped for this COPY and are built again when it ends. */
        public boolean rebuildsIndexes() {
            return afterCopy != null;
        }

        /** True when the rows go straight into {@code register_person} (the year had no persons). */
        public boolean direct() {
            return direct;
        }

        /** Adds one person (a line of {@link PersonColumns#copyLine}, without newline). */
        public void write(String copyLine) {
            if (rows != null) {
                throw new IllegalStateException("this COPY takes persons in the binary form, not CSV lines");
            }
            try {
                out.write(copyLine);
                out.write('\n');
                lines++;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Ends the COPY (and builds the dropped indexes again); returns the rows PostgreSQL stored. */
        public long finish() {
            try {
                if (rows != null) {
                    rows.finish();
                    stream.write(BinaryPersonRows.TRAILER);
                } else {
                    out.flush();
                }
                long n = stream.endCopy();
                if (afterCopy != null) {
                    afterCopy.run();
                }
                return n;
            } catch (SQLException e) {
                throw new IllegalStateException("COPY of the register failed: " + e.getMessage(), e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Abandons the COPY (the caller rolls the transaction back). */
        public void cancel() {
            if (rows != null) {
                rows.cancel();
            }
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
     * temporary table for {@link #diff} and {@link #merge}.
     *
     * <p>When the whole table is empty (the installation's first import) and {@code rebuildIndexes} is set, the
     * table is locked, its primary key and indexes are dropped for the COPY and built again, one sort each, when it
     * ends ({@link Copy#finish}): PostgreSQL then stores rows without maintaining three B-trees row by row. All of it
     * is in the caller's transaction: a failed or cancelled import rolls the drop back with the rows.
     */
    public Copy open(int year, boolean rebuildIndexes) {
        return open(year, rebuildIndexes, false);
    }

    /**
     * {@link #open(int, boolean)}, the persons sent in PostgreSQL's binary COPY form when {@code binary} is set and
     * the table's column types are those the form is written for ({@link BinaryPersonRows#TYPES}; otherwise the CSV
     * form, with a warning in the log: a later migration that changes a column's type makes no import fail).
     */
    public Copy open(int year, boolean rebuildIndexes, boolean binary) {
        boolean useBinary = binary && binaryFormFits();
        jdbc.execute("select pg_advisory_xact_lock(7007, " + year + ")");
        Boolean any = jdbc.queryForObject("select exists (select 1 from register_person where year = ?)", Boolean.class, year);
        boolean direct = !Boolean.TRUE.equals(any);
        String table = direct ? "register_person" : "import_person";
        Runnable afterCopy = null;
        if (!direct) {
            jdbc.execute("create temporary table if not exists import_person (like register_person including defaults) on commit drop");
            jdbc.execute("truncate import_person");
        } else if (rebuildIndexes && !Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from register_person)", Boolean.class))) {
            jdbc.execute("lock table register_person in access exclusive mode");
            if (!Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from register_person)", Boolean.class))) {
                // emptied in this transaction (it is empty): with wal_level = minimal PostgreSQL then writes no WAL for
                // the COPY and the index builds, and forces the table's files to disk at commit
                jdbc.execute("truncate register_person");
                afterCopy = dropIndexes();
            }
        }
        Connection c = DataSourceUtils.getConnection(dataSource);
        try {
            return new Copy(direct, new PGCopyOutputStream(c.unwrap(PGConnection.class),
                    "copy " + table + " (" + STAGED_COLUMNS + ") from stdin (format " + (useBinary ? "binary" : "csv") + ")",
                    1 << 16), afterCopy, useBinary);
        } catch (SQLException e) {
            throw new IllegalStateException("COPY into " + table + " failed: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(c, dataSource);
        }
    }

    /** Whether {@code register_person}'s staged columns have the types {@link BinaryPersonRows} writes. */
    private boolean binaryFormFits() {
        java.util.Map<String, String> actual = new java.util.HashMap<>();
        jdbc.query("""
                select a.attname, t.typname from pg_attribute a join pg_type t on t.oid = a.atttypid
                where a.attrelid = 'register_person'::regclass and a.attnum > 0 and not a.attisdropped""",
                (org.springframework.jdbc.core.RowCallbackHandler) rs -> actual.put(rs.getString(1), rs.getString(2)));
        for (var column : BinaryPersonRows.TYPES.entrySet()) {
            if (!column.getValue().equals(actual.get(column.getKey()))) {
                log.warn("register import: column {} of register_person is {}, not {}: the import uses COPY's CSV form",
                        column.getKey(), actual.get(column.getKey()), column.getValue());
                return false;
            }
        }
        return true;
    }

    /**
     * Drops the primary key, unique constraints and indexes of {@code register_person} (caller holds the table's
     * exclusive lock, in a transaction) and returns what builds them again, from their own definitions as
     * PostgreSQL prints them (so an index a later migration adds is built again too).
     */
    private Runnable dropIndexes() {
        List<String[]> constraints = jdbc.query("""
                select c.conname, pg_get_constraintdef(c.oid) from pg_constraint c
                where c.conrelid = 'register_person'::regclass and c.contype in ('p', 'u') order by c.contype, c.conname""",
                (rs, i) -> new String[] {rs.getString(1), rs.getString(2)});
        List<String[]> indexes = jdbc.query("""
                select i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) from pg_index i
                where i.indrelid = 'register_person'::regclass
                  and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)
                order by 1""", (rs, i) -> new String[] {rs.getString(1), rs.getString(2)});
        for (String[] ix : indexes) {
            jdbc.execute("drop index " + ix[0]);
        }
        for (String[] con : constraints) {
            jdbc.execute("alter table register_person drop constraint " + quoteIdent(con[0]));
        }
        return () -> {
            // one sort per index, with room to sort in memory (transaction-scoped setting)
            jdbc.execute("set local maintenance_work_mem = '512MB'");
            for (String[] con : constraints) {
                jdbc.execute("alter table register_person add constraint " + quoteIdent(con[0]) + " " + con[1]);
            }
            for (String[] ix : indexes) {
                jdbc.execute(ix[1]);
            }
        };
    }

    private static String quoteIdent(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /**
     * Stages the rows of {@code copyCsv} (lines of {@link PersonColumns#stagedLine}) in a temporary table
     * for {@link #merge}. Must run inside the same transaction as the merge.
     */
    public void stage(Reader copyCsv) {
        jdbc.execute("create temporary table if not exists import_person (like register_person including defaults) on commit drop");
        jdbc.execute("truncate import_person");
        Connection c = DataSourceUtils.getConnection(dataSource);
        try {
            c.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy import_person (" + STAGED_COLUMNS + ") from stdin (format csv)", copyCsv);
        } catch (SQLException e) {
            throw new IllegalStateException("COPY into import_person failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            DataSourceUtils.releaseConnection(c, dataSource);
        }
    }

    /**
     * Compares the staged rows with the year's register in one pass and keeps what differs in the temporary table
     * {@code import_diff} (person_id, change 'I' new / 'U' changed / 'D' no longer in the file for one of
     * {@code communes}, commune before and after). Unchanged persons cost no row. A stored row with a hash
     * ({@link PersonColumns#rowHash}) is compared by its hash, one written before hashes were kept by its columns.
     * Same transaction as {@link #merge}; returns what the merge will do.
     */
    public MergeCounts diff(int year, Collection<String> communes) {
        // a temporary table has no statistics until analysed (autovacuum never sees it): without them the planner
        // guesses a few hundred rows and may probe the primary key millions of times instead of one hash join
        jdbc.execute("analyze import_person");
        jdbc.execute("set local work_mem = '512MB'");
        String r = COMPARED.stream().map(c -> "r." + c).collect(java.util.stream.Collectors.joining(", "));
        String i = COMPARED.stream().map(c -> "i." + c).collect(java.util.stream.Collectors.joining(", "));
        jdbc.execute("drop table if exists import_diff");
        jdbc.update("""
                create temporary table import_diff on commit drop as
                select coalesce(i.person_id, r.person_id) as person_id,
                       case when r.person_id is null then 'I' when i.person_id is null then 'D' else 'U' end as change,
                       r.commune_code as commune_before, i.commune_code as commune_after, r.row_hash is null as unhashed
                from import_person i
                full join (select person_id, commune_code, row_hash from register_person where year = ?) r on r.person_id = i.person_id
                where r.person_id is null
                   or (i.person_id is null and r.commune_code = any (?))
                   or (i.person_id is not null and r.person_id is not null and (r.row_hash is null or r.row_hash <> i.row_hash))""",
                year, communes.toArray(String[]::new));
        // rows stored without a hash: a candidate only; unchanged when every column is equal
        jdbc.update("""
                delete from import_diff d using import_person i, register_person r
                where d.unhashed and d.change = 'U' and i.person_id = d.person_id and r.year = ? and r.person_id = d.person_id
                  and (%s) is not distinct from (%s)""".formatted(r, i), year);
        return jdbc.query("""
                select count(*) filter (where change = 'I'), count(*) filter (where change = 'U'),
                       count(*) filter (where change = 'D') from import_diff""",
                rs -> {
                    rs.next();
                    return new MergeCounts(rs.getInt(1), rs.getInt(2), rs.getInt(3));
                });
    }

    /**
     * Applies {@link #diff}: inserts the new persons, updates the changed ones (version + 1), deletes the persons of
     * the file's communes that the file no longer has. Runs no statement when nothing differs.
     */
    public MergeCounts merge(int year, MergeCounts diff) {
        if (diff.changedNothing()) {
            return diff;
        }
        String set = PersonColumns.STAGED_COLUMNS.stream().filter(c -> !c.equals("year") && !c.equals("person_id"))
                .map(c -> c + " = i." + c).collect(java.util.stream.Collectors.joining(", "));
        int inserted = diff.inserted() == 0 ? 0 : jdbc.update("""
                insert into register_person (%s)
                select %s from import_person i join import_diff d on d.person_id = i.person_id and d.change = 'I'"""
                .formatted(STAGED_COLUMNS, PersonColumns.STAGED_COLUMNS.stream().map(c -> "i." + c)
                        .collect(java.util.stream.Collectors.joining(", "))));
        int updated = diff.updated() == 0 ? 0 : jdbc.update("""
                update register_person r set %s, version = r.version + 1, updated_at = now()
                from import_person i join import_diff d on d.person_id = i.person_id and d.change = 'U'
                where r.year = ? and r.person_id = i.person_id""".formatted(set), year);
        int deleted = diff.deleted() == 0 ? 0 : jdbc.update("""
                delete from register_person r using import_diff d
                where d.change = 'D' and r.year = ? and r.person_id = d.person_id""", year);
        return new MergeCounts(inserted, updated, deleted);
    }

    /** The data columns an import compares (what makes a person "changed"). */
    private static final List<String> COMPARED = PersonColumns.COLUMNS.stream()
            .filter(c -> !c.equals("year") && !c.equals("person_id") && !c.equals("search_key")).toList();

    /**
     * Keeps, before {@link #merge}, what the merge will replace (from {@link #diff}): for each changed person its
     * stored row ('U'), for each person the file no longer has its row ('D'), and the ids of the new persons ('I').
     * Unchanged persons cost no row. Same transaction as the merge.
     */
    public void keepBeforeImages(long importId, int year) {
        jdbc.update("""
                insert into register_import_change (import_id, person_id, change, before)
                select ?, r.person_id, d.change, to_jsonb(r) from import_diff d
                join register_person r on r.year = ? and r.person_id = d.person_id
                where d.change in ('U', 'D')""", importId, year);
        jdbc.update("""
                insert into register_import_change (import_id, person_id, change)
                select ?, d.person_id, 'I' from import_diff d where d.change = 'I'""", importId);
    }

    /** Changed persons ({@link #diff}) registered for the year under another commune: (person_id, that commune). */
    public List<String[]> stagedFromOtherCommunes() {
        return jdbc.query("""
                select d.person_id, d.commune_before from import_diff d
                where d.change = 'U' and d.commune_before <> d.commune_after
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
