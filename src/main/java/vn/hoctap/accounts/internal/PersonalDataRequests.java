package vn.hoctap.accounts.internal;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.hoctap.accounts.AccessAction;
import vn.hoctap.accounts.AccessGuard;
import vn.hoctap.accounts.CurrentUser;
import vn.hoctap.accounts.DataKind;
import vn.hoctap.accounts.DataSubjectRequestDeadlines;
import vn.hoctap.accounts.Grant;
import vn.hoctap.audit.AuditLog;
import vn.hoctap.platform.HanoiTime;
import vn.hoctap.platform.NotFoundException;
import vn.hoctap.platform.ValidationException;

/**
 * Yêu cầu chỉnh sửa dữ liệu cá nhân (Luật 91/2025/QH15, Art. 4(1)(c) [V]): a person asks to correct what the platform
 * holds about them; an officer of their commune (or the city) answers: corrected or refused, with a reason. The
 * access matrix row DATA_SUBJECT_REQUESTS: everyone writes and reads their own, officers read and answer within
 * their units. The request's text is never logged; creating and answering are audited (without the text).
 */
@Service
public class PersonalDataRequests {

    public enum Status { OPEN, CORRECTED, REFUSED }

    public record Request(long id, long userId, String username, String unitCode, String section, String text, Status status,
                          String answer, String answeredBy, Instant createdAt, LocalDate acknowledgeBy, LocalDate answerBy,
                          Instant answeredAt) {
        public boolean overdue() {
            return status == Status.OPEN && HanoiTime.today().isAfter(answerBy);
        }
    }

    static final RowMapper<Request> MAPPER = (rs, i) -> new Request(rs.getLong("id"), rs.getLong("user_id"), rs.getString("username"),
            rs.getString("unit_code"), rs.getString("section"), rs.getString("request_text"), Status.valueOf(rs.getString("status")),
            rs.getString("answer_text"), rs.getString("answered_by"), rs.getTimestamp("created_at").toInstant(),
            rs.getDate("acknowledge_by").toLocalDate(), rs.getDate("answer_by").toLocalDate(),
            rs.getTimestamp("answered_at") == null ? null : rs.getTimestamp("answered_at").toInstant());

    static final int MAX_TEXT = 4000;

    private final JdbcTemplate jdbc;
    private final AccessGuard guard;
    private final AuditLog audit;

    PersonalDataRequests(JdbcTemplate jdbc, AccessGuard guard, AuditLog audit) {
        this.jdbc = jdbc;
        this.guard = guard;
        this.audit = audit;
    }

    /** The signed-in person asks for a correction of a section of "Dữ liệu của tôi". */
    @Transactional
    public Request create(String section, String text, Set<String> sections) {
        CurrentUser u = guard.requireUser();
        guard.require(DataKind.DATA_SUBJECT_REQUESTS, AccessAction.WRITE);
        Map<String, String> errors = new LinkedHashMap<>();
        String t = text == null ? "" : text.strip();
        if (t.isEmpty() || t.length() > MAX_TEXT) errors.put("text", "privacy.error.text");
        if (t.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t')) errors.put("text", "privacy.error.text");
        if (section == null || !sections.contains(section)) errors.put("section", "privacy.error.section");
        if (!errors.isEmpty()) throw new ValidationException(errors);
        String unit = u.scopes().stream().sorted().findFirst().orElse("01");
        LocalDate today = HanoiTime.today();
        Long id = jdbc.queryForObject("""
                insert into personal_data_request (user_id, username, unit_code, section, request_text, acknowledge_by, answer_by)
                values (?, ?, ?, ?, ?, ?, ?) returning id""", Long.class, u.id(), u.username(), unit, section, t,
                Date.valueOf(DataSubjectRequestDeadlines.acknowledgeBy(today)), Date.valueOf(DataSubjectRequestDeadlines.answerBy(today)));
        audit.record("privacy.request.create", "personal_data_request", String.valueOf(id), unit, null,
                Map.of("section", section, "status", Status.OPEN.name()), "Yêu cầu chỉnh sửa dữ liệu cá nhân");
        return get(id);
    }

    /** The signed-in person's own requests, newest first. */
    public List<Request> mine() {
        CurrentUser u = guard.requireUser();
        guard.require(DataKind.DATA_SUBJECT_REQUESTS, AccessAction.READ);
        return jdbc.query("select * from personal_data_request where user_id = ? order by id desc", MAPPER, u.id());
    }

    /** The requests an officer answers: those of people of their units; open ones first, by deadline. */
    public List<Request> toAnswer() {
        if (guard.grant(DataKind.DATA_SUBJECT_REQUESTS, AccessAction.READ) != Grant.SCOPE) {
            throw new AccessDeniedException("only officers read others' requests");
        }
        return jdbc.query("select * from personal_data_request order by (status = 'OPEN') desc, answer_by, id", MAPPER).stream()
                .filter(r -> guard.can(DataKind.DATA_SUBJECT_REQUESTS, AccessAction.READ, r.unitCode())).toList();
    }

    Request get(long id) {
        return jdbc.query("select * from personal_data_request where id = ?", MAPPER, id).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("privacy.error.not-found", id));
    }

    /** An officer of the person's commune (or the city) answers: corrected or refused, always with a text. */
    @Transactional
    public Request answer(long id, Status status, String answer) {
        Request r = get(id);
        guard.require(DataKind.DATA_SUBJECT_REQUESTS, AccessAction.APPROVE, r.unitCode());
        Map<String, String> errors = new LinkedHashMap<>();
        String a = answer == null ? "" : answer.strip();
        if (status == null || status == Status.OPEN) errors.put("status", "privacy.error.status");
        if (a.isEmpty() || a.length() > MAX_TEXT) errors.put("answer", "privacy.error.answer");
        if (r.status() != Status.OPEN) errors.put("status", "privacy.error.answered");
        if (!errors.isEmpty()) throw new ValidationException(errors);
        jdbc.update("update personal_data_request set status = ?, answer_text = ?, answered_by = ?, answered_at = now() where id = ?",
                status.name(), a, guard.requireUser().username(), id);
        audit.record("privacy.request.answer", "personal_data_request", String.valueOf(id), r.unitCode(),
                Map.of("status", Status.OPEN.name()), Map.of("status", status.name()), "Trả lời yêu cầu chỉnh sửa dữ liệu cá nhân");
        return get(id);
    }
}
