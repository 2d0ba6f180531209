package vn.hoctap.centres;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.hoctap.accounts.AccessAction;
import vn.hoctap.accounts.AccessGuard;
import vn.hoctap.accounts.Accounts;
import vn.hoctap.accounts.CurrentUser;
import vn.hoctap.accounts.DataKind;
import vn.hoctap.accounts.Grant;
import vn.hoctap.accounts.Role;
import vn.hoctap.audit.AuditLog;
import vn.hoctap.indicators.IndicatorValues;
import vn.hoctap.learning.LearningRecord;
import vn.hoctap.platform.HanoiTime;
import vn.hoctap.platform.NotFoundException;
import vn.hoctap.platform.ValidationException;
import vn.hoctap.platform.VietnameseText;
import vn.hoctap.reporting.OrganisationRegistry;

/**
 * Trung tâm học tập cộng đồng (TTHTCĐ; Quy chế of QĐ 09/2008/QĐ-BGDĐT as amended by TT 40/2010/TT-BGDĐT, founded under
 * NĐ 125/2024, under the commune since TT 11/2025 — regulations-2026-12.md §1): a centre is a registered organisation
 * of kind {@code clc}. Its profile, yearly plan, classes and courses, sessions with attendance, learners (register
 * person ids; non-residents only counted), funding by source, the yearly self-evaluation, and the roll-up to commune
 * and city ({@code clc.active}). Access: {@link DataKind#CENTRE_RECORDS}; a CENTRE_OFFICER only their own centre
 * (Grant OWN, {@code centre_officer}), commune officers their commune's centres, the city all.
 */
@Service
public class Centres {

    public static final String INDICATOR = "clc.active";

    public record Centre(long id, String code, String name, String communeCode) {
    }

    public record Course(long id, long centreId, int year, String title, String kind, LocalDate startDate, LocalDate endDate,
                         String status, int anonymousLearners, int version) {
        public boolean open() {
            return "open".equals(status);
        }
    }

    public record Session(long id, long courseId, LocalDate heldOn, BigDecimal hours, String topic) {
    }

    public record Learner(String personId, Boolean completed, int attended) {
    }

    public record Funding(long id, String source, long amountVnd, String note) {
    }

    public record Profile(String director, Integer staffCount, String premises, String equipment, String partners) {
    }

    /** What a year of a centre adds up to (its report). */
    public record YearReport(Centre centre, int year, int courses, int closedCourses, int learners, int completed, int anonymous,
                             BigDecimal hours, long fundingVnd, CentreRating.Result rating) {
    }

    private final JdbcTemplate jdbc;
    private final AccessGuard guard;
    private final AuditLog audit;
    private final Accounts accounts;
    private final LearningRecord learning;
    private final IndicatorValues indicators;
    private final OrganisationRegistry registry;

    public Centres(JdbcTemplate jdbc, AccessGuard guard, AuditLog audit, Accounts accounts, LearningRecord learning,
                   IndicatorValues indicators, OrganisationRegistry registry) {
        this.jdbc = jdbc;
        this.guard = guard;
        this.audit = audit;
        this.accounts = accounts;
        this.learning = learning;
        this.indicators = indicators;
        this.registry = registry;
    }

    // ---- centres and access ----

    Optional<Centre> find(long id) {
        return jdbc.query("select id, code, name, commune_code from reporting_organisation where id = ? and kind = 'clc'",
                (rs, i) -> new Centre(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)), id).stream().findFirst();
    }

    /** The centre a CENTRE_OFFICER works for. */
    public Optional<Long> centreOf(String username) {
        return jdbc.queryForList("select organisation_id from centre_officer where username = ?", Long.class, username).stream().findFirst();
    }

    /** Checks the user's right on a centre's records and returns the centre. */
    public Centre require(long centreId, AccessAction action) {
        Centre c = find(centreId).orElseThrow(() -> new NotFoundException("centres.error.not-found", centreId));
        Grant g = guard.require(DataKind.CENTRE_RECORDS, action, c.communeCode());
        CurrentUser u = guard.requireUser();
        guard.requireOwnOrScope(g, centreOf(u.username()).map(id -> id == centreId).orElse(false));
        return c;
    }

    /** The centres the user may read: a centre officer their own, officers those of their communes. */
    public List<Centre> visible() {
        Grant g = guard.require(DataKind.CENTRE_RECORDS, AccessAction.READ);
        CurrentUser u = guard.requireUser();
        List<Centre> all = jdbc.query("select id, code, name, commune_code from reporting_organisation where kind = 'clc' order by commune_code, name",
                (rs, i) -> new Centre(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
        if (g == Grant.OWN) {
            Long own = centreOf(u.username()).orElse(-1L);
            return all.stream().filter(c -> c.id() == own && guard.canRead(c.communeCode())).toList();
        }
        return all.stream().filter(c -> guard.canRead(c.communeCode())).toList();
    }

    /** Makes a CENTRE_OFFICER account the officer of a centre (commune officers of its commune, the city); audited. */
    @Transactional
    public void assignOfficer(String username, long centreId) {
        Centre c = find(centreId).orElseThrow(() -> new NotFoundException("centres.error.not-found", centreId));
        Grant g = guard.require(DataKind.CENTRE_RECORDS, AccessAction.APPROVE, c.communeCode());
        guard.requireOwnOrScope(g, false);
        var account = accounts.findByUsername(username == null ? "" : username.strip())
                .orElseThrow(() -> ValidationException.of("username", "centres.error.user"));
        if (account.user().role() != Role.CENTRE_OFFICER) throw ValidationException.of("username", "centres.error.user");
        jdbc.update("delete from centre_officer where username = ?", account.user().username());
        jdbc.update("insert into centre_officer (username, organisation_id) values (?, ?)", account.user().username(), centreId);
        audit.record("link", "centre_officer", account.user().username(), c.communeCode(), null, Map.of("centre", centreId),
                "Phân công cán bộ TTHTCĐ " + c.name());
    }

    // ---- profile, plan, funding ----

    public Profile profile(long centreId) {
        require(centreId, AccessAction.READ);
        return jdbc.query("select * from centre_profile where organisation_id = ?", (rs, i) -> new Profile(rs.getString("director"),
                (Integer) rs.getObject("staff_count"), rs.getString("premises"), rs.getString("equipment"), rs.getString("partners")), centreId)
                .stream().findFirst().orElse(new Profile(null, null, null, null, null));
    }

    @Transactional
    public void saveProfile(long centreId, Profile p) {
        Centre c = require(centreId, AccessAction.WRITE);
        Map<String, String> errors = new LinkedHashMap<>();
        if (p.staffCount() != null && (p.staffCount() < 0 || p.staffCount() > 10_000)) errors.put("staff_count", "centres.error.number");
        if (p.director() != null && p.director().length() > 200) errors.put("director", "centres.error.text");
        for (var f : Map.of("premises", String.valueOf(p.premises()), "equipment", String.valueOf(p.equipment()), "partners",
                String.valueOf(p.partners())).entrySet()) {
            if (f.getValue().length() > 2000) errors.put(f.getKey(), "centres.error.text");
        }
        if (!errors.isEmpty()) throw new ValidationException(errors);
        Profile before = profile(centreId);
        jdbc.update("""
                insert into centre_profile (organisation_id, director, staff_count, premises, equipment, partners) values (?, ?, ?, ?, ?, ?)
                on conflict (organisation_id) do update set director = excluded.director, staff_count = excluded.staff_count,
                premises = excluded.premises, equipment = excluded.equipment, partners = excluded.partners, updated_at = now()""",
                centreId, nfc(p.director()), p.staffCount(), nfc(p.premises()), nfc(p.equipment()), nfc(p.partners()));
        audit.record("update", "centre_profile", String.valueOf(centreId), c.communeCode(), map(before), map(p), "Hồ sơ TTHTCĐ");
    }

    private static Map<String, Object> map(Profile p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("director", p.director());
        m.put("staff_count", p.staffCount());
        m.put("premises", p.premises());
        m.put("equipment", p.equipment());
        m.put("partners", p.partners());
        return m;
    }

    public Optional<String> plan(long centreId, int year) {
        require(centreId, AccessAction.READ);
        return jdbc.queryForList("select text from centre_plan where organisation_id = ? and year = ?", String.class, centreId, year)
                .stream().findFirst();
    }

    @Transactional
    public void savePlan(long centreId, int year, String text) {
        Centre c = require(centreId, AccessAction.WRITE);
        String t = nfc(text);
        if (t == null || t.isEmpty()) throw ValidationException.of("plan", "centres.error.plan");
        jdbc.update("""
                insert into centre_plan (organisation_id, year, text) values (?, ?, ?)
                on conflict (organisation_id, year) do update set text = excluded.text, updated_at = now()""", centreId, year, t);
        audit.record("update", "centre_plan", centreId + "/" + year, c.communeCode(), null, Map.of("year", year), "Kế hoạch năm TTHTCĐ");
    }

    public List<Funding> funding(long centreId, int year) {
        require(centreId, AccessAction.READ);
        return jdbc.query("select id, source, amount_vnd, note from centre_funding where organisation_id = ? and year = ? order by id",
                (rs, i) -> new Funding(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4)), centreId, year);
    }

    @Transactional
    public void addFunding(long centreId, int year, String source, long amountVnd, String note) {
        Centre c = require(centreId, AccessAction.WRITE);
        if (!FUNDING_SOURCES.contains(source)) {
            throw ValidationException.of("source", "centres.error.source");
        }
        if (amountVnd < 0) throw ValidationException.of("amount", "centres.error.number");
        Long id = jdbc.queryForObject("insert into centre_funding (organisation_id, year, source, amount_vnd, note) values (?, ?, ?, ?, ?) returning id",
                Long.class, centreId, year, source, amountVnd, nfc(note));
        audit.record("create", "centre_funding", String.valueOf(id), c.communeCode(), null,
                Map.of("source", source, "amount_vnd", amountVnd), "Kinh phí TTHTCĐ");
    }

    // ---- courses, learners, sessions, attendance ----

    static final String COURSE = "select id, organisation_id, year, title, kind, start_date, end_date, status, anonymous_learners, version from centre_course";

    private static Course course(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Course(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4), rs.getString(5), rs.getDate(6).toLocalDate(),
                rs.getDate(7) == null ? null : rs.getDate(7).toLocalDate(), rs.getString(8), rs.getInt(9), rs.getInt(10));
    }

    public List<Course> courses(long centreId, int year) {
        require(centreId, AccessAction.READ);
        return jdbc.query(COURSE + " where organisation_id = ? and year = ? order by start_date desc, id desc", (rs, i) -> course(rs), centreId, year);
    }

    public Course course(long courseId) {
        Course c = jdbc.query(COURSE + " where id = ?", (rs, i) -> course(rs), courseId).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("centres.error.course-not-found", courseId));
        require(c.centreId(), AccessAction.READ);
        return c;
    }

    @Transactional
    public long openCourse(long centreId, String title, String kind, LocalDate start) {
        Centre c = require(centreId, AccessAction.WRITE);
        Map<String, String> errors = new LinkedHashMap<>();
        String t = nfc(title);
        if (t == null || t.isEmpty() || t.length() > 200) errors.put("title", "centres.error.title");
        if (!LearningRecord.TOPICS.contains(kind)) errors.put("kind", "centres.error.kind");
        if (start == null) errors.put("start_date", "centres.error.date");
        if (!errors.isEmpty()) throw new ValidationException(errors);
        Long id = jdbc.queryForObject("insert into centre_course (organisation_id, year, title, kind, start_date) values (?, ?, ?, ?, ?) returning id",
                Long.class, centreId, start.getYear(), t, kind, start);
        audit.record("create", "centre_course", String.valueOf(id), c.communeCode(), null, Map.of("title", t, "kind", kind), "Mở lớp " + t);
        return id;
    }

    private Course writable(long courseId) {
        Course c = course(courseId);
        require(c.centreId(), AccessAction.WRITE);
        if (!c.open()) throw ValidationException.of("course", "centres.error.closed");
        return c;
    }

    @Transactional
    public void addLearner(long courseId, String personId) {
        Course c = writable(courseId);
        String pid = personId == null ? "" : personId.strip();
        if (pid.isEmpty() || pid.length() > 100 || !pid.matches("[\\p{L}\\p{N}._-]+")) throw ValidationException.of("person_id", "centres.error.person");
        jdbc.update("insert into centre_learner (course_id, person_id) values (?, ?) on conflict do nothing", courseId, pid);
        audit.record("create", "centre_learner", courseId + "/" + pid, communeOf(c), null, Map.of("person_id", pid), "Thêm học viên");
    }

    @Transactional
    public void setAnonymousLearners(long courseId, int count) {
        Course c = writable(courseId);
        if (count < 0) throw ValidationException.of("anonymous", "centres.error.number");
        jdbc.update("update centre_course set anonymous_learners = ? where id = ?", count, courseId);
        audit.record("update", "centre_course", String.valueOf(courseId), communeOf(c), Map.of("anonymous_learners", c.anonymousLearners()),
                Map.of("anonymous_learners", count), "Học viên không thường trú (chỉ đếm)");
    }

    public List<Learner> learners(long courseId) {
        course(courseId);
        return jdbc.query("""
                select l.person_id, l.completed, count(a.session_id) filter (where a.present) attended
                from centre_learner l left join centre_session s on s.course_id = l.course_id
                left join centre_attendance a on a.session_id = s.id and a.person_id = l.person_id
                where l.course_id = ? group by l.person_id, l.completed order by l.person_id""",
                (rs, i) -> new Learner(rs.getString(1), (Boolean) rs.getObject(2), rs.getInt(3)), courseId);
    }

    public List<Session> sessions(long courseId) {
        course(courseId);
        return jdbc.query("select id, course_id, held_on, hours, topic from centre_session where course_id = ? order by held_on, id",
                (rs, i) -> new Session(rs.getLong(1), rs.getLong(2), rs.getDate(3).toLocalDate(), rs.getBigDecimal(4), rs.getString(5)), courseId);
    }

    public Map<String, Boolean> attendance(long sessionId) {
        Map<String, Boolean> m = new HashMap<>();
        jdbc.query("select person_id, present from centre_attendance where session_id = ?", rs -> {
            m.put(rs.getString(1), rs.getBoolean(2));
        }, sessionId);
        return m;
    }

    /** Records a session and who was present (every learner of the course not in {@code present} is absent). */
    @Transactional
    public long recordSession(long courseId, LocalDate heldOn, BigDecimal hours, String topic, Set<String> present) {
        Course c = writable(courseId);
        Map<String, String> errors = new LinkedHashMap<>();
        if (heldOn == null || heldOn.isBefore(c.startDate()) || heldOn.isAfter(HanoiTime.today())) errors.put("held_on", "centres.error.session-date");
        if (hours == null || hours.signum() <= 0 || hours.compareTo(new BigDecimal("24")) > 0) errors.put("hours", "centres.error.hours");
        List<String> enrolled = jdbc.queryForList("select person_id from centre_learner where course_id = ?", String.class, courseId);
        for (String p : present) if (!enrolled.contains(p)) errors.put("present", "centres.error.not-enrolled");
        if (!errors.isEmpty()) throw new ValidationException(errors);
        Long id = jdbc.queryForObject("insert into centre_session (course_id, held_on, hours, topic) values (?, ?, ?, ?) returning id",
                Long.class, courseId, heldOn, hours, nfc(topic));
        List<Object[]> rows = new ArrayList<>();
        for (String p : enrolled) rows.add(new Object[] {id, p, present.contains(p)});
        jdbc.batchUpdate("insert into centre_attendance (session_id, person_id, present) values (?, ?, ?)", rows);
        audit.record("create", "centre_session", String.valueOf(id), communeOf(c), null,
                Map.of("course", courseId, "held_on", heldOn.toString(), "present", present.size(), "enrolled", enrolled.size()), "Điểm danh buổi học");
        return id;
    }

    /**
     * Closes a course: every learner who attended at least two thirds of the sessions ({@link CourseCompletion}) gets a
     * verified entry in their learning record with the hours attended; the centre indicator of the year is recomputed
     * (and, for a literacy class, {@code lit.new_continuing} of the next year).
     */
    @Transactional
    public int closeCourse(long courseId) {
        Course c = writable(courseId);
        Centre centre = require(c.centreId(), AccessAction.WRITE);
        List<Session> sessions = sessions(courseId);
        if (sessions.isEmpty()) throw ValidationException.of("course", "centres.error.no-sessions");
        LocalDate end = sessions.get(sessions.size() - 1).heldOn();
        Map<Long, BigDecimal> hoursBySession = new HashMap<>();
        sessions.forEach(s -> hoursBySession.put(s.id(), s.hours()));
        int completed = 0;
        for (Learner l : learners(courseId)) {
            BigDecimal hours = BigDecimal.ZERO;
            for (Session s : sessions) {
                if (Boolean.TRUE.equals(attendance(s.id()).get(l.personId()))) hours = hours.add(s.hours());
            }
            boolean done = CourseCompletion.completed(l.attended(), sessions.size());
            jdbc.update("update centre_learner set completed = ? where course_id = ? and person_id = ?", done, courseId, l.personId());
            if (done) {
                completed++;
                learning.recordVerified(new LearningRecord.NewEntry(l.personId(), centre.communeCode(), c.title(), "class", c.kind(),
                        centre.name(), centre.id(), c.startDate(), end, hours, courseId));
            }
        }
        jdbc.update("update centre_course set status = 'closed', end_date = ?, closed_at = now(), version = version + 1 where id = ?", end, courseId);
        audit.record("close", "centre_course", String.valueOf(courseId), centre.communeCode(), Map.of("status", "open"),
                Map.of("status", "closed", "completed", completed), "Kết thúc lớp " + c.title());
        refreshIndicator(c.year());
        if ("literacy".equals(c.kind())) learning.refreshLiteracyIndicator(end.getYear() + 1);
        return completed;
    }

    private String communeOf(Course c) {
        return find(c.centreId()).map(Centre::communeCode).orElseThrow();
    }

    // ---- year report, rating and roll-up ----

    public YearReport yearReport(long centreId, int year) {
        Centre c = require(centreId, AccessAction.READ);
        Map<String, Object> m = jdbc.queryForMap("""
                select count(*) courses, count(*) filter (where status = 'closed') closed, coalesce(sum(anonymous_learners), 0) anon,
                count(*) filter (where status = 'closed' and kind = 'digital') digital
                from centre_course where organisation_id = ? and year = ?""", centreId, year);
        Map<String, Object> l = jdbc.queryForMap("""
                select count(*) learners, count(*) filter (where l.completed) completed from centre_learner l
                join centre_course c on c.id = l.course_id where c.organisation_id = ? and c.year = ?""", centreId, year);
        BigDecimal hours = jdbc.queryForObject("""
                select coalesce(sum(s.hours), 0) from centre_session s join centre_course c on c.id = s.course_id
                where c.organisation_id = ? and c.year = ?""", BigDecimal.class, centreId, year);
        Long funding = jdbc.queryForObject("select coalesce(sum(amount_vnd), 0) from centre_funding where organisation_id = ? and year = ?",
                Long.class, centreId, year);
        boolean hasPlan = jdbc.queryForObject("select count(*) from centre_plan where organisation_id = ? and year = ?", Integer.class, centreId, year) > 0;
        int closed = ((Number) m.get("closed")).intValue();
        int done = ((Number) l.get("completed")).intValue();
        CentreRating.Result rating = CentreRating.rate(hasPlan, closed, done, ((Number) m.get("digital")).intValue() > 0);
        return new YearReport(c, year, ((Number) m.get("courses")).intValue(), closed, ((Number) l.get("learners")).intValue(), done,
                ((Number) m.get("anon")).intValue(), hours, funding == null ? 0 : funding, rating);
    }

    /** Funding sources of a centre (centre_funding.source), in display order. */
    public static final List<String> FUNDING_SOURCES = List.of("state_budget", "learner_fees", "sponsorship", "association", "other");

    /**
     * What the centres of one commune (or, for {@code communeCode} null, of all the communes the user reads) add up to
     * in a year: the same counts as {@link YearReport} summed over the centres, funding also by source.
     */
    public record Rollup(String communeCode, int centres, int courses, int closedCourses, int sessions, BigDecimal hours,
                         int learners, int completed, int anonymous, Map<String, Long> fundingBySource) {
        public long fundingVnd() {
            return fundingBySource.values().stream().mapToLong(Long::longValue).sum();
        }

        Rollup plus(Rollup o) {
            Map<String, Long> f = new LinkedHashMap<>(fundingBySource);
            o.fundingBySource.forEach((k, v) -> f.merge(k, v, Long::sum));
            return new Rollup(null, centres + o.centres, courses + o.courses, closedCourses + o.closedCourses, sessions + o.sessions,
                    hours.add(o.hours), learners + o.learners, completed + o.completed, anonymous + o.anonymous, f);
        }
    }

    /** The year's roll-up by commune (communes with a centre, the user's only) and its total. */
    public record YearRollup(int year, List<Rollup> communes, Rollup total) {
    }

    /**
     * Tổng hợp hoạt động TTHTCĐ theo xã, phường và toàn thành phố (issue 12, item 2): the centres' year activity
     * (classes, sessions, learners, completers, funding by source) per commune, for commune officers (their communes)
     * and the city (all); not for a centre officer (their own centre's report is the centre page). The centres counted
     * are those of the organisations register (kind clc) in force on 31 December of the year or with a class in it.
     */
    public YearRollup rollup(int year) {
        Grant g = guard.require(DataKind.CENTRE_RECORDS, AccessAction.READ);
        if (g == Grant.OWN) {
            throw new AccessDeniedException("the roll-up is for commune and city officers");
        }
        LocalDate d = LocalDate.of(year, 12, 31);
        Map<String, int[]> counts = new java.util.TreeMap<>();   // centres, courses, closed, sessions, learners, completed, anonymous
        Map<String, BigDecimal> hours = new HashMap<>();
        Map<String, Map<String, Long>> funding = new HashMap<>();
        java.util.function.Function<String, int[]> at = c -> counts.computeIfAbsent(c, k -> new int[7]);
        jdbc.query("""
                select o.commune_code, count(*) from reporting_organisation o where o.kind = 'clc'
                and ((o.valid_from <= ? and (o.valid_until is null or o.valid_until > ?))
                     or exists (select 1 from centre_course c where c.organisation_id = o.id and c.year = ?))
                group by 1""", rs -> {
            at.apply(rs.getString(1))[0] = rs.getInt(2);
        }, d, d, year);
        jdbc.query("""
                select o.commune_code, count(*), count(*) filter (where c.status = 'closed'), coalesce(sum(c.anonymous_learners), 0)
                from centre_course c join reporting_organisation o on o.id = c.organisation_id where c.year = ? group by 1""", rs -> {
            int[] a = at.apply(rs.getString(1));
            a[1] = rs.getInt(2);
            a[2] = rs.getInt(3);
            a[6] = rs.getInt(4);
        }, year);
        jdbc.query("""
                select o.commune_code, count(*), coalesce(sum(s.hours), 0) from centre_session s join centre_course c on c.id = s.course_id
                join reporting_organisation o on o.id = c.organisation_id where c.year = ? group by 1""", rs -> {
            at.apply(rs.getString(1))[3] = rs.getInt(2);
            hours.put(rs.getString(1), rs.getBigDecimal(3));
        }, year);
        jdbc.query("""
                select o.commune_code, count(*), count(*) filter (where l.completed) from centre_learner l join centre_course c on c.id = l.course_id
                join reporting_organisation o on o.id = c.organisation_id where c.year = ? group by 1""", rs -> {
            int[] a = at.apply(rs.getString(1));
            a[4] = rs.getInt(2);
            a[5] = rs.getInt(3);
        }, year);
        jdbc.query("""
                select o.commune_code, f.source, sum(f.amount_vnd) from centre_funding f join reporting_organisation o on o.id = f.organisation_id
                where f.year = ? group by 1, 2""", rs -> {
            at.apply(rs.getString(1));
            funding.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2), rs.getLong(3));
        }, year);
        List<Rollup> rows = new ArrayList<>();
        Rollup total = new Rollup(null, 0, 0, 0, 0, BigDecimal.ZERO, 0, 0, 0, zeroFunding());
        for (Map.Entry<String, int[]> e : counts.entrySet()) {
            if (!guard.canReadForYear(e.getKey(), year)) {
                continue;
            }
            int[] a = e.getValue();
            Map<String, Long> f = zeroFunding();
            funding.getOrDefault(e.getKey(), Map.of()).forEach((k, v) -> f.merge(k, v, Long::sum));
            Rollup r = new Rollup(e.getKey(), a[0], a[1], a[2], a[3], hours.getOrDefault(e.getKey(), BigDecimal.ZERO), a[4], a[5], a[6], f);
            rows.add(r);
            total = total.plus(r);
        }
        return new YearRollup(year, rows, total);
    }

    private static Map<String, Long> zeroFunding() {
        Map<String, Long> m = new LinkedHashMap<>();
        FUNDING_SOURCES.forEach(s -> m.put(s, 0L));
        return m;
    }

    /**
     * {@code clc.active} (proposed by the platform, not an NQ 23 target): centres with at least one closed course in the
     * year over the centres of the register in force on 31 December, per commune and for the city (from 1/7/2025 on;
     * before, the city only). Stored with {@code IndicatorValues.store}, source "centres".
     */
    public void refreshIndicator(int year) {
        LocalDate d = LocalDate.of(year, 12, 31);
        Map<String, Integer> centresIn = registry.countsInForce(d, Set.of("clc"));
        Map<String, Integer> active = new HashMap<>();
        jdbc.query("""
                select o.commune_code, count(distinct o.id) n from centre_course c join reporting_organisation o on o.id = c.organisation_id
                where c.year = ? and c.status = 'closed' and o.valid_from <= ? and (o.valid_until is null or o.valid_until > ?)
                group by o.commune_code""", rs -> {
            active.put(rs.getString(1), rs.getInt(2));
        }, year, d, d);
        boolean communes = !d.isBefore(LocalDate.of(2025, 7, 1));
        Map<String, double[]> byUnit = new LinkedHashMap<>();
        double[] city = new double[2];
        centresIn.forEach((commune, n) -> {
            int a = active.getOrDefault(commune, 0);
            if (communes) byUnit.put(commune, new double[] {a, n});
            city[0] += a;
            city[1] += n;
        });
        if (city[1] > 0) byUnit.put("01", city);
        indicators.store(INDICATOR, year, byUnit, "centres");
    }

    private static String nfc(String s) {
        return s == null ? null : VietnameseText.nfc(s.strip());
    }
}
