package vn.hoctap.analytics.core;


import vn.hoctap.analytics.core.ColumnarEngine;
import vn.hoctap.analytics.core.ColumnarRegister;
import vn.hoctap.analytics.core.ColumnarResult;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.hoctap.analytics.internal.QueryPlan;
import vn.hoctap.standards.core.expression.CompiledIndicator;
import vn.hoctap.standards.core.expression.GroupValue;
import vn.hoctap.standards.core.expression.IndicatorResult;
import vn.hoctap.standards.core.Criterion;
import vn.hoctap.standards.core.RuleSet;
import vn.hoctap.standards.core.StandardsEngine;
import vn.hoctap.standards.core.StandardsResult;
import vn.hoctap.standards.core.UnitResult;
import vn.hoctap.synthetic.core.GeneratorOptions;
import vn.hoctap.synthetic.core.Structure;

/** The columnar engine gives exactly the streaming engines' counts and levels on generated registers. */
class ColumnarEquivalenceTest {

    @ParameterizedTest
    @EnumSource(Structure.class)
    void criteriaLevelsAndIndicatorsEqualTheStreamingEngines(Structure structure) {
        Generated.Register g = Generated.of(GeneratorOptions.of(200_000, 11, structure));
        int year = g.year();
        RuleSet rules = RuleSet.defaults();
        ColumnarRegister reg = ColumnarRegister.of(g.units(), g.persons().stream());
        assertThat(reg.size()).isEqualTo(g.persons().size());
        if (structure != Structure.NATIONAL_2025) {
            // per resident; the national structure spreads 200,000 persons over 3,321 communes (60 a commune), where the
            // per-commune arrays, not the residents, dominate the heap
            assertThat(reg.heapBytes() / (double) reg.size()).isLessThanOrEqualTo(40.0);
        }

        ColumnarResult one = ColumnarEngine.compute(reg, year, rules, 1);
        ColumnarResult two = ColumnarEngine.compute(reg, year, rules, 2);
        ColumnarResult three = ColumnarEngine.compute(reg, year, rules, 3);
        assertThat(one.sameCounts(two)).isTrue();
        assertThat(one.sameCounts(three)).isTrue();

        StandardsEngine engine = new StandardsEngine(g.units(), rules, year);
        StandardsEngine.Accumulator acc = engine.newAccumulator();
        g.persons().forEach(acc);
        StandardsResult expected = acc.result();
        StandardsResult actual = two.standards(rules);
        int communes = g.units().communeCount();
        for (int ci = 0; ci < communes; ci++) {
            String code = g.units().communes().get(ci).code();
            for (Criterion c : Criterion.values()) {
                assertThat(two.rate(ci, c)).as(code + " " + c.id()).isEqualTo(expected.unit(code).criteria().get(c));
            }
        }
        assertThat(actual.units()).hasSameSizeAs(expected.units());
        for (UnitResult u : expected.units()) {
            assertThat(actual.unit(u.code()).levels()).as(u.code()).isEqualTo(u.levels());
            assertThat(actual.unit(u.code()).meeting()).as(u.code()).isEqualTo(u.meeting());
        }
        assertThat(expected.units().stream().filter(u -> u.levels().th() == 3).count()).isPositive();

        List<CompiledIndicator> inds = List.copyOf(QueryPlan.nq23().values());
        // the eight register indicators of NQ 23 (model.learning_citizens comes from the titles module since issue 6)
        assertThat(two.indicatorIds()).hasSize(8);
        for (int i = 0; i < inds.size(); i++) {
            IndicatorResult r = inds.get(i).evaluate(year, g.persons());
            for (int ci = 0; ci < communes; ci++) {
                String code = g.units().communes().get(ci).code();
                GroupValue e = r.group(code);
                GroupValue a = two.indicator(ci, i);
                String what = two.indicatorIds().get(i) + " " + code;
                if (e == null) {
                    assertThat(two.persons(ci)).as(what).isZero();
                    continue;
                }
                assertThat(a.aggregates()).as(what).isEqualTo(e.aggregates());
                assertThat(a.persons()).as(what).isEqualTo(e.persons());
                assertThat(a.numerator()).as(what).isEqualTo(e.numerator());
                assertThat(a.denominator()).as(what).isEqualTo(e.denominator());
                assertThat(a.value()).as(what).isEqualTo(e.value());
                assertThat(a.denominator()).as(what).isPositive();
            }
            assertThat(two.indicatorTotal(i).aggregates()).isEqualTo(r.total().aggregates());
        }
    }
}
