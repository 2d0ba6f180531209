package vn.hoctap.analytics;


import vn.hoctap.analytics.core.ColumnarAggregates;
import vn.hoctap.analytics.core.ColumnarEngine;
import vn.hoctap.analytics.core.ColumnarRegister;
import vn.hoctap.analytics.core.ColumnarResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import vn.hoctap.analytics.internal.QueryPlan;
import vn.hoctap.analytics.internal.RandomEdits;
import vn.hoctap.analytics.internal.SyntheticPersons;
import vn.hoctap.standards.core.expression.CompiledIndicator;
import vn.hoctap.standards.core.expression.Evaluation;
import vn.hoctap.standards.core.Criterion;
import vn.hoctap.standards.core.Person;
import vn.hoctap.standards.core.RuleSet;
import vn.hoctap.standards.core.StandardsEngine;
import vn.hoctap.standards.core.StandardsResult;
import vn.hoctap.standards.core.Units;
import vn.hoctap.synthetic.core.GeneratorOptions;
import vn.hoctap.synthetic.core.Structure;

/**
 * Prints the figures of issue 7 for a generated register:
 * {@code java -Xmx4g -cp target/classes:… vn.hoctap.analytics.AnalyticsBench [persons=1000000] [baselineLimit=1000000] [seed=7]}.
 * Goals are printed next to the figures, never asserted.
 */
public final class AnalyticsBench {
    private AnalyticsBench() { }

    /** The persons of the benchmark, streamed (twice: for the build and for the baseline and the edit sample). */
    public interface Source {
        void forEach(java.util.function.Consumer<Person> sink);
    }

    /** What one run measured (times in ms, latencies in µs, heap in bytes a resident). */
    public record Summary(int persons, double heapEstimated, double heapMeasured, double full1Thread, double full2Threads,
                          double levels, double baseline, boolean baselineExtrapolated, Boolean baselineSame,
                          double incrementalP50, double incrementalP99, boolean incrementalSame, ColumnarResult result) {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_000_000;
        int limit = args.length > 1 ? Integer.parseInt(args[1].replace("_", "")) : 1_000_000;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 7;
        GeneratorOptions o = GeneratorOptions.of(n, seed, Structure.HANOI_2025);
        Units units = SyntheticPersons.units(o);
        // load the generator's and reader's classes and static tables first, so that the heap measured below is the register's
        SyntheticPersons.forEach(new GeneratorOptions(20_000, seed + 1, o.structure(), o.year()), units, p -> { });
        run(units, o.year(), n, limit, seed, sink -> SyntheticPersons.forEach(o, units, sink), System.out);
    }

    /**
     * Measures the engine on the persons of {@code source} ({@code n} of them, of data year {@code year}) and prints
     * the figures to {@code out}: heap, full recompute (1 and 2 threads), the streaming baseline (on the first
     * {@code limit} persons, scaled when fewer than n), incremental updates.
     */
    public static Summary run(Units units, int year, int n, int limit, long seed, Source source, java.io.PrintStream out) {
        RuleSet rules = RuleSet.defaults();
        out.printf(Locale.ROOT, "AnalyticsBench: %,d persons, year %d, %d communes, %d cores, max heap %,d MB, %s%n",
                n, year, units.communeCount(), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.vm.version"));

        // ---- pass 1: build (time of the builder calls only; generation and CSV parsing excluded) and heap
        long[] buildNanos = {0};
        long t0 = System.nanoTime();
        ColumnarRegister.Measured<ColumnarRegister> m = ColumnarRegister.measure(() -> {
            ColumnarRegister.Builder b = ColumnarRegister.builder(units, n);
            source.forEach(p -> {
                long s = System.nanoTime();
                b.add(p);
                buildNanos[0] += System.nanoTime() - s;
            });
            long s = System.nanoTime();
            ColumnarRegister r = b.build();
            buildNanos[0] += System.nanoTime() - s;
            return r;
        });
        ColumnarRegister reg = m.value();
        out.printf(Locale.ROOT, "generate + parse + build: %.1f s; of which in the columnar builder (add + trim/index, incl. GC pauses caused by the concurrent generator) %.0f ms%n",
                (System.nanoTime() - t0) / 1e9, buildNanos[0] / 1e6);
        out.printf(Locale.ROOT, "heap per resident: estimated %.1f B (%,d B), measured %.1f B (%,d B); goal <= 40 B; hash overflow %d%n",
                reg.heapBytes() / (double) reg.size(), reg.heapBytes(), m.bytes() / (double) reg.size(), m.bytes(), reg.hashOverflow());

        // ---- full recompute
        ColumnarEngine engine = ColumnarEngine.nq23(units, year, rules);
        double[] fullMs = new double[3];
        for (int threads = 1; threads <= 2; threads++) {
            for (int i = 0; i < 5; i++) engine.compute(reg, threads); // warm-up
            long[] t = new long[7];
            for (int i = 0; i < 7; i++) {
                long s = System.nanoTime();
                engine.compute(reg, threads);
                t[i] = System.nanoTime() - s;
            }
            Arrays.sort(t);
            fullMs[threads] = t[3] / 1e6;
            out.printf(Locale.ROOT, "full recompute (12 criteria + %d indicators, all communes), %d thread(s): median %.1f ms (min %.1f, max %.1f) = %.1f ns/row%s%n",
                    QueryPlan.nq23().size(), threads, t[3] / 1e6, t[0] / 1e6, t[6] / 1e6, t[3] / (double) n,
                    threads == 2 && n >= 8_000_000 ? "; goal <= 250 ms at 8.7 M on 2 cores" : "");
        }
        ColumnarResult full = engine.compute(reg, 2);
        long[] ev = new long[7];
        StandardsResult levels = null;
        for (int i = 0; i < 7; i++) {
            long s = System.nanoTime();
            levels = full.standards(rules);
            ev[i] = System.nanoTime() - s;
        }
        Arrays.sort(ev);
        out.printf(Locale.ROOT, "levels of communes, districts, city (StandardsEngine.evaluate on the counts): median %.2f ms%n", ev[3] / 1e6);

        // ---- pass 2: persons in memory for the baseline (the first `limit`) and a sample for edits
        List<Person> baselinePersons = new ArrayList<>(Math.min(n, limit));
        int sampleSize = 20_000;
        Person[] sample = new Person[sampleSize];
        long[] seen = {0};
        SplittableRandom rnd = new SplittableRandom(seed);
        source.forEach(p -> {
            if (baselinePersons.size() < limit) baselinePersons.add(p);
            long k = seen[0]++;
            if (k < sampleSize) sample[(int) k] = p;
            else {
                long j = rnd.nextLong(k + 1);
                if (j < sampleSize) sample[(int) j] = p;
            }
        });
        long[] bb = new long[3];
        for (int i = 0; i < bb.length; i++) {
            long s = System.nanoTime();
            ColumnarRegister.Builder b = ColumnarRegister.builder(units, baselinePersons.size());
            for (Person p : baselinePersons) b.add(p);
            b.build();
            bb[i] = System.nanoTime() - s;
        }
        Arrays.sort(bb);
        out.printf(Locale.ROOT, "columnar build from %,d in-memory Persons (no generator running): median of 3 %.0f ms = %.0f ns/person%n",
                baselinePersons.size(), bb[1] / 1e6, bb[1] / (double) baselinePersons.size());
        List<CompiledIndicator> inds = new ArrayList<>(QueryPlan.nq23().values());
        long[] bt = new long[3];
        StandardsResult baseLevels = null;
        Evaluation[] evals = null;
        for (int i = 0; i < 5; i++) {
            long s = System.nanoTime();
            StandardsEngine se = new StandardsEngine(units, rules, year);
            StandardsEngine.Accumulator acc = se.newAccumulator();
            Evaluation[] es = new Evaluation[inds.size()];
            for (int j = 0; j < es.length; j++) es[j] = inds.get(j).start(year);
            for (Person p : baselinePersons) {
                acc.accept(p);
                for (Evaluation e : es) e.accept(p);
            }
            baseLevels = acc.result();
            for (Evaluation e : es) e.result();
            long d = System.nanoTime() - s;
            if (i >= 2) bt[i - 2] = d;
            evals = es;
        }
        Arrays.sort(bt);
        boolean extrapolated = baselinePersons.size() < n;
        double baseMs = bt[1] / 1e6 * n / baselinePersons.size();
        out.printf(Locale.ROOT, "baseline (streaming StandardsEngine.Accumulator + %d CompiledIndicator evaluations over in-memory Persons, 1 thread): median %.1f ms%s%n",
                inds.size(), baseMs, extrapolated ? String.format(Locale.ROOT, " (measured %.1f ms on the first %,d persons, scaled linearly)", bt[1] / 1e6, baselinePersons.size()) : "");
        Boolean baselineSame = null;
        if (!extrapolated) {
            boolean same = true;
            for (int ci = 0; ci < units.communeCount(); ci++) {
                String code = units.communes().get(ci).code();
                for (Criterion c : Criterion.values()) same &= full.rate(ci, c).equals(baseLevels.unit(code).criteria().get(c));
                same &= full.standards(rules).unit(code).levels().equals(baseLevels.unit(code).levels());
                for (int i = 0; i < inds.size(); i++) {
                    var g = evals[i].result().group(code);
                    same &= g == null ? full.persons(ci) == 0 : g.aggregates().equals(full.indicator(ci, i).aggregates());
                }
            }
            out.println("columnar counts and levels equal the baseline's: " + same);
            baselineSame = same;
        }

        // ---- incremental updates
        ColumnarAggregates agg = engine.aggregates(reg, 2);
        String[] codes = units.communes().stream().map(u -> u.code()).toArray(String[]::new);
        int edits = 100_000;
        long[] lat = new long[edits];
        List<Person> deleted = new ArrayList<>();
        int inserts = 0, deletes = 0;
        for (int i = 0; i < edits + 20_000; i++) {
            int k = rnd.nextInt(sampleSize);
            int kind = rnd.nextInt(20);
            Person before, after;
            if (kind == 0 && sample[k] != null) { before = sample[k]; after = null; }
            else if (kind == 1 && !deleted.isEmpty()) { before = null; after = deleted.remove(deleted.size() - 1); }
            else if (sample[k] != null) { before = sample[k]; after = RandomEdits.mutate(before, rnd, year, codes); }
            else { i--; continue; }
            long s = System.nanoTime();
            agg.apply(before, after);
            long d = System.nanoTime() - s;
            if (after == null) { deleted.add(before); sample[k] = null; deletes++; }
            else if (before == null) {
                for (int j = 0; j < sampleSize; j++) if (sample[j] == null) { sample[j] = after; break; }
                inserts++;
            } else sample[k] = after;
            if (i >= 20_000) lat[i - 20_000] = d; // the first 20,000 are warm-up
        }
        Arrays.sort(lat);
        out.printf(Locale.ROOT, "incremental update (%,d timed single-person edits after 20,000 warm-up; ~90%% updates, deletes %d, inserts %d): p50 %.2f us, p99 %.2f us, max %.1f us; goal p99 <= 50 us%n",
                edits, deletes, inserts, lat[edits / 2] / 1e3, lat[(int) (edits * 0.99)] / 1e3, lat[edits - 1] / 1e3);
        boolean incrementalSame = agg.result().sameCounts(engine.compute(reg, 2));
        out.println("incremental counts equal a full recompute after the edits: " + incrementalSame);
        return new Summary(n, reg.heapBytes() / (double) reg.size(), m.bytes() / (double) reg.size(), fullMs[1], fullMs[2],
                ev[3] / 1e6, baseMs, extrapolated, baselineSame, lat[edits / 2] / 1e3, lat[(int) (edits * 0.99)] / 1e3,
                incrementalSame, full);
    }
}
