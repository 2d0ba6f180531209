package vn.hoctap.indicators.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.hoctap.accounts.Access;
import vn.hoctap.accounts.AccessAction;
import vn.hoctap.accounts.DataKind;
import vn.hoctap.analytics.core.ExploreQuery;
import vn.hoctap.expressions.core.ExpressionException;
import vn.hoctap.platform.ValidationException;

/** Khám phá số liệu as JSON: the same question and answer as the page {@code /explore}. */
@RestController
@RequestMapping("/api")
@Tag(name = "explore", description = "Khám phá số liệu: một biểu thức chỉ tiêu tính ngay trên sổ / Explore: an indicator expression counted on the spot")
class ExploreApiController {

    private final Exploration exploration;
    private final MessageSource messages;

    ExploreApiController(Exploration exploration, MessageSource messages) {
        this.exploration = exploration;
        this.messages = messages;
    }

    /** A line of the answer; value null when it has no number (a division by 0). */
    record Line(String key, String label, String communeCode, long persons, Double numerator, Double denominator, Double value) {
    }

    record Answer(int year, String expression, String breakdown, boolean share, String unit, Line total, List<Line> groups,
                  List<Line> communes, long rows, double compileMs, double scanMs) {
    }

    record Indicator(String id, String nameVi, String nameEn, String expression) {
    }

    @Operation(summary = "The register indicators that Explore offers, with their expressions")
    @Access(kind = DataKind.PERSON_ROWS, action = AccessAction.READ)
    @GetMapping("/explore/indicators")
    List<Indicator> indicators() {
        return exploration.indicators().stream().map(p -> new Indicator(p.id(), p.nameVi(), p.nameEn(), p.expression())).toList();
    }

    @Operation(summary = "Counts an indicator, or an expression of the indicator language (docs/indicator-expressions.md), "
            + "over a data year's register by a breakdown, for the communes the user may see (or one of them). An expression "
            + "the engine cannot compile is answered 400 with expression_error (kind, line, column, message_vi, message_en)")
    @Access(kind = DataKind.PERSON_ROWS, action = AccessAction.READ)
    @GetMapping("/explore")
    ResponseEntity<?> explore(@RequestParam(required = false) Integer year,
                              @Parameter(description = "a register indicator's id (e.g. lab.trained), used when no expression is given")
                              @RequestParam(required = false) String indicator,
                              @Parameter(description = "e.g. count(person where employed and qualification >= elementary) / count(person where employed)")
                              @RequestParam(required = false) String expression,
                              @Parameter(description = "commune (default), sex, age_band, residence, disability, village")
                              @RequestParam(required = false) String breakdown,
                              @Parameter(description = "one commune's code (default: every commune the user may see)")
                              @RequestParam(required = false) String unit,
                              Locale locale) {
        int y = exploration.year(year);
        ExploreQuery.Breakdown b = Exploration.breakdown(breakdown);
        String expr = exploration.expressionOf(indicator, expression);
        if (expr == null) {
            throw ValidationException.of("expression", "explore.error.missing");
        }
        ExploreQuery.Result r;
        try {
            r = exploration.answer(y, expr, b, unit);
        } catch (ExpressionException e) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", 400);
            body.put("error", "Bad Request");
            body.put("message", messages.getMessage("explore.error.at", new Object[] {e.line(), e.column(), e.message(locale)}, locale));
            body.put("fields", Map.of("expression", e.message(locale)));
            Map<String, Object> err = new LinkedHashMap<>();
            err.put("kind", e.kind().name().toLowerCase(Locale.ROOT));
            err.put("position", e.position());
            err.put("line", e.line());
            err.put("column", e.column());
            err.put("found", e.found());
            err.put("expected", e.expected());
            err.put("message_vi", e.messageVi());
            err.put("message_en", e.messageEn());
            body.put("expression_error", err);
            return ResponseEntity.badRequest().body(body);
        } catch (Exploration.NotServed e) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", 503);
            body.put("error", "Service Unavailable");
            body.put("message", messages.getMessage("explore.not-served", new Object[] {y}, locale));
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(body);
        }
        Map<String, String> names = new LinkedHashMap<>();
        r.communes().forEach(c -> names.put(c.key(), c.label()));
        List<Line> groups = new ArrayList<>();
        for (ExploreQuery.Group g : Exploration.ordered(r, names)) {
            groups.add(line(g, exploration.label(b, g, locale)));
        }
        List<Line> communes = r.communes().stream().map(c -> line(c, c.label())).toList();
        return ResponseEntity.ok(new Answer(y, r.expression(), b.name().toLowerCase(Locale.ROOT), r.share(),
                unit == null || unit.isBlank() ? null : unit.strip(), line(r.total(), ""), groups, communes, r.rows(),
                r.compileNanos() / 1e6, r.scanNanos() / 1e6));
    }

    private static Line line(ExploreQuery.Group g, String label) {
        return new Line(g.key(), label, g.commune(), g.persons(), num(g.numerator()), num(g.denominator()), num(g.value()));
    }

    private static Double num(double d) {
        return Double.isFinite(d) ? d : null;
    }
}
