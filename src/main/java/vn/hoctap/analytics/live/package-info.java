/**
 * The columnar engine inside the running platform (Spring glue, not part of the pure core): {@code LiveRegisterEngine}
 * implements {@link vn.hoctap.register.RegisterEngine} (load each data year from PostgreSQL, apply each edit
 * incrementally), {@link vn.hoctap.analytics.live.PlatformBench} is {@code bin/hoctap bench} and
 * {@link vn.hoctap.analytics.live.SqlEngines} runs the engine's computation as SQL in PostgreSQL and DuckDB.
 * Exposed (for the application's entry point) as the named interface {@code live}. See docs/performance.md.
 */
@org.springframework.modulith.NamedInterface("live")
package vn.hoctap.analytics.live;
