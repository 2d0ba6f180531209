package vn.hoctap.register;

import vn.hoctap.standards.core.StandardsResult;

/**
 * A faster way than streaming the register out of PostgreSQL to compute a data year's standards: module
 * {@code analytics} implements it with its in-memory columnar engine (docs/performance.md), which also answers the
 * other modules' counts through its own interface ({@code analytics.RegisterCounts}; the register knows no indicator). {@link RegisterStandards} asks it first and streams the register when it answers null
 * (engine switched off with {@code hoctap.analytics.engine=streaming}, or a year it cannot hold). Answers must be
 * identical to the streaming ones.
 */
public interface RegisterEngine {

    /** The whole year's result, or null when this engine does not serve the year. */
    StandardsResult standards(int year);

    /**
     * Called after a register write committed, before the cached results of the year are dropped: apply an
     * itemised change, or forget (and reload) the year.
     */
    void changed(RegisterChanged event);
}
