package vn.hoctap.indicators.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.hoctap.standards.core.PreschoolRuleSet;
import vn.hoctap.standards.core.StandardsResult;
import vn.hoctap.standards.core.UnitLevel;
import vn.hoctap.standards.core.UnitResult;
import vn.hoctap.standards.core.Units;

/**
 * Phổ cập giáo dục mầm non cho trẻ em từ 3 đến 5 tuổi for one data year (issue 15): which standard gives the status of
 * {@code pcgd.mn5_units}, the 3–5 figures of the city and of each commune (children of 3, 4 and 5 in class over the
 * residents of those ages, 5-year-olds completing the programme), each commune's outcome under rule set nd277-2025,
 * and beside it the 5-year-old standard of Nghị định 20/2014 (communes meeting MN5). Plain Java.
 *
 * @param figures   criterion id → the city's {numerator, denominator} (sums over communes)
 * @param communes  commune code → criterion id → {numerator, denominator}
 * @param outcomes  commune code → outcome under nd277-2025 (UNDETERMINED while its thresholds are not verified)
 * @param cityOutcome the city's outcome ({@link PreschoolRuleSet#city}); UNDETERMINED while not verified
 * @param meeting communes meeting it
 * @param mn5Meeting communes meeting the 5-year-old standard (ND 20/2014 Điều 6), shown beside it
 * @param communeCount communes of the year
 * @param beside the same counts under another version (the draft decree's thresholds, nd277-2025-v2), shown for
 *               comparison and never giving the status; null when none
 */
public record PreschoolReading(int year, PreschoolRuleSet rules, Map<String, long[]> figures,
                               Map<String, Map<String, long[]>> communes, Map<String, PreschoolRuleSet.Outcome> outcomes,
                               PreschoolRuleSet.Outcome cityOutcome, long meeting, long mn5Meeting, long communeCount,
                               PreschoolReading beside) {

    /** The indicator whose status it gives. */
    public static final String INDICATOR = "pcgd.mn5_units";

    /** One criterion's figure for display: its rule and the city's counts. */
    public record Figure(PreschoolRuleSet.CriterionRule rule, PreschoolRuleSet.ThresholdRule threshold, long numerator,
                         long denominator) {
        public double percent() { return denominator == 0 ? Double.NaN : numerator * 100.0 / denominator; }
    }

    /**
     * Reads a year's counts (criterion id → commune → {n, d}) under the rule set, with the year's units (a commune's
     * ĐBKK flag) and the 5-year-old standard's result of the same year.
     */
    public static PreschoolReading of(int year, PreschoolRuleSet rules, Map<String, Map<String, long[]>> counts, Units units,
                                      StandardsResult nd20) {
        Map<String, Map<String, long[]>> byCommune = new LinkedHashMap<>();
        Map<String, long[]> city = new LinkedHashMap<>();
        for (String c : rules.criteria().keySet()) {
            city.put(c, new long[2]);
        }
        for (var unit : units.communes()) {
            Map<String, long[]> m = new LinkedHashMap<>();
            for (String c : rules.criteria().keySet()) {
                long[] nd = counts.getOrDefault(c, Map.of()).getOrDefault(unit.code(), new long[2]);
                m.put(c, new long[] {nd[0], nd[1]});
                city.get(c)[0] += nd[0];
                city.get(c)[1] += nd[1];
            }
            byCommune.put(unit.code(), m);
        }
        Map<String, PreschoolRuleSet.Outcome> outcomes = new LinkedHashMap<>();
        Map<String, Boolean> dbkk = new LinkedHashMap<>();
        long meeting = 0;
        for (var unit : units.communes()) {
            PreschoolRuleSet.Outcome o = rules.commune(byCommune.get(unit.code()), unit.disadvantaged());
            outcomes.put(unit.code(), o);
            dbkk.put(unit.code(), unit.disadvantaged());
            meeting += o == PreschoolRuleSet.Outcome.MET ? 1 : 0;
        }
        PreschoolRuleSet.Outcome cityOutcome = rules.city(outcomes, dbkk);
        long mn5 = 0;
        if (nd20 != null) {
            for (UnitResult u : nd20.units()) {
                if (u.level() == UnitLevel.COMMUNE && u.levels().mn5()) mn5++;
            }
        }
        return new PreschoolReading(year, rules, city, byCommune, outcomes, cityOutcome, meeting, mn5, units.communes().size(), null);
    }

    /**
     * This reading with, beside it, the same counts under another version of the rule set (the draft decree's
     * thresholds): for comparison on the page, never for the status.
     */
    public PreschoolReading withBeside(PreschoolRuleSet other, Map<String, Map<String, long[]>> counts, Units units) {
        PreschoolReading b = of(year, other, counts, units, null);
        return new PreschoolReading(year, rules, figures, communes, outcomes, cityOutcome, meeting, mn5Meeting, communeCount,
                new PreschoolReading(year, other, b.figures, b.communes, b.outcomes, b.cityOutcome, b.meeting, mn5Meeting,
                        communeCount, null));
    }

    /** True while the status cannot be met or not met (a threshold of the decree is not verified). */
    public boolean undetermined() { return cityOutcome == PreschoolRuleSet.Outcome.UNDETERMINED; }

    /** The threshold on a criterion, or null when the criterion has none (it is shown, not judged). */
    public PreschoolRuleSet.ThresholdRule threshold(String criterionId) {
        return rules.thresholds().stream().filter(t -> t.criterion().equals(criterionId)).findFirst().orElse(null);
    }

    /** The city's figures in the rule file's order. */
    public List<Figure> cityFigures() {
        List<Figure> out = new ArrayList<>();
        rules.criteria().forEach((id, r) -> out.add(new Figure(r, threshold(id), figures.get(id)[0], figures.get(id)[1])));
        return out;
    }

    /** A commune's figures in the rule file's order (empty when it is not a commune of the year). */
    public List<Figure> communeFigures(String code) {
        Map<String, long[]> m = communes.get(code);
        List<Figure> out = new ArrayList<>();
        if (m != null) {
            rules.criteria().forEach((id, r) -> out.add(new Figure(r, threshold(id), m.get(id)[0], m.get(id)[1])));
        }
        return out;
    }
}
