package vn.hoctap.indicators.web;

import vn.hoctap.accounts.DataKind;
import vn.hoctap.accounts.AccessAction;
import vn.hoctap.accounts.Access;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.hoctap.accounts.AccessGuard;
import vn.hoctap.indicators.core.IndicatorDefinition;
import vn.hoctap.indicators.IndicatorStatus;
import vn.hoctap.indicators.IndicatorValues;
import vn.hoctap.indicators.Targets;
import vn.hoctap.platform.HanoiTime;
import vn.hoctap.platform.ValidationException;

/** Indicators, targets and values as JSON, scoped like the pages. */
@RestController
@RequestMapping("/api")
@Tag(name = "indicators", description = "Chỉ tiêu Nghị quyết 23 / Resolution 23 indicators, targets and values")
class IndicatorApiController {

    private final Targets targets;
    private final IndicatorValues values;
    private final IndicatorStatus status;
    private final AccessGuard guard;
    private final StatusAnswers answers;

    IndicatorApiController(Targets targets, IndicatorValues values, IndicatorStatus status, AccessGuard guard, StatusAnswers answers) {
        this.answers = answers;
        this.targets = targets;
        this.values = values;
        this.status = status;
        this.guard = guard;
    }

    record IndicatorItem(String id, int group, String source, String unit, String nameVi, String nameEn, String rebasedVi) {
    }

    @Operation(summary = "The 25 indicators of Resolution 23-NQ/TU")
    @Access(kind = DataKind.UNIT_AGGREGATES, action = AccessAction.READ)
    @GetMapping("/indicators")
    List<IndicatorItem> indicators() {
        List<IndicatorItem> out = new ArrayList<>();
        for (IndicatorDefinition d : targets.definitions()) {
            out.add(new IndicatorItem(d.id(), d.group(), d.source().name().toLowerCase(), d.unit(), d.nameVi(), d.nameEn(), d.rebasedVi()));
        }
        return out;
    }

    @Operation(summary = "All targets (Resolution 23 and national), per indicator, unit, year and scope")
    @Access(kind = DataKind.UNIT_AGGREGATES, action = AccessAction.READ)
    @GetMapping("/targets")
    List<Targets.Target> allTargets() {
        return targets.all();
    }

    record TargetInput(String indicatorId, Integer year, String scope, String spec) {
    }

    @Operation(summary = "Set or remove (empty spec) a city target; city administrators only; audited")
    @Access(kind = DataKind.ADMINISTRATION, action = AccessAction.WRITE)
    @PutMapping("/admin/targets")
    Map<String, Object> setTarget(@RequestBody TargetInput in) {
        if (in.indicatorId() == null || in.year() == null || in.scope() == null) {
            throw ValidationException.of("indicator_id", "indicators.error.target-spec");
        }
        targets.set(in.indicatorId(), in.year(), in.scope(), in.spec());
        return Map.of("indicator_id", in.indicatorId(), "year", in.year(), "scope", in.scope(), "spec", in.spec() == null ? "" : in.spec());
    }

    record ValueItem(String indicatorId, String unitCode, int year, Double value, Double numerator, Double denominator,
                     boolean estimated, String source) {
    }

    @Operation(summary = "Values of a data year (default: the latest): the city (public) and the units the user may read, with counts")
    @Access(kind = DataKind.UNIT_AGGREGATES, action = AccessAction.READ)
    @GetMapping("/indicators/values")
    List<ValueItem> values(@RequestParam(required = false) Integer year, @RequestParam(required = false) String indicator) {
        int y = year(year);
        List<ValueItem> out = new ArrayList<>();
        values.forYear(y).values().forEach((id, byUnit) -> {
            if (indicator != null && !indicator.equals(id)) {
                return;
            }
            byUnit.forEach((code, v) -> {
                // the city's values are public (as in /indicators/status and /api/public/indicators/status); a unit's
                // counts need the unit in the user's scopes (UNIT_AGGREGATES)
                if (Targets.CITY.equals(code) || guard.can(DataKind.UNIT_AGGREGATES, AccessAction.READ, code)) {
                    out.add(new ValueItem(id, code, y, v.present() ? v.value() : null, nan(v.numerator()), nan(v.denominator()),
                            v.estimated(), v.source()));
                }
            });
        });
        return out;
    }

    @Operation(summary = "The city's status on each target for a data year, with the reason")
    @Access(kind = DataKind.UNIT_AGGREGATES, action = AccessAction.READ)
    @GetMapping("/indicators/status")
    org.springframework.http.ResponseEntity<byte[]> status(@RequestParam(required = false) Integer year,
                                                           org.springframework.web.context.request.WebRequest request) {
        // the city's values are public (PublicAggregates): the same lines as /api/public/indicators/status, kept as
        // bytes with an ETag until the values or targets change
        return answers.cityStatus(year(year), request);
    }

    static List<Map<String, Object>> statusLines(List<IndicatorStatus.Line> lines, int y) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (IndicatorStatus.Line l : lines) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("indicator_id", l.definition().id());
            m.put("year", y);
            m.put("value", l.value() != null && l.value().present() ? l.value().value() : null);
            m.put("target", l.target() == null ? null : l.target().text());
            m.put("target_year", l.target() == null ? null : l.targetYear());
            m.put("national_target", l.national() == null ? null : l.national().text());
            // issue 15: whether the national target measures the same population, and which rule set gave a standards status
            m.put("national_comparable", l.definition().nationalComparable());
            if (vn.hoctap.indicators.core.StatusRuleReading.KEYS.containsKey(l.definition().id())) {
                m.put("rule_set", vn.hoctap.indicators.core.StatusRuleReading.APPLIED);
            }
            m.put("status", l.assessment().status().name().toLowerCase());
            m.put("reason_key", l.assessment().reasonKey());
            m.put("projection", l.assessment().projection());
            out.add(m);
        }
        return out;
    }

    private int year(Integer year) {
        List<Integer> years = values.years();
        if (year != null) {
            if (!years.contains(year)) {
                throw ValidationException.of("year", "indicators.error.no-year");
            }
            return year;
        }
        return years.isEmpty() ? HanoiTime.today().getYear() : years.get(years.size() - 1);
    }

    private static Double nan(double d) {
        return Double.isNaN(d) ? null : d;
    }
}
