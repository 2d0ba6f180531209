package vn.hoctap.fund.core;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.HashSet;

/**
 * Sổ cái của một quỹ, in memory and without any framework: the reference model of the rules that the database
 * version ({@code fund.internal.FundLedger}) enforces, and what the property tests exercise. A balance is a
 * <em>baseline</em> (frozen when a period is closed) plus the <em>movements</em> since (as in thombergs/buckpal's
 * Account = baseline balance + activity window).
 */
public final class Ledger {

    /** A posted entry: immutable. */
    public record Posted(long id, EntryDraft draft, Long reverses) {
    }

    /** A balance: what was frozen at the last closing plus what moved since. */
    public record Balance(long baseline, long movements) {
        public long total() {
            return Math.addExact(baseline, movements);
        }
    }

    private final Map<String, AccountKind> accounts = new LinkedHashMap<>();
    private final List<Posted> entries = new ArrayList<>();
    private final Set<Long> reversed = new HashSet<>();
    private final Map<String, Long> baseline = new HashMap<>();
    private final Map<String, Long> movements = new HashMap<>();
    private Period closedThrough;
    private long nextId = 1;

    public void open(String account, AccountKind kind) {
        if (accounts.putIfAbsent(account, kind) != null) throw new LedgerException("ACCOUNT_EXISTS", account);
    }

    public Map<String, AccountKind> accounts() {
        return Collections.unmodifiableMap(accounts);
    }

    public Posted post(EntryDraft d) {
        return post(d, null);
    }

    private Posted post(EntryDraft d, Long reverses) {
        ClosedPeriodIsLocked.check(closedThrough, d.period());
        for (Line l : d.lines()) {
            if (!accounts.containsKey(l.account())) throw new LedgerException("UNKNOWN_ACCOUNT", l.account());
        }
        Posted p = new Posted(nextId++, d, reverses);
        entries.add(p);
        for (Line l : d.lines()) {
            movements.merge(l.account(), accounts.get(l.account()).signed(l.debit(), l.credit()), Math::addExact);
        }
        return p;
    }

    /** Posts the reversing entry of {@code id}, dated {@code on} (an open period). */
    public Posted reverse(long id, LocalDate on) {
        Posted original = entries.stream().filter(e -> e.id() == id).findFirst()
                .orElseThrow(() -> new LedgerException("UNKNOWN_ENTRY", "entry " + id));
        ReversalOnlyOnce.check(reversed.contains(id), original.reverses() != null);
        Posted r = post(original.draft().reversal(on, "Đảo bút toán " + id), id);
        reversed.add(id);
        return r;
    }

    /** Closes every month through {@code through}: their movements become the baseline; they take no more entries. */
    public void closeThrough(Period through) {
        if (closedThrough != null && through.compareTo(closedThrough) <= 0) {
            throw new LedgerException("PERIOD_CLOSED", "already closed through " + closedThrough);
        }
        for (String a : accounts.keySet()) {
            long moved = 0;
            for (Posted p : entries) {
                Period per = p.draft().period();
                if (per.compareTo(through) <= 0 && (closedThrough == null || per.compareTo(closedThrough) > 0)) {
                    for (Line l : p.draft().lines()) {
                        if (l.account().equals(a)) moved = Math.addExact(moved, accounts.get(a).signed(l.debit(), l.credit()));
                    }
                }
            }
            baseline.merge(a, moved, Math::addExact);
            movements.merge(a, -moved, Math::addExact);
        }
        closedThrough = through;
    }

    public Period closedThrough() {
        return closedThrough;
    }

    public Balance balance(String account) {
        return new Balance(baseline.getOrDefault(account, 0L), movements.getOrDefault(account, 0L));
    }

    /** The balance recomputed from every entry, ignoring baselines (what the property tests compare with). */
    public long recomputed(String account) {
        long b = 0;
        for (Posted p : entries) {
            for (Line l : p.draft().lines()) {
                if (l.account().equals(account)) b = Math.addExact(b, accounts.get(account).signed(l.debit(), l.credit()));
            }
        }
        return b;
    }

    public List<Posted> entries() {
        return Collections.unmodifiableList(entries);
    }

    /** Bảng cân đối số phát sinh: the total of all debits minus all credits, which a balanced ledger keeps at zero. */
    public long trialBalanceDifference() {
        long d = 0;
        for (Posted p : entries) {
            for (Line l : p.draft().lines()) d = Math.addExact(d, l.debit() - l.credit());
        }
        return d;
    }
}
