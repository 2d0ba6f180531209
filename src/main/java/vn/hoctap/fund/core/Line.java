package vn.hoctap.fund.core;

/** Dòng bút toán: one side of an entry, a whole number of đồng on the debit or the credit side (never both, never zero). */
public record Line(String account, long debit, long credit) {

    public Line {
        if (account == null || account.isBlank()) throw new LedgerException("LINE_ACCOUNT", "a line needs an account");
        if (debit < 0 || credit < 0) throw new LedgerException("LINE_NEGATIVE", "amounts are never negative: " + account);
        if ((debit == 0) == (credit == 0)) {
            throw new LedgerException("LINE_ONE_SIDE", "a line is a debit or a credit, not both and not zero: " + account);
        }
    }

    public static Line debit(String account, long amount) {
        return new Line(account, amount, 0);
    }

    public static Line credit(String account, long amount) {
        return new Line(account, 0, amount);
    }

    /** The same amount on the other side (a reversing entry's line). */
    public Line mirrored() {
        return new Line(account, credit, debit);
    }
}
