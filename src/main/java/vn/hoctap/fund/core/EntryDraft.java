package vn.hoctap.fund.core;

import java.time.LocalDate;
import java.util.List;

/**
 * Bút toán chưa ghi sổ: a date, a description and at least two lines. {@link EntryMustBalance} decides whether it may
 * be posted; the database checks the same rule again at commit.
 */
public record EntryDraft(LocalDate date, String description, List<Line> lines) {

    public EntryDraft {
        if (date == null) throw new LedgerException("ENTRY_DATE", "an entry needs a date");
        if (description == null || description.isBlank()) throw new LedgerException("ENTRY_DESCRIPTION", "an entry needs a description");
        lines = List.copyOf(lines);
        EntryMustBalance.check(lines);
    }

    public Period period() {
        return Period.of(date);
    }

    public long total() {
        long t = 0;
        for (Line l : lines) t = Math.addExact(t, l.debit());
        return t;
    }

    /** The reversing entry (bút toán đảo): every line on the other side, dated in an open period. */
    public EntryDraft reversal(LocalDate on, String why) {
        return new EntryDraft(on, why, lines.stream().map(Line::mirrored).toList());
    }
}
