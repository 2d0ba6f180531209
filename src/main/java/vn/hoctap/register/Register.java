package vn.hoctap.register;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.hoctap.accounts.AccessAction;
import vn.hoctap.accounts.AccessGuard;
import vn.hoctap.accounts.DataKind;
import vn.hoctap.audit.AuditLog;
import vn.hoctap.platform.HanoiTime;
import vn.hoctap.platform.NotFoundException;
import vn.hoctap.platform.VietnameseText;
import vn.hoctap.register.internal.PersonColumns;
import vn.hoctap.register.internal.RegisterStore;
import vn.hoctap.standards.core.ImportIssue;
import vn.hoctap.standards.core.ImportReport;
import vn.hoctap.standards.core.Person;
import vn.hoctap.standards.core.PersonsReader;

/**
 * Sổ theo dõi phổ cập giáo dục: finding, reading, editing and exporting the persons of a commune's
 * register, scoped to the user's units. An edit goes through the same checks as an import (the row is
 * validated by the exchange format's reader) and is audited with the person's state before and after.
 */
@Service
public class Register {

    /** An edit refused: the row-level issues, in Vietnamese and English. */
    public static class InvalidPersonException extends RuntimeException {
        private final List<ImportIssue> issues;

        public InvalidPersonException(List<ImportIssue> issues) {
            super("invalid person: " + issues.size() + " issue(s)");
            this.issues = List.copyOf(issues);
        }

        public List<ImportIssue> issues() {
            return issues;
        }
    }

    private final JdbcTemplate jdbc;
    private final RegisterStore store;
    private final RegisterStandards standards;
    private final AccessGuard guard;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    public Register(JdbcTemplate jdbc, RegisterStore store, RegisterStandards standards, AccessGuard guard, AuditLog audit,
                    ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.store = store;
        this.standards = standards;
        this.guard = guard;
        this.audit = audit;
        this.events = events;
    }

    /** Persons of a commune whose id, household or village matches {@code query} (diacritics ignored). */
    public List<Person> search(int year, String communeCode, String query, int limit) {
        guard.requireForYear(DataKind.PERSON_ROWS, AccessAction.READ, communeCode, year);
        String q = "%" + VietnameseText.fold(query == null ? "" : query).replace("%", "") + "%";
        return jdbc.query("""
                select * from register_person where year = ? and commune_code = ? and search_key like ?
                order by household_id, person_id limit ?""", (rs, i) -> PersonColumns.fromRow(rs),
                year, communeCode, q, limit);
    }

    /**
     * What an officer filters a commune's list by: a text (id, household, village, diacritics ignored), an age
     * range in the data year, a village, a disability status. Null or blank = no filter.
     */
    public record Filter(String query, Integer ageFrom, Integer ageTo, String village, Person.Disability disability,
                         String householdId) {
        public static Filter none() {
            return new Filter(null, null, null, null, null, null);
        }
    }

    /** One page of a list and the number of persons the filter matches. */
    public record Page(List<Person> persons, long total, int offset, int limit) {
        public boolean hasNext() {
            return offset + persons.size() < total;
        }

        public boolean hasPrevious() {
            return offset > 0;
        }

        public int first() {
            return persons.isEmpty() ? 0 : offset + 1;
        }

        public int last() {
            return offset + persons.size();
        }
    }

    /** The persons of a commune matching {@code filter}, by household, {@code limit} from {@code offset}, with the total. */
    public Page page(int year, String communeCode, Filter filter, int offset, int limit) {
        guard.requireReadForYear(communeCode, year);
        StringBuilder where = new StringBuilder("year = ? and commune_code = ?");
        List<Object> args = new ArrayList<>(List.of(year, communeCode));
        if (filter.query() != null && !filter.query().isBlank()) {
            where.append(" and search_key like ?");
            args.add("%" + VietnameseText.fold(filter.query()).replace("%", "") + "%");
        }
        if (filter.ageFrom() != null) {
            where.append(" and birth_year <= ?");
            args.add(year - filter.ageFrom());
        }
        if (filter.ageTo() != null) {
            where.append(" and birth_year >= ?");
            args.add(year - filter.ageTo());
        }
        if (filter.village() != null && !filter.village().isBlank()) {
            where.append(" and village = ?");
            args.add(filter.village());
        }
        if (filter.disability() != null) {
            where.append(" and disability = ?");
            args.add(filter.disability().code());
        }
        if (filter.householdId() != null && !filter.householdId().isBlank()) {
            where.append(" and household_id = ?");
            args.add(filter.householdId());
        }
        Long total = jdbc.queryForObject("select count(*) from register_person where " + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(limit);
        pageArgs.add(Math.max(0, offset));
        List<Person> persons = jdbc.query("select * from register_person where " + where
                + " order by household_id, birth_year, person_id limit ? offset ?", (rs, i) -> PersonColumns.fromRow(rs),
                pageArgs.toArray());
        return new Page(persons, total == null ? 0 : total, Math.max(0, offset), limit);
    }

    /** The villages (thôn, tổ dân phố) named in a commune's register of the year, in Vietnamese order. */
    public List<String> villages(int year, String communeCode) {
        guard.requireReadForYear(communeCode, year);
        List<String> v = new ArrayList<>(jdbc.queryForList("""
                select distinct village from register_person where year = ? and commune_code = ? and village is not null
                and village <> ''""", String.class, year, communeCode));
        v.sort(VietnameseText.ORDER);
        return v;
    }

    public long count(int year, String communeCode) {
        guard.requireForYear(DataKind.PERSON_ROWS, AccessAction.READ, communeCode, year);
        Long n = jdbc.queryForObject("select count(*) from register_person where year = ? and commune_code = ?",
                Long.class, year, communeCode);
        return n == null ? 0 : n;
    }

    /** One person with the row version (for optimistic locking); refused outside the user's units. */
    public record Entry(Person person, int version) {
    }

    public Entry get(int year, String personId) {
        Entry e = find(year, personId).orElseThrow(() -> new NotFoundException("register.error.not-found", personId));
        guard.requireForYear(DataKind.PERSON_ROWS, AccessAction.READ, e.person().communeCode(), year);
        return e;
    }

    private Optional<Entry> find(int year, String personId) {
        return jdbc.query("select * from register_person where year = ? and person_id = ?",
                (rs, i) -> new Entry(PersonColumns.fromRow(rs), rs.getInt("version")), year, personId).stream().findFirst();
    }

    /**
     * Saves an edited person given as exchange-format cells (column → text). The person's commune
     * (old and new) must be writable by the user. Throws {@link InvalidPersonException} with the
     * issues when the row is not valid; nothing is written then.
     */
    @Transactional
    public Entry update(int year, String personId, Map<String, String> cells, int expectedVersion) {
        Entry before = find(year, personId).orElseThrow(() -> new NotFoundException("register.error.not-found", personId));
        guard.require(DataKind.PERSON_ROWS, AccessAction.WRITE, before.person().communeCode());
        Map<String, String> row = new LinkedHashMap<>(cells);
        row.put("person_id", personId);
        Person p = validate(year, row);
        guard.require(DataKind.PERSON_ROWS, AccessAction.WRITE, p.communeCode());
        if (before.version() != expectedVersion) {
            throw new InvalidPersonException(List.of(new ImportIssue("form", 0, "version", String.valueOf(expectedVersion),
                    "bản ghi đã được người khác sửa; hãy tải lại trang rồi sửa lại",
                    "someone else changed this record; reload the page and edit again")));
        }
        // an import of the year holds the exclusive lock (RegisterStore.open); edits share it and do not wait
        Boolean free = jdbc.queryForObject("select pg_try_advisory_xact_lock_shared(7007, ?)", Boolean.class, year);
        if (!Boolean.TRUE.equals(free)) {
            throw new InvalidPersonException(List.of(new ImportIssue("form", 0, "year", String.valueOf(year),
                    "đang nhập sổ phổ cập của năm này; hãy thử lại sau ít phút",
                    "a register import of this year is running; try again in a few minutes")));
        }
        jdbc.update("delete from register_person where year = ? and person_id = ?", year, personId);
        store.stage(new java.io.StringReader(PersonColumns.stagedLine(year, p) + "\n"));
        jdbc.update("insert into register_person select * from import_person");
        jdbc.update("update register_person set version = ? where year = ? and person_id = ?", before.version() + 1, year, personId);
        audit.record("update", "register_person", year + ":" + personId, p.communeCode(),
                state(before.person()), state(p), null);
        Entry saved = find(year, personId).orElseThrow();
        events.publishEvent(new RegisterChanged(year, new java.util.TreeSet<>(List.of(before.person().communeCode(), p.communeCode())),
                List.of(new RegisterChanged.Change(before.person(), saved.person()))));
        return saved;
    }

    /** Validates one row with the exchange format's reader against the year's units. */
    Person validate(int year, Map<String, String> row) {
        StringBuilder csv = new StringBuilder();
        List<String> cols = PersonColumns.CSV_COLUMNS;
        csv.append(String.join(",", cols)).append('\n');
        for (int i = 0; i < cols.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            String v = row.getOrDefault(cols.get(i), "");
            v = v == null ? "" : v.strip();
            csv.append('"').append(v.replace("\"", "\"\"")).append('"');
        }
        csv.append('\n');
        PersonsReader reader = new PersonsReader(standards.unitsFor(year), Clock.system(HanoiTime.ZONE));
        List<Person> read = new ArrayList<>();
        ImportReport report = reader.read(new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), "form", read::add);
        if (!report.ok() || read.size() != 1) {
            throw new InvalidPersonException(report.errors());
        }
        return read.get(0);
    }

    /** Writes the register of a commune (or of all the user's communes when null) in the exchange format. */
    public void export(int year, String communeCode, Writer out) {
        export(year, communeCode, out, null);
    }

    /** The exchange-format columns (register-csv.md), in export order. */
    public static List<String> exportColumns() {
        return PersonColumns.CSV_COLUMNS;
    }

    /**
     * Writes the register of a commune with the given header row (one label per {@link #exportColumns()} column, e.g.
     * the Vietnamese field names for people reading it in Excel, issue 19) or, when {@code headers} is null, the
     * exchange format's machine headers (register-csv.md: the file imports back). The data rows are the same.
     */
    public void export(int year, String communeCode, Writer out, List<String> headers) {
        guard.requireForYear(DataKind.PERSON_ROWS, AccessAction.EXPORT, communeCode, year);
        if (headers != null && headers.size() != PersonColumns.CSV_COLUMNS.size()) {
            throw new IllegalArgumentException("one header per column: " + PersonColumns.CSV_COLUMNS.size());
        }
        try {
            if (headers == null) {
                out.write(String.join(",", PersonColumns.CSV_COLUMNS));
                out.write('\n');
            } else {
                // labels may hold commas ("Trình độ chuyên môn, kỹ thuật cao nhất"): RFC 4180 quoting
                vn.hoctap.platform.CsvWriter.of(out).row(headers.toArray()).flush();
            }
            store.forEach(year, Set.of(communeCode), p -> {
                try {
                    out.write(PersonColumns.exportLine(p));
                    out.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> state(Person p) {
        Map<String, String> m = new LinkedHashMap<>();
        List<String> cells = PersonColumns.cells(p);
        for (int i = 0; i < cells.size(); i++) {
            if (!cells.get(i).isEmpty()) {
                m.put(PersonColumns.CSV_COLUMNS.get(i), cells.get(i));
            }
        }
        return m;
    }
}
