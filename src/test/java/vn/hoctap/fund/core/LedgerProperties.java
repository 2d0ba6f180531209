package vn.hoctap.fund.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Combinators;

/**
 * Random sequences of postings, reversals and closings on the pure ledger: every balance (baseline + movements) equals
 * the recomputation from all entries, the trial balance stays zero, and what a closed month holds never changes
 * (postings into it are refused).
 */
class LedgerProperties {

    static final List<String> ACCOUNTS = List.of("111", "112", "331", "5111", "5112", "6111", "6112");

    sealed interface Op permits PostOp, ReverseOp, CloseOp {
    }

    record PostOp(int dayOffset, int debitIdx, int creditIdx, int splitIdx, long amount, long split) implements Op {
    }

    record ReverseOp(int pick) implements Op {
    }

    record CloseOp(int monthsAfterClosed) implements Op {
    }

    @Provide
    Arbitrary<List<Op>> ops() {
        Arbitrary<Op> post = Combinators.combine(Arbitraries.integers().between(0, 364), Arbitraries.integers().between(0, 6),
                        Arbitraries.integers().between(0, 6), Arbitraries.integers().between(0, 6),
                        Arbitraries.longs().between(1, 5_000_000_000L), Arbitraries.longs().between(0, 1_000_000L))
                .as((d, a, b, c, amt, sp) -> (Op) new PostOp(d, a, b, c, amt, sp));
        Arbitrary<Op> rev = Arbitraries.integers().between(0, 1000).map(ReverseOp::new);
        Arbitrary<Op> close = Arbitraries.integers().between(1, 3).map(CloseOp::new);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(7, post), net.jqwik.api.Tuple.of(2, rev), net.jqwik.api.Tuple.of(1, close))
                .list().ofMinSize(1).ofMaxSize(120);
    }

    @Property(tries = 300)
    void balancesAgreeAndClosedMonthsNeverChange(@ForAll("ops") List<Op> ops) {
        Ledger ledger = new Ledger();
        for (String a : ACCOUNTS) {
            ledger.open(a, a.startsWith("1") || a.startsWith("6") ? (a.startsWith("1") ? AccountKind.ASSET : AccountKind.EXPENSE)
                    : a.startsWith("3") ? AccountKind.LIABILITY : AccountKind.INCOME);
        }
        LocalDate start = LocalDate.of(2025, 1, 1);
        Map<Period, Map<String, Long>> frozen = new HashMap<>();
        for (Op op : ops) {
            if (op instanceof PostOp p) {
                LocalDate date = start.plusDays(p.dayOffset());
                List<Line> lines = new ArrayList<>();
                String dr = ACCOUNTS.get(p.debitIdx());
                String cr = ACCOUNTS.get(p.creditIdx());
                if (p.split() > 0) {   // a three-line entry: two credits for one debit
                    lines.add(Line.debit(dr, p.amount() + p.split()));
                    lines.add(Line.credit(cr, p.amount()));
                    lines.add(Line.credit(ACCOUNTS.get(p.splitIdx()), p.split()));
                } else {
                    lines.add(Line.debit(dr, p.amount()));
                    lines.add(Line.credit(cr, p.amount()));
                }
                EntryDraft d = new EntryDraft(date, "thử", lines);
                Period closed = ledger.closedThrough();
                if (closed != null && d.period().compareTo(closed) <= 0) {
                    assertThatThrownBy(() -> ledger.post(d)).isInstanceOf(LedgerException.class)
                            .extracting(e -> ((LedgerException) e).code()).isEqualTo("PERIOD_CLOSED");
                } else {
                    ledger.post(d);
                }
            } else if (op instanceof ReverseOp r && !ledger.entries().isEmpty()) {
                Ledger.Posted target = ledger.entries().get(r.pick() % ledger.entries().size());
                boolean reversed = ledger.entries().stream().anyMatch(e -> Long.valueOf(target.id()).equals(e.reverses()));
                LocalDate on = ledger.closedThrough() == null ? start.plusDays(364)
                        : LocalDate.of(ledger.closedThrough().next().year(), ledger.closedThrough().next().month(), 1);
                if (reversed || target.reverses() != null) {
                    assertThatThrownBy(() -> ledger.reverse(target.id(), on)).isInstanceOf(LedgerException.class);
                } else {
                    ledger.reverse(target.id(), on);
                }
            } else if (op instanceof CloseOp c) {
                Period next = ledger.closedThrough() == null ? Period.of(2025, c.monthsAfterClosed()) : ledger.closedThrough();
                for (int i = 0; ledger.closedThrough() != null && i < c.monthsAfterClosed(); i++) next = next.next();
                if (next.year() > 2026) continue;
                ledger.closeThrough(next);
                for (Period p = Period.of(2025, 1); p.compareTo(next) <= 0; p = p.next()) frozen.putIfAbsent(p, monthTotals(ledger, p));
            }
            // after every step: baseline + movements = recomputation, the trial balance is zero, closed months unchanged
            for (String a : ACCOUNTS) {
                assertThat(ledger.balance(a).total()).as(a).isEqualTo(ledger.recomputed(a));
            }
            assertThat(ledger.trialBalanceDifference()).isZero();
            frozen.forEach((p, totals) -> assertThat(monthTotals(ledger, p)).as("closed " + p).isEqualTo(totals));
        }
    }

    static Map<String, Long> monthTotals(Ledger ledger, Period p) {
        Map<String, Long> t = new HashMap<>();
        for (Ledger.Posted e : ledger.entries()) {
            if (e.draft().period().equals(p)) {
                for (Line l : e.draft().lines()) t.merge(l.account(), l.debit() - l.credit(), Long::sum);
            }
        }
        return t;
    }
}
