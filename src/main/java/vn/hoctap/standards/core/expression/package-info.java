/**
 * The expression language over the register's persons (lexer, parser, type checker, compiled conditions and
 * indicators; docs/indicator-expressions.md). It lives in the pure standards module because the rule file of
 * Nghị định 20/2014 ({@code standards/nd20-2014-v1.rules}) writes the twelve criteria and the literacy levels in it,
 * and the standards engine compiles them; the indicators (module {@code indicators}) and the columnar engine and SQL
 * generator (module {@code analytics}) compile the same trees. Exposed to other modules as the named interface
 * {@code expression}. Plain Java: the annotation below is metadata for Spring Modulith only.
 */
@org.springframework.modulith.NamedInterface("expression")
package vn.hoctap.standards.core.expression;
