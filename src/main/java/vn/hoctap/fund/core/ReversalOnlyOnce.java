package vn.hoctap.fund.core;

/** Bút toán đảo: an entry is reversed at most once, and a reversing entry itself is not reversed (post a new entry). */
public final class ReversalOnlyOnce {

    private ReversalOnlyOnce() {
    }

    public static void check(boolean alreadyReversed, boolean isItselfAReversal) {
        if (alreadyReversed) throw new LedgerException("ALREADY_REVERSED", "the entry is already reversed");
        if (isItselfAReversal) throw new LedgerException("REVERSAL_OF_REVERSAL", "a reversing entry is not reversed; post a new entry");
    }
}
