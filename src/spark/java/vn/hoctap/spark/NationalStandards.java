package vn.hoctap.spark;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.hoctap.standards.core.Criterion;
import vn.hoctap.standards.core.Rate;
import vn.hoctap.standards.core.RuleSet;
import vn.hoctap.standards.core.StandardLevel;
import vn.hoctap.standards.core.StandardsEngine;
import vn.hoctap.standards.core.StandardsResult;
import vn.hoctap.standards.core.UnitLevel;
import vn.hoctap.standards.core.UnitResult;
import vn.hoctap.standards.core.Units;

/**
 * The standards of every commune and province, and the nation's summary, from per-commune counts (Spark's, in
 * {@link SparkQuery#columns()} order): the criteria's rates go to the pure {@link StandardsEngine}, which decides the
 * communes' levels and each province's from its communes (a province without districts: the district percentages
 * over its communes, the rule set's option). No rule sets a national level; the nation's line is the number of
 * provinces and communes reaching each level, and the twelve criteria's rates over the whole country.
 *
 * @param standards  the levels of every commune and province
 * @param nationRates criterion → numerator and denominator over every commune
 * @param provincesMeeting level → provinces at that level or higher
 * @param communesMeeting level → communes at that level or higher
 */
public record NationalStandards(StandardsResult standards, Map<Criterion, Rate> nationRates,
                                Map<StandardLevel, Long> provincesMeeting, Map<StandardLevel, Long> communesMeeting,
                                int provinces, int communes) {

    /** Evaluates the counts of {@code query} (commune code → values; communes without persons may be absent). */
    public static NationalStandards of(Units units, SparkQuery query, Map<String, long[]> counts) {
        RuleSet rules = query.rules();
        List<String> cols = query.columns();
        int persons = cols.indexOf("persons"), exempt = cols.indexOf("exempt");
        Map<String, Map<Criterion, Rate>> rates = new LinkedHashMap<>();
        long[] num = new long[Criterion.values().length], den = new long[Criterion.values().length];
        long personsTotal = 0, exemptTotal = 0;
        for (var c : units.communes()) {
            long[] v = counts.get(c.code());
            Map<Criterion, Rate> m = new EnumMap<>(Criterion.class);
            for (Criterion k : Criterion.values()) {
                long n = v == null ? 0 : v[cols.indexOf("num_" + k.id())], d = v == null ? 0 : v[cols.indexOf("den_" + k.id())];
                m.put(k, new Rate(n, d));
                num[k.ordinal()] += n;
                den[k.ordinal()] += d;
            }
            rates.put(c.code(), m);
            if (v != null) {
                personsTotal += v[persons];
                exemptTotal += v[exempt];
            }
        }
        StandardsResult result = new StandardsEngine(units, rules, query.year()).evaluate(rates, personsTotal, exemptTotal);
        Map<Criterion, Rate> nation = new EnumMap<>(Criterion.class);
        for (Criterion k : Criterion.values()) nation.put(k, new Rate(num[k.ordinal()], den[k.ordinal()]));
        Map<StandardLevel, Long> provinces = new EnumMap<>(StandardLevel.class), communes = new EnumMap<>(StandardLevel.class);
        int p = 0, c = 0;
        for (UnitResult u : result.units()) {
            if (u.level() == UnitLevel.CITY) p++;
            if (u.level() == UnitLevel.COMMUNE) c++;
            for (StandardLevel k : StandardLevel.values()) {
                if (u.levels().level(k.standard()) < k.level()) continue;
                if (u.level() == UnitLevel.CITY) provinces.merge(k, 1L, Long::sum);
                if (u.level() == UnitLevel.COMMUNE) communes.merge(k, 1L, Long::sum);
            }
        }
        for (StandardLevel k : StandardLevel.values()) {
            provinces.putIfAbsent(k, 0L);
            communes.putIfAbsent(k, 0L);
        }
        return new NationalStandards(result, nation, provinces, communes, p, c);
    }

    /** The nation's summary as text lines (Vietnamese / English). */
    public List<String> summary() {
        List<String> out = new ArrayList<>();
        out.add(String.format(java.util.Locale.ROOT, "Cả nước / nation: %,d người / persons (%,d miễn / exempt), %d tỉnh / provinces, %,d xã / communes",
                standards.personsCounted(), standards.personsExempt(), provinces, communes));
        out.add("  mức / level   tỉnh đạt / provinces   xã đạt / communes");
        for (StandardLevel k : StandardLevel.values()) {
            out.add(String.format(java.util.Locale.ROOT, "  %-12s %8d / %-8d %8d / %d", k.key(), provincesMeeting.get(k), provinces,
                    communesMeeting.get(k), communes));
        }
        out.add("  tiêu chí / criterion   tử số / numerator   mẫu số / denominator   %");
        for (Criterion c : Criterion.values()) {
            Rate r = nationRates.get(c);
            out.add(String.format(java.util.Locale.ROOT, "  %-22s %,14d %,18d %8.2f", c.id(), r.numerator(), r.denominator(), r.percent()));
        }
        return out;
    }
}
