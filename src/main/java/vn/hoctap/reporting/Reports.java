package vn.hoctap.reporting;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.hoctap.accounts.AccessGuard;
import vn.hoctap.accounts.CurrentUser;
import vn.hoctap.audit.AuditLog;
import vn.hoctap.platform.HanoiTime;
import vn.hoctap.platform.NotFoundException;
import vn.hoctap.platform.ValidationException;
import vn.hoctap.reporting.internal.IndicatorFeed;
import vn.hoctap.reporting.core.DataElement;
import vn.hoctap.reporting.core.DataSet;
import vn.hoctap.reporting.core.DataSetCatalogue;
import vn.hoctap.reporting.core.ElementType;
import vn.hoctap.reporting.core.FormValidation;
import vn.hoctap.reporting.core.Outliers;
import vn.hoctap.reporting.core.ValidationRule;

/**
 * Báo cáo số liệu: an organisation's yearly report of a data set, from draft through submission (by the
 * organisation), acceptance (by the commune) and approval (by the city), or rejection with a message at
 * any level. Approval locks the values and feeds the indicators; the city may unlock a single value with
 * a reason and approve again. Every state and value change is kept in the report's history and audited.
 */
@Service
public class Reports {

    /** The first reporting year accepted. */
    public static final int FIRST_PERIOD = 2020;

    public record Report(long id, String dataSet, int period, long organisationId, ReportState state, String message,
                         int version) {
    }

    /** A form field: the element, its value, the previous year's value, its lock and outlier warning. */
    public record Field(DataElement element, Double value, Double previous, boolean unlocked, String unlockReason,
                        Outliers.Warning warning, boolean editable) {
        public String text() {
            return FormValidation.format(element, value, false);
        }

        public String previousText() {
            return FormValidation.format(element, previous, false);
        }

        public boolean yesNo() {
            return element.type() == ElementType.YES_NO;
        }
    }

    /** What the current user may do with a report. */
    public record Permissions(boolean edit, boolean submit, boolean accept, boolean approve, boolean reject, boolean unlock) {
    }

    public record ReportView(Organisation organisation, DataSet dataSet, int period, Report report, List<Field> fields,
                             Permissions can, LocalDate deadline, ReportState previousState) {
        public ReportState state() {
            return report == null ? null : report.state();
        }

        public boolean overdue() {
            return (report == null || report.state() == ReportState.DRAFT) && HanoiTime.today().isAfter(deadline);
        }
    }

    public record HistoryEntry(long id, Instant at, String actor, String kind, String element, String before, String after,
                               String message) {
    }

    static final RowMapper<Report> MAPPER = (rs, i) -> new Report(rs.getLong("id"), rs.getString("data_set"),
            rs.getInt("period"), rs.getLong("organisation_id"), ReportState.fromCode(rs.getString("state")),
            rs.getString("message"), rs.getInt("version"));

    private final JdbcTemplate jdbc;
    private final AccessGuard guard;
    private final AuditLog audit;
    private final Organisations organisations;
    private final IndicatorFeed feed;
    private final DataSetCatalogue catalogue = DataSetCatalogue.load();

    private final vn.hoctap.notifications.Notifications notifications;

    public Reports(JdbcTemplate jdbc, AccessGuard guard, AuditLog audit, Organisations organisations, IndicatorFeed feed,
                   vn.hoctap.notifications.Notifications notifications) {
        this.notifications = notifications;
        this.jdbc = jdbc;
        this.guard = guard;
        this.audit = audit;
        this.organisations = organisations;
        this.feed = feed;
    }

    public DataSetCatalogue catalogue() {
        return catalogue;
    }

    public DataSet dataSet(String code) {
        return catalogue.find(code).orElseThrow(() -> new NotFoundException("reporting.error.dataset-not-found", code));
    }

    /** The years one may report for: from {@link #FIRST_PERIOD} to the current year, latest first. */
    public List<Integer> periods() {
        List<Integer> out = new ArrayList<>();
        for (int y = HanoiTime.today().getYear(); y >= FIRST_PERIOD; y--) {
            out.add(y);
        }
        return out;
    }

    void checkPeriod(int period) {
        if (period < FIRST_PERIOD || period > HanoiTime.today().getYear()) {
            throw ValidationException.of("period", "reporting.error.period");
        }
    }

    private DataSet dataSetFor(Organisation o, String code) {
        DataSet d = dataSet(code);
        if (d.kind() != o.kind()) {
            throw ValidationException.of("dataSet", "reporting.error.dataset-kind");
        }
        return d;
    }

    public Optional<Report> find(long organisationId, String dataSet, int period) {
        return jdbc.query("select * from reporting_report where organisation_id = ? and data_set = ? and period = ?",
                MAPPER, organisationId, dataSet, period).stream().findFirst();
    }

    Report load(long id) {
        return jdbc.query("select * from reporting_report where id = ?", MAPPER, id).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("reporting.error.report-not-found", id));
    }

    /** A report, read with the organisation's access rule. */
    public Report get(long id) {
        Report r = load(id);
        organisations.get(r.organisationId());
        return r;
    }

    // ------------------------------------------------------------------ the form

    public ReportView view(long organisationId, String dataSetCode, int period) {
        Organisation o = organisations.get(organisationId);
        DataSet d = dataSetFor(o, dataSetCode);
        checkPeriod(period);
        Report r = find(o.id(), d.code(), period).orElse(null);
        Map<String, Double> values = new HashMap<>();
        Map<String, String[]> locks = new HashMap<>();
        if (r != null) {
            jdbc.query("select element, value, unlocked, unlock_reason from reporting_value where report_id = ?", rs -> {
                BigDecimal v = rs.getBigDecimal("value");
                if (v != null) {
                    values.put(rs.getString("element"), v.doubleValue());
                }
                if (rs.getBoolean("unlocked")) {
                    locks.put(rs.getString("element"), new String[] {rs.getString("unlock_reason")});
                }
            }, r.id());
        }
        // earlier years: the approved values (for outliers) and the previous year's report (shown beside each field)
        Map<String, Map<Integer, Double>> approvedHistory = new HashMap<>();
        Map<String, Double> previous = new HashMap<>();
        ReportState[] previousState = {null};
        jdbc.query("""
                select r.period, r.state, v.element, v.value, v.approved_value from reporting_report r
                join reporting_value v on v.report_id = r.id
                where r.organisation_id = ? and r.data_set = ? and r.period < ?""", rs -> {
            int p = rs.getInt("period");
            BigDecimal approved = rs.getBigDecimal("approved_value");
            BigDecimal entered = rs.getBigDecimal("value");
            if (approved != null) {
                approvedHistory.computeIfAbsent(rs.getString("element"), k -> new HashMap<>()).put(p, approved.doubleValue());
            }
            if (p == period - 1) {
                previousState[0] = ReportState.fromCode(rs.getString("state"));
                BigDecimal shown = approved != null ? approved : entered;
                if (shown != null) {
                    previous.put(rs.getString("element"), shown.doubleValue());
                }
            }
        }, o.id(), d.code(), period);
        Permissions can = permissions(o, r, !locks.isEmpty());
        List<Field> fields = new ArrayList<>();
        for (DataElement e : d.elements()) {
            Double v = values.get(e.code());
            Outliers.Warning w = null;
            if (v != null && e.type() != ElementType.YES_NO) {
                Map<Integer, Double> h = approvedHistory.getOrDefault(e.code(), Map.of());
                w = Outliers.check(v, h.getOrDefault(period - 1, Double.NaN), List.copyOf(h.values()));
            }
            String[] lock = locks.get(e.code());
            boolean editable = can.edit() && (r == null || r.state() == ReportState.DRAFT || lock != null);
            fields.add(new Field(e, v, previous.get(e.code()), lock != null, lock == null ? null : lock[0], w, editable));
        }
        return new ReportView(o, d, period, r, fields, can, d.deadline(period), previousState[0]);
    }

    private Permissions permissions(Organisation o, Report r, boolean anyUnlocked) {
        CurrentUser u = guard.currentUser().orElse(null);
        if (u == null) {
            return new Permissions(false, false, false, false, false, false);
        }
        ReportState s = r == null ? ReportState.DRAFT : r.state();
        boolean enter = organisations.canEnter(o);
        // accepting and returning: the access matrix (ORGANISATION_REPORTS × APPROVE on the commune); approving and
        // unlocking: the same, by the city level (the workflow's rule: commune accepts, city approves)
        boolean officer = organisations.reviews(o);
        boolean city = officer && Organisations.isCity(u);
        return new Permissions(
                enter && (s == ReportState.DRAFT || (s == ReportState.APPROVED && anyUnlocked)),
                enter && s == ReportState.DRAFT,
                officer && s == ReportState.SUBMITTED,
                city && (s == ReportState.ACCEPTED || (s == ReportState.APPROVED && anyUnlocked)),
                (officer && s == ReportState.SUBMITTED) || (city && s == ReportState.ACCEPTED),
                city && s == ReportState.APPROVED);
    }

    /**
     * Saves the typed values as a draft, or submits them ({@code submit}: every value required). Values are
     * checked against their type and the data set's rules; any error throws {@link ValidationException}
     * (field: the element code, or {@code rule.N} with the rule's message) and nothing is saved. A submitted or
     * accepted report cannot be changed; an approved one only in its unlocked values.
     */
    @Transactional
    public Report save(long organisationId, String dataSetCode, int period, Map<String, String> raw, boolean submit) {
        Organisation o = organisations.get(organisationId);
        DataSet d = dataSetFor(o, dataSetCode);
        checkPeriod(period);
        if (!organisations.canEnter(o)) {
            throw new AccessDeniedException("no entry for organisation " + o.id());
        }
        Report r = find(o.id(), d.code(), period).orElse(null);
        if (r != null) {
            jdbc.queryForObject("select id from reporting_report where id = ? for update", Long.class, r.id());
            r = load(r.id());
        }
        Map<String, Double> current = r == null ? Map.of() : currentValues(r.id());
        Map<String, Boolean> unlocked = r == null ? Map.of() : unlockedElements(r.id());
        ReportState state = r == null ? ReportState.DRAFT : r.state();
        if (state == ReportState.SUBMITTED || state == ReportState.ACCEPTED) {
            throw ValidationException.of("state", "reporting.error.not-draft");
        }
        // an approved report: only unlocked values may change; the others are taken as stored
        Map<String, String> input = new HashMap<>(raw);
        if (state == ReportState.APPROVED) {
            for (DataElement e : d.elements()) {
                if (!unlocked.getOrDefault(e.code(), false)) {
                    String typed = raw.get(e.code());
                    String stored = FormValidation.format(e, current.get(e.code()), false);
                    if (typed != null && !sameValue(e, typed, current.get(e.code()))) {
                        throw ValidationException.of(e.code(), "reporting.error.locked");
                    }
                    input.put(e.code(), stored);
                }
            }
            submit = false;
        }
        FormValidation.Result result = FormValidation.check(d, input, submit || state == ReportState.APPROVED);
        throwIfInvalid(result);
        if (r == null) {
            Long id = jdbc.queryForObject("""
                    insert into reporting_report (data_set, period, organisation_id, state) values (?, ?, ?, 'draft') returning id""",
                    Long.class, d.code(), period, o.id());
            r = load(id);
            history(r.id(), "state", null, null, ReportState.DRAFT.code(), null);
            audit.record("create", "reporting_report", String.valueOf(r.id()), o.communeCode(), null,
                    Map.of("data_set", d.code(), "period", period, "organisation", o.code(), "state", "draft"),
                    "Tạo báo cáo " + d.nameVi() + " " + period + " của " + o.name());
        }
        writeValues(r, o, d, current, result.values());
        if (submit) {
            r = transition(r, o, ReportState.SUBMITTED, null);
        }
        return load(r.id());
    }

    private static boolean sameValue(DataElement e, String typed, Double stored) {
        Map<String, Double> tmp = new HashMap<>();
        if (typed.isBlank()) {
            return stored == null;
        }
        if (FormValidation.parse(e, typed.strip(), tmp) != null) {
            return false;
        }
        return stored != null && Math.abs(tmp.get(e.code()) - stored) < 1e-9;
    }

    void throwIfInvalid(FormValidation.Result result) {
        if (result.ok()) {
            return;
        }
        Map<String, String> errors = new LinkedHashMap<>(result.fieldErrors());
        boolean english = "en".equals(LocaleContextHolder.getLocale().getLanguage());
        int i = 0;
        for (ValidationRule rule : result.failedRules()) {
            errors.put("rule." + (i++), rule.message(english));
        }
        throw new ValidationException(errors);
    }

    /** Writes changed values (history + audit); returns how many changed. */
    int writeValues(Report r, Organisation o, DataSet d, Map<String, Double> before, Map<String, Double> after) {
        Map<String, Object> auditBefore = new LinkedHashMap<>();
        Map<String, Object> auditAfter = new LinkedHashMap<>();
        for (DataElement e : d.elements()) {
            Double b = before.get(e.code());
            Double a = after.get(e.code());
            if (same(b, a)) {
                continue;
            }
            jdbc.update("""
                    insert into reporting_value (report_id, element, value) values (?, ?, ?)
                    on conflict (report_id, element) do update set value = excluded.value""",
                    r.id(), e.code(), a == null ? null : BigDecimal.valueOf(a));
            history(r.id(), "value", e.code(), FormValidation.format(e, b, false), FormValidation.format(e, a, false), null);
            auditBefore.put(e.code(), b);
            auditAfter.put(e.code(), a);
        }
        if (!auditAfter.isEmpty()) {
            audit.record("update", "reporting_report", String.valueOf(r.id()), o.communeCode(), auditBefore, auditAfter,
                    "Cập nhật số liệu " + d.nameVi() + " " + r.period() + " của " + o.name());
            jdbc.update("update reporting_report set version = version + 1, updated_at = now() where id = ?", r.id());
        }
        return auditAfter.size();
    }

    private static boolean same(Double a, Double b) {
        if (a == null || b == null) {
            return a == null && b == null;
        }
        return Math.abs(a - b) < 1e-9;
    }

    Map<String, Double> currentValues(long reportId) {
        Map<String, Double> out = new HashMap<>();
        jdbc.query("select element, value from reporting_value where report_id = ? and value is not null",
                rs -> {
                    out.put(rs.getString("element"), rs.getBigDecimal("value").doubleValue());
                }, reportId);
        return out;
    }

    private Map<String, Boolean> unlockedElements(long reportId) {
        Map<String, Boolean> out = new HashMap<>();
        jdbc.query("select element from reporting_value where report_id = ? and unlocked", rs -> {
            out.put(rs.getString("element"), true);
        }, reportId);
        return out;
    }

    // ------------------------------------------------------------------ the workflow

    /** Submits a draft as it is stored (every value required, rules checked). */
    @Transactional
    public Report submit(long reportId) {
        Report r = lock(reportId);
        Organisation o = organisations.get(r.organisationId());
        if (!permissions(o, r, false).submit()) {
            refuse(r, ReportState.DRAFT);
        }
        DataSet d = dataSet(r.dataSet());
        Map<String, String> raw = new HashMap<>();
        currentValues(r.id()).forEach((k, v) -> raw.put(k, FormValidation.format(d.element(k).orElseThrow(), v, false)));
        throwIfInvalid(FormValidation.check(d, raw, true));
        return transition(r, o, ReportState.SUBMITTED, null);
    }

    /** The commune accepts a submitted report. */
    @Transactional
    public Report accept(long reportId) {
        Report r = lock(reportId);
        Organisation o = organisations.get(r.organisationId());
        if (!permissions(o, r, false).accept()) {
            refuse(r, ReportState.SUBMITTED);
        }
        return transition(r, o, ReportState.ACCEPTED, null);
    }

    /** The city approves an accepted report (or approves again after an unlock): values are locked and feed the indicators. */
    @Transactional
    public Report approve(long reportId) {
        Report r = lock(reportId);
        Organisation o = organisations.get(r.organisationId());
        boolean anyUnlocked = !unlockedElements(r.id()).isEmpty();
        if (!permissions(o, r, anyUnlocked).approve()) {
            refuse(r, ReportState.ACCEPTED);
        }
        DataSet d = dataSet(r.dataSet());
        Map<String, String> raw = new HashMap<>();
        currentValues(r.id()).forEach((k, v) -> raw.put(k, FormValidation.format(d.element(k).orElseThrow(), v, false)));
        throwIfInvalid(FormValidation.check(d, raw, true));
        jdbc.update("update reporting_value set approved_value = value, unlocked = false, unlock_reason = null where report_id = ?", r.id());
        Report after = transition(r, o, ReportState.APPROVED, null);
        feed.refresh(d, r.period(), catalogue.all());
        return after;
    }

    /** Rejects a submitted (commune or city) or accepted (city) report back to draft, with a message for the organisation. */
    @Transactional
    public Report reject(long reportId, String message) {
        Report r = lock(reportId);
        Organisation o = organisations.get(r.organisationId());
        if (!permissions(o, r, false).reject()) {
            refuse(r, ReportState.SUBMITTED);
        }
        String m = message == null ? "" : message.strip();
        if (m.isEmpty() || m.length() > 2000) {
            throw ValidationException.of("message", "reporting.error.reject-message");
        }
        return transition(r, o, ReportState.DRAFT, m);
    }

    /** The city unlocks one approved value, with a reason, so that it can be corrected and approved again. */
    @Transactional
    public Report unlock(long reportId, String element, String reason) {
        Report r = lock(reportId);
        Organisation o = organisations.get(r.organisationId());
        if (!permissions(o, r, false).unlock()) {
            refuse(r, ReportState.APPROVED);
        }
        DataSet d = dataSet(r.dataSet());
        if (element == null || d.element(element).isEmpty()) {
            throw ValidationException.of("element", "reporting.error.element");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 2000) {
            throw ValidationException.of("reason", "reporting.error.unlock-reason");
        }
        jdbc.update("""
                insert into reporting_value (report_id, element, value, unlocked, unlock_reason) values (?, ?, null, true, ?)
                on conflict (report_id, element) do update set unlocked = true, unlock_reason = excluded.unlock_reason""",
                r.id(), element, why);
        history(r.id(), "unlock", element, null, null, why);
        audit.record("unlock", "reporting_report", String.valueOf(r.id()), o.communeCode(), Map.of("element", element, "locked", true),
                Map.of("element", element, "locked", false, "reason", why), "Mở khóa " + element + " của " + o.name());
        jdbc.update("update reporting_report set version = version + 1, updated_at = now() where id = ?", r.id());
        return load(r.id());
    }

    private Report lock(long id) {
        load(id);
        jdbc.queryForObject("select id from reporting_report where id = ? for update", Long.class, id);
        return load(id);
    }

    /** A step that the state or the user's role and units do not allow: 403 when the user has no right, else 400. */
    private void refuse(Report r, ReportState expected) {
        CurrentUser u = guard.requireUser();
        Organisation o = organisations.find(r.organisationId());
        boolean mayAct = organisations.reviews(o) || organisations.canEnter(o);
        if (!mayAct || r.state() == expected) {
            throw new AccessDeniedException("step not allowed for this user");
        }
        throw ValidationException.of("state", "reporting.error.state");
    }

    private Report transition(Report r, Organisation o, ReportState to, String message) {
        jdbc.update("update reporting_report set state = ?, message = ?, version = version + 1, updated_at = now() where id = ?",
                to.code(), message, r.id());
        history(r.id(), "state", null, r.state().code(), to.code(), message);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("state", to.code());
        if (message != null) {
            after.put("message", message);
        }
        String action = r.state() == to ? "reapprove" : switch (to) {
            case SUBMITTED -> "submit";
            case ACCEPTED -> "accept";
            case APPROVED -> "approve";
            case DRAFT -> "reject";
        };
        audit.record(action, "reporting_report", String.valueOf(r.id()), o.communeCode(), Map.of("state", r.state().code()), after,
                action + " " + r.dataSet() + " " + r.period() + " " + o.code());
        // thông báo: the organisation's users learn that their report moved (not the user who moved it)
        String setName = catalogue.find(r.dataSet()).map(d -> d.nameVi()).orElse(r.dataSet());
        List<String> members = jdbc.queryForList("select username from reporting_organisation_member where organisation_id = ?",
                String.class, o.id());
        if (to == ReportState.DRAFT) {
            notifications.notify(members, "notifications.report.returned", List.of(setName, String.valueOf(r.period()),
                    message == null ? "" : message), "/reporting/form/" + o.id() + "/" + r.dataSet() + "/" + r.period());
        } else {
            notifications.notify(members, "notifications.report.moved", List.of(setName, String.valueOf(r.period()),
                    "#reporting.state." + to.code()), "/reporting/form/" + o.id() + "/" + r.dataSet() + "/" + r.period());
        }
        return load(r.id());
    }

    void history(long reportId, String kind, String element, String before, String after, String message) {
        jdbc.update("""
                insert into reporting_history (report_id, actor, kind, element, before_value, after_value, message)
                values (?, ?, ?, ?, ?, ?, ?)""", reportId, guard.currentUser().map(CurrentUser::username).orElse("system"),
                kind, element, before, after, message);
    }

    /** The history of a report, oldest first. */
    public List<HistoryEntry> history(long reportId) {
        get(reportId);
        return jdbc.query("select * from reporting_history where report_id = ? order by id", (rs, i) -> new HistoryEntry(
                rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("actor"), rs.getString("kind"),
                rs.getString("element"), rs.getString("before_value"), rs.getString("after_value"), rs.getString("message")),
                reportId);
    }

    /** The reports of the organisations the user can see, for a data set and period (none: all). */
    public List<Report> reports(String dataSet, Integer period) {
        List<Report> all = jdbc.query("select * from reporting_report where (cast(? as text) is null or data_set = ?) and (cast(? as int) is null or period = ?) order by id",
                MAPPER, dataSet, dataSet, period, period);
        Map<Long, Boolean> readable = new HashMap<>();
        return all.stream().filter(r -> readable.computeIfAbsent(r.organisationId(),
                id -> organisations.canRead(organisations.find(id)))).toList();
    }

    /** Used by the exchange: the stored values of a report. */
    Map<String, Double> values(long reportId) {
        return currentValues(reportId);
    }

    static boolean equal(Double a, Double b) {
        return Objects.equals(a == null ? null : Math.round(a * 1e6), b == null ? null : Math.round(b * 1e6));
    }
}
