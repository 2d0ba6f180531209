package vn.hoctap.fund.core;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Ngoại tệ quy đổi: a gift in a foreign currency is booked in đồng at the stated rate (with its source, e.g. the
 * buying rate of the receiving bank on the day), rounded half up to a whole đồng. Exact arithmetic (BigDecimal),
 * never floating point.
 */
public final class ForeignAmount {

    private ForeignAmount() {
    }

    public static long toVnd(BigDecimal amount, BigDecimal rate) {
        if (amount == null || rate == null || amount.signum() <= 0 || rate.signum() <= 0) {
            throw new LedgerException("FOREIGN_AMOUNT", "a foreign amount and its rate must be positive");
        }
        return amount.multiply(rate).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }
}
