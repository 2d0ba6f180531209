package vn.hoctap.indicators.core;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import vn.hoctap.standards.core.Criterion;
import vn.hoctap.standards.core.Percent;
import vn.hoctap.standards.core.Rate;
import vn.hoctap.standards.core.RuleSet;
import vn.hoctap.standards.core.StandardLevel;
import vn.hoctap.standards.core.StandardsEngine;
import vn.hoctap.standards.core.StandardsResult;
import vn.hoctap.standards.core.UnitLevel;
import vn.hoctap.standards.core.UnitResult;
import vn.hoctap.standards.core.Units;
import vn.hoctap.standards.core.VerificationStatus;

/**
 * Trạng thái cấp thành phố theo hai cách đọc quy tắc (issue 15): the city's status of a standards indicator
 * ({@code xmc.level2} = XMC mức độ 2, {@code pcgd.th3} = PCGD tiểu học mức độ 3) under the rule set that gives the
 * indicator's status ({@link #APPLIED}, Nghị định 20/2014/NĐ-CP read strictly: a province at 100% of its huyện, a
 * city without huyện at the same percentages of its communes) and, beside it, under the contract's default
 * ({@link #ALTERNATIVE}, docs/contracts/standards.md: a city without huyện at the district percentages, e.g. ≥ 90%
 * of communes for XMC 2). Both are computed from the same commune counts, so only the aggregation differs.
 * Plain Java.
 */
public record StatusRuleReading(String indicatorId, StandardLevel key, Reading applied, Reading alternative) {

    /** The rule set that gives the status of the standards status indicators. */
    public static final String APPLIED = "nd20-2014-v2";
    /** The contract's default, shown beside it. */
    public static final String ALTERNATIVE = "nd20-2014-v1";

    /** The standard level behind each status indicator. */
    public static final Map<String, StandardLevel> KEYS = Map.of("xmc.level2", StandardLevel.XMC2, "pcgd.th3", StandardLevel.TH3);

    /**
     * One reading: which rule set, how many of the city's counted units (communes or districts) reach the level,
     * the percentage the rule asks, its legal source and verification status, and whether the city reaches the
     * level (which also needs the lower levels).
     */
    public record Reading(String ruleSet, String ruleSetTitle, UnitLevel counted, long meeting, long total, Percent percent,
                          boolean cityPercentages, String source, VerificationStatus status, boolean met) {
    }

    /** The reading of one indicator for the city unit of two results on the same units and counts. */
    public static StatusRuleReading of(String indicatorId, String cityCode, StandardsResult applied, StandardsResult alternative) {
        StandardLevel key = KEYS.get(indicatorId);
        if (key == null) {
            throw new IllegalArgumentException("not a standards status indicator: " + indicatorId);
        }
        return new StatusRuleReading(indicatorId, key, reading(applied, cityCode, key), reading(alternative, cityCode, key));
    }

    static Reading reading(StandardsResult r, String cityCode, StandardLevel key) {
        UnitResult city = r.find(cityCode);
        if (city == null) {
            throw new IllegalArgumentException("no unit " + cityCode + " in the result");
        }
        RuleSet rules = r.ruleSet();
        boolean cityPercentages = city.childLevel() == UnitLevel.DISTRICT
                || rules.cityWithoutDistricts() == RuleSet.CityWithoutDistricts.CITY_PERCENTAGES;
        RuleSet.AggregationRule rule = cityPercentages ? rules.cityRule(key) : rules.districtRule(key);
        String source = rule.source();
        VerificationStatus status = rule.status();
        if (city.childLevel() == UnitLevel.COMMUNE) {
            // the percentage is applied to communes: the option that says so is part of the rule (and its status)
            RuleSet.OptionRule o = rules.cityWithoutDistrictsRule();
            if (o != null) {
                source = source + "; " + o.source();
                status = weaker(status, o.status());
            }
        }
        return new Reading(rules.id() + "-v" + rules.version(), rules.title(), city.childLevel(),
                city.meeting().getOrDefault(key, 0L), city.childCount(), rule.percent(), cityPercentages, source, status,
                city.levels().level(key.standard()) >= key.level());
    }

    private static VerificationStatus weaker(VerificationStatus a, VerificationStatus b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }

    /**
     * The same commune counts evaluated under another rule set (the communes' criteria are the same in both versions;
     * districts and the city are aggregated again).
     */
    public static StandardsResult reevaluate(StandardsResult base, Units units, RuleSet rules) {
        Map<String, Map<Criterion, Rate>> rates = new LinkedHashMap<>();
        for (UnitResult u : base.units()) {
            if (u.level() == UnitLevel.COMMUNE) {
                rates.put(u.code(), new EnumMap<>(u.criteria()));
            }
        }
        return new StandardsEngine(units, rules, base.year()).evaluate(rates, base.personsCounted(), base.personsExempt());
    }
}
