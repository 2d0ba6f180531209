package vn.hoctap.indicators.internal;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import vn.hoctap.indicators.IndicatorDefinition;
import vn.hoctap.standards.expression.CompiledIndicator;
import vn.hoctap.standards.expression.Evaluation;
import vn.hoctap.standards.expression.ExpressionDefinition;
import vn.hoctap.register.RegisterStandards;

/**
 * The register-derived indicators: each one's expression (indicators/nq23-register-indicators.txt,
 * docs/indicator-expressions.md) evaluated over the year's persons in one pass, grouped by commune.
 */
@Component
class ExpressionRegisterIndicators implements RegisterIndicators {

    private final RegisterStandards register;
    private final Map<String, CompiledIndicator> expressions = new LinkedHashMap<>();

    ExpressionRegisterIndicators(RegisterStandards register) {
        this.register = register;
        for (ExpressionDefinition d : ExpressionDefinition.nq23()) {
            expressions.put(d.id(), d.compiled());
        }
    }

    @Override
    public String expression(String id) {
        CompiledIndicator c = expressions.get(id);
        return c == null ? null : c.source();
    }

    /**
     * From the register's engine (the columnar engine, kept current edit by edit) when it serves the year, else
     * streamed ({@link #evaluateStreaming}); both give the same counts.
     */
    @Override
    public Map<String, Map<String, long[]>> evaluate(int year, List<IndicatorDefinition> definitions) {
        List<String> ids = new java.util.ArrayList<>();
        for (IndicatorDefinition d : definitions) {
            if (d.source() == IndicatorDefinition.Source.REGISTER) {
                ids.add(d.id());
            }
        }
        if (expressions.keySet().containsAll(ids)) {
            Map<String, Map<String, long[]>> counts = register.indicatorCounts(year, ids);
            if (counts != null) {
                return new HashMap<>(counts);
            }
        }
        return evaluateStreaming(year, definitions);
    }

    /** Each expression evaluated over the year's persons streamed from PostgreSQL, in one pass (the baseline). */
    Map<String, Map<String, long[]>> evaluateStreaming(int year, List<IndicatorDefinition> definitions) {
        Map<String, Evaluation> evals = new LinkedHashMap<>();
        for (IndicatorDefinition d : definitions) {
            if (d.source() == IndicatorDefinition.Source.REGISTER) {
                CompiledIndicator c = expressions.get(d.id());
                if (c == null) {
                    throw new IllegalStateException("no expression for the register indicator " + d.id()
                            + " in indicators/nq23-register-indicators.txt");
                }
                evals.put(d.id(), c.start(year));
            }
        }
        Evaluation[] all = evals.values().toArray(Evaluation[]::new);
        register.forEachPersonOfYear(year, p -> {
            for (Evaluation e : all) {
                e.accept(p);
            }
        });
        Map<String, Map<String, long[]>> out = new HashMap<>();
        evals.forEach((id, e) -> {
            Map<String, long[]> byCommune = new LinkedHashMap<>();
            e.result().groups().forEach((commune, g) -> byCommune.put(commune,
                    new long[] {Math.round(g.numerator()), Math.round(g.denominator())}));
            out.put(id, byCommune);
        });
        return out;
    }
}
