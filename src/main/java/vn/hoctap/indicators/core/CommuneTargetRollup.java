package vn.hoctap.indicators.core;

import java.util.Map;

/**
 * Tổng hợp chỉ tiêu của các xã, phường so với chỉ tiêu thành phố: the communes' targets (thresholds) averaged —
 * weighted by each commune's baseline denominator (the persons or units the rate is counted on) where it is known,
 * so the result is the city rate the communes' targets add up to, else a plain mean — beside the city's target and
 * the difference (communes − city). Status targets are counted as the share of communes whose target is the status.
 * Plain Java.
 *
 * @param communes the communes with a target of their own
 * @param aggregate the weighted average of the communes' thresholds (percent), or the share of status targets
 * @param cityThreshold the city's threshold (NaN for a status target)
 * @param difference aggregate − city threshold (NaN for a status target)
 * @param weighted whether every commune had a weight
 */
public record CommuneTargetRollup(int communes, double aggregate, double cityThreshold, double difference, boolean weighted) {

    /** Whether the targets are statuses (no threshold to average). */
    public boolean statusTargets() {
        return Double.isNaN(cityThreshold) || Double.isNaN(difference);
    }

    public static CommuneTargetRollup of(TargetSpec city, Map<String, TargetSpec> communeTargets, Map<String, Double> weights) {
        if (communeTargets.isEmpty()) {
            return null;
        }
        if (city instanceof TargetSpec.Status || communeTargets.values().stream().anyMatch(t -> t instanceof TargetSpec.Status)) {
            long status = communeTargets.values().stream().filter(t -> t instanceof TargetSpec.Status).count();
            return new CommuneTargetRollup(communeTargets.size(), status * 100.0 / communeTargets.size(), Double.NaN, Double.NaN, false);
        }
        boolean weighted = communeTargets.keySet().stream().allMatch(c -> weights.getOrDefault(c, 0.0) > 0);
        double sum = 0, total = 0;
        for (Map.Entry<String, TargetSpec> e : communeTargets.entrySet()) {
            double w = weighted ? weights.get(e.getKey()) : 1.0;
            sum += e.getValue().threshold() * w;
            total += w;
        }
        double aggregate = sum / total;
        double cityThreshold = city == null ? Double.NaN : city.threshold();
        return new CommuneTargetRollup(communeTargets.size(), aggregate, cityThreshold, aggregate - cityThreshold, weighted);
    }
}
