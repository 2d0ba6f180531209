/**
 * The columnar engine inside the running platform (Spring glue, not part of the pure core): {@code LiveRegisterEngine}
 * implements {@link vn.hoctap.register.RegisterEngine} (load each data year from PostgreSQL, apply each edit
 * incrementally). {@code bin/hoctap bench} ({@code PlatformBench}, {@code SqlEngines}: the same computation as SQL in
 * PostgreSQL and DuckDB) lives in the bench source set (src/bench/java), outside the production jar.
 * Exposed as the named interface {@code live}. See docs/performance.md.
 */
@org.springframework.modulith.NamedInterface("live")
package vn.hoctap.analytics.live;
