/**
 * The indicator expression language (parser, type checker, compiled indicators). Exposed to other modules as
 * the named interface {@code expression} (used by {@code vn.hoctap.analytics}, which compiles the same trees
 * into column programs). Plain Java: the annotation below is metadata for Spring Modulith only.
 */
@org.springframework.modulith.NamedInterface("expression")
package vn.hoctap.indicators.expression;
