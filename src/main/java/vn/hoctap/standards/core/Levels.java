package vn.hoctap.standards.core;

/** The levels of the four standards for one unit (MN5 met or not; TH 0–3; THCS 0–3; XMC 0–2). */
public record Levels(boolean mn5, int th, int thcs, int xmc) {

    /** The level of a standard, MN5 as 0 or 1. */
    public int level(Standard s) {
        switch (s) {
            case MN5: return mn5 ? 1 : 0;
            case TH: return th;
            case THCS: return thcs;
            default: return xmc;
        }
    }

    /** Builds from levels indexed by {@link Standard#ordinal()}. */
    static Levels of(int[] byStandard) {
        return new Levels(byStandard[Standard.MN5.ordinal()] >= 1, byStandard[Standard.TH.ordinal()],
                byStandard[Standard.THCS.ordinal()], byStandard[Standard.XMC.ordinal()]);
    }
}
