package vn.hoctap.indicators.core;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import vn.hoctap.units.core.Succession;

/**
 * Ước tính theo đơn vị mới: carries counts of the communes before the 1/7/2025 reform onto the 126
 * communes after it, so that a 2025 commune has a (marked estimated) value for earlier years.
 * A {@code full} succession carries all of the old commune's counts; an old commune split in
 * {@code partial} rows is shared among its receiving communes in proportion to their population
 * (population.csv; the only figure available for all of them). Old communes with no succession (the
 * 53 removed on 1/1/2025, whose receiving commune no source gives) are left out, and the estimate says so.
 */
public final class MergerApportionment {

    /** Weights old code → new code → share of the old commune's counts. */
    private final Map<String, Map<String, Double>> weights = new HashMap<>();

    public MergerApportionment(List<Succession> successions, Map<String, Long> newPopulation) {
        Map<String, Double> partialTotal = new HashMap<>();
        for (Succession s : successions) {
            if (s.kind() == Succession.Kind.PARTIAL) {
                partialTotal.merge(s.oldCode(), (double) newPopulation.getOrDefault(s.newCode(), 0L), Double::sum);
            }
        }
        Map<String, Integer> partialCount = new HashMap<>();
        for (Succession s : successions) {
            if (s.kind() == Succession.Kind.PARTIAL) {
                partialCount.merge(s.oldCode(), 1, Integer::sum);
            }
        }
        for (Succession s : successions) {
            double w;
            if (s.kind() == Succession.Kind.FULL) {
                w = 1.0;
            } else {
                double total = partialTotal.getOrDefault(s.oldCode(), 0.0);
                w = total > 0 ? newPopulation.getOrDefault(s.newCode(), 0L) / total : 1.0 / partialCount.get(s.oldCode());
            }
            weights.computeIfAbsent(s.oldCode(), k -> new HashMap<>()).merge(s.newCode(), w, Double::sum);
        }
    }

    /** The share of an old commune's counts that goes to a new commune (0 when none). */
    public double weight(String oldCode, String newCode) {
        return weights.getOrDefault(oldCode, Map.of()).getOrDefault(newCode, 0.0);
    }

    /**
     * Apportions per-old-commune (numerator, denominator) counts onto the new communes.
     * @return new code → {numerator, denominator} (not rounded)
     */
    public Map<String, double[]> apportion(Map<String, long[]> oldCounts) {
        Map<String, double[]> out = new HashMap<>();
        oldCounts.forEach((oldCode, nd) -> weights.getOrDefault(oldCode, Map.of()).forEach((newCode, w) -> {
            double[] acc = out.computeIfAbsent(newCode, k -> new double[2]);
            acc[0] += w * nd[0];
            acc[1] += w * nd[1];
        }));
        return out;
    }

    /** Whether an old commune's counts reach the new structure at all. */
    public boolean mapped(String oldCode) {
        return weights.containsKey(oldCode);
    }
}
