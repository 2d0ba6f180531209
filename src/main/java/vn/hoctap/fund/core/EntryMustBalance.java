package vn.hoctap.fund.core;

import java.util.List;

/**
 * Nguyên tắc ghi sổ kép: an entry has at least two lines and its debits equal its credits (TT 41/2022/TT-BTC asks
 * for book-keeping of every contribution received and spent [V scope, S details]). Checked here before posting and
 * by the database's deferred trigger at commit.
 */
public final class EntryMustBalance {

    private EntryMustBalance() {
    }

    public static void check(List<Line> lines) {
        if (lines == null || lines.size() < 2) {
            throw new LedgerException("ENTRY_TWO_LINES", "an entry needs at least two lines");
        }
        long d = 0;
        long c = 0;
        for (Line l : lines) {
            d = Math.addExact(d, l.debit());
            c = Math.addExact(c, l.credit());
        }
        if (d != c) {
            throw new LedgerException("ENTRY_UNBALANCED", "debits " + d + " ≠ credits " + c);
        }
    }
}
