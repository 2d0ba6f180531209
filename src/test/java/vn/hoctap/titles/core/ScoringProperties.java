package vn.hoctap.titles.core;


import vn.hoctap.titles.core.CriteriaSet;
import vn.hoctap.titles.core.CriteriaSetLoader;
import vn.hoctap.titles.core.Indicator;
import vn.hoctap.titles.core.ScoreResult;
import vn.hoctap.titles.core.Scoring;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/** Scoring properties over every built-in criteria set and random scorecards. */
class ScoringProperties {

    static final List<CriteriaSet> SETS = CriteriaSetLoader.loadBuiltIn();

    record Case(CriteriaSet set, Map<String, Integer> points, String raised, int raisedTo) {
        @Override
        public String toString() { return set.key() + " " + new java.util.TreeMap<>(points) + " raise " + raised + " to " + raisedTo; }
    }

    @Provide
    Arbitrary<Case> cases() {
        return Arbitraries.of(SETS).flatMap(set -> {
            List<Indicator> inds = new ArrayList<>(set.indicators().values());
            // a floor level L (0–10) per case spreads totals over the whole range; per indicator 7 in 8 uniform in
            // [max·L/10, max], else uniform in [0, max]
            Arbitrary<List<Integer>> draws = Arbitraries.integers().between(0, 8 * 1_000_000 - 1).list().ofSize(inds.size());
            return Combinators.combine(draws, Arbitraries.integers().between(0, inds.size() - 1),
                    Arbitraries.integers().between(0, 100), Arbitraries.integers().between(0, 10)).as((dr, which, up, level) -> {
                        Map<String, Integer> pts = new HashMap<>();
                        for (int i = 0; i < inds.size(); i++) {
                            int max = inds.get(i).maxPoints();
                            int d = dr.get(i);
                            int lo = d % 8 != 0 ? max * level / 10 : 0;
                            pts.put(inds.get(i).id(), lo + (d / 8) % (max - lo + 1));
                        }
                        Indicator r = inds.get(which);
                        int from = pts.get(r.id());
                        int to = from + (r.maxPoints() - from) * up / 100;
                        return new Case(set, pts, r.id(), to);
                    });
        });
    }

    @Property(tries = 1000, edgeCases = EdgeCasesMode.MIXIN)
    void raisingOneIndicatorNeverTurnsAPassIntoAFail(@ForAll("cases") Case c) {
        ScoreResult before = Scoring.score(c.set(), c.points());
        Statistics.collect(before.passed());
        Statistics.coverage(cov -> { // the property is not vacuous: both outcomes occur
            cov.check(true).percentage(p -> p > 10);
            cov.check(false).percentage(p -> p > 10);
        });
        // the random raise, then every indicator raised to every higher value
        assertRaiseKeepsPass(c, before, c.raised(), c.raisedTo());
        for (Indicator i : c.set().indicators().values())
            for (int to = c.points().get(i.id()) + 1; to <= i.maxPoints(); to++) assertRaiseKeepsPass(c, before, i.id(), to);
    }

    private static void assertRaiseKeepsPass(Case c, ScoreResult before, String indicatorId, int to) {
        var raised = new HashMap<>(c.points());
        raised.put(indicatorId, to);
        ScoreResult after = Scoring.score(c.set(), raised);
        if (before.passed()) assertThat(after.passed()).as("%s %s raise %s to %d", c.set().key(), c.points(), indicatorId, to).isTrue();
        assertThat(after.total()).isGreaterThanOrEqualTo(before.total());
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.MIXIN)
    void totalIsTheSumOfSubtotalsAndPassIffNoFailureReason(@ForAll("cases") Case c) {
        ScoreResult r = Scoring.score(c.set(), c.points());
        assertThat(r.subtotals().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(r.total());
        assertThat(r.total()).isBetween(0, r.maxTotal());
        assertThat(r.reasons().get(0).vi().startsWith("Đạt")).isEqualTo(r.passed());
    }
}
