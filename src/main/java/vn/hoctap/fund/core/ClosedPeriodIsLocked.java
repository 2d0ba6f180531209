package vn.hoctap.fund.core;

/**
 * Khóa sổ: once a month is closed no entry may be dated in it (a correction is a reversing entry in an open month).
 * Closing is in order: closing a month closes every earlier month too, and a closed month is never reopened.
 */
public final class ClosedPeriodIsLocked {

    private ClosedPeriodIsLocked() {
    }

    /** @param closedThrough the last closed month, or null when none is closed */
    public static void check(Period closedThrough, Period of) {
        if (closedThrough != null && of.compareTo(closedThrough) <= 0) {
            throw new LedgerException("PERIOD_CLOSED", "period " + of + " is closed (books closed through " + closedThrough + ")");
        }
    }
}
