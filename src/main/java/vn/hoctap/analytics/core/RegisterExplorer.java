package vn.hoctap.analytics.core;

import java.util.Collection;

import vn.hoctap.standards.core.expression.CompiledIndicator;

/**
 * One-off questions to the register kept by the columnar engine (Explore, issue 18): an expression of the indicator
 * language counted on the spot over a data year's columns, by a breakdown, for some communes — no table is rebuilt and
 * nothing is kept. Implemented by the engine of the running platform ({@code analytics.live}).
 */
public interface RegisterExplorer {

    /**
     * The expression over the year's register as it is now (edits included), for the communes {@code communeCodes}
     * (null: every commune), or null when the engine does not serve the year (then nothing can be explored quickly).
     * @throws vn.hoctap.expressions.core.ExpressionException when the engine cannot compile the expression (located)
     * @throws IllegalStateException for the breakdown by village over more than 65,535 villages
     */
    ExploreQuery.Result explore(int year, CompiledIndicator expression, ExploreQuery.Breakdown breakdown,
                                Collection<String> communeCodes);
}
