package vn.hoctap.indicators.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.hoctap.accounts.Access;
import vn.hoctap.accounts.AccessAction;
import vn.hoctap.accounts.DataKind;
import vn.hoctap.analytics.core.ExploreQuery;
import vn.hoctap.expressions.core.ExpressionException;
import vn.hoctap.platform.ValidationException;

/**
 * Khám phá số liệu (issue 18): pick a register indicator or write an expression, pick a breakdown, and get the table,
 * a bar chart and the communes' map at once. The form works without script (a full page); with htmx only the answer
 * is replaced ({@code /explore/result}) and the address keeps the question, so it can be shared or bookmarked.
 */
@Controller
class ExploreController {

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    private final Exploration exploration;
    private final MessageSource messages;

    ExploreController(Exploration exploration, MessageSource messages) {
        this.exploration = exploration;
        this.messages = messages;
    }

    /** A line of the table, with its numbers in words for the page. */
    record Row(String key, String label, String communeCode, long persons, String personsText, String numerator,
               String denominator, String value, Double chartValue) {
    }

    /** A refused expression: where and what, and the line it is on with a mark under the place. */
    record Refusal(int line, int column, String message, String sourceLine, String pointer) {
    }

    @Access(kind = DataKind.PERSON_ROWS, action = AccessAction.READ)
    @GetMapping("/explore")
    String page(@RequestParam(required = false) Integer year, @RequestParam(required = false) String indicator,
                @RequestParam(required = false) String expression, @RequestParam(required = false) String breakdown,
                @RequestParam(required = false) String unit, Model model, Locale locale) {
        int y = exploration.year(year);
        model.addAttribute("years", exploration.years());
        model.addAttribute("year", y);
        model.addAttribute("indicators", exploration.indicators());
        model.addAttribute("indicator", indicator == null ? "" : indicator.strip());
        model.addAttribute("breakdowns", ExploreQuery.Breakdown.values());
        model.addAttribute("communes", exploration.communes(y));
        model.addAttribute("unit", unit == null ? "" : unit.strip());
        answer(y, indicator, expression, breakdown, unit, model, locale);
        return "dashboard/explore";
    }

    @Access(kind = DataKind.PERSON_ROWS, action = AccessAction.READ)
    @GetMapping("/explore/result")
    String result(@RequestParam(required = false) Integer year, @RequestParam(required = false) String indicator,
                  @RequestParam(required = false) String expression, @RequestParam(required = false) String breakdown,
                  @RequestParam(required = false) String unit, Model model, Locale locale,
                  jakarta.servlet.http.HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response) {
        // the address bar keeps the question (the page's own address, not the fragment's), to share or bookmark it
        String query = request.getQueryString();
        response.setHeader("HX-Push-Url", request.getContextPath() + "/explore" + (query == null ? "" : "?" + query));
        answer(exploration.year(year), indicator, expression, breakdown, unit, model, locale);
        return "dashboard/explore :: result";
    }

    private void answer(int y, String indicator, String expression, String breakdown, String unit, Model model, Locale locale) {
        ExploreQuery.Breakdown b = Exploration.breakdown(breakdown);
        model.addAttribute("breakdown", b);
        String expr = exploration.expressionOf(indicator, expression);
        model.addAttribute("expression", expr == null ? "" : expr);
        model.addAttribute("asked", expr != null);
        if (expr == null) {
            return;
        }
        ExploreQuery.Result r;
        try {
            r = exploration.answer(y, expr, b, unit);
        } catch (ExpressionException e) {
            String[] lines = expr.split("\n", -1);
            String line = e.line() - 1 < lines.length ? lines[e.line() - 1].stripTrailing() : "";
            model.addAttribute("refusal", new Refusal(e.line(), e.column(), e.message(locale), line,
                    " ".repeat(Math.max(0, e.column() - 1)) + "^"));
            return;
        } catch (Exploration.NotServed e) {
            model.addAttribute("notServed", true);
            return;
        } catch (IllegalStateException e) {
            throw ValidationException.of("breakdown", "explore.error.villages");
        }
        Map<String, String> names = new LinkedHashMap<>();
        r.communes().forEach(c -> names.put(c.key(), c.label()));
        List<Row> rows = new ArrayList<>();
        for (ExploreQuery.Group g : Exploration.ordered(r, names)) {
            String label = exploration.label(b, g, locale);
            if (b == ExploreQuery.Breakdown.VILLAGE) {
                label = label + " — " + names.getOrDefault(g.commune(), g.commune());
            }
            rows.add(row(g, label, r.share(), locale));
        }
        List<Row> communes = new ArrayList<>();
        for (ExploreQuery.Group c : r.communes()) {
            communes.add(row(c, c.label(), r.share(), locale));
        }
        communes.sort(java.util.Comparator.comparing(Row::label, vn.hoctap.platform.VietnameseText.ORDER));
        model.addAttribute("result", r);
        model.addAttribute("rows", rows);
        model.addAttribute("total", row(r.total(), messages.getMessage("explore.total", null, locale), r.share(), locale));
        model.addAttribute("mapRows", communes);
        // the map's boundaries are the communes since 1 July 2025: a year with districts has other communes
        boolean map = exploration.unitsHaveNoDistricts(y);
        model.addAttribute("mapAvailable", map);
        model.addAttribute("timing", messages.getMessage("explore.timing", new Object[] {
                String.format(locale, "%,d", r.rows()), String.format(locale, "%.1f", (r.compileNanos() + r.scanNanos()) / 1e6)}, locale));
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("share", r.share());
        chart.put("labels", rows.stream().map(Row::label).toList());
        chart.put("values", rows.stream().map(Row::chartValue).toList());
        List<Map<String, Object>> mapData = new ArrayList<>();
        for (Row c : communes) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", c.key());
            m.put("name", c.label());
            m.put("value", c.chartValue());
            mapData.add(m);
        }
        chart.put("rows", map ? mapData : List.of());
        chart.put("valueLabel", messages.getMessage(r.share() ? "explore.value.share" : "explore.value.number", null, locale));
        // in a data attribute, not a <script> block: htmx (allowScriptTags=false) drops script elements it swaps in
        model.addAttribute("chartJson", JSON.writeValueAsString(chart));
    }

    private static Row row(ExploreQuery.Group g, String label, boolean share, Locale locale) {
        double v = g.value();
        boolean has = Double.isFinite(v);
        String value = !has ? "—" : share ? String.format(locale, "%,.2f%%", v * 100) : String.format(locale, "%,.2f", v);
        Double chart = !has ? null : share ? Math.round(v * 10000) / 100.0 : Math.round(v * 100) / 100.0;
        return new Row(g.key(), label, g.commune(), g.persons(), String.format(locale, "%,d", g.persons()), whole(g.numerator(), locale), whole(g.denominator(), locale), value, chart);
    }

    private static String whole(double d, Locale locale) {
        if (!Double.isFinite(d)) return "—";
        return d == Math.rint(d) ? String.format(locale, "%,d", (long) d) : String.format(locale, "%,.2f", d);
    }
}
