package vn.hoctap.fund.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.hoctap.accounts.AccessAction;
import vn.hoctap.accounts.AccessGuard;
import vn.hoctap.accounts.DataKind;
import vn.hoctap.audit.AuditLog;
import vn.hoctap.fund.core.StandardChart;
import vn.hoctap.platform.NotFoundException;
import vn.hoctap.platform.ValidationException;

/**
 * Các quỹ khuyến học, khuyến tài: one fund per owner (the city association, a commune's association, a village, clan,
 * organisation or school), each with the standard chart of accounts ({@link StandardChart}). A fund belongs to a unit,
 * and its unit decides who may see and write it ({@link AccessGuard}).
 */
@Service
public class Funds {

    public record Fund(long id, String code, String name, String unitCode, String ownerKind, long approvalLimitVnd) {
    }

    private final JdbcTemplate jdbc;
    private final AccessGuard guard;
    private final AuditLog audit;
    private final Map<Long, Map<String, Long>> accountIds = new ConcurrentHashMap<>();

    Funds(JdbcTemplate jdbc, AccessGuard guard, AuditLog audit) {
        this.jdbc = jdbc;
        this.guard = guard;
        this.audit = audit;
    }

    /** Creates a fund with the standard chart, or returns the existing one of that code (idempotent). */
    @Transactional
    public Fund create(String code, String name, String unitCode, String ownerKind, long approvalLimitVnd) {
        guard.require(DataKind.FUND_RECORDS, AccessAction.WRITE, unitCode);
        Optional<Fund> existing = find(code);
        if (existing.isPresent()) return existing.get();
        if (code == null || !code.matches("[a-z0-9-]{2,40}")) throw ValidationException.of("code", "fund.error.code");
        if (name == null || name.isBlank()) throw ValidationException.of("name", "fund.error.name");
        long id = jdbc.queryForObject("insert into fund (code, name, unit_code, owner_kind, approval_limit_vnd) values (?, ?, ?, ?, ?) returning id",
                Long.class, code, name.strip(), unitCode, ownerKind, approvalLimitVnd);
        for (StandardChart.Account a : StandardChart.ACCOUNTS) {
            jdbc.update("insert into fund_account (fund_id, code, name, kind) values (?, ?, ?, ?)", id, a.code(), a.nameVi(), a.kind().name());
        }
        Fund f = new Fund(id, code, name.strip(), unitCode, ownerKind, approvalLimitVnd);
        audit.record("fund.create", "fund", code, unitCode, null, f, "Lập quỹ " + f.name());
        return f;
    }

    /**
     * Refuses unless the user may see the fund's books (within the fund's unit, and the whole books, not only their own
     * donations: a citizen's {@code OWN} grant covers their receipts only).
     */
    public void requireBooks(Fund f, AccessAction action) {
        if (guard.require(DataKind.FUND_RECORDS, action, f.unitCode()) != vn.hoctap.accounts.Grant.SCOPE) {
            throw new org.springframework.security.access.AccessDeniedException("only own donations");
        }
    }

    private final Map<String, Fund> byCode = new ConcurrentHashMap<>();

    public Optional<Fund> find(String code) {
        Fund cached = code == null ? null : byCode.get(code);
        if (cached != null) return Optional.of(cached);
        Optional<Fund> f = jdbc.query("select * from fund where code = ?", (rs, n) -> new Fund(rs.getLong("id"), rs.getString("code"),
                rs.getString("name"), rs.getString("unit_code"), rs.getString("owner_kind"), rs.getLong("approval_limit_vnd")), code)
                .stream().findFirst();
        // a fund's row never changes (create() does not read it back inside its own transaction)
        f.ifPresent(x -> byCode.put(code, x));
        return f;
    }

    public Fund get(String code) {
        return find(code).orElseThrow(() -> new NotFoundException("fund.error.not-found", code));
    }

    public Fund byId(long id) {
        return jdbc.query("select code from fund where id = ?", (rs, n) -> rs.getString(1), id).stream().findFirst()
                .map(this::get).orElseThrow(() -> new NotFoundException("fund.error.not-found", id));
    }

    /** Every fund (public pages: the funds' published figures are public). */
    public List<Fund> all() {
        return jdbc.query("select * from fund order by unit_code, code", (rs, n) -> new Fund(rs.getLong("id"), rs.getString("code"),
                rs.getString("name"), rs.getString("unit_code"), rs.getString("owner_kind"), rs.getLong("approval_limit_vnd")));
    }

    /** The funds whose unit the signed-in user may read. */
    public List<Fund> readable() {
        return all().stream().filter(f -> guard.canRead(f.unitCode())).toList();
    }

    /**
     * Adds an account to a fund's chart beyond the standard one (a programme's restricted account 4212.&lt;id&gt;), in the
     * caller's transaction; the cached ids of the fund are forgotten now and again after the commit.
     */
    long addAccount(long fundId, String code, String name, vn.hoctap.fund.core.AccountKind kind) {
        long id = jdbc.queryForObject("insert into fund_account (fund_id, code, name, kind) values (?, ?, ?, ?) returning id", Long.class,
                fundId, code, name, kind.name());
        accountIds.remove(fundId);
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCompletion(int status) {
                            accountIds.remove(fundId);
                        }
                    });
        }
        return id;
    }

    /** The id of an account of the fund's chart. */
    public long accountId(long fundId, String code) {
        Map<String, Long> ids = accountIds.computeIfAbsent(fundId, id -> {
            Map<String, Long> m = new ConcurrentHashMap<>();
            jdbc.query("select id, code from fund_account where fund_id = ?", rs -> {
                m.put(rs.getString("code"), rs.getLong("id"));
            }, id);
            return m.isEmpty() ? null : m;   // a fund created in a transaction not yet committed: not cached
        });
        Long id = ids == null ? null : ids.get(code);
        if (id == null) throw ValidationException.of("account", "fund.error.account");
        return id;
    }
}
