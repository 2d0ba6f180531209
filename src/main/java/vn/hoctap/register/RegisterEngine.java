package vn.hoctap.register;

import java.util.Collection;
import java.util.Map;

import vn.hoctap.standards.StandardsResult;

/**
 * A faster way than streaming the register out of PostgreSQL to compute a data year's standards and the counts of
 * the register-derived indicators: module {@code analytics} implements it with its in-memory columnar engine
 * (docs/performance.md). {@link RegisterStandards} asks it first and streams the register when it answers null
 * (engine switched off with {@code hoctap.analytics.engine=streaming}, or a year it cannot hold). Answers must be
 * identical to the streaming ones.
 */
public interface RegisterEngine {

    /** The whole year's result, or null when this engine does not serve the year. */
    StandardsResult standards(int year);

    /**
     * Indicator id → commune code (communes with at least one person, in code order) → {numerator, denominator}
     * (each rounded to a whole number) of the register indicators {@code ids} (ids of
     * indicators/nq23-register-indicators.txt), or null when this engine does not serve the year or an id.
     */
    Map<String, Map<String, long[]>> indicators(int year, Collection<String> ids);

    /**
     * Called after a register write committed, before the cached results of the year are dropped: apply an
     * itemised change, or forget (and reload) the year.
     */
    void changed(RegisterChanged event);
}
