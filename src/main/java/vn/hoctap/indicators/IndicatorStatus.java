package vn.hoctap.indicators;

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

    public IndicatorStatus(IndicatorValues values, Targets targets) {
        this.values = values;
        this.targets = targets;
    }

    /** The 25 targets at a glance for a data year, for the city. */
    public List<Line> city(int year) {
        return unit(year, Targets.CITY);
    }

    /**
     * The 25 targets for one unit (the city, a district or a commune) of a data year, judged against the
     * city's targets (the resolution sets none per commune).
     */
    public List<Line> unit(int year, String unitCode) {
        Map<String, NavigableMap<Integer, TargetSpec>> nq23 = targets.cityTargets("nq23");
        Map<String, NavigableMap<Integer, TargetSpec>> national = targets.cityTargets("national");
        List<Line> out = new ArrayList<>();
        for (IndicatorDefinition d : targets.definitions()) {
            IndicatorValues.Value v = values.forYear(year).values().getOrDefault(d.id(), Map.of()).get(unitCode);
            var t = Targets.applicable(nq23.get(d.id()), year);
            var n = Targets.applicable(national.get(d.id()), year);
            List<Progress.Point> series = values.series(d.id(), unitCode, year);
            out.add(new Line(d, v, t == null ? null : t.getValue(), t == null ? 0 : t.getKey(),
                    n == null ? null : n.getValue(), n == null ? null : n.getKey(),
                    Progress.assess(series, t == null ? null : t.getValue(), t == null ? year : t.getKey())));
        }
        return out;
    }

    /** For each commune of the current structure: its assessment for the indicator up to a data year. */
    public Map<String, Progress.Assessment> communes(String indicatorId, int year) {
        var t = Targets.applicable(targets.cityTargets("nq23").get(indicatorId), year);
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
        series.forEach((code, s) -> out.put(code, Progress.assess(s, t == null ? null : t.getValue(), t == null ? year : t.getKey())));
        return out;
    }
}
