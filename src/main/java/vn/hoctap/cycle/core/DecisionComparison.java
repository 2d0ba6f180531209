package vn.hoctap.cycle.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Đối chiếu quyết định công nhận với kết quả tính toán: the legal decision (số, ngày, cơ quan ban hành) and the
 * platform's computed "meets" are kept apart; this lists where they disagree — a commune that meets a standard but
 * has no decision recognising it, and a decision for a standard the platform computes as not met (or cannot judge:
 * no data). Plain Java.
 */
public final class DecisionComparison {

    /** A commune and a standard (XMC2, TH3, THCS3, MN5). */
    public record Key(String unitCode, String standard) {
    }

    /** A disagreement; {@code decisionNumber} null when there is no decision. */
    public record Mismatch(String unitCode, String standard, String decisionNumber, Boolean meets) {
    }

    /** The two lists. */
    public record Result(List<Mismatch> meetsWithoutDecision, List<Mismatch> decisionWithoutMeets, int agreeing) {
    }

    private DecisionComparison() {
    }

    /**
     * @param computed (commune, standard) → meets, for every commune the platform computed
     * @param decisions (commune, standard) → decision number, for every decision of the year
     */
    public static Result compare(Map<Key, Boolean> computed, Map<Key, String> decisions) {
        List<Mismatch> without = new ArrayList<>();
        List<Mismatch> unsupported = new ArrayList<>();
        int agree = 0;
        for (Map.Entry<Key, Boolean> e : computed.entrySet()) {
            if (Boolean.TRUE.equals(e.getValue()) && !decisions.containsKey(e.getKey())) {
                without.add(new Mismatch(e.getKey().unitCode(), e.getKey().standard(), null, true));
            }
        }
        for (Map.Entry<Key, String> e : decisions.entrySet()) {
            Boolean meets = computed.get(e.getKey());
            if (Boolean.TRUE.equals(meets)) {
                agree++;
            } else {
                unsupported.add(new Mismatch(e.getKey().unitCode(), e.getKey().standard(), e.getValue(), meets));
            }
        }
        Comparator<Mismatch> order = Comparator.comparing(Mismatch::unitCode).thenComparing(Mismatch::standard);
        without.sort(order);
        unsupported.sort(order);
        return new Result(without, unsupported, agree);
    }

    /** The standards the platform computes per commune. */
    public static final Set<String> STANDARDS = Set.of("XMC2", "TH3", "THCS3", "MN5");
}
