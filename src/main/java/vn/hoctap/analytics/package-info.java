/**
 * In-memory columnar analytics of the register (issue 7): {@link vn.hoctap.analytics.ColumnarRegister} (packed
 * columns), {@link vn.hoctap.analytics.ColumnarEngine} (the twelve criteria and the register indicators for every
 * commune in one multi-threaded pass), {@link vn.hoctap.analytics.ColumnarAggregates} (exact incremental
 * updates) and {@link vn.hoctap.analytics.AnalyticsBench}. Plain Java, no Spring; helpers live in
 * {@code internal}. See docs/performance.md.
 */
package vn.hoctap.analytics;
