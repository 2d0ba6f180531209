package vn.hoctap.indicators;



import vn.hoctap.indicators.core.PreschoolReading;
import vn.hoctap.indicators.core.CommuneTargetRollup;
import vn.hoctap.indicators.core.IndicatorDefinition;
import vn.hoctap.indicators.core.Progress;
import vn.hoctap.indicators.core.TargetSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

import org.springframework.stereotype.Service;

/**
 * Trạng thái thực hiện chỉ tiêu: for each indicator, for the city and for each commune of the current
 * structure, the {@link Progress} assessment against the NQ 23 target that applies to the data year.
 */
@Service
public class IndicatorStatus {

    /** One line of the dashboard. */
    public record Line(IndicatorDefinition definition, IndicatorValues.Value value, TargetSpec target, int targetYear,
                       TargetSpec national, Integer nationalYear, Progress.Assessment assessment) {
    }

    private final IndicatorValues values;
    private final Targets targets;
    private final org.springframework.beans.factory.ObjectProvider<CommuneTargetSource> communeTargets;

    public IndicatorStatus(IndicatorValues values, Targets targets,
                           org.springframework.beans.factory.ObjectProvider<CommuneTargetSource> communeTargets) {
        this.values = values;
        this.targets = targets;
        this.communeTargets = communeTargets;
    }

    /** The targets of a commune for an indicator (its own where set, else the city's), by target year. */
    NavigableMap<Integer, TargetSpec> targetsOf(String indicatorId, String unitCode) {
        NavigableMap<Integer, TargetSpec> city = targets.cityTargets("nq23").get(indicatorId);
        if (unitCode.equals(Targets.CITY)) {
            return city;
        }
        CommuneTargetSource source = communeTargets.getIfAvailable();
        NavigableMap<Integer, TargetSpec> own = source == null ? null : source.communeTargets(indicatorId).get(unitCode);
        if (own == null || own.isEmpty()) {
            return city;
        }
        java.util.TreeMap<Integer, TargetSpec> merged = city == null ? new java.util.TreeMap<>() : new java.util.TreeMap<>(city);
        merged.putAll(own);
        return merged;
    }

    /**
     * The city's target of a data year beside the average of the communes' own targets of the same target year, and
     * the difference; null when no commune has a target of its own for it.
     */
    public CommuneTargetRollup communeRollup(String indicatorId, int year) {
        CommuneTargetSource source = communeTargets.getIfAvailable();
        if (source == null) {
            return null;
        }
        var city = Targets.applicable(targets.cityTargets("nq23").get(indicatorId), year);
        Map<String, TargetSpec> own = new LinkedHashMap<>();
        source.communeTargets(indicatorId).forEach((code, byYear) -> {
            var t = Targets.applicable(byYear, year);
            if (t != null && (city == null || t.getKey().equals(city.getKey()))) {
                own.put(code, t.getValue());
            }
        });
        return CommuneTargetRollup.of(city == null ? null : city.getValue(), own, source.weights(indicatorId));
    }

    /** The 25 targets at a glance for a data year, for the city. */
    public List<Line> city(int year) {
        return unit(year, Targets.CITY);
    }

    /**
     * The 25 targets for one unit (the city, a district or a commune) of a data year, judged against the
     * commune's own targets where the city gave it some (the resolution sets none per commune), else the city's.
     * The national "Thành phố học tập" title, while no decision records it, is "not defined yet" rather than
     * "no data".
     */
    public List<Line> unit(int year, String unitCode) {
        Map<String, NavigableMap<Integer, TargetSpec>> national = targets.cityTargets("national");
        List<Line> out = new ArrayList<>();
        for (IndicatorDefinition d : targets.definitions()) {
            IndicatorValues.Value v = values.forYear(year).values().getOrDefault(d.id(), Map.of()).get(unitCode);
            var t = Targets.applicable(targetsOf(d.id(), unitCode), year);
            var n = Targets.applicable(national.get(d.id()), year);
            List<Progress.Point> series = values.series(d.id(), unitCode, year);
            Progress.Assessment a = Progress.assessYear(series, year, t == null ? null : t.getValue(), t == null ? year : t.getKey());
            if (d.source() == IndicatorDefinition.Source.RECORD && a.status() == Progress.Status.NO_DATA) {
                a = new Progress.Assessment(Progress.Status.NO_DATA, "progress.reason.not-defined", new Object[0], null);
            }
            a = preschool(d.id(), year, a);
            out.add(new Line(d, v, t == null ? null : t.getValue(), t == null ? 0 : t.getKey(),
                    n == null ? null : n.getValue(), n == null ? null : n.getKey(), a));
        }
        return out;
    }

    /**
     * For each commune of the current structure: its assessment for the indicator up to a data year, against its own
     * target where it has one, else the city's.
     */
    public Map<String, Progress.Assessment> communes(String indicatorId, int year) {
        var cityTarget = Targets.applicable(targets.cityTargets("nq23").get(indicatorId), year);
        Map<String, List<Progress.Point>> series = new LinkedHashMap<>();
        for (int y : values.years()) {
            if (y > year) {
                continue;
            }
            values.onCurrentCommunes(indicatorId, y).forEach((code, v) -> {
                if (v.present()) {
                    series.computeIfAbsent(code, k -> new ArrayList<>()).add(new Progress.Point(y, v.value()));
                }
            });
        }
        Map<String, Progress.Assessment> out = new LinkedHashMap<>();
        series.forEach((code, s) -> {
            var t = communeTargets.getIfAvailable() == null ? cityTarget : Targets.applicable(targetsOf(indicatorId, code), year);
            out.put(code, preschool(indicatorId, year,
                    Progress.assessYear(s, year, t == null ? null : t.getValue(), t == null ? year : t.getKey())));
        });
        return out;
    }

    /**
     * Issue 15: in a data year where Nghị định 277/2025 (children aged 3–5, rule set nd277-2025) gives the status of
     * {@code pcgd.mn5_units} but its thresholds are not verified, the status is "chưa xác định", never met or not met
     * and never one carried over from the 5-year-old standard.
     */
    private Progress.Assessment preschool(String indicatorId, int year, Progress.Assessment a) {
        if (!PreschoolReading.INDICATOR.equals(indicatorId) || a.status() == Progress.Status.NO_DATA) {
            return a;
        }
        PreschoolReading p = values.forYear(year).preschool();
        if (p == null || !p.undetermined()) {
            return a;
        }
        return new Progress.Assessment(Progress.Status.UNDETERMINED, "progress.reason.preschool-undetermined",
                new Object[] {p.rules().name()}, null);
    }
}
