package vn.hoctap.indicators.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.hoctap.accounts.Access;
import vn.hoctap.accounts.AccessAction;
import vn.hoctap.accounts.DataKind;
import vn.hoctap.indicators.IndicatorStatus;
import vn.hoctap.indicators.IndicatorValues;
import vn.hoctap.indicators.core.PublicAggregates;
import vn.hoctap.indicators.Targets;
import vn.hoctap.platform.HanoiTime;
import vn.hoctap.platform.ValidationException;

/**
 * Kết quả công khai: the aggregates anyone may read without an account ({@link PublicAggregates}): the city's progress
 * on the 25 targets of Resolution 23 and each commune's rates, never person rows, counts or reported values.
 */
@Controller
@Tag(name = "public", description = "Published results, no sign-in: the city's indicators and the communes' rates")
class PublicIndicatorsController {

    private final IndicatorValues values;
    private final IndicatorStatus status;

    private final StatusAnswers answers;

    PublicIndicatorsController(IndicatorValues values, IndicatorStatus status, StatusAnswers answers) {
        this.answers = answers;
        this.values = values;
        this.status = status;
    }

    @Access(kind = DataKind.PUBLIC, action = AccessAction.READ)
    @GetMapping("/public/indicators")
    String page(@RequestParam(required = false) Integer year, Model model) {
        int y = year(year);
        model.addAttribute("years", values.years());
        model.addAttribute("year", y);
        model.addAttribute("lines", status.city(y));
        return "public/indicators";
    }

    @Access(kind = DataKind.PUBLIC, action = AccessAction.READ)
    @GetMapping("/api/public/indicators/status")
    @ResponseBody
    @Operation(summary = "The city's value, target and status on each NQ 23 target for a data year (public)")
    org.springframework.http.ResponseEntity<byte[]> cityStatus(@RequestParam(required = false) Integer year,
                                                               org.springframework.web.context.request.WebRequest request) {
        return answers.cityStatus(year(year), request);
    }

    @Access(kind = DataKind.PUBLIC, action = AccessAction.READ)
    @GetMapping("/api/public/indicators/values")
    @ResponseBody
    @Operation(summary = "Each unit's value (rate or yes/no) of a data year; a commune's rate over fewer than 10 persons is withheld (public)")
    List<Map<String, Object>> unitValues(@RequestParam(required = false) Integer year, @RequestParam(required = false) String indicator) {
        int y = year(year);
        List<Map<String, Object>> out = new ArrayList<>();
        values.forYear(y).values().forEach((id, byUnit) -> {
            if (indicator != null && !indicator.equals(id)) return;
            byUnit.forEach((code, v) -> {
                boolean city = Targets.CITY.equals(code);
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("indicator_id", id);
                m.put("unit_code", code);
                m.put("year", y);
                boolean published = PublicAggregates.publishable(city, v.value(), v.denominator());
                m.put("value", published ? v.value() : null);
                m.put("withheld", !published && v.present());
                m.put("estimated", v.estimated());
                out.add(m);
            });
        });
        return out;
    }

    private int year(Integer year) {
        List<Integer> years = values.years();
        if (year != null) {
            if (!years.contains(year)) throw ValidationException.of("year", "indicators.error.no-year");
            return year;
        }
        return years.isEmpty() ? HanoiTime.today().getYear() : years.get(years.size() - 1);
    }
}
