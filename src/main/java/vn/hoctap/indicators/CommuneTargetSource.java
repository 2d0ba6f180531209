package vn.hoctap.indicators;


import vn.hoctap.indicators.core.TargetSpec;
import java.util.Map;
import java.util.NavigableMap;

/**
 * Chỉ tiêu giao cho từng xã, phường: the targets of each commune, by target year, for one indicator. Implemented by the
 * module that owns them (the yearly cycle: the city proposes defaults, a commune proposes a change, the city
 * approves); {@link IndicatorStatus} judges a commune against its own target when there is one, else against the
 * city's. No implementation → every commune is judged against the city's target.
 */
public interface CommuneTargetSource {

    /** Commune code → target year → target in force; communes without one of their own are absent. */
    Map<String, NavigableMap<Integer, TargetSpec>> communeTargets(String indicatorId);

    /** The weight of each commune when the communes' targets are averaged (the baseline denominator), or absent. */
    Map<String, Double> weights(String indicatorId);
}
