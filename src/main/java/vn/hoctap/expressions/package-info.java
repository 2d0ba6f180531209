/**
 * The shared expression front end (biểu thức) of HọcTập: one lexer ({@link vn.hoctap.expressions.core.Lexer}), one
 * parser ({@link vn.hoctap.expressions.core.Parser}) for the two grammars over it (conditions on a person of the register
 * — indicator expressions and the standards criteria —, and validation rules over data-element codes), one
 * syntax tree with visitors for the back ends ({@link vn.hoctap.expressions.core.Ast}), canonical printing
 * ({@link vn.hoctap.expressions.core.Printer}) and one located, bilingual error
 * ({@link vn.hoctap.expressions.core.ExpressionException}). Each language keeps its own fields and meaning: the
 * indicators' fields, types and evaluation are in {@code vn.hoctap.standards.expression}, the validation rules'
 * codes and numeric evaluation in {@code vn.hoctap.reporting.core.Expression}. Plain Java (java.base only).
 * See docs/expressions.md.
 */
package vn.hoctap.expressions;
