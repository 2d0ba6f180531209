package vn.hoctap.analytics.core;

import java.util.Map;
import java.util.Objects;
import vn.hoctap.analytics.internal.Program;
import vn.hoctap.analytics.internal.QueryPlan;
import vn.hoctap.standards.core.expression.CompiledIndicator;
import vn.hoctap.standards.core.RuleSet;
import vn.hoctap.standards.core.Units;

/**
 * Computes, in one pass over a {@link ColumnarRegister}, the twelve criteria of standards.md and the aggregates
 * of the register indicators for every commune and a data year. The criteria and the indicator conditions
 * (walked from their expression trees) are compiled once into a column program (see
 * {@code internal.Program}); {@link #compute} splits the rows into {@code threads} ranges, one counter array per
 * thread, and adds them up. Districts and the city: {@link ColumnarResult#standards(RuleSet)}.
 * <pre>{@code
 * ColumnarResult r = ColumnarEngine.compute(register, 2025, RuleSet.defaults(), 2);
 * StandardsResult levels = r.standards(RuleSet.defaults());
 * }</pre>
 */
public final class ColumnarEngine {
    private final QueryPlan plan;

    private ColumnarEngine(QueryPlan plan) { this.plan = plan; }

    /**
     * Compiles the query for a year and the given indicators (id → compiled expression).
     * @throws UnsupportedOperationException when an expression reads a field the register does not keep
     */
    public static ColumnarEngine of(Units units, int year, RuleSet rules, Map<String, CompiledIndicator> indicators) {
        return new ColumnarEngine(new QueryPlan(Objects.requireNonNull(units), Objects.requireNonNull(rules), year, indicators));
    }

    /** The query for the NQ23 register indicators (indicators/nq23-register-indicators.txt). */
    public static ColumnarEngine nq23(Units units, int year, RuleSet rules) { return of(units, year, rules, QueryPlan.nq23()); }

    /** One-call form with the NQ23 indicators. */
    public static ColumnarResult compute(ColumnarRegister register, int year, RuleSet rules, int threads) {
        return nq23(register.units(), year, rules).compute(register, threads);
    }

    public int year() { return plan.year(); }

    /** Full recompute with {@code threads} threads (the calling thread is one of them). */
    public ColumnarResult compute(ColumnarRegister register, int threads) {
        if (register.units() != plan.units()) throw new IllegalArgumentException("register of other units");
        return new ColumnarResult(plan, counts(register, threads));
    }

    /** Starts incremental aggregates from a full compute; further changes go through {@link ColumnarAggregates#apply}. */
    public ColumnarAggregates aggregates(ColumnarRegister register, int threads) {
        return new ColumnarAggregates(this, register, counts(register, threads));
    }

    QueryPlan plan() { return plan; }

    long[] counts(ColumnarRegister register, int threads) {
        Program p = plan.program();
        int size = plan.units().communeCount() * p.aggregates();
        return inParallel(register.size(), threads, size, "columnar",
                (from, to, counts) -> p.run(register.columns, from, to, counts, 1));
    }

    /** Counts rows {@code [from, to)} into {@code counts}. */
    interface RangeCount {
        void run(int from, int to, long[] counts);
    }

    /**
     * Splits {@code n} rows into blocks of whole 64-row words over at most {@code threads} threads (one per 65,536
     * rows at the least), counts each block into its own array of {@code size} and returns their sum. Shared by the
     * standing program and Explore's one-off questions.
     */
    static long[] inParallel(int n, int threads, int size, String name, RangeCount count) {
        int t = Math.max(1, Math.min(threads, (n + 65535) / 65536));
        if (t == 1) {
            long[] c = new long[size];
            count.run(0, n, c);
            return c;
        }
        long[][] parts = new long[t][size];
        int chunk = ((n / t) + 63) & ~63;
        Thread[] workers = new Thread[t - 1];
        Throwable[] failure = new Throwable[1];
        for (int i = 1; i < t; i++) {
            int from = Math.min(n, i * chunk), to = i == t - 1 ? n : Math.min(n, (i + 1) * chunk);
            long[] c = parts[i];
            workers[i - 1] = new Thread(() -> count.run(from, to, c), name + "-" + i);
            workers[i - 1].setUncaughtExceptionHandler((th, e) -> failure[0] = e);
            workers[i - 1].start();
        }
        count.run(0, Math.min(n, chunk), parts[0]);
        for (Thread w : workers) {
            try {
                w.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        if (failure[0] != null) throw new IllegalStateException("worker failed", failure[0]);
        long[] sum = parts[0];
        for (int i = 1; i < t; i++) {
            long[] c = parts[i];
            for (int k = 0; k < sum.length; k++) sum[k] += c[k];
        }
        return sum;
    }
}
