package vn.hoctap.accounts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.hoctap.audit.AuditLog;
import vn.hoctap.platform.ValidationException;

/**
 * Tài khoản người dùng: creation, listing and changes of accounts, each audited. Passwords are kept
 * only as BCrypt hashes.
 */
@Service
public class Accounts {

    /** A new account's data; the password is given in clear once and hashed here. */
    public record NewAccount(String username, String displayName, Role role, Set<String> scopes, String password) {
    }

    /** An account as listed to administrators (never with its hash). */
    public record AccountSummary(long id, String username, String displayName, Role role, boolean enabled,
                                 Set<String> scopes) {
    }

    private final JdbcTemplate jdbc;
    private final PasswordEncoder encoder;
    private final UnitHierarchy units;
    private final AuditLog audit;

    public Accounts(JdbcTemplate jdbc, PasswordEncoder encoder, UnitHierarchy units, AuditLog audit) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.units = units;
        this.audit = audit;
    }

    public long count() {
        Long n = jdbc.queryForObject("select count(*) from app_user", Long.class);
        return n == null ? 0 : n;
    }

    /**
     * Creates an account. Throws {@link ValidationException} naming the field and the reason when
     * the data is not acceptable; nothing is written then.
     */
    @Transactional
    public long create(NewAccount a) {
        Map<String, String> errors = validate(a);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Long id = jdbc.queryForObject("""
                insert into app_user (username, display_name, password_hash, role)
                values (?, ?, ?, ?) returning id""", Long.class,
                a.username().strip(), a.displayName().strip(), encoder.encode(a.password()), a.role().name());
        for (String scope : a.scopes()) {
            jdbc.update("insert into user_scope (user_id, unit_code) values (?, ?)", id, scope);
        }
        audit.record("create", "account", String.valueOf(id), null, null, describe(a),
                "Tạo tài khoản " + a.username());
        return id;
    }

    private static Map<String, Object> describe(NewAccount a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("username", a.username());
        m.put("display_name", a.displayName());
        m.put("role", a.role().name());
        m.put("scopes", new TreeSet<>(a.scopes()));
        return m;
    }

    private Map<String, String> validate(NewAccount a) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (a.username() == null || !a.username().strip().matches("[a-zA-Z0-9._-]{3,60}")) {
            errors.put("username", "account.error.username");
        } else if (findByUsername(a.username().strip()).isPresent()) {
            errors.put("username", "account.error.username-taken");
        }
        if (a.displayName() == null || a.displayName().isBlank()) {
            errors.put("displayName", "account.error.display-name");
        }
        if (a.role() == null) {
            errors.put("role", "account.error.role");
        }
        if (a.password() == null || a.password().length() < 10) {
            errors.put("password", "account.error.password");
        }
        if (a.scopes() == null || a.scopes().isEmpty()) {
            errors.put("scopes", "account.error.scopes-empty");
        } else {
            for (String s : a.scopes()) {
                if (!units.exists(s)) {
                    errors.put("scopes", "account.error.scope-unknown");
                }
            }
        }
        return errors;
    }

    public Optional<AccountPrincipal> findByUsername(String username) {
        List<AccountPrincipal> found = jdbc.query(
                "select id, username, display_name, password_hash, role, enabled from app_user where username = ?",
                (rs, i) -> {
                    long id = rs.getLong("id");
                    CurrentUser u = new CurrentUser(id, rs.getString("username"), rs.getString("display_name"),
                            Role.valueOf(rs.getString("role")), scopes(id));
                    return new AccountPrincipal(u, rs.getString("password_hash"), rs.getBoolean("enabled"));
                }, username);
        return found.stream().findFirst();
    }

    private Set<String> scopes(long userId) {
        return new TreeSet<>(jdbc.queryForList("select unit_code from user_scope where user_id = ? order by unit_code",
                String.class, userId));
    }

    public List<AccountSummary> list() {
        return jdbc.query("select id, username, display_name, role, enabled from app_user order by username",
                (rs, i) -> new AccountSummary(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                        Role.valueOf(rs.getString("role")), rs.getBoolean("enabled"), scopes(rs.getLong("id"))));
    }

    /** Changes an account's role and units (issue 19: administrators no longer recreate an account for that). */
    @Transactional
    public void changeRoleAndScopes(long id, Role role, Set<String> scopes) {
        AccountSummary before = list().stream().filter(a -> a.id() == id).findFirst()
                .orElseThrow(() -> new vn.hoctap.platform.NotFoundException("account.error.not-found", id));
        Map<String, String> errors = new LinkedHashMap<>();
        if (role == null) {
            errors.put("role", "account.error.role");
        }
        if (scopes == null || scopes.isEmpty()) {
            errors.put("scopes", "account.error.scopes-empty");
        } else if (scopes.stream().anyMatch(s -> !units.exists(s))) {
            errors.put("scopes", "account.error.scope-unknown");
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        jdbc.update("update app_user set role = ? where id = ?", role.name(), id);
        jdbc.update("delete from user_scope where user_id = ?", id);
        for (String scope : new TreeSet<>(scopes)) {
            jdbc.update("insert into user_scope (user_id, unit_code) values (?, ?)", id, scope);
        }
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("role", before.role().name());
        b.put("scopes", new TreeSet<>(before.scopes()));
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("role", role.name());
        a.put("scopes", new TreeSet<>(scopes));
        audit.record("update", "account", String.valueOf(id), null, b, a, null);
    }

    /** Sets a new password chosen by the administrator (the old one stops working at once); audited without it. */
    @Transactional
    public void resetPassword(long id, String password) {
        if (password == null || password.length() < 10) {
            throw ValidationException.of("password", "account.error.password");
        }
        int n = jdbc.update("update app_user set password_hash = ? where id = ?", encoder.encode(password), id);
        if (n == 0) {
            throw new vn.hoctap.platform.NotFoundException("account.error.not-found", id);
        }
        audit.record("reset-password", "account", String.valueOf(id), null, null, null, null);
    }

    @Transactional
    public void setEnabled(long id, boolean enabled) {
        List<Boolean> before = jdbc.queryForList("select enabled from app_user where id = ? for update", Boolean.class, id);
        if (before.isEmpty()) {
            throw new vn.hoctap.platform.NotFoundException("account.error.not-found", id);
        }
        jdbc.update("update app_user set enabled = ? where id = ?", enabled, id);
        audit.record(enabled ? "enable" : "disable", "account", String.valueOf(id), null,
                Map.of("enabled", before.get(0)), Map.of("enabled", enabled), null);
    }
}
