package vn.hoctap.cycle;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import vn.hoctap.accounts.AccessAction;
import vn.hoctap.accounts.AccessGuard;
import vn.hoctap.accounts.Accounts;
import vn.hoctap.accounts.DataKind;
import vn.hoctap.audit.AuditLog;
import vn.hoctap.cycle.core.VisitRules;
import vn.hoctap.indicators.Targets;
import vn.hoctap.platform.HanoiTime;
import vn.hoctap.platform.NotFoundException;
import vn.hoctap.platform.ValidationException;
import vn.hoctap.units.UnitDirectory;

/**
 * Kiểm tra, giám sát việc thực hiện NQ 23-NQ/TU: the city opens a yearly round with its team, schedules visits (a
 * commune, a community learning centre, a school or a fund) on a calendar, each with the current version of the subject's
 * checklist; a team member records the visit on a phone — a rating per item, notes, evidence files, and for every item
 * not met a required action with its owner and deadline ({@link VisitRules}); the commune follows the actions up until
 * it closes them with a note. A commune reads its own visits, findings and actions; the city reads all and a summary by
 * commune. A visit's record is sent with an idempotency key, so a phone resending after the connection returns never
 * records it twice.
 */
@Service
public class Inspections {

    public enum Subject { COMMUNE, CENTRE, SCHOOL, FUND }

    public record Item(String code, String wording, String source) {
    }

    public record Checklist(long id, Subject subject, int version, List<Item> items) {
    }

    public record Round(long id, int year, String name, List<String> team) {
    }

    public record Visit(long id, long roundId, String unitCode, Subject subject, String subjectName, long checklistId,
                        LocalDate scheduledOn, boolean recorded, String summary, String recordedBy, OffsetDateTime recordedAt) {
    }

    public record Finding(long id, long visitId, String itemCode, VisitRules.Rating rating, String note) {
    }

    public record Action(long id, long findingId, long visitId, String unitCode, String what, String owner, LocalDate deadline,
                         boolean closed, String closedNote, String closedBy, OffsetDateTime closedAt) {
        public boolean overdue(LocalDate today) {
            return !closed && deadline.isBefore(today);
        }
    }

    /** A file sent with a visit (evidence photo or document). */
    public record Upload(String itemCode, String fileName, String contentType, byte[] content) {
    }

    /** The answer to a submission: the visit, and whether this call recorded it (false: an earlier send did). */
    public record Submitted(long visitId, boolean recordedNow, int findings, int actions) {
    }

    /** A commune's line of the summary. */
    public record CommuneSummary(String unitCode, String name, int visits, int recorded, int notMet, int openActions,
                                 int closedActions, int overdueActions) {
    }

    private final JdbcTemplate jdbc;
    private final AccessGuard guard;
    private final AuditLog audit;
    private final UnitDirectory units;
    private final Documents documents;
    private final Accounts accounts;

    Inspections(JdbcTemplate jdbc, AccessGuard guard, AuditLog audit, UnitDirectory units, Documents documents, Accounts accounts,
                TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.guard = guard;
        this.audit = audit;
        this.units = units;
        this.documents = documents;
        this.accounts = accounts;
        tx.executeWithoutResult(s -> seedChecklists());
    }

    // ------------------------------------------------------------------ checklists

    private void seedChecklists() {
        Integer n = jdbc.queryForObject("select count(*) from cycle_checklist", Integer.class);
        if (n != null && n > 0) return;
        Map<Subject, StringBuilder> bySubject = new LinkedHashMap<>();
        try (InputStream in = Inspections.class.getResourceAsStream("/cycle/checklists.txt");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) continue;
                int bar = line.indexOf('|');
                bySubject.computeIfAbsent(Subject.valueOf(line.substring(0, bar)), k -> new StringBuilder())
                        .append(line.substring(bar + 1)).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        bySubject.forEach((s, items) -> jdbc.update("insert into cycle_checklist (subject, version, items, source) values (?, 1, ?, ?)",
                s.name(), items.toString(), "cycle/checklists.txt"));
    }

    /** Publishes a new version of a subject's checklist (lines "code|wording|source"); visits keep the version they used. */
    @Transactional
    public Checklist publishChecklist(Subject subject, String itemsText) {
        guard.require(DataKind.PLANS_AND_INSPECTION, AccessAction.APPROVE, Targets.CITY);
        List<Item> items = parseItems(itemsText == null ? "" : itemsText);
        if (items.isEmpty()) throw ValidationException.of("items", "cycle.error.checklist-empty");
        Set<String> codes = new LinkedHashSet<>();
        for (Item i : items) {
            if (!i.code().matches("[A-Za-z0-9.]{1,20}") || i.wording().isBlank() || !codes.add(i.code())) {
                throw ValidationException.of("items", "cycle.error.checklist-line");
            }
        }
        Integer v = jdbc.queryForObject("select coalesce(max(version), 0) + 1 from cycle_checklist where subject = ?", Integer.class, subject.name());
        Long id = jdbc.queryForObject("insert into cycle_checklist (subject, version, items, source) values (?, ?, ?, ?) returning id",
                Long.class, subject.name(), v, itemsText.strip() + "\n", guard.requireUser().username());
        audit.record("publish", "cycle_checklist", String.valueOf(id), Targets.CITY, null, Map.of("subject", subject.name(), "version", v), null);
        return checklist(id);
    }

    public Checklist checklist(long id) {
        List<Checklist> c = jdbc.query("select * from cycle_checklist where id = ?", (rs, i) -> new Checklist(rs.getLong("id"),
                Subject.valueOf(rs.getString("subject")), rs.getInt("version"), parseItems(rs.getString("items"))), id);
        if (c.isEmpty()) throw new NotFoundException("cycle.error.not-found", id);
        return c.get(0);
    }

    /** The newest version of each subject's checklist. */
    public Map<Subject, Checklist> currentChecklists() {
        Map<Subject, Checklist> out = new TreeMap<>();
        jdbc.query("select distinct on (subject) id, subject from cycle_checklist order by subject, version desc",
                rs -> {
                    out.put(Subject.valueOf(rs.getString("subject")), checklist(rs.getLong("id")));
                });
        return out;
    }

    static List<Item> parseItems(String text) {
        List<Item> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\\|", -1);
            if (f.length < 2) throw ValidationException.of("items", "cycle.error.checklist-line");
            out.add(new Item(f[0].strip(), f[1].strip(), f.length > 2 ? f[2].strip() : ""));
        }
        return out;
    }

    // ------------------------------------------------------------------ rounds and visits

    @Transactional
    public long createRound(int year, String name, List<String> team) {
        guard.require(DataKind.PLANS_AND_INSPECTION, AccessAction.APPROVE, Targets.CITY);
        Map<String, String> errors = new LinkedHashMap<>();
        if (year < 2023 || year > 2035) errors.put("year", "cycle.error.year");
        if (name == null || name.isBlank() || name.length() > 300) errors.put("name", "cycle.error.title");
        List<String> members = team.stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
        for (String m : members) {
            if (accounts.findByUsername(m).isEmpty()) errors.put("team", "cycle.error.team-member");
        }
        if (!errors.isEmpty()) throw new ValidationException(errors);
        Long id = jdbc.queryForObject("insert into cycle_round (year, name, created_by) values (?, ?, ?) returning id", Long.class,
                year, name.strip(), guard.requireUser().id());
        for (String m : members) jdbc.update("insert into cycle_team_member (round_id, username) values (?, ?)", id, m);
        audit.record("create", "cycle_round", String.valueOf(id), Targets.CITY, null, Map.of("year", year, "name", name.strip(), "team", members), null);
        return id;
    }

    @Transactional
    public long scheduleVisit(long roundId, String unitCode, Subject subject, String subjectName, LocalDate on) {
        guard.require(DataKind.PLANS_AND_INSPECTION, AccessAction.APPROVE, Targets.CITY);
        Round r = round(roundId);
        Map<String, String> errors = new LinkedHashMap<>();
        if (unitCode == null || units.version(unitCode, LocalDate.of(2025, 7, 1)).filter(u -> u.level() == vn.hoctap.units.core.UnitLevel.COMMUNE).isEmpty()) {
            errors.put("unit", "cycle.error.unit");
        }
        if (subject == null) errors.put("subject", "cycle.error.subject");
        if (on == null || on.getYear() != r.year()) errors.put("date", "cycle.error.visit-date");
        if (!errors.isEmpty()) throw new ValidationException(errors);
        String name = subjectName == null || subjectName.isBlank()
                ? units.version(unitCode, LocalDate.of(2025, 7, 1)).map(u -> u.name()).orElse(unitCode) : subjectName.strip();
        Checklist c = currentChecklists().get(subject);
        Long id = jdbc.queryForObject("""
                insert into cycle_visit (round_id, unit_code, subject, subject_name, checklist_id, scheduled_on)
                values (?, ?, ?, ?, ?, ?) returning id""", Long.class, roundId, unitCode, subject.name(), name, c.id(), on);
        audit.record("schedule", "cycle_visit", String.valueOf(id), unitCode, null,
                Map.of("round", roundId, "subject", subject.name(), "name", name, "date", on.toString(), "checklist_version", c.version()), null);
        return id;
    }

    public List<Round> rounds() {
        guard.require(DataKind.PLANS_AND_INSPECTION, AccessAction.READ);
        return jdbc.query("select * from cycle_round order by year desc, id desc", (rs, i) -> new Round(rs.getLong("id"), rs.getInt("year"),
                rs.getString("name"), team(rs.getLong("id"))));
    }

    public Round round(long id) {
        guard.require(DataKind.PLANS_AND_INSPECTION, AccessAction.READ);
        List<Round> r = jdbc.query("select * from cycle_round where id = ?", (rs, i) -> new Round(rs.getLong("id"), rs.getInt("year"),
                rs.getString("name"), team(id)), id);
        if (r.isEmpty()) throw new NotFoundException("cycle.error.not-found", id);
        return r.get(0);
    }

    private List<String> team(long roundId) {
        return jdbc.queryForList("select username from cycle_team_member where round_id = ? order by username", String.class, roundId);
    }

    /** The visits of a round the user may read, by date. */
    public List<Visit> visits(long roundId) {
        round(roundId);
        return jdbc.query("select * from cycle_visit where round_id = ? order by scheduled_on, id", this::mapVisit, roundId)
                .stream().filter(v -> guard.canRead(v.unitCode())).toList();
    }

    /** The visits of a month the user may read (the calendar). */
    public List<Visit> month(int year, int month) {
        guard.require(DataKind.PLANS_AND_INSPECTION, AccessAction.READ);
        LocalDate first = LocalDate.of(year, month, 1);
        return jdbc.query("select * from cycle_visit where scheduled_on >= ? and scheduled_on < ? order by scheduled_on, id", this::mapVisit,
                first, first.plusMonths(1)).stream().filter(v -> guard.canRead(v.unitCode())).toList();
    }

    public Visit visit(long id) {
        List<Visit> v = jdbc.query("select * from cycle_visit where id = ?", this::mapVisit, id);
        if (v.isEmpty()) throw new NotFoundException("cycle.error.not-found", id);
        guard.require(DataKind.PLANS_AND_INSPECTION, AccessAction.READ, v.get(0).unitCode());
        return v.get(0);
    }

    /** Whether the user records this visit: write access to its commune, and a member of the round's team or the city. */
    public boolean canRecord(Visit v) {
        if (!guard.allows(DataKind.PLANS_AND_INSPECTION, AccessAction.WRITE)) return false;
        try {
            guard.require(DataKind.PLANS_AND_INSPECTION, AccessAction.WRITE, v.unitCode());
        } catch (AccessDeniedException e) {
            return false;
        }
        String me = guard.requireUser().username();
        if (team(v.roundId()).contains(me)) return true;
        try {
            guard.require(DataKind.PLANS_AND_INSPECTION, AccessAction.APPROVE, Targets.CITY);
            return true;
        } catch (AccessDeniedException e) {
            return false;
        }
    }

    /**
     * Records a visit: findings, required actions and evidence, all or nothing. Sending again with the same key
     * answers the first recording and changes nothing; another key for a recorded visit is refused.
     */
    @Transactional
    public Submitted submit(long visitId, String key, String summary, List<VisitRules.ItemResult> items, List<Upload> uploads) {
        Visit v = visit(visitId);
        if (!canRecord(v)) throw new AccessDeniedException("not a member of the inspection team");
        if (!VisitRules.validKey(key)) throw ValidationException.of("key", "cycle.error.key");
        // one submission at a time per visit: a resend racing the first send waits for it
        jdbc.queryForObject("select id from cycle_visit where id = ? for update", Long.class, visitId);
        String stored = jdbc.queryForObject("select submission_key from cycle_visit where id = ?", String.class, visitId);
        switch (VisitRules.idempotency(stored, key)) {
            case ALREADY_RECORDED_SAME -> {
                Integer f = jdbc.queryForObject("select count(*) from cycle_finding where visit_id = ?", Integer.class, visitId);
                Integer a = jdbc.queryForObject("select count(*) from cycle_action a join cycle_finding f on f.id = a.finding_id"
                        + " where f.visit_id = ?", Integer.class, visitId);
                return new Submitted(visitId, false, f, a);
            }
            case REFUSED_OTHER -> throw ValidationException.of("visit", "cycle.error.visit-recorded");
            case RECORD -> { }
        }
        Checklist c = checklist(v.checklistId());
        Set<String> codes = new LinkedHashSet<>();
        c.items().forEach(i -> codes.add(i.code()));
        Map<String, String> errors = VisitRules.check(codes, items, v.scheduledOn());
        if (!errors.isEmpty()) throw new ValidationException(errors);
        for (Upload u : uploads) {
            if (!codes.contains(u.itemCode())) throw ValidationException.of("file", "cycle.error.item-unknown");
        }
        String me = guard.requireUser().username();
        jdbc.update("update cycle_visit set status = 'RECORDED', submission_key = ?, summary = ?, recorded_by = ?, recorded_at = now() where id = ?",
                key, summary == null ? "" : summary.strip(), me, visitId);
        Map<String, Long> findingIds = new LinkedHashMap<>();
        int actions = 0;
        for (VisitRules.ItemResult i : items) {
            Long fid = jdbc.queryForObject("insert into cycle_finding (visit_id, item_code, rating, note) values (?, ?, ?, ?) returning id",
                    Long.class, visitId, i.code(), i.rating(), i.note() == null ? "" : i.note().strip());
            findingIds.put(i.code(), fid);
            if (VisitRules.rating(i.rating()) == VisitRules.Rating.NOT_MET) {
                Long aid = jdbc.queryForObject("""
                        insert into cycle_action (finding_id, unit_code, what, owner, deadline) values (?, ?, ?, ?, ?) returning id""",
                        Long.class, fid, v.unitCode(), i.actionWhat().strip(), i.actionOwner().strip(), VisitRules.date(i.actionDeadline()));
                jdbc.update("insert into cycle_action_update (action_id, status, note, by_user) values (?, 'OPEN', ?, ?)", aid,
                        i.actionWhat().strip(), me);
                actions++;
            }
        }
        for (Upload u : uploads) {
            documents.store("finding", findingIds.get(u.itemCode()), v.unitCode(), u.fileName(), u.contentType(), u.content());
        }
        audit.record("record", "cycle_visit", String.valueOf(visitId), v.unitCode(), Map.of("status", "PLANNED"),
                Map.of("status", "RECORDED", "findings", items.size(), "actions", actions, "files", uploads.size(), "key", key), null);
        return new Submitted(visitId, true, items.size(), actions);
    }

    public List<Finding> findings(long visitId) {
        visit(visitId);
        return jdbc.query("select * from cycle_finding where visit_id = ? order by id", (rs, i) -> new Finding(rs.getLong("id"),
                rs.getLong("visit_id"), rs.getString("item_code"), VisitRules.Rating.valueOf(rs.getString("rating")), rs.getString("note")), visitId);
    }

    // ------------------------------------------------------------------ required actions

    private static final String ACTIONS = "select a.*, f.visit_id from cycle_action a join cycle_finding f on f.id = a.finding_id ";

    /** The required actions the user may read (a commune: its own), open ones first, by deadline. */
    public List<Action> actions(Integer year) {
        guard.require(DataKind.PLANS_AND_INSPECTION, AccessAction.READ);
        String sql = ACTIONS + "join cycle_visit v on v.id = f.visit_id join cycle_round r on r.id = v.round_id"
                + (year == null ? "" : " where r.year = " + year.intValue()) + " order by a.status desc, a.deadline, a.id";
        return jdbc.query(sql, this::mapAction).stream().filter(a -> guard.canRead(a.unitCode())).toList();
    }

    public List<Action> actionsOfVisit(long visitId) {
        visit(visitId);
        return jdbc.query(ACTIONS + "where f.visit_id = ? order by a.id", this::mapAction, visitId);
    }

    public Action action(long id) {
        List<Action> a = jdbc.query(ACTIONS + "where a.id = ?", this::mapAction, id);
        if (a.isEmpty()) throw new NotFoundException("cycle.error.not-found", id);
        guard.require(DataKind.PLANS_AND_INSPECTION, AccessAction.READ, a.get(0).unitCode());
        return a.get(0);
    }

    /** The commune (or the city) closes a required action, saying what was done. */
    @Transactional
    public void closeAction(long id, String note) {
        Action a = action(id);
        guard.require(DataKind.PLANS_AND_INSPECTION, AccessAction.WRITE, a.unitCode());
        if (a.closed()) throw ValidationException.of("action", "cycle.error.action-closed");
        if (note == null || note.strip().length() < 5) throw ValidationException.of("note", "cycle.error.close-note");
        String me = guard.requireUser().username();
        jdbc.update("update cycle_action set status = 'CLOSED', closed_note = ?, closed_by = ?, closed_at = now() where id = ?",
                note.strip(), me, id);
        jdbc.update("insert into cycle_action_update (action_id, status, note, by_user) values (?, 'CLOSED', ?, ?)", id, note.strip(), me);
        audit.record("close", "cycle_action", String.valueOf(id), a.unitCode(), Map.of("status", "OPEN"),
                Map.of("status", "CLOSED", "note", note.strip()), null);
    }

    /** Per commune: visits, items not met, actions open, closed and overdue — the city's overview of a year. */
    public List<CommuneSummary> summaryByCommune(int year) {
        guard.require(DataKind.PLANS_AND_INSPECTION, AccessAction.READ);
        LocalDate today = HanoiTime.today();
        List<CommuneSummary> out = new ArrayList<>();
        jdbc.query("""
                select v.unit_code, count(distinct v.id) visits, count(distinct v.id) filter (where v.status = 'RECORDED') recorded,
                       count(distinct f.id) filter (where f.rating = 'NOT_MET') not_met,
                       count(distinct a.id) filter (where a.status = 'OPEN') open_actions,
                       count(distinct a.id) filter (where a.status = 'CLOSED') closed_actions,
                       count(distinct a.id) filter (where a.status = 'OPEN' and a.deadline < ?) overdue
                from cycle_visit v join cycle_round r on r.id = v.round_id
                left join cycle_finding f on f.visit_id = v.id left join cycle_action a on a.finding_id = f.id
                where r.year = ? group by v.unit_code order by v.unit_code""", rs -> {
            String code = rs.getString("unit_code");
            if (guard.canRead(code)) {
                out.add(new CommuneSummary(code, units.version(code, LocalDate.of(2025, 7, 1)).map(u -> u.name()).orElse(code),
                        rs.getInt("visits"), rs.getInt("recorded"), rs.getInt("not_met"), rs.getInt("open_actions"),
                        rs.getInt("closed_actions"), rs.getInt("overdue")));
            }
        }, today, year);
        return out;
    }

    private Visit mapVisit(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Visit(rs.getLong("id"), rs.getLong("round_id"), rs.getString("unit_code"), Subject.valueOf(rs.getString("subject")),
                rs.getString("subject_name"), rs.getLong("checklist_id"), rs.getObject("scheduled_on", LocalDate.class),
                "RECORDED".equals(rs.getString("status")), rs.getString("summary"), rs.getString("recorded_by"),
                rs.getObject("recorded_at", OffsetDateTime.class));
    }

    private Action mapAction(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Action(rs.getLong("id"), rs.getLong("finding_id"), rs.getLong("visit_id"), rs.getString("unit_code"), rs.getString("what"),
                rs.getString("owner"), rs.getObject("deadline", LocalDate.class), "CLOSED".equals(rs.getString("status")),
                rs.getString("closed_note"), rs.getString("closed_by"), rs.getObject("closed_at", OffsetDateTime.class));
    }
}
