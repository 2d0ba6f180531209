package vn.hoctap.units;


import vn.hoctap.units.core.UnitLevel;
import vn.hoctap.units.core.UnitVersion;
import java.sql.Date;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.hoctap.accounts.AccessAction;
import vn.hoctap.accounts.AccessGuard;
import vn.hoctap.accounts.DataKind;
import vn.hoctap.audit.AuditLog;
import vn.hoctap.platform.HanoiTime;
import vn.hoctap.platform.NotFoundException;
import vn.hoctap.platform.ValidationException;
import vn.hoctap.platform.VietnameseText;

/**
 * Thôn và tổ dân phố: the villages (in a xã) and residential groups (in a phường) under a commune.
 * Every read and write is scoped by {@link AccessGuard} to the user's units, whatever id is asked
 * for, and every write is audited.
 */
@Service
public class Villages {

    public enum Kind {
        /** Thôn (làng, bản, ấp): in a xã. */
        THON("thon"),
        /** Tổ dân phố: in a phường. */
        TO_DAN_PHO("to_dan_pho");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        @com.fasterxml.jackson.annotation.JsonValue
        public String code() {
            return code;
        }

        public static Kind fromCode(String code) {
            for (Kind k : values()) {
                if (k.code.equals(code)) {
                    return k;
                }
            }
            throw ValidationException.of("kind", "village.error.kind");
        }
    }

    public record Village(long id, String communeCode, String name, Kind kind, LocalDate validFrom,
                          LocalDate validUntil, int version) {
    }

    private static final RowMapper<Village> MAPPER = (rs, i) -> {
        Date until = rs.getDate("valid_until");
        return new Village(rs.getLong("id"), rs.getString("commune_code"), rs.getString("name"),
                Kind.fromCode(rs.getString("kind")), rs.getDate("valid_from").toLocalDate(),
                until == null ? null : until.toLocalDate(), rs.getInt("version"));
    };

    private final JdbcTemplate jdbc;
    private final UnitDirectory units;
    private final AccessGuard guard;
    private final AuditLog audit;

    public Villages(JdbcTemplate jdbc, UnitDirectory units, AccessGuard guard, AuditLog audit) {
        this.jdbc = jdbc;
        this.units = units;
        this.guard = guard;
        this.audit = audit;
    }

    /** The villages of a commune in force on a date. */
    public List<Village> of(String communeCode, LocalDate date) {
        guard.requireRead(communeCode, date);
        return jdbc.query("""
                select * from village where commune_code = ? and valid_from <= ? and (valid_until is null or valid_until > ?)
                order by name""", MAPPER, communeCode, Date.valueOf(date), Date.valueOf(date));
    }

    public Village get(long id) {
        Village v = find(id);
        guard.requireRead(v.communeCode());
        return v;
    }

    private Village find(long id) {
        return jdbc.query("select * from village where id = ?", MAPPER, id).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("village.error.not-found", id));
    }

    @Transactional
    public Village add(String communeCode, String name, Kind kind, LocalDate validFrom) {
        guard.require(DataKind.UNITS, AccessAction.WRITE, communeCode);
        LocalDate from = validFrom == null ? HanoiTime.today() : validFrom;
        UnitVersion commune = units.version(communeCode, from)
                .orElseThrow(() -> ValidationException.of("communeCode", "village.error.commune-not-in-force"));
        if (commune.level() != UnitLevel.COMMUNE) {
            throw ValidationException.of("communeCode", "village.error.not-commune");
        }
        String clean = validName(name);
        if (kind == null) {
            throw ValidationException.of("kind", "village.error.kind");
        }
        requireUniqueName(communeCode, clean, -1);
        Long id = jdbc.queryForObject("""
                insert into village (commune_code, name, search_key, kind, valid_from) values (?, ?, ?, ?, ?) returning id""",
                Long.class, communeCode, clean, VietnameseText.fold(clean), kind.code(), Date.valueOf(from));
        Village created = find(id);
        audit.record("create", "village", String.valueOf(id), communeCode, null, state(created),
                "Thêm " + clean + " vào " + commune.name());
        return created;
    }

    /** Renames or changes the kind of a village; {@code expectedVersion} guards against lost updates. */
    @Transactional
    public Village update(long id, String name, Kind kind, int expectedVersion) {
        Village before = find(id);
        guard.require(DataKind.UNITS, AccessAction.WRITE, before.communeCode());
        if (before.version() != expectedVersion) {
            throw ValidationException.of("version", "village.error.stale");
        }
        String clean = validName(name);
        if (kind == null) {
            throw ValidationException.of("kind", "village.error.kind");
        }
        requireUniqueName(before.communeCode(), clean, id);
        jdbc.update("""
                update village set name = ?, search_key = ?, kind = ?, version = version + 1, updated_at = now()
                where id = ?""", clean, VietnameseText.fold(clean), kind.code(), id);
        Village after = find(id);
        audit.record("update", "village", String.valueOf(id), before.communeCode(), state(before), state(after), null);
        return after;
    }

    /** Ends a village (merged or dissolved) from a date; it stays in the history. */
    @Transactional
    public Village close(long id, LocalDate until) {
        Village before = find(id);
        guard.require(DataKind.UNITS, AccessAction.WRITE, before.communeCode());
        if (until == null || !until.isAfter(before.validFrom())) {
            throw ValidationException.of("validUntil", "village.error.until");
        }
        jdbc.update("update village set valid_until = ?, version = version + 1, updated_at = now() where id = ?",
                Date.valueOf(until), id);
        Village after = find(id);
        audit.record("close", "village", String.valueOf(id), before.communeCode(), state(before), state(after), null);
        return after;
    }

    private void requireUniqueName(String communeCode, String name, long exceptId) {
        Integer n = jdbc.queryForObject("""
                select count(*) from village where commune_code = ? and search_key = ? and valid_until is null and id <> ?""",
                Integer.class, communeCode, VietnameseText.fold(name), exceptId);
        if (n != null && n > 0) {
            throw ValidationException.of("name", "village.error.duplicate");
        }
    }

    private static String validName(String name) {
        String clean = VietnameseText.nfc(name);
        if (clean == null || clean.isEmpty()) {
            throw ValidationException.of("name", "village.error.name-empty");
        }
        if (clean.length() > 100) {
            throw ValidationException.of("name", "village.error.name-long");
        }
        return clean;
    }

    private static Map<String, Object> state(Village v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("commune_code", v.communeCode());
        m.put("name", v.name());
        m.put("kind", v.kind().code());
        m.put("valid_from", v.validFrom().toString());
        m.put("valid_until", v.validUntil() == null ? null : v.validUntil().toString());
        return m;
    }
}
