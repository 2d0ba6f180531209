package vn.hoctap.cycle;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.hoctap.accounts.AccessAction;
import vn.hoctap.accounts.AccessGuard;
import vn.hoctap.accounts.CurrentUser;
import vn.hoctap.accounts.DataKind;
import vn.hoctap.accounts.Grant;
import vn.hoctap.audit.AuditLog;
import vn.hoctap.indicators.Targets;
import vn.hoctap.platform.NotFoundException;
import vn.hoctap.platform.ValidationException;
import vn.hoctap.units.UnitDirectory;

/**
 * Kế hoạch thực hiện Nghị quyết 23-NQ/TU: each level (the city, a commune, an organisation) makes a plan for a period
 * with its actions — what, who, when, budget in VND, the NQ 23 indicators it serves — follows each action's status with
 * dated updates, and keeps the plan's documents. A commune's plan starts as a copy of the city's (same actions, dates
 * and indicators; carried out by the commune's People's Committee; budget left for the commune to set). Writes need
 * PLANS_AND_INSPECTION/WRITE on the plan's unit; a user whose grant is "own data only" writes the plans they made.
 */
@Service
public class Plans {

    public enum Level { CITY, COMMUNE, ORGANISATION }

    public enum ActionStatus { NOT_STARTED, IN_PROGRESS, DONE, DELAYED, CANCELLED }

    public record Plan(long id, Level level, String unitCode, String organisation, int periodFrom, int periodTo, String title,
                       String documentNumber, Long derivedFrom, long createdBy) {
    }

    public record Action(long id, long planId, int position, String what, String who, LocalDate startOn, LocalDate dueOn,
                         long budgetVnd, List<String> indicators, ActionStatus status, Long derivedFrom) {
    }

    public record Update(long actionId, ActionStatus status, String note, String by, java.time.OffsetDateTime at) {
    }

    private final JdbcTemplate jdbc;
    private final AccessGuard guard;
    private final AuditLog audit;
    private final UnitDirectory units;
    private final Targets targets;
    private final Documents documents;

    Plans(JdbcTemplate jdbc, AccessGuard guard, AuditLog audit, UnitDirectory units, Targets targets, Documents documents) {
        this.jdbc = jdbc;
        this.guard = guard;
        this.audit = audit;
        this.units = units;
        this.targets = targets;
        this.documents = documents;
    }

    @Transactional
    public long create(Level level, String unitCode, String organisation, int from, int to, String title, String documentNumber) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (level == Level.CITY && !Targets.CITY.equals(unitCode)) errors.put("unit", "cycle.error.plan-city-unit");
        if (level != Level.CITY && (unitCode == null || Targets.CITY.equals(unitCode) || !units.exists(unitCode))) {
            errors.put("unit", "cycle.error.unit");
        }
        if (level == Level.ORGANISATION && blank(organisation)) errors.put("organisation", "cycle.error.organisation");
        if (from < 2023 || to > 2035 || to < from) errors.put("period", "cycle.error.period");
        if (blank(title) || title.length() > 300) errors.put("title", "cycle.error.title");
        if (!errors.isEmpty()) throw new ValidationException(errors);
        guard.require(DataKind.PLANS_AND_INSPECTION, AccessAction.WRITE, unitCode);
        CurrentUser u = guard.requireUser();
        Long id = jdbc.queryForObject("""
                insert into cycle_plan (level, unit_code, organisation, period_from, period_to, title, document_number, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning id""", Long.class, level.name(), unitCode,
                blank(organisation) ? null : organisation.strip(), from, to, title.strip(), blank(documentNumber) ? null : documentNumber.strip(), u.id());
        audit.record("create", "cycle_plan", String.valueOf(id), unitCode, null,
                Map.of("level", level.name(), "period", from + "-" + to, "title", title.strip()), null);
        return id;
    }

    /** A commune's plan from the city's: the same actions, dates and indicators, done by the commune's People's Committee. */
    @Transactional
    public long derive(long cityPlanId, String communeCode) {
        guard.require(DataKind.PLANS_AND_INSPECTION, AccessAction.WRITE, communeCode);   // before saying anything about the commune
        Plan city = get(cityPlanId);
        if (city.level() != Level.CITY) {
            throw ValidationException.of("plan", "cycle.error.derive-from-city");
        }
        String name = units.version(communeCode, LocalDate.of(2025, 7, 1)).map(v -> v.name()).orElse(null);
        if (name == null) throw ValidationException.of("unit", "cycle.error.unit");
        Integer existing = jdbc.queryForObject("select count(*) from cycle_plan where derived_from = ? and unit_code = ?",
                Integer.class, cityPlanId, communeCode);
        if (existing != null && existing > 0) throw ValidationException.of("unit", "cycle.error.derived-exists");
        long id = create(Level.COMMUNE, communeCode, null, city.periodFrom(), city.periodTo(),
                city.title() + " — " + name, null);
        jdbc.update("update cycle_plan set derived_from = ? where id = ?", cityPlanId, id);
        for (Action a : actions(cityPlanId)) {
            jdbc.update("""
                    insert into cycle_plan_action (plan_id, position, what, who, start_on, due_on, budget_vnd, indicators, derived_from)
                    values (?, ?, ?, ?, ?, ?, 0, ?, ?)""", id, a.position(), a.what(), "UBND " + name, a.startOn(), a.dueOn(),
                    String.join(",", a.indicators()), a.id());
        }
        audit.record("derive", "cycle_plan", String.valueOf(id), communeCode, null, Map.of("from_plan", cityPlanId), null);
        return id;
    }

    @Transactional
    public long addAction(long planId, String what, String who, LocalDate start, LocalDate due, long budgetVnd, List<String> indicators) {
        Plan p = plan(planId);
        requireWrite(p);
        Map<String, String> errors = new LinkedHashMap<>();
        if (blank(what)) errors.put("what", "cycle.error.what");
        if (blank(who)) errors.put("who", "cycle.error.who");
        if (start == null || due == null || due.isBefore(start)) errors.put("due", "cycle.error.dates");
        else if (start.getYear() < p.periodFrom() || due.getYear() > p.periodTo()) errors.put("due", "cycle.error.dates-period");
        if (budgetVnd < 0) errors.put("budget", "cycle.error.budget");
        Set<String> known = targets.definitions().stream().map(d -> d.id()).collect(Collectors.toSet());
        for (String i : indicators) if (!known.contains(i)) errors.put("indicators", "cycle.error.indicator");
        if (!errors.isEmpty()) throw new ValidationException(errors);
        Integer pos = jdbc.queryForObject("select coalesce(max(position), 0) + 1 from cycle_plan_action where plan_id = ?", Integer.class, planId);
        Long id = jdbc.queryForObject("""
                insert into cycle_plan_action (plan_id, position, what, who, start_on, due_on, budget_vnd, indicators)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning id""", Long.class, planId, pos, what.strip(), who.strip(), start, due, budgetVnd,
                String.join(",", indicators));
        audit.record("create", "cycle_plan_action", String.valueOf(id), p.unitCode(), null,
                Map.of("what", what.strip(), "who", who.strip(), "due", due.toString(), "budget_vnd", budgetVnd), null);
        return id;
    }

    @Transactional
    public void updateStatus(long actionId, ActionStatus status, String note) {
        Action a = action(actionId);
        Plan p = plan(a.planId());
        requireWrite(p);
        if (blank(note)) throw ValidationException.of("note", "cycle.error.note");
        jdbc.update("update cycle_plan_action set status = ? where id = ?", status.name(), actionId);
        jdbc.update("insert into cycle_plan_update (action_id, status, note, by_user) values (?, ?, ?, ?)", actionId, status.name(),
                note.strip(), guard.requireUser().username());
        audit.record("update", "cycle_plan_action", String.valueOf(actionId), p.unitCode(), Map.of("status", a.status().name()),
                Map.of("status", status.name(), "note", note.strip()), null);
    }

    @Transactional
    public long attach(long planId, String fileName, String contentType, byte[] content) {
        Plan p = plan(planId);
        requireWrite(p);
        return documents.store("plan", planId, p.unitCode(), fileName, contentType, content);
    }

    private void requireWrite(Plan p) {
        Grant g = guard.require(DataKind.PLANS_AND_INSPECTION, AccessAction.WRITE, p.unitCode());
        guard.requireOwnOrScope(g, p.createdBy() == guard.requireUser().id());
    }

    /** Whether the current user may change the plan (for the pages). */
    public boolean canWrite(Plan p) {
        try {
            requireWrite(p);
            return true;
        } catch (org.springframework.security.access.AccessDeniedException e) {
            return false;
        }
    }

    /** The plans the user may read, the city's first. */
    public List<Plan> readable() {
        guard.require(DataKind.PLANS_AND_INSPECTION, AccessAction.READ);
        List<Plan> out = new ArrayList<>();
        for (Plan p : jdbc.query("select * from cycle_plan order by case level when 'CITY' then 0 when 'COMMUNE' then 1 else 2 end,"
                + " unit_code, period_from desc, id", this::map)) {
            if (p.level() == Level.CITY || guard.canRead(p.unitCode())) out.add(p);
        }
        return out;
    }

    public Plan get(long id) {
        Plan p = plan(id);
        if (p.level() == Level.CITY) {
            guard.require(DataKind.PLANS_AND_INSPECTION, AccessAction.READ);   // every level plans from the city's plan
        } else {
            guard.require(DataKind.PLANS_AND_INSPECTION, AccessAction.READ, p.unitCode());
        }
        return p;
    }

    /** The actions of a plan the user may read. */
    public List<Action> actionsOf(long planId) {
        get(planId);
        return actions(planId);
    }

    public List<Update> updatesOf(long planId) {
        get(planId);
        return jdbc.query("""
                select u.* from cycle_plan_update u join cycle_plan_action a on a.id = u.action_id
                where a.plan_id = ? order by u.at desc, u.id desc""", (rs, i) -> new Update(rs.getLong("action_id"),
                ActionStatus.valueOf(rs.getString("status")), rs.getString("note"), rs.getString("by_user"),
                rs.getObject("at", java.time.OffsetDateTime.class)), planId);
    }

    /** All plans of a period overlapping a year (for the reports; the caller checked the report's access). */
    List<Plan> ofYear(int year) {
        return jdbc.query("select * from cycle_plan where period_from <= ? and period_to >= ? order by level, unit_code, id", this::map, year, year);
    }

    List<Action> actions(long planId) {
        return jdbc.query("select * from cycle_plan_action where plan_id = ? order by position, id", this::mapAction, planId);
    }

    private Plan plan(long id) {
        List<Plan> p = jdbc.query("select * from cycle_plan where id = ?", this::map, id);
        if (p.isEmpty()) throw new NotFoundException("cycle.error.not-found", id);
        return p.get(0);
    }

    private Action action(long id) {
        List<Action> a = jdbc.query("select * from cycle_plan_action where id = ?", this::mapAction, id);
        if (a.isEmpty()) throw new NotFoundException("cycle.error.not-found", id);
        return a.get(0);
    }

    private Plan map(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Plan(rs.getLong("id"), Level.valueOf(rs.getString("level")), rs.getString("unit_code"), rs.getString("organisation"),
                rs.getInt("period_from"), rs.getInt("period_to"), rs.getString("title"), rs.getString("document_number"),
                (Long) rs.getObject("derived_from", Long.class), rs.getLong("created_by"));
    }

    private Action mapAction(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        String ind = rs.getString("indicators");
        return new Action(rs.getLong("id"), rs.getLong("plan_id"), rs.getInt("position"), rs.getString("what"), rs.getString("who"),
                rs.getObject("start_on", LocalDate.class), rs.getObject("due_on", LocalDate.class), rs.getLong("budget_vnd"),
                ind.isBlank() ? List.of() : Arrays.asList(ind.split(",")), ActionStatus.valueOf(rs.getString("status")),
                (Long) rs.getObject("derived_from", Long.class));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
