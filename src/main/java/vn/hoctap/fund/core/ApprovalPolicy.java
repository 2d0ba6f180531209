package vn.hoctap.fund.core;

/**
 * Nguyên tắc hai người (maker-checker) for a disbursement: the one who prepared it cannot approve it; an amount above
 * the fund's limit needs, after the first approval, a second approval by someone of the next level up (the city
 * association's chair for a commune fund), neither the preparer nor the first approver. The association's own fund
 * regulation was not found (regulations-2026-12.md §2.3 [NF]): the limit is each fund's setting.
 */
public final class ApprovalPolicy {

    public enum Outcome { APPROVED, AWAITING_SECOND }

    /** What an approval by {@code approver} does, or a refusal. */
    public static Outcome approve(String preparer, String firstApprover, String approver, long amount, long limit,
                                  boolean approverIsNextLevel) {
        if (approver.equals(preparer)) {
            throw new LedgerException("MAKER_IS_CHECKER", "the preparer cannot approve their own disbursement");
        }
        if (firstApprover == null) {
            return amount > limit ? Outcome.AWAITING_SECOND : Outcome.APPROVED;
        }
        if (approver.equals(firstApprover)) {
            throw new LedgerException("SAME_APPROVER", "the second approval must come from another person");
        }
        if (!approverIsNextLevel) {
            throw new LedgerException("NEXT_LEVEL", "an amount above the limit is approved by the next level");
        }
        return Outcome.APPROVED;
    }

    private ApprovalPolicy() {
    }
}
