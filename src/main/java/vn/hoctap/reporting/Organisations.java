package vn.hoctap.reporting;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.hoctap.accounts.AccessAction;
import vn.hoctap.accounts.AccessGuard;
import vn.hoctap.accounts.DataKind;
import vn.hoctap.accounts.Grant;
import vn.hoctap.accounts.Accounts;
import vn.hoctap.accounts.CurrentUser;
import vn.hoctap.accounts.Role;
import vn.hoctap.audit.AuditLog;
import vn.hoctap.platform.HanoiTime;
import vn.hoctap.platform.NotFoundException;
import vn.hoctap.platform.ValidationException;
import vn.hoctap.platform.VietnameseText;
import vn.hoctap.reporting.core.OrganisationKind;
import vn.hoctap.units.UnitDirectory;
import vn.hoctap.units.core.UnitLevel;
import vn.hoctap.units.core.UnitVersion;

/**
 * Danh sách cơ quan, đơn vị, tổ chức báo cáo: organisations registered under their commune (in force
 * today), and the organisation users who report for them. Access is decided on the organisation's
 * commune ({@link AccessGuard}); an organisation user sees only their own organisation.
 */
@Service
public class Organisations {

    static final RowMapper<Organisation> MAPPER = (rs, i) -> new Organisation(rs.getLong("id"), rs.getString("code"),
            rs.getString("name"), OrganisationKind.fromCode(rs.getString("kind")), rs.getString("commune_code"));

    private final JdbcTemplate jdbc;
    private final AccessGuard guard;
    private final AuditLog audit;
    private final UnitDirectory units;
    private final Accounts accounts;

    public Organisations(JdbcTemplate jdbc, AccessGuard guard, AuditLog audit, UnitDirectory units, Accounts accounts) {
        this.jdbc = jdbc;
        this.guard = guard;
        this.audit = audit;
        this.units = units;
        this.accounts = accounts;
    }

    /** The organisation an account reports for. */
    public Optional<Long> organisationOf(String username) {
        return jdbc.queryForList("select organisation_id from reporting_organisation_member where username = ?", Long.class,
                username).stream().findFirst();
    }

    /** Reads an organisation: an organisation user only their own, others within their units. */
    public Organisation get(long id) {
        Organisation o = find(id);
        requireRead(o);
        return o;
    }

    Organisation find(long id) {
        return jdbc.query("select * from reporting_organisation where id = ?", MAPPER, id).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("reporting.error.organisation-not-found", id));
    }

    public Optional<Organisation> byCode(String code) {
        return jdbc.query("select * from reporting_organisation where code = ?", MAPPER, code).stream().findFirst();
    }

    void requireRead(Organisation o) {
        if (!canRead(o)) {
            throw new AccessDeniedException("organisation " + o.id() + " is not readable");
        }
    }

    /**
     * Reading an organisation's reports: the access matrix (ORGANISATION_REPORTS × READ) on the organisation's commune;
     * with "own data only" (organisation users, centre officers) only the organisation the account reports for.
     */
    boolean canRead(Organisation o) {
        return allowed(o, AccessAction.READ);
    }

    /** Whether the user may enter values for the organisation: ORGANISATION_REPORTS × WRITE, own organisation if OWN. */
    boolean canEnter(Organisation o) {
        return allowed(o, AccessAction.WRITE);
    }

    /** Whether the user may export the organisation's reported values (ORGANISATION_REPORTS × EXPORT). */
    boolean canExport(Organisation o) {
        return allowed(o, AccessAction.EXPORT);
    }

    private boolean allowed(Organisation o, AccessAction action) {
        if (!guard.can(DataKind.ORGANISATION_REPORTS, action, o.communeCode())) {
            return false;
        }
        Grant g = guard.grant(DataKind.ORGANISATION_REPORTS, action);
        return g == Grant.SCOPE || g == Grant.OWN && guard.ownOrganisation().map(m -> m.organisationId() == o.id()).orElse(false);
    }

    /** Whether the user accepts or returns reports of the organisation's commune (ORGANISATION_REPORTS × APPROVE). */
    boolean reviews(Organisation o) {
        return guard.can(DataKind.ORGANISATION_REPORTS, AccessAction.APPROVE, o.communeCode());
    }

    /**
     * The workflow's level rule (not an access rule): the commune accepts, the city (Sở, the city administrator)
     * approves; applied on top of the access matrix's ORGANISATION_REPORTS × APPROVE.
     */
    static boolean isCity(CurrentUser u) {
        return u.role() == Role.CITY_OFFICER || u.role() == Role.CITY_ADMIN;
    }

    /** The organisations the user may see, optionally of one commune, by commune and name. */
    public List<Organisation> visible(String communeCode) {
        CurrentUser u = guard.requireUser();
        if (communeCode != null && !communeCode.isBlank()) {
            guard.requireRead(communeCode.strip());
        }
        List<Organisation> all = communeCode == null || communeCode.isBlank()
                ? jdbc.query("select * from reporting_organisation order by commune_code, name", MAPPER)
                : jdbc.query("select * from reporting_organisation where commune_code = ? order by name", MAPPER, communeCode.strip());
        return all.stream().filter(this::canRead).toList();
    }

    /** Registers an organisation under a commune in force today; by an officer of that commune or the city. */
    @Transactional
    public Organisation add(String communeCode, String name, OrganisationKind kind) {
        CurrentUser u = guard.requireUser();
        Map<String, String> errors = new LinkedHashMap<>();
        String commune = communeCode == null ? "" : communeCode.strip();
        LocalDate today = HanoiTime.today();
        Optional<UnitVersion> unit = units.version(commune, today);
        if (unit.isEmpty() || unit.get().level() != UnitLevel.COMMUNE) {
            errors.put("commune", "reporting.error.commune");
        }
        String clean = VietnameseText.nfc(name);
        if (clean == null || clean.isEmpty() || clean.length() > 200) {
            errors.put("name", "reporting.error.organisation-name");
        }
        if (kind == null) {
            errors.put("kind", "reporting.error.organisation-kind");
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        guard.require(DataKind.ORGANISATIONS, AccessAction.WRITE, commune);
        Integer dup = jdbc.queryForObject("select count(*) from reporting_organisation where commune_code = ? and lower(name) = lower(?)",
                Integer.class, commune, clean);
        if (dup != null && dup > 0) {
            throw ValidationException.of("name", "reporting.error.organisation-duplicate");
        }
        String prefix = kind.prefix() + "-" + commune + "-";
        Integer n = jdbc.queryForObject("select count(*) from reporting_organisation where code like ?", Integer.class, prefix + "%");
        String code = prefix + String.format("%03d", (n == null ? 0 : n) + 1);
        Long id = jdbc.queryForObject("""
                insert into reporting_organisation (code, name, kind, commune_code) values (?, ?, ?, ?) returning id""",
                Long.class, code, clean, kind.code(), commune);
        Organisation o = find(id);
        audit.record("create", "reporting_organisation", String.valueOf(id), commune, null, state(o),
                "Đăng ký đơn vị báo cáo " + clean);
        return o;
    }

    /** Links an organisation user to the organisation they report for (replacing an earlier link). */
    @Transactional
    public void link(String username, long organisationId) {
        Organisation o = find(organisationId);
        CurrentUser u = guard.requireUser();
        guard.require(DataKind.ORGANISATIONS, AccessAction.WRITE, o.communeCode());
        var account = accounts.findByUsername(username == null ? "" : username.strip())
                .orElseThrow(() -> ValidationException.of("username", "reporting.error.user-unknown"));
        if (account.user().role() != Role.ORGANISATION_USER) {
            throw ValidationException.of("username", "reporting.error.user-role");
        }
        Optional<Long> before = organisationOf(account.user().username());
        jdbc.update("delete from reporting_organisation_member where username = ?", account.user().username());
        jdbc.update("insert into reporting_organisation_member (username, organisation_id) values (?, ?)",
                account.user().username(), organisationId);
        audit.record("link", "reporting_organisation_member", account.user().username(), o.communeCode(),
                before.map(b -> Map.<String, Object>of("organisation_id", b)).orElse(null),
                Map.of("organisation_id", organisationId), "Gắn tài khoản với " + o.name());
    }

    /** The usernames linked to an organisation. */
    public List<String> members(long organisationId) {
        get(organisationId);
        return jdbc.queryForList("select username from reporting_organisation_member where organisation_id = ? order by username",
                String.class, organisationId);
    }

    static Map<String, Object> state(Organisation o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", o.code());
        m.put("name", o.name());
        m.put("kind", o.kind().code());
        m.put("commune_code", o.communeCode());
        return m;
    }
}
