/**
 * In-memory columnar analytics of the register (issue 7): {@link vn.hoctap.analytics.core.ColumnarRegister} (packed
 * columns), {@link vn.hoctap.analytics.core.ColumnarEngine} (the twelve criteria and the register indicators for every
 * commune in one multi-threaded pass), {@link vn.hoctap.analytics.core.ColumnarAggregates} (exact incremental
 * updates). Plain Java, no Spring; helpers live in {@code internal}. The benchmark ({@code AnalyticsBench},
 * {@code SqlQuery}, {@code SyntheticPersons}, {@code RandomEdits}) is not part of the module: it lives in the bench
 * source set (src/bench/java), outside the production jar. See docs/performance.md.
 */
package vn.hoctap.analytics;
