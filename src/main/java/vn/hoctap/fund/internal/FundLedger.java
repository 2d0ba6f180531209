package vn.hoctap.fund.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.hoctap.accounts.AccessAction;
import vn.hoctap.accounts.AccessGuard;
import vn.hoctap.accounts.CurrentUser;
import vn.hoctap.accounts.DataKind;
import vn.hoctap.audit.AuditLog;
import vn.hoctap.fund.core.AccountKind;
import vn.hoctap.fund.core.ClosedPeriodIsLocked;
import vn.hoctap.fund.core.EntryDraft;
import vn.hoctap.fund.core.LedgerException;
import vn.hoctap.fund.core.Line;
import vn.hoctap.fund.core.Period;
import vn.hoctap.fund.core.ReversalOnlyOnce;
import vn.hoctap.platform.NotFoundException;
import vn.hoctap.platform.ValidationException;

/**
 * Sổ cái quỹ in PostgreSQL: posting (ghi sổ), reversing (đảo bút toán), closing months (khóa sổ), balances and the
 * trial balance (bảng cân đối số phát sinh). Java checks the rules of {@code fund.ledger} first; the database checks
 * them again (V40: deferred balance trigger, immutable rows, closed periods). Every posting carries an idempotency key:
 * the same key with the same content returns the entry already posted; with other content it is refused.
 */
@Service
public class FundLedger implements DisposableBean {

    public record Posted(long entryId, boolean replayed) {
    }

    public record EntryView(long id, LocalDate date, String description, String sourceKind, Long sourceId, Long reverses,
                            Long reversedBy, String postedBy, List<LineView> lines) {
    }

    public record LineView(String account, String accountName, long debit, long credit) {
    }

    /** One account's line of the trial balance: its totals through a date and its balance in its normal direction. */
    public record TrialRow(String code, String name, AccountKind kind, long debit, long credit) {
        public long balance() {
            return kind.signed(debit, credit);
        }
    }

    private final JdbcTemplate jdbc;
    private final Funds funds;
    private final AccessGuard guard;
    private final AuditLog audit;
    /** The last closed month per fund (closing is rare; the database checks every posting anyway). */
    private final com.github.benmanes.caffeine.cache.Cache<Long, Optional<Period>> closedCache =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().build();

    private final TransactionTemplate tx;
    private final GroupCommit groupCommit;

    FundLedger(JdbcTemplate jdbc, Funds funds, AccessGuard guard, AuditLog audit, PlatformTransactionManager txManager,
               @Value("${hoctap.fund.posting-writers:4}") int writers, @Value("${hoctap.fund.posting-batch:500}") int maxBatch) {
        this.jdbc = jdbc;
        this.funds = funds;
        this.guard = guard;
        this.audit = audit;
        this.tx = new TransactionTemplate(txManager);
        this.groupCommit = new GroupCommit(this, jdbc, tx, writers, maxBatch);
    }

    @Override
    public void destroy() {
        groupCommit.stop();
    }

    /** What the group commit did since start: batches committed, postings in them, batches posted one by one. */
    public GroupCommit.Stats postingStats() {
        return groupCommit.stats();
    }

    /**
     * A manual entry by the fund's accountant (API). Outside a transaction (the API, the stress test) the posting joins
     * the group commit ({@link GroupCommit}): it is posted with the other postings waiting at that moment in one durable
     * commit, and this call returns once that commit is on disk. Inside a caller's transaction it is posted in it.
     */
    public Posted post(String fundCode, EntryDraft draft, String idempotencyKey) {
        Funds.Fund f = funds.get(fundCode);
        guard.require(DataKind.FUND_RECORDS, AccessAction.WRITE, f.unitCode());
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return postInternal(f, draft, idempotencyKey, "MANUAL", null, null);
        }
        Prepared p = prepare(f, draft, idempotencyKey, "MANUAL", null, null, actor());
        return p.replay() != null ? p.replay() : groupCommit.submit(p);
    }

    /**
     * The per-posting path as it was before the group commit: one transaction and one durable commit per posting
     * ({@code bin/hoctap bench-fund} measures it as the baseline in the same run).
     */
    public Posted postOneByOne(String fundCode, EntryDraft draft, String idempotencyKey) {
        Funds.Fund f = funds.get(fundCode);
        guard.require(DataKind.FUND_RECORDS, AccessAction.WRITE, f.unitCode());
        String actor = actor();
        return tx.execute(s -> postAs(actor, f, draft, idempotencyKey, "MANUAL", null, null));
    }

    /** A posting checked and ready for the database: what the group commit writes. */
    record Prepared(Funds.Fund fund, EntryDraft draft, String key, String hash, String sourceKind, Long sourceId,
                    Long reverses, String actor, List<Long> accountIds, Posted replay) {
    }

    /**
     * Every check that needs no write: the key, the closed months (a replay of an entry posted before the closing
     * still answers with that entry), the accounts of the chart. The database checks again when the entry is written.
     */
    Prepared prepare(Funds.Fund f, EntryDraft draft, String idempotencyKey, String sourceKind, Long sourceId, Long reverses, String actor) {
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 200) {
            throw ValidationException.of("idempotency_key", "fund.error.idempotency-key");
        }
        String hash = hash(f.id(), draft, sourceKind, reverses);
        Period closed = closedCache.get(f.id(), id -> Optional.ofNullable(closedThrough(id))).orElse(null);
        if (closed != null && draft.period().compareTo(closed) <= 0) {
            Optional<Posted> replay = replay(idempotencyKey, hash);
            if (replay.isPresent()) return new Prepared(f, draft, idempotencyKey, hash, sourceKind, sourceId, reverses, actor, List.of(), replay.get());
            ClosedPeriodIsLocked.check(closed, draft.period());
        }
        List<Long> accountIds = new ArrayList<>();
        for (Line l : draft.lines()) {
            // a programme's restricted account moves only with its earmarked receipts and its own awards (and their reversals)
            if ("MANUAL".equals(sourceKind) && vn.hoctap.fund.core.StandardChart.isRestricted(l.account())) {
                throw new LedgerException("RESTRICTED_ACCOUNT", "a manual entry cannot move the restricted account " + l.account());
            }
            accountIds.add(funds.accountId(f.id(), l.account()));
        }
        return new Prepared(f, draft, idempotencyKey, hash, sourceKind, sourceId, reverses, actor, accountIds, null);
    }

    /** Posts within the caller's transaction; the caller has checked access. */
    Posted postInternal(Funds.Fund f, EntryDraft draft, String idempotencyKey, String sourceKind, Long sourceId, Long reverses) {
        return postAs(actor(), f, draft, idempotencyKey, sourceKind, sourceId, reverses);
    }

    /** Posts one entry in the current transaction on behalf of {@code actor}. */
    Posted postAs(String actor, Funds.Fund f, EntryDraft draft, String idempotencyKey, String sourceKind, Long sourceId, Long reverses) {
        Prepared p = prepare(f, draft, idempotencyKey, sourceKind, sourceId, reverses, actor);
        if (p.replay() != null) return p.replay();
        String hash = p.hash();
        List<Long> accountIds = p.accountIds();
        Long id;
        try {
            id = jdbc.query("""
                    insert into fund_entry (fund_id, entry_date, period, description, idempotency_key, request_hash, reverses,
                                            source_kind, source_id, posted_by)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (idempotency_key) do nothing returning id""",
                    rs -> rs.next() ? rs.getLong(1) : null,
                    f.id(), Date.valueOf(draft.date()), draft.period().yyyymm(), draft.description(), idempotencyKey, hash, reverses,
                    sourceKind, sourceId, actor);
        } catch (DataAccessException e) {
            throw translate(e);
        }
        if (id == null) {   // the key was posted before, or meanwhile by a concurrent request
            return replay(idempotencyKey, hash).orElseThrow(() -> new LedgerException("IDEMPOTENCY_CONFLICT", idempotencyKey));
        }
        StringBuilder sql = new StringBuilder("insert into fund_line (entry_id, fund_id, period, account_id, debit, credit) values ");
        List<Object> args = new ArrayList<>();
        for (int i = 0; i < draft.lines().size(); i++) {
            Line l = draft.lines().get(i);
            sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?)");
            args.add(id);
            args.add(f.id());
            args.add(draft.period().yyyymm());
            args.add(accountIds.get(i));
            args.add(l.debit());
            args.add(l.credit());
        }
        try {
            jdbc.update(sql.toString(), args.toArray());
        } catch (DataAccessException e) {
            throw translate(e);
        }
        audit.recordAll(List.of(auditOf(p, id)));
        return new Posted(id, false);
    }

    void auditAll(List<AuditLog.Pending> events) {
        audit.recordAll(events);
    }

    /** The audit event of one posting (the same whether posted alone or in a group commit). */
    static AuditLog.Pending auditOf(Prepared p, long id) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("date", p.draft().date().toString());
        after.put("total_vnd", p.draft().total());
        after.put("source", p.sourceKind());
        return new AuditLog.Pending(p.actor(), "fund.post", "fund_entry", Long.toString(id), p.fund().unitCode(), null, after,
                (p.reverses() == null ? "Ghi sổ: " : "Đảo bút toán " + p.reverses() + ": ") + p.draft().description());
    }

    Optional<Posted> replay(String key, String hash) {
        return jdbc.query("select id, request_hash from fund_entry where idempotency_key = ?", (rs, n) -> {
            if (!rs.getString("request_hash").equals(hash)) {
                throw new LedgerException("IDEMPOTENCY_CONFLICT", "key " + key + " was used for another entry");
            }
            return new Posted(rs.getLong("id"), true);
        }, key).stream().findFirst();
    }

    /** Reverses an entry by a new entry dated {@code on} (an open period); the original stays as it was. */
    public Posted reverse(String fundCode, long entryId, LocalDate on, String idempotencyKey) {
        Funds.Fund f = funds.get(fundCode);
        guard.require(DataKind.FUND_RECORDS, AccessAction.WRITE, f.unitCode());
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return reverseInternal(f, entryId, on, idempotencyKey, "Đảo bút toán số " + entryId);
        }
        // outside a transaction: checked here, written by the group commit; two reversals of one entry racing each
        // other are told apart by the database (unique reverses) and the loser gets ALREADY_REVERSED
        EntryView e = entry(f, entryId).orElseThrow(() -> new NotFoundException("fund.error.entry-not-found", entryId));
        EntryDraft reversal = reversalOf(e, on, "Đảo bút toán số " + entryId);
        Optional<Posted> replay = replay(idempotencyKey, hash(f.id(), reversal, "REVERSAL", entryId));
        if (replay.isPresent()) return replay.get();
        ReversalOnlyOnce.check(e.reversedBy() != null, e.reverses() != null);
        Prepared p = prepare(f, reversal, idempotencyKey, "REVERSAL", entryId, entryId, actor());
        return p.replay() != null ? p.replay() : groupCommit.submit(p);
    }

    private static EntryDraft reversalOf(EntryView e, LocalDate on, String description) {
        EntryDraft original = new EntryDraft(e.date(), e.description(),
                e.lines().stream().map(l -> new Line(l.account(), l.debit(), l.credit())).toList());
        return original.reversal(on, description);
    }

    Posted reverseInternal(Funds.Fund f, long entryId, LocalDate on, String idempotencyKey, String description) {
        EntryView e = entry(f, entryId).orElseThrow(() -> new NotFoundException("fund.error.entry-not-found", entryId));
        EntryDraft reversal = reversalOf(e, on, description);
        // a replay of the same reversal returns the reversing entry before the "already reversed" rule refuses it
        Optional<Posted> replay = replay(idempotencyKey, hash(f.id(), reversal, "REVERSAL", entryId));
        if (replay.isPresent()) return replay.get();
        ReversalOnlyOnce.check(e.reversedBy() != null, e.reverses() != null);
        return postInternal(f, reversal, idempotencyKey, "REVERSAL", entryId, entryId);
    }

    public Optional<EntryView> entry(Funds.Fund f, long id) {
        List<LineView> lines = jdbc.query("""
                select a.code, a.name, l.debit, l.credit from fund_line l join fund_account a on a.id = l.account_id
                where l.entry_id = ? order by l.id""", (rs, n) -> new LineView(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)), id);
        return jdbc.query("""
                select e.*, (select r.id from fund_entry r where r.reverses = e.id) reversed_by
                from fund_entry e where e.id = ? and e.fund_id = ?""", (rs, n) -> new EntryView(rs.getLong("id"),
                rs.getDate("entry_date").toLocalDate(), rs.getString("description"), rs.getString("source_kind"),
                (Long) rs.getObject("source_id"), (Long) rs.getObject("reverses"), (Long) rs.getObject("reversed_by"),
                rs.getString("posted_by"), lines), id, f.id()).stream().findFirst();
    }

    /** The latest entries of a fund (newest first). */
    public List<EntryView> recent(Funds.Fund f, int limit) {
        List<Long> ids = jdbc.queryForList("select id from fund_entry where fund_id = ? order by id desc limit ?", Long.class, f.id(), limit);
        return ids.stream().map(id -> entry(f, id).orElseThrow()).toList();
    }

    /** The last closed month of the fund, or null. */
    public Period closedThrough(long fundId) {
        Integer p = jdbc.queryForObject("select max(period) from fund_period where fund_id = ?", Integer.class, fundId);
        return p == null ? null : new Period(p);
    }

    /**
     * Closes every month of the fund through {@code through}: waits for the postings in flight (exclusive advisory lock
     * against their shared one), freezes each month's totals per account (the balances' baseline) and locks the months.
     */
    @Transactional
    public void closeThrough(String fundCode, Period through) {
        Funds.Fund f = funds.get(fundCode);
        guard.require(DataKind.FUND_RECORDS, AccessAction.WRITE, f.unitCode());
        closeInternal(f, through);
    }

    void closeInternal(Funds.Fund f, Period through) {
        jdbc.queryForList("select pg_advisory_xact_lock(fund_lock_key(?))", f.id());
        Period last = closedThrough(f.id());
        if (last != null && through.compareTo(last) <= 0) {
            throw new LedgerException("PERIOD_CLOSED", "already closed through " + last);
        }
        if (through.compareTo(Period.of(vn.hoctap.platform.HanoiTime.today())) > 0) {
            throw new LedgerException("PERIOD_FUTURE", "a future month cannot be closed");
        }
        Integer first = jdbc.queryForObject("select min(period) from fund_entry where fund_id = ? and period > ?", Integer.class,
                f.id(), last == null ? 0 : last.yyyymm());
        Period start = last != null ? last.next() : first != null && first < through.yyyymm() ? new Period(first) : through;
        List<Object[]> months = new ArrayList<>();
        for (Period p = start; p.compareTo(through) <= 0; p = p.next()) months.add(new Object[] {f.id(), p.yyyymm(), actor()});
        jdbc.batchUpdate("insert into fund_period (fund_id, period, closed_by) values (?, ?, ?)", months);
        jdbc.update("""
                insert into fund_period_total (fund_id, period, account_id, debit, credit)
                select fund_id, period, account_id, sum(debit), sum(credit) from fund_line
                where fund_id = ? and period between ? and ? group by fund_id, period, account_id""",
                f.id(), start.yyyymm(), through.yyyymm());
        vn.hoctap.platform.CacheEviction.nowAndAfterCompletion(() -> closedCache.invalidate(f.id()));
        audit.record("fund.close", "fund", f.code(), f.unitCode(), null, Map.of("from", start.toString(), "through", through.toString()),
                "Khóa sổ " + f.name() + " đến hết tháng " + through);
    }

    /**
     * Trial balance through a date: for every account of the chart its debit and credit totals, read as the frozen
     * totals of the closed months (baseline) plus the lines of the open months (movements).
     */
    public List<TrialRow> trialBalance(Funds.Fund f, LocalDate through) {
        return trialBalance(f, 0, Period.of(through).yyyymm());
    }

    /** Trial balance of the months {@code fromPeriod}..{@code toPeriod} (yyyymm, inclusive). */
    public List<TrialRow> trialBalance(Funds.Fund f, int fromPeriod, int toPeriod) {
        Period closed = closedThrough(f.id());
        int closedP = closed == null ? 0 : closed.yyyymm();
        return jdbc.query("""
                with t as (
                    select account_id, debit, credit from fund_period_total where fund_id = ? and period between ? and least(?, ?)
                    union all
                    select account_id, sum(debit), sum(credit) from fund_line where fund_id = ? and period between greatest(?, ? + 1) and ?
                    group by account_id)
                select a.code, a.name, a.kind, coalesce(sum(t.debit), 0) d, coalesce(sum(t.credit), 0) c
                from fund_account a left join t on t.account_id = a.id where a.fund_id = ? group by a.code, a.name, a.kind order by a.code""",
                (rs, n) -> new TrialRow(rs.getString("code"), rs.getString("name"), AccountKind.valueOf(rs.getString("kind")),
                        rs.getLong("d"), rs.getLong("c")),
                f.id(), fromPeriod, toPeriod, closedP, f.id(), fromPeriod, closedP, toPeriod, f.id());
    }

    /** Per month (yyyymm) and account code: debit and credit totals of the months fromPeriod..toPeriod. */
    public Map<Integer, Map<String, long[]>> monthly(Funds.Fund f, int fromPeriod, int toPeriod) {
        Period closed = closedThrough(f.id());
        int closedP = closed == null ? 0 : closed.yyyymm();
        Map<Integer, Map<String, long[]>> out = new java.util.TreeMap<>();
        jdbc.query("""
                with t as (
                    select period, account_id, debit, credit from fund_period_total where fund_id = ? and period between ? and least(?, ?)
                    union all
                    select period, account_id, sum(debit), sum(credit) from fund_line where fund_id = ? and period between greatest(?, ? + 1) and ?
                    group by period, account_id)
                select t.period, a.code, t.debit, t.credit from t join fund_account a on a.id = t.account_id""", rs -> {
            out.computeIfAbsent(rs.getInt(1), k -> new java.util.TreeMap<>()).merge(rs.getString(2),
                    new long[] {rs.getLong(3), rs.getLong(4)}, (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
        }, f.id(), fromPeriod, toPeriod, closedP, f.id(), fromPeriod, closedP, toPeriod);
        return out;
    }

    /** Balances recomputed from every line, ignoring the frozen totals (what the tests compare with). */
    public Map<String, Long> recomputedBalances(Funds.Fund f) {
        Map<String, Long> out = new LinkedHashMap<>();
        jdbc.query("""
                select a.code, a.kind, coalesce(sum(l.debit), 0), coalesce(sum(l.credit), 0) from fund_account a
                left join fund_line l on l.account_id = a.id where a.fund_id = ? group by a.code, a.kind order by a.code""",
                rs -> {
                    out.put(rs.getString(1), AccountKind.valueOf(rs.getString(2)).signed(rs.getLong(3), rs.getLong(4)));
                }, f.id());
        return out;
    }

    String actor() {
        return guard.currentUser().map(CurrentUser::username).orElse("system");
    }

    static String hash(long fundId, EntryDraft d, String sourceKind, Long reverses) {
        StringBuilder b = new StringBuilder().append(fundId).append('|').append(d.date()).append('|').append(d.description())
                .append('|').append(sourceKind).append('|').append(reverses);
        for (Line l : d.lines()) b.append('|').append(l.account()).append(':').append(l.debit()).append(':').append(l.credit());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The database's refusals, as the same rule names the Java side uses. */
    static RuntimeException translate(DataAccessException e) {
        String m = String.valueOf(e.getMostSpecificCause().getMessage());
        if (m.contains("fund_entry_reverses_key")) return new LedgerException("ALREADY_REVERSED", "the entry is already reversed");
        for (String code : List.of("FUND_PERIOD_CLOSED", "FUND_IMMUTABLE", "FUND_UNBALANCED", "FUND_BAD_REVERSAL", "FUND_BAD_LINE")) {
            if (m.contains(code)) {
                String rule = code.substring(5);
                return new LedgerException(rule.equals("PERIOD_CLOSED") ? "PERIOD_CLOSED" : rule, m);
            }
        }
        return e;
    }
}
