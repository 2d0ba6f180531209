package vn.hoctap.analytics.core;


import vn.hoctap.analytics.core.ColumnarAggregates;
import vn.hoctap.analytics.core.ColumnarEngine;
import vn.hoctap.analytics.core.ColumnarRegister;
import vn.hoctap.analytics.core.ColumnarResult;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import vn.hoctap.analytics.internal.RandomEdits;
import vn.hoctap.standards.core.Criterion;
import vn.hoctap.standards.core.Person;
import vn.hoctap.standards.core.RuleSet;
import vn.hoctap.standards.core.StandardsEngine;
import vn.hoctap.standards.core.StandardsResult;
import vn.hoctap.standards.core.Unit;
import vn.hoctap.synthetic.core.GeneratorOptions;
import vn.hoctap.synthetic.core.Structure;

/** After any sequence of inserts, updates and deletes, the incremental counts equal a full recompute. */
class ColumnarIncrementalProperties {

    @Property(tries = 40)
    void incrementalEqualsFullRecompute(@ForAll long seed, @ForAll @IntRange(min = 1, max = 400) int edits,
                                        @ForAll boolean districts) {
        check(seed, edits, districts);
    }

    /** The same check over fixed seeds with plain JUnit (independent of the property engine). */
    @org.junit.jupiter.api.Test
    void incrementalEqualsFullRecomputeForFixedSeeds() {
        for (int i = 0; i < 30; i++) check(1000L + i, 1 + (i * 37) % 400, i % 2 == 0);
        check(99, 2_000, false);
    }

    static int checks;

    static void check(long seed, int edits, boolean districts) {
        checks++;
        Generated.Register g = Generated.of(GeneratorOptions.of(3_000, 5, districts ? Structure.HANOI_2024 : Structure.HANOI_2025));
        int year = g.year();
        RuleSet rules = RuleSet.defaults();
        ColumnarRegister reg = ColumnarRegister.of(g.units(), g.persons().stream());
        ColumnarEngine engine = ColumnarEngine.nq23(g.units(), year, rules);
        ColumnarAggregates agg = engine.aggregates(reg, 2);
        Map<String, Person> current = new LinkedHashMap<>();
        for (Person p : g.persons()) current.put(p.personId(), p);
        List<String> ids = new ArrayList<>(current.keySet());
        String[] codes = g.units().communes().stream().map(Unit::code).toArray(String[]::new);
        SplittableRandom r = new SplittableRandom(seed);
        int fresh = 0;
        for (int i = 0; i < edits; i++) {
            int kind = r.nextInt(10);
            if (kind == 0 || ids.isEmpty()) {                     // insert a new person (a copy of someone, new id)
                Person base = g.persons().get(r.nextInt(g.persons().size()));
                Person p = RandomEdits.mutate(RandomEdits.withId(base, "new-" + seed + "-" + fresh++), r, year, codes);
                agg.apply(null, p);
                current.put(p.personId(), p);
                ids.add(p.personId());
            } else if (kind == 1) {                              // delete
                String id = ids.remove(r.nextInt(ids.size()));
                agg.apply(current.remove(id), null);
            } else if (kind == 2) {                              // change of id (delete + insert)
                int k = r.nextInt(ids.size());
                Person before = current.remove(ids.get(k));
                Person after = RandomEdits.withId(before, "moved-" + seed + "-" + fresh++);
                agg.apply(before, after);
                current.put(after.personId(), after);
                ids.set(k, after.personId());
            } else {                                             // update in place
                String id = ids.get(r.nextInt(ids.size()));
                Person before = current.get(id);
                Person after = RandomEdits.mutate(before, r, year, codes);
                agg.apply(before, after);
                current.put(id, after);
            }
        }
        assertThat(reg.size()).isEqualTo(current.size());
        for (String id : ids) assertThat(reg.rowOf(id)).isNotNegative();
        ColumnarResult inc = agg.result();
        assertThat(inc.sameCounts(engine.compute(reg, 2))).isTrue();
        assertThat(inc.sameCounts(engine.compute(ColumnarRegister.of(g.units(), current.values().stream()), 1))).isTrue();
        // and equal to the streaming engine on the current persons
        StandardsEngine.Accumulator acc = new StandardsEngine(g.units(), rules, year).newAccumulator();
        current.values().forEach(acc);
        StandardsResult expected = acc.result();
        for (int ci = 0; ci < g.units().communeCount(); ci++) {
            for (Criterion c : Criterion.values()) assertThat(inc.rate(ci, c)).isEqualTo(expected.unit(codes[ci]).criteria().get(c));
        }
        StandardsResult levels = inc.standards(rules);
        expected.units().forEach(u -> assertThat(levels.unit(u.code()).levels()).isEqualTo(u.levels()));
    }
}
