package vn.hoctap.analytics.core;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.hoctap.analytics.internal.QueryPlan;
import vn.hoctap.standards.core.expression.GroupValue;
import vn.hoctap.standards.core.Criterion;
import vn.hoctap.standards.core.Rate;
import vn.hoctap.standards.core.RuleSet;
import vn.hoctap.standards.core.StandardsEngine;
import vn.hoctap.standards.core.StandardsResult;
import vn.hoctap.standards.core.Units;

/**
 * Counts per commune (by ordinal of {@link Units#communes()}): persons, the twelve criteria's numerators and
 * denominators, and every indicator's aggregates. An immutable snapshot.
 */
public final class ColumnarResult {
    private static final int NC = QueryPlan.NC;

    private final QueryPlan plan;
    private final long[] counts;
    private final int width;

    ColumnarResult(QueryPlan plan, long[] counts) {
        this.plan = plan;
        this.counts = counts;
        this.width = plan.program().aggregates();
    }

    public int year() { return plan.year(); }

    public Units units() { return plan.units(); }

    public int communeCount() { return plan.units().communeCount(); }

    /** All residents of the commune (exempt ones included). */
    public long persons(int commune) { return counts[commune * width]; }

    /** Residents of the commune left out of the criteria exempt (the rule file's {@code exempt}). */
    public long exempt(int commune) { return counts[commune * width + plan.exemptAggregate()]; }

    /** All residents of the register (exempt ones included). */
    public long personsTotal() {
        long n = 0;
        for (int ci = 0; ci < communeCount(); ci++) n += persons(ci);
        return n;
    }

    /** All exempt residents of the register. */
    public long exemptTotal() {
        long n = 0;
        for (int ci = 0; ci < communeCount(); ci++) n += exempt(ci);
        return n;
    }

    public long denominator(int commune, Criterion c) { return counts[commune * width + 1 + c.ordinal()]; }

    public long numerator(int commune, Criterion c) { return counts[commune * width + 1 + NC + c.ordinal()]; }

    public Rate rate(int commune, Criterion c) { return new Rate(numerator(commune, c), denominator(commune, c)); }

    /** commune code → criterion → rate, for {@link StandardsEngine#evaluate(Map)}. */
    public Map<String, Map<Criterion, Rate>> criteriaRates() {
        Map<String, Map<Criterion, Rate>> out = new LinkedHashMap<>();
        for (int ci = 0; ci < communeCount(); ci++) {
            Map<Criterion, Rate> m = new EnumMap<>(Criterion.class);
            for (Criterion c : Criterion.values()) m.put(c, rate(ci, c));
            out.put(units().communes().get(ci).code(), m);
        }
        return out;
    }

    /**
     * Levels of every commune, district and the city, with the person totals: the same result as
     * {@link StandardsEngine.Accumulator#result()} fed the register's persons.
     */
    public StandardsResult standards(RuleSet rules) {
        return new StandardsEngine(units(), rules, year()).evaluate(criteriaRates(), personsTotal(), exemptTotal());
    }

    public List<String> indicatorIds() { return plan.indicatorIds(); }

    /** The values of indicator {@code i}'s aggregates for a commune, in the order of its {@code aggregates()}. */
    public long[] indicatorAggregates(int commune, int i) {
        int[] idx = plan.indicatorAggregates(i);
        long[] v = new long[idx.length];
        for (int j = 0; j < idx.length; j++) v[j] = counts[commune * width + idx[j]];
        return v;
    }

    /** Indicator {@code i} for a commune: numerator, denominator and value as the expression defines them. */
    public GroupValue indicator(int commune, int i) {
        return plan.indicators().get(i).valueOf(units().communes().get(commune).code(), persons(commune), indicatorAggregates(commune, i));
    }

    /** Indicator {@code i} over the whole register. */
    public GroupValue indicatorTotal(int i) {
        int[] idx = plan.indicatorAggregates(i);
        long[] v = new long[idx.length];
        long persons = 0;
        for (int ci = 0; ci < communeCount(); ci++) {
            persons += persons(ci);
            for (int j = 0; j < idx.length; j++) v[j] += counts[ci * width + idx[j]];
        }
        return plan.indicators().get(i).valueOf(null, persons, v);
    }

    /** Whether both hold the same counts. */
    public boolean sameCounts(ColumnarResult o) { return java.util.Arrays.equals(counts, o.counts); }
}
