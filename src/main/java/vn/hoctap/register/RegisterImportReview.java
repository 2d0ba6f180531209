package vn.hoctap.register;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.hoctap.accounts.AccessAction;
import vn.hoctap.accounts.AccessGuard;
import vn.hoctap.accounts.DataKind;
import vn.hoctap.audit.AuditLog;
import vn.hoctap.platform.NotFoundException;
import vn.hoctap.platform.ValidationException;
import vn.hoctap.register.internal.PersonColumns;

/**
 * Lịch sử nhập sổ và hoàn tác: each import that changed the register keeps the before-images of the persons it
 * changed or deleted and the ids of those it added ({@code register_import_change}); an officer sees what changed
 * (added, changed field by field, deleted) and can undo the import within {@link #RETENTION} (30 days, a decision:
 * long enough to notice a wrong file at the next monthly check, short enough not to keep replaced personal data;
 * then the before-images are purged and the import can no longer be undone). An undo is all or nothing, audited,
 * and refused when a later import touched the same communes or a person of those communes was edited since.
 */
@Service
public class RegisterImportReview {

    private static final Logger log = LoggerFactory.getLogger(RegisterImportReview.class);

    public static final Duration RETENTION = Duration.ofDays(30);
    static final int SHOWN = 200;

    /** An import as listed. */
    public record ImportSummary(long id, int year, String fileName, String actor, Instant at, int rows, int inserted,
                                int updated, int deleted, List<String> communes, String status, boolean firstOfYear,
                                boolean undoable, Instant undoableUntil, Instant undoneAt, String undoneBy) {
    }

    /** One changed field of a person: the value before the import and now. */
    public record FieldChange(String field, String before, String after) {
    }

    /** A person the import changed, with its changed fields. */
    public record ChangedPerson(String personId, List<FieldChange> fields) {
    }

    /** What an import changed (the first {@value #SHOWN} of each kind, and the counts). */
    public record Changes(ImportSummary summary, int addedCount, List<String> added, int changedCount,
                          List<ChangedPerson> changed, int deletedCount, List<Map<String, String>> deleted) {
    }

    private final JdbcTemplate jdbc;
    private final AccessGuard guard;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;

    public RegisterImportReview(JdbcTemplate jdbc, AccessGuard guard, AuditLog audit, TransactionTemplate tx,
                                 ApplicationEventPublisher events, JsonMapper json) {
        this.jdbc = jdbc;
        this.guard = guard;
        this.audit = audit;
        this.tx = tx;
        this.events = events;
        this.json = json;
    }

    /** The imports of a year that touched a commune the user may read, newest first. */
    public List<ImportSummary> list(int year) {
        guard.require(DataKind.PERSON_ROWS, AccessAction.READ);
        return jdbc.query("select * from register_import where year = ? order by id desc limit 200", (rs, i) -> summary(rs), year)
                .stream().filter(s -> s.communes().stream().anyMatch(c -> guard.canReadForYear(c, year))).toList();
    }

    private ImportSummary summary(java.sql.ResultSet rs) throws java.sql.SQLException {
        Instant at = rs.getTimestamp("at").toInstant();
        String status = rs.getString("status");
        boolean purged = rs.getBoolean("images_purged");
        Instant until = at.plus(RETENTION);
        return new ImportSummary(rs.getLong("id"), rs.getInt("year"), rs.getString("file_name"), rs.getString("actor"), at,
                rs.getInt("rows"), rs.getInt("inserted"), rs.getInt("updated"), rs.getInt("deleted"),
                Arrays.stream(rs.getString("communes").split(",")).filter(c -> !c.isEmpty()).toList(), status,
                rs.getBoolean("first_of_year"), "applied".equals(status) && !purged && Instant.now().isBefore(until), until,
                rs.getTimestamp("undone_at") == null ? null : rs.getTimestamp("undone_at").toInstant(), rs.getString("undone_by"));
    }

    private ImportSummary find(long id) {
        List<ImportSummary> s = jdbc.query("select * from register_import where id = ?", (rs, i) -> summary(rs), id);
        if (s.isEmpty()) {
            throw new NotFoundException("register.history.not-found", id);
        }
        return s.get(0);
    }

    /** What the import changed; every commune of the import must be readable by the user. */
    public Changes changes(long id) {
        ImportSummary s = find(id);
        for (String c : s.communes()) {
            guard.requireForYear(DataKind.PERSON_ROWS, AccessAction.READ, c, s.year());
        }
        if (s.firstOfYear()) {
            List<String> added = jdbc.queryForList("""
                    select person_id from register_person where year = ? and commune_code = any (?) order by person_id limit ?""",
                    String.class, s.year(), s.communes().toArray(String[]::new), SHOWN);
            return new Changes(s, s.inserted(), added, 0, List.of(), 0, List.of());
        }
        List<String> added = jdbc.queryForList("""
                select person_id from register_import_change where import_id = ? and change = 'I' order by person_id limit ?""",
                String.class, id, SHOWN);
        List<ChangedPerson> changed = jdbc.query("""
                select c.person_id, c.before::text as before, to_jsonb(r)::text as now from register_import_change c
                left join register_person r on r.year = ? and r.person_id = c.person_id
                where c.import_id = ? and c.change = 'U' order by c.person_id limit ?""",
                (rs, i) -> new ChangedPerson(rs.getString(1), diff(rs.getString(2), rs.getString(3))), s.year(), id, SHOWN);
        List<Map<String, String>> deleted = jdbc.query("""
                select before::text from register_import_change where import_id = ? and change = 'D' order by person_id limit ?""",
                (rs, i) -> cells(rs.getString(1)), id, SHOWN);
        Map<String, Object> counts = jdbc.queryForMap("""
                select count(*) filter (where change = 'I') as i, count(*) filter (where change = 'U') as u,
                       count(*) filter (where change = 'D') as d from register_import_change where import_id = ?""", id);
        return new Changes(s, ((Number) counts.get("i")).intValue(), added, ((Number) counts.get("u")).intValue(), changed,
                ((Number) counts.get("d")).intValue(), deleted);
    }

    /** The exchange-format fields of a stored row (jsonb of register_person), empty ones left out. */
    private Map<String, String> cells(String row) {
        JsonNode n = json.readTree(row);
        Map<String, String> m = new LinkedHashMap<>();
        for (String c : PersonColumns.CSV_COLUMNS) {
            JsonNode v = n.get(c);
            if (v != null && !v.isNull()) {
                m.put(c, v.asString());
            }
        }
        return m;
    }

    private List<FieldChange> diff(String before, String now) {
        Map<String, String> b = cells(before);
        Map<String, String> a = now == null ? Map.of() : cells(now);
        List<FieldChange> out = new ArrayList<>();
        for (String c : PersonColumns.CSV_COLUMNS) {
            if (!Objects.equals(b.get(c), a.get(c))) {
                out.add(new FieldChange(c, b.getOrDefault(c, ""), a.getOrDefault(c, "")));
            }
        }
        return out;
    }

    /**
     * Undoes an import: removes the persons it added, puts back those it changed or deleted, in one transaction that
     * holds the year's import lock; audited. Refused (ValidationException naming the reason, nothing changed) when
     * the import was already undone, is past its retention, a later import touched one of its communes, or a person
     * of its communes was edited after it.
     */
    public ImportSummary undo(long id) {
        ImportSummary s = find(id);
        for (String c : s.communes()) {
            guard.requireForYear(DataKind.PERSON_ROWS, AccessAction.WRITE, c, s.year());
        }
        Set<String> communes = new LinkedHashSet<>(s.communes());
        tx.executeWithoutResult(status -> {
            jdbc.execute("select pg_advisory_xact_lock(7007, " + s.year() + ")");
            ImportSummary now = find(id);
            if (!now.undoable()) {
                throw ValidationException.of("import", "undone".equals(now.status()) ? "register.history.already-undone"
                        : "register.history.expired");
            }
            List<String> later = jdbc.queryForList("""
                    select communes from register_import where year = ? and id > ? and status = 'applied'""", String.class,
                    s.year(), id);
            for (String l : later) {
                if (Arrays.stream(l.split(",")).anyMatch(communes::contains)) {
                    throw ValidationException.of("import", "register.history.later-import");
                }
            }
            Integer edited = jdbc.queryForObject("""
                    select count(*) from register_person where year = ? and commune_code = any (?) and updated_at > ?""",
                    Integer.class, s.year(), communes.toArray(String[]::new), Timestamp.from(s.at()));
            Integer editedGone = jdbc.queryForObject("""
                    select count(*) from register_import_change c join register_person r on r.year = ? and r.person_id = c.person_id
                    where c.import_id = ? and r.updated_at > ?""", Integer.class, s.year(), id, Timestamp.from(s.at()));
            if (edited + editedGone > 0) {
                throw ValidationException.of("import", "register.history.edited-since");
            }
            int removed;
            int restored;
            if (s.firstOfYear()) {
                removed = jdbc.update("delete from register_person where year = ? and commune_code = any (?)", s.year(),
                        communes.toArray(String[]::new));
                restored = 0;
            } else {
                removed = jdbc.update("""
                        delete from register_person r using register_import_change c
                        where c.import_id = ? and c.change in ('I', 'U') and r.year = ? and r.person_id = c.person_id""", id, s.year());
                restored = jdbc.update("""
                        insert into register_person
                        select (jsonb_populate_record(null::register_person, c.before)).* from register_import_change c
                        where c.import_id = ? and c.change in ('U', 'D')""", id);
            }
            jdbc.update("update register_import set status = 'undone', undone_at = now(), undone_by = ? where id = ?",
                    guard.requireUser().username(), id);
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("import_id", id);
            after.put("file", s.fileName());
            after.put("removed", removed);
            after.put("restored", restored);
            after.put("communes", communes);
            audit.record("undo-import", "register", s.year() + ":import-" + id,
                    communes.size() == 1 ? communes.iterator().next() : null,
                    Map.of("inserted", s.inserted(), "updated", s.updated(), "deleted", s.deleted()), after,
                    "Hoàn tác lần nhập sổ năm " + s.year() + ": " + s.fileName());
            // inside the transaction, delivered after commit (see RegisterStandards.settledState)
            events.publishEvent(new RegisterChanged(s.year(), new java.util.TreeSet<>(communes)));
        });
        return find(id);
    }

    /** Drops the before-images of imports older than {@link #RETENTION} (at start and daily). */
    @Scheduled(initialDelay = 60_000, fixedDelay = 24 * 3600_000L)
    public void purge() {
        int n = jdbc.update("""
                delete from register_import_change c using register_import i
                where c.import_id = i.id and i.at < now() - make_interval(days => ?)""", (int) RETENTION.toDays());
        jdbc.update("update register_import set images_purged = true where not images_purged and at < now() - make_interval(days => ?)",
                (int) RETENTION.toDays());
        if (n > 0) {
            log.info("purged {} before-images of register imports older than {} days", n, RETENTION.toDays());
        }
    }
}
