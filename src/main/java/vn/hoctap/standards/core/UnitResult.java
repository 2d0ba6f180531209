package vn.hoctap.standards.core;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The result for one unit.
 *
 * @param criteria for a commune, the twelve criteria in contract order; empty for a district or city
 * @param meeting for a district or city, how many of its counted children reach at least each level; empty for a commune
 * @param childLevel what {@code meeting} counts: COMMUNE (district, or city without districts) or DISTRICT (city with
 *        districts); null for a commune
 * @param childCount the number of counted children (the denominator of the shares); 0 for a commune
 * @param explanations one entry per standard level not reached, with the failing conditions
 */
public record UnitResult(Unit unit, Levels levels, Map<Criterion, Rate> criteria, Map<StandardLevel, Long> meeting,
                         UnitLevel childLevel, long childCount, List<Explanation> explanations) {
    public UnitResult {
        criteria = Collections.unmodifiableMap(criteria.isEmpty() ? new EnumMap<>(Criterion.class) : new EnumMap<>(criteria));
        meeting = Collections.unmodifiableMap(meeting.isEmpty() ? new EnumMap<>(StandardLevel.class) : new EnumMap<>(meeting));
        explanations = List.copyOf(explanations);
    }

    public String code() { return unit.code(); }

    public UnitLevel level() { return unit.level(); }

    /** The explanations for one standard (levels above the reached one, lowest first). */
    public List<Explanation> explanations(Standard s) {
        return explanations.stream().filter(e -> e.standard() == s).toList();
    }
}
