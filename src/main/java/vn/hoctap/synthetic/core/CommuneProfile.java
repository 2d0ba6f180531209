package vn.hoctap.synthetic.core;

/**
 * Education and population parameters of one commune. A normal commune meets every standard at its
 * top level with a margin; a "weak" commune is given one or more weak areas (preschool, primary,
 * lower secondary, literacy), each with a severity 1–3 chosen so that, at full-city scale, it lands
 * on a particular level (see README-generator.md).
 */
final class CommuneProfile {

    /** Weak areas. */
    static final int MN = 0;
    static final int TH = 1;
    static final int THCS = 2;
    static final int XMC = 3;
    static final String[] AREA_NAMES = {"MN5", "TH", "THCS", "XMC"};

    final boolean urban;
    final boolean disadvantaged;
    /** Severity per area, 0 = normal. */
    final int[] severity = new int[4];

    // preschool attendance before starting grade 1, by age 2, 3, 4, 5+
    double p2 = 0.35;
    double p3 = 0.93;
    double p4 = 0.97;
    double p5 = 0.993;
    /** Share of children who started primary with {@code preschool_completed} recorded. */
    double pcPre = 0.985;
    /** Late start of grade 1 (one year). */
    double lateStart = 0.006;
    /** One repeated grade in primary (grades 1–5). */
    double repeatPrimary = 0.012;
    /** One repeated grade in lower secondary (grades 6–9). */
    double repeatSecondary = 0.015;
    // last grade completed for cohorts born 2000 or later
    double never = 0.0;
    double early = 0.0;       // leaves after grade 1–4
    double midDrop = 0.008;   // leaves after grade 5–8
    double stop9 = 0.075;     // leaves after grade 9
    double upperDrop = 0.02;  // leaves after grade 10–11
    /** Share of those leaving after grade 9 who go to vocational school. */
    double vocAfter9 = 0.55;
    /** Share of upper-secondary pupils in continuing education (GDTX). */
    double gdtx = 0.12;
    /** Extra share of adults (19+) with only grade 0–4. */
    double adultLow = 0.0;
    /** Household shares. */
    double temporary;
    double minority;
    boolean mountainMinorities;

    CommuneProfile(boolean urban, boolean disadvantaged) {
        this.urban = urban;
        this.disadvantaged = disadvantaged;
        this.temporary = urban ? 0.06 : 0.025;
        this.minority = urban ? 0.008 : 0.006;
        if (disadvantaged) {
            // remote mountain xã: mildly weaker everywhere, many Mường and Dao households
            p3 = 0.88;
            p4 = 0.93;
            p5 = 0.94;
            pcPre = 0.91;
            lateStart = 0.022;
            repeatPrimary = 0.03;
            midDrop = 0.03;
            stop9 = 0.15;
            gdtx = 0.2;
            adultLow = 0.04;
            minority = 0.35;
            mountainMinorities = true;
            temporary = 0.01;
        }
    }

    boolean isWeak() {
        for (int s : severity) {
            if (s > 0) {
                return true;
            }
        }
        return false;
    }

    /** Makes one area weak with severity 1–3 (the stronger of this and any earlier setting wins). */
    void weaken(int area, int sev) {
        if (sev <= severity[area]) {
            return;
        }
        severity[area] = sev;
        switch (area) {
            case MN -> {
                // MN5 missed: attendance at 5 below 95 % and/or completion at 6 below 85 %
                p5 = new double[] {0, 0.92, 0.90, 0.86}[sev];
                p4 = Math.min(p4, p5 - 0.02);
                p3 = Math.min(p3, p5 - 0.06);
                pcPre = new double[] {0, 0.84, 0.80, 0.76}[sev];
            }
            case TH -> {
                // sev 1: grade 1 at 6 about 96-97 % (TH level 2);
                // sev 2-3: below 95 % and some 11-year-olds out of school (TH level 1)
                lateStart = new double[] {0, 0.035, 0.06, 0.07}[sev];
                repeatPrimary = new double[] {0, 0.04, 0.06, 0.09}[sev];
                early = Math.max(early, new double[] {0, 0, 0.012, 0.018}[sev]);
                never = Math.max(never, new double[] {0, 0, 0.001, 0.003}[sev]);
            }
            case THCS -> {
                // sev 1: lower-secondary diploma at 15-18 about 93-94 % (THCS 2);
                // sev 2-3: about 84-88 % (THCS 1), sev 3 also low attendance after grade 9
                midDrop = new double[] {0, 0.05, 0.10, 0.13}[sev];
                repeatSecondary = new double[] {0, 0.03, 0.04, 0.05}[sev];
                stop9 = new double[] {0, 0.14, 0.18, 0.30}[sev];
                upperDrop = new double[] {0, 0.03, 0.05, 0.07}[sev];
                vocAfter9 = new double[] {0, 0.5, 0.4, 0.25}[sev];
                gdtx = new double[] {0, 0.18, 0.22, 0.28}[sev];
            }
            case XMC -> {
                // extra adults who left after grade 0-4: sev 1 keeps XMC 2, sev 2-3 give XMC 1
                adultLow = new double[] {0, 0.05, 0.15, 0.21}[sev];
            }
            default -> throw new IllegalArgumentException("area " + area);
        }
    }

    /** Short description, e.g. {@code normal weak[TH:s2,XMC:s3]}. */
    String label() {
        StringBuilder sb = new StringBuilder(disadvantaged ? "disadvantaged" : "normal");
        if (isWeak()) {
            sb.append(" weak[");
            boolean first = true;
            for (int a = 0; a < 4; a++) {
                if (severity[a] > 0) {
                    if (!first) {
                        sb.append(',');
                    }
                    sb.append(AREA_NAMES[a]).append(":s").append(severity[a]);
                    first = false;
                }
            }
            sb.append(']');
        }
        return sb.toString();
    }
}
