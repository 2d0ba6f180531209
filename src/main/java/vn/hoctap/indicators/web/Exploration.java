package vn.hoctap.indicators.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.hoctap.accounts.AccessAction;
import vn.hoctap.accounts.AccessGuard;
import vn.hoctap.accounts.DataKind;
import vn.hoctap.analytics.core.ExploreQuery;
import vn.hoctap.analytics.core.ExploreQuery.Breakdown;
import vn.hoctap.analytics.core.RegisterExplorer;
import vn.hoctap.expressions.core.ExpressionException;
import vn.hoctap.indicators.core.IndicatorDefinition;
import vn.hoctap.indicators.IndicatorValues;
import vn.hoctap.indicators.Targets;
import vn.hoctap.platform.HanoiTime;
import vn.hoctap.platform.ValidationException;
import vn.hoctap.platform.VietnameseText;
import vn.hoctap.register.RegisterStandards;
import vn.hoctap.standards.core.Units;
import vn.hoctap.standards.core.expression.CompiledIndicator;

/**
 * Khám phá số liệu (Explore, issue 18): what the page and the API share. A question is a register indicator or an
 * expression of the indicator language, a breakdown, a data year and optionally one commune; it is answered by the
 * columnar engine on the spot ({@link RegisterExplorer}) over the communes the user may see person rows of (the access
 * matrix's {@code PERSON_ROWS}: city officers every commune, a commune officer theirs), since a free expression with a
 * breakdown by village can single out a person.
 */
@Component
class Exploration {

    private final RegisterStandards register;
    private final ObjectProvider<RegisterExplorer> explorer;
    private final AccessGuard guard;
    private final Targets targets;
    private final IndicatorValues values;
    private final MessageSource messages;

    Exploration(RegisterStandards register, ObjectProvider<RegisterExplorer> explorer, AccessGuard guard, Targets targets,
                IndicatorValues values, MessageSource messages) {
        this.register = register;
        this.explorer = explorer;
        this.guard = guard;
        this.targets = targets;
        this.values = values;
        this.messages = messages;
    }

    /** A register indicator that can be picked, with its expression. */
    record Pick(String id, String nameVi, String nameEn, String expression) {
    }

    /** The register indicators with an expression, in the catalogue's order. */
    List<Pick> indicators() {
        List<Pick> out = new ArrayList<>();
        for (IndicatorDefinition d : targets.definitions()) {
            if (d.source() == IndicatorDefinition.Source.REGISTER) {
                String e = values.expression(d.id());
                if (e != null) {
                    out.add(new Pick(d.id(), d.nameVi(), d.nameEn(), e));
                }
            }
        }
        return out;
    }

    List<Integer> years() {
        return register.years();
    }

    /** The year asked (one of the register's years), else the latest. */
    int year(Integer year) {
        List<Integer> years = years();
        if (year != null) {
            if (!years.contains(year)) {
                throw ValidationException.of("year", "explore.error.year");
            }
            return year;
        }
        return years.isEmpty() ? HanoiTime.today().getYear() : years.get(years.size() - 1);
    }

    static Breakdown breakdown(String b) {
        if (b == null || b.isBlank()) {
            return Breakdown.COMMUNE;
        }
        for (Breakdown x : Breakdown.values()) {
            if (x.name().equalsIgnoreCase(b.strip())) {
                return x;
            }
        }
        throw ValidationException.of("breakdown", "explore.error.breakdown");
    }

    /** The communes of the year the user may see person rows of, in Vietnamese order (code, name). */
    List<String[]> communes(int year) {
        Units units = register.unitsFor(year);
        List<String[]> out = new ArrayList<>();
        for (var c : units.communes()) {
            if (guard.canForYear(DataKind.PERSON_ROWS, AccessAction.READ, c.code(), year)) {
                out.add(new String[] {c.code(), c.name()});
            }
        }
        out.sort(Comparator.comparing((String[] a) -> a[1], VietnameseText.ORDER));
        return out;
    }

    /** Whether the year's communes are those since 1 July 2025 (no districts), which the map's boundaries draw. */
    boolean unitsHaveNoDistricts(int year) {
        return register.unitsFor(year).all().stream().noneMatch(u -> u.level() == vn.hoctap.standards.core.UnitLevel.DISTRICT);
    }

    /** The expression of the question: the one written, else the picked indicator's. */
    String expressionOf(String indicator, String expression) {
        if (expression != null && !expression.isBlank()) {
            return expression;
        }
        if (indicator != null && !indicator.isBlank()) {
            for (Pick p : indicators()) {
                if (p.id().equals(indicator.strip())) {
                    return p.expression();
                }
            }
            throw ValidationException.of("indicator", "explore.error.indicator");
        }
        return null;
    }

    /** A question that the engine could not answer for the year (not loaded, or not served). */
    static final class NotServed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotServed() {
            super("the columnar engine does not serve the year");
        }
    }

    /**
     * Answers the question for the user: every commune they may see, or {@code unit} alone (refused when outside).
     * @throws ExpressionException located, when the expression is refused
     * @throws NotServed when the engine does not serve the year
     */
    ExploreQuery.Result answer(int year, String expression, Breakdown breakdown, String unit) {
        List<String> scope;
        if (unit != null && !unit.isBlank()) {
            guard.requireForYear(DataKind.PERSON_ROWS, AccessAction.READ, unit.strip(), year);
            scope = List.of(unit.strip());
        } else {
            guard.require(DataKind.PERSON_ROWS, AccessAction.READ);
            Units units = register.unitsFor(year);
            List<String[]> mine = communes(year);
            // every commune (no gate in the scan) when the user sees them all
            scope = mine.size() == units.communeCount() ? null : mine.stream().map(a -> a[0]).toList();
        }
        CompiledIndicator compiled = ExploreQuery.compileExpression(expression);
        RegisterExplorer e = explorer.getIfAvailable();
        ExploreQuery.Result r = e == null ? null : e.explore(year, compiled, breakdown, scope);
        if (r == null) {
            throw new NotServed();
        }
        return r;
    }

    /** The words of a group of the breakdown (a sex, a band, a village …) for the user's language. */
    String label(Breakdown b, ExploreQuery.Group g, Locale locale) {
        return switch (b) {
            case SEX -> option("sex", g.key(), locale);
            case RESIDENCE -> option("residence", g.key(), locale);
            case DISABILITY -> option("disability", g.key(), locale);
            case AGE_BAND -> messages.getMessage("explore.age-band", new Object[] {g.label()}, locale);
            case VILLAGE -> g.label().isEmpty() ? messages.getMessage("explore.no-village", null, locale) : g.label();
            case COMMUNE -> g.label();
        };
    }

    private String option(String field, String code, Locale locale) {
        if (code.isEmpty()) {
            return messages.getMessage("explore.empty-cell", null, locale);
        }
        return messages.getMessage("register.option." + field + "." + code, null, code, locale);
    }

    /** The groups in reading order: communes and villages in Vietnamese alphabetical order, the others as coded. */
    static List<ExploreQuery.Group> ordered(ExploreQuery.Result r, java.util.Map<String, String> communeNames) {
        List<ExploreQuery.Group> g = new ArrayList<>(r.groups());
        if (r.breakdown() == Breakdown.COMMUNE) {
            g.sort(Comparator.comparing(ExploreQuery.Group::label, VietnameseText.ORDER));
        } else if (r.breakdown() == Breakdown.VILLAGE) {
            g.sort(Comparator.comparing((ExploreQuery.Group x) -> communeNames.getOrDefault(x.commune(), x.commune()), VietnameseText.ORDER)
                    .thenComparing(ExploreQuery.Group::label, VietnameseText.ORDER));
        }
        return g;
    }
}
