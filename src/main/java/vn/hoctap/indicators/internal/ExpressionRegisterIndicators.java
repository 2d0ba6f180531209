package vn.hoctap.indicators.internal;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import vn.hoctap.analytics.core.RegisterCounts;
import vn.hoctap.analytics.core.RegisterPrograms;

import vn.hoctap.indicators.core.IndicatorDefinition;
import vn.hoctap.standards.core.expression.CompiledIndicator;
import vn.hoctap.standards.core.expression.Evaluation;
import vn.hoctap.standards.core.expression.ExpressionDefinition;
import vn.hoctap.register.RegisterStandards;

/**
 * The register-derived indicators: each one's expression (indicators/nq23-register-indicators.txt,
 * docs/indicator-expressions.md), declared to the columnar engine as programs ({@link RegisterPrograms}) and read
 * back from it ({@link RegisterCounts}), or evaluated over the year's persons in one pass when the engine does not
 * serve the year. The register module knows nothing of them.
 */
@Component
class ExpressionRegisterIndicators implements RegisterIndicators, RegisterPrograms {

    private final RegisterStandards register;
    private final ObjectProvider<RegisterCounts> engine;
    private final Map<String, CompiledIndicator> expressions = new LinkedHashMap<>();

    ExpressionRegisterIndicators(RegisterStandards register, ObjectProvider<RegisterCounts> engine) {
        this.register = register;
        this.engine = engine;
        for (ExpressionDefinition d : ExpressionDefinition.nq23()) {
            expressions.put(d.id(), d.compiled());
        }
        // issue 15: the figures of universal preschool education for ages 3–5 (rule set nd277-2025), counted alike
        vn.hoctap.standards.core.PreschoolRuleSet.bundled().criteria().values()
                .forEach(c -> expressions.put(PRESCHOOL_PREFIX + c.id(), c.compiled()));
    }

    /** The program ids of the 3–5 preschool criteria: this prefix and the criterion id. */
    static final String PRESCHOOL_PREFIX = "preschool:";

    /**
     * The counts of the criteria of rule set nd277-2025 (criterion id → commune → {numerator, denominator}), from the
     * columnar engine when it serves the year, else in one pass over the year's persons.
     */
    @Override
    public Map<String, Map<String, long[]>> preschool(int year) {
        List<String> ids = new java.util.ArrayList<>();
        for (String c : vn.hoctap.standards.core.PreschoolRuleSet.bundled().criteria().keySet()) {
            ids.add(PRESCHOOL_PREFIX + c);
        }
        Map<String, Map<String, long[]>> raw = null;
        RegisterCounts e = engine.getIfAvailable();
        if (e != null) {
            raw = e.counts(year, ids);
        }
        if (raw == null) {
            raw = stream(year, ids);
        }
        Map<String, Map<String, long[]>> out = new LinkedHashMap<>();
        for (String id : ids) {
            out.put(id.substring(PRESCHOOL_PREFIX.length()), raw.getOrDefault(id, Map.of()));
        }
        return out;
    }

    /** The NQ 23 register indicators, by indicator id. */
    @Override
    public Map<String, CompiledIndicator> programs() {
        return java.util.Collections.unmodifiableMap(expressions);
    }

    @Override
    public String expression(String id) {
        CompiledIndicator c = expressions.get(id);
        return c == null ? null : c.source();
    }

    /**
     * From the columnar engine (kept current edit by edit) when it serves the year, else
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
        RegisterCounts e = engine.getIfAvailable();
        if (e != null && expressions.keySet().containsAll(ids)) {
            Map<String, Map<String, long[]>> counts = e.counts(year, ids);
            if (counts != null) {
                return new HashMap<>(counts);
            }
        }
        return evaluateStreaming(year, definitions);
    }

    /** Each expression evaluated over the year's persons streamed from PostgreSQL, in one pass (the baseline). */
    Map<String, Map<String, long[]>> evaluateStreaming(int year, List<IndicatorDefinition> definitions) {
        List<String> ids = new java.util.ArrayList<>();
        for (IndicatorDefinition d : definitions) {
            if (d.source() == IndicatorDefinition.Source.REGISTER) {
                if (!expressions.containsKey(d.id())) {
                    throw new IllegalStateException("no expression for the register indicator " + d.id()
                            + " in indicators/nq23-register-indicators.txt");
                }
                ids.add(d.id());
            }
        }
        return stream(year, ids);
    }

    /** The named programs evaluated over the year's persons in one pass. */
    private Map<String, Map<String, long[]>> stream(int year, List<String> ids) {
        Map<String, Evaluation> evals = new LinkedHashMap<>();
        for (String id : ids) {
            evals.put(id, expressions.get(id).start(year));
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
