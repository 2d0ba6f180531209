package vn.hoctap.fund.core;

/**
 * Loại tài khoản của sổ quỹ: assets (tiền mặt, tiền gửi, hiện vật) and expenses grow on the debit side; liabilities
 * (phải trả), net assets (nguồn quỹ) and income (thu đóng góp) on the credit side. The chart follows the double-entry
 * logic that Thông tư 41/2022/TT-BTC asks for (a detailed ledger of voluntary contributions) [V for the circular's
 * scope; its account numbers were not read: the codes used here are the platform's, marked so in docs/fund.md].
 */
public enum AccountKind {
    ASSET(true), LIABILITY(false), NET_ASSETS(false), INCOME(false), EXPENSE(true);

    private final boolean debitNormal;

    AccountKind(boolean debitNormal) {
        this.debitNormal = debitNormal;
    }

    public boolean debitNormal() {
        return debitNormal;
    }

    /** The balance in the account's normal direction: debit − credit for assets and expenses, credit − debit otherwise. */
    public long signed(long debit, long credit) {
        return debitNormal ? Math.subtractExact(debit, credit) : Math.subtractExact(credit, debit);
    }
}
