package vn.hoctap.cycle.core;

import java.math.BigDecimal;
import java.math.RoundingMode;

import vn.hoctap.indicators.core.TargetSpec;

/**
 * Chỉ tiêu mặc định của xã, phường: the target the city proposes to a commune from its baseline (a policy of the
 * platform; NQ 23 sets targets for the city only, so the breakdown rule is ours — docs/cycle.md):
 * <ul>
 * <li>no baseline, a status target, or a band → the city's own target;</li>
 * <li>the baseline already meets the city's target → "at least the baseline" (rounded down to one decimal), so a
 * commune ahead of the city keeps its level instead of being allowed to fall back to the city's target;</li>
 * <li>otherwise → the city's target (the commune must reach it; it may propose a different one, with a reason, for the
 * city to approve).</li>
 * </ul>
 */
public final class CommuneTargetDefault {

    /** The proposed target and, in words, why. */
    public record Proposal(TargetSpec spec, String basisVi) {
    }

    private CommuneTargetDefault() {
    }

    public static Proposal propose(TargetSpec city, Double baseline, int baselineYear) {
        if (city == null) {
            throw new IllegalArgumentException("no city target to break down");
        }
        if (baseline == null || baseline.isNaN()) {
            return new Proposal(city, "Chưa có số liệu năm gốc: áp dụng chỉ tiêu thành phố");
        }
        String base = "Năm gốc " + baselineYear + ": " + BigDecimal.valueOf(baseline).setScale(2, RoundingMode.HALF_UP).toPlainString();
        if (city instanceof TargetSpec.Status || city instanceof TargetSpec.Band) {
            return new Proposal(city, base + "; áp dụng chỉ tiêu thành phố");
        }
        if (city.judge(baseline) != TargetSpec.Outcome.NOT_MET) {
            BigDecimal kept = BigDecimal.valueOf(baseline).setScale(1, RoundingMode.FLOOR);
            if (kept.doubleValue() > city.threshold()) {
                return new Proposal(new TargetSpec.AtLeast(kept), base + "; đã đạt chỉ tiêu thành phố: giữ mức đã đạt");
            }
            return new Proposal(city, base + "; đã đạt chỉ tiêu thành phố");
        }
        return new Proposal(city, base + "; chưa đạt: áp dụng chỉ tiêu thành phố");
    }
}
