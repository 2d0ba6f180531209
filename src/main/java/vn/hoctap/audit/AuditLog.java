package vn.hoctap.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

import vn.hoctap.platform.HanoiTime;

import tools.jackson.databind.json.JsonMapper;

/**
 * Nhật ký thay đổi: every write records who, when, what and the state before and after, in the
 * same transaction as the write itself (a write that rolls back leaves no audit event, and an audit
 * event that fails rolls the write back). The records are never written to the application log.
 */
@Service
public class AuditLog {

    /** One audit event, as shown to administrators. */
    public record Event(long id, Instant at, String actor, String action, String entityType, String entityId,
                        String unitCode, String before, String after, String summary) {
    }

    /** Filters of the audit browser; null fields do not filter. */
    public record Filter(String actor, String entityType, String entityId, String unitCode, LocalDate from, LocalDate to) {
    }

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    public AuditLog(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void record(String action, String entityType, String entityId, String unitCode,
                       Object before, Object after, String summary) {
        jdbc.update("""
                insert into audit_event (actor, action, entity_type, entity_id, unit_code, before_state, after_state, summary)
                values (?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), ?)""",
                actor(), action, entityType, entityId, unitCode, toJson(before), toJson(after), summary);
    }

    /** One event to record with an explicit actor (work done on a user's behalf by a background writer). */
    public record Pending(String actor, String action, String entityType, String entityId, String unitCode,
                          Object before, Object after, String summary) {
    }

    /**
     * Records many events in ONE statement, in the caller's transaction (the fund ledger's group commit writes the
     * audit of a batch of postings this way: still one event per posting, with its own actor).
     */
    public void recordAll(java.util.List<Pending> events) {
        if (events.isEmpty()) return;
        int n = events.size();
        String[][] cols = new String[8][n];
        for (int i = 0; i < n; i++) {
            Pending e = events.get(i);
            cols[0][i] = e.actor();
            cols[1][i] = e.action();
            cols[2][i] = e.entityType();
            cols[3][i] = e.entityId();
            cols[4][i] = e.unitCode();
            cols[5][i] = toJson(e.before());
            cols[6][i] = toJson(e.after());
            cols[7][i] = e.summary();
        }
        jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Void>) c -> {
            try (var ps = c.prepareStatement("""
                    insert into audit_event (actor, action, entity_type, entity_id, unit_code, before_state, after_state, summary)
                    select a, b, t, i, u, cast(bs as jsonb), cast(af as jsonb), s
                    from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                         as x(a, b, t, i, u, bs, af, s)""")) {
                for (int k = 0; k < 8; k++) ps.setArray(k + 1, c.createArrayOf("text", cols[k]));
                ps.executeUpdate();
            }
            return null;
        });
    }

    private String toJson(Object state) {
        return state == null ? null : json.writeValueAsString(state);
    }

    static String actor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || !auth.isAuthenticated() ? "system" : auth.getName();
    }

    public List<Event> find(Filter f, int limit, int offset) {
        StringBuilder sql = new StringBuilder("""
                select id, at, actor, action, entity_type, entity_id, unit_code,
                       before_state::text as before_state, after_state::text as after_state, summary
                from audit_event where true""");
        List<Object> args = new ArrayList<>();
        if (f.actor() != null && !f.actor().isBlank()) {
            sql.append(" and actor = ?");
            args.add(f.actor().strip());
        }
        if (f.entityType() != null && !f.entityType().isBlank()) {
            sql.append(" and entity_type = ?");
            args.add(f.entityType().strip());
        }
        if (f.entityId() != null && !f.entityId().isBlank()) {
            sql.append(" and entity_id = ?");
            args.add(f.entityId().strip());
        }
        if (f.unitCode() != null && !f.unitCode().isBlank()) {
            sql.append(" and unit_code = ?");
            args.add(f.unitCode().strip());
        }
        if (f.from() != null) {
            sql.append(" and at >= ?");
            args.add(Timestamp.from(f.from().atStartOfDay(HanoiTime.ZONE).toInstant()));
        }
        if (f.to() != null) {
            sql.append(" and at < ?");
            args.add(Timestamp.from(f.to().plusDays(1).atStartOfDay(HanoiTime.ZONE).toInstant()));
        }
        sql.append(" order by at desc, id desc limit ? offset ?");
        args.add(limit);
        args.add(offset);
        return jdbc.query(sql.toString(), (rs, i) -> new Event(rs.getLong("id"), rs.getTimestamp("at").toInstant(),
                rs.getString("actor"), rs.getString("action"), rs.getString("entity_type"), rs.getString("entity_id"),
                rs.getString("unit_code"), rs.getString("before_state"), rs.getString("after_state"),
                rs.getString("summary")), args.toArray());
    }

    public List<String> entityTypes() {
        return jdbc.queryForList("select distinct entity_type from audit_event order by 1", String.class);
    }
}
