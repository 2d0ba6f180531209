package vn.hoctap.reporting.core;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.hoctap.expressions.core.Ast;
import vn.hoctap.expressions.core.ExpressionException;
import vn.hoctap.expressions.core.Parser;

/**
 * Biểu thức kiểm tra (validation-rule and indicator expressions over data-element codes), as in DHIS2's
 * "left side operator right side" rules, e.g. {@code it_security_trained <= it_security_staff}. Read by the
 * platform's one expression front end ({@link Parser#parseElements}, language {@code ELEMENTS}; grammar and
 * operators in docs/expressions.md), evaluated here:
 *
 * <pre>
 * expr     := or
 * or       := and (('or' | '||') and)*
 * and      := not (('and' | '&amp;&amp;') not)*
 * not      := 'not' not | relation
 * relation := sum ( ('&lt;' | '&lt;=' | '&gt;' | '&gt;=' | '=' | '==' | '!=') sum
 *                 | 'between' sum 'and' sum | 'in' '(' sum (',' sum)* ')' )?
 * sum      := product (('+' | '-') product)*
 * product  := unary (('*' | '/') unary)*
 * unary    := '-' unary | primary
 * primary  := number | element-code | '(' expr ')'
 * </pre>
 *
 * Every value is a number; a comparison or logical operator gives 1 (true) or 0 (false), and a yes/no
 * element is 1 or 0, so {@code public * national_standard} counts public schools at the standard.
 * Evaluation with an element that has no value gives {@link Double#NaN} ("missing"): a rule over a
 * missing value is skipped, as DHIS2's default missing-value strategy does. Division by zero is missing too.
 * Errors are the shared {@link ExpressionException} (line, column, Vietnamese and English message).
 */
public final class Expression {

    private final String text;
    private final Ast.Expr root;
    private final Set<String> codes;

    private Expression(String text, Ast.Expr root, Set<String> codes) {
        this.text = text;
        this.root = root;
        this.codes = codes;
    }

    /**
     * Parses an expression; every element code must be one of {@code known} (null: any code accepted).
     *
     * @throws ExpressionException with the position of the first error
     */
    public static Expression parse(String text, Set<String> known) {
        Parser.Parsed parsed = Parser.parseElements(text);
        Set<String> used = new LinkedHashSet<>();
        parsed.expr().accept(new CodeCollector(parsed, known, used));
        return new Expression(text, parsed.expr(), Collections.unmodifiableSet(used));
    }

    /** Parses a rule: like {@link #parse} but the top must be a comparison or a logical operator. */
    public static Expression parseCondition(String text, Set<String> known) {
        Expression e = parse(text, known);
        if (!(e.root instanceof Ast.Truth)) {
            throw ExpressionException.at(text, 0, ExpressionException.Kind.TYPE, null, "a comparison",
                    "quy tắc phải so sánh các giá trị (ví dụ a <= b)", "a rule must compare values (e.g. a <= b)");
        }
        return e;
    }

    public String text() {
        return text;
    }

    /** The element codes the expression uses, in order of first appearance. */
    public Set<String> codes() {
        return codes;
    }

    /** The value with the given element values; NaN when a used element has no value (or on division by zero). */
    public double evaluate(Map<String, Double> values) {
        return root.accept(new Evaluator(values));
    }

    /** Whether every element used has a value. */
    public boolean complete(Map<String, Double> values) {
        for (String c : codes) {
            Double v = values.get(c);
            if (v == null || v.isNaN()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return text;
    }

    // ---------------------------------------------------------------- codes

    /** Collects the codes in order of first appearance and refuses a code the data set does not have. */
    private record CodeCollector(Parser.Parsed parsed, Set<String> known, Set<String> used)
            implements Ast.ExprVisitor<Void>, Ast.CondVisitor<Void> {

        public Void num(Ast.Num n) { return null; }

        public Void neg(Ast.Neg n) { return n.operand().accept(this); }

        public Void arithmetic(Ast.Arithmetic a) {
            a.first().accept(this);
            a.steps().forEach(s -> s.operand().accept(this));
            return null;
        }

        public Void count(Ast.Count c) { throw new IllegalStateException("no aggregates in validation rules"); }

        public Void sumOf(Ast.SumOf s) { throw new IllegalStateException("no aggregates in validation rules"); }

        public Void ref(Ast.Ref r) {
            if (known != null && !known.contains(r.name())) {
                throw parsed.error(parsed.position(r), ExpressionException.Kind.UNKNOWN_FIELD, r.name(), "a data element code",
                        "không có chỉ tiêu '" + r.name() + "' trong bộ dữ liệu", "unknown data element '" + r.name() + "'");
            }
            used.add(r.name());
            return null;
        }

        public Void truth(Ast.Truth t) { return t.condition().accept(this); }

        public Void or(Ast.Or o) { return all(o.operands()); }

        public Void and(Ast.And a) { return all(a.operands()); }

        public Void not(Ast.Not n) { return n.operand().accept(this); }

        public Void relation(Ast.Relation r) {
            r.left().accept(this);
            return r.right().accept(this);
        }

        public Void nonZero(Ast.NonZero n) { return n.operand().accept(this); }

        private Void all(List<Ast.Cond> operands) {
            operands.forEach(c -> c.accept(this));
            return null;
        }

        // person tests are not in the ELEMENTS grammar
        public Void test(Ast.Test t) { throw new IllegalStateException(); }

        public Void compare(Ast.Compare c) { throw new IllegalStateException(); }

        public Void between(Ast.Between b) { throw new IllegalStateException(); }

        public Void in(Ast.In i) { throw new IllegalStateException(); }

        public Void isMissing(Ast.IsMissing m) { throw new IllegalStateException(); }
    }

    // ---------------------------------------------------------------- meaning

    private static final double EPS = 1e-9;

    private static double bool(boolean b) {
        return b ? 1 : 0;
    }

    /** Every value a number; a condition 1 or 0; NaN (missing) propagates through every operator. */
    private record Evaluator(Map<String, Double> values) implements Ast.ExprVisitor<Double>, Ast.CondVisitor<Double> {

        public Double num(Ast.Num n) { return n.value(); }

        public Double neg(Ast.Neg n) { return -n.operand().accept(this); }

        public Double arithmetic(Ast.Arithmetic a) {
            double acc = a.first().accept(this);
            for (Ast.Step s : a.steps()) {
                double b = s.operand().accept(this);
                if (Double.isNaN(acc) || Double.isNaN(b)) {
                    acc = Double.NaN;
                    continue;
                }
                acc = switch (s.op()) {
                    case '+' -> acc + b;
                    case '-' -> acc - b;
                    case '*' -> acc * b;
                    default -> b == 0 ? Double.NaN : acc / b;
                };
            }
            return acc;
        }

        public Double ref(Ast.Ref r) {
            Double v = values.get(r.name());
            return v == null ? Double.NaN : v;
        }

        public Double truth(Ast.Truth t) { return t.condition().accept(this); }

        public Double nonZero(Ast.NonZero n) {
            double v = n.operand().accept(this);
            return Double.isNaN(v) ? Double.NaN : bool(v != 0);
        }

        public Double not(Ast.Not n) {
            double v = n.operand().accept(this);
            return Double.isNaN(v) ? Double.NaN : bool(v == 0);
        }

        public Double and(Ast.And a) {
            boolean all = true;
            for (Ast.Cond c : a.operands()) {
                double v = c.accept(this);
                if (Double.isNaN(v)) return Double.NaN;
                all &= v != 0;
            }
            return bool(all);
        }

        public Double or(Ast.Or o) {
            boolean any = false;
            for (Ast.Cond c : o.operands()) {
                double v = c.accept(this);
                if (Double.isNaN(v)) return Double.NaN;
                any |= v != 0;
            }
            return bool(any);
        }

        public Double relation(Ast.Relation r) {
            double a = r.left().accept(this);
            double b = r.right().accept(this);
            if (Double.isNaN(a) || Double.isNaN(b)) {
                return Double.NaN;
            }
            return switch (r.op()) {
                case LT -> bool(a < b - EPS);
                case LE -> bool(a <= b + EPS);
                case GT -> bool(a > b + EPS);
                case GE -> bool(a >= b - EPS);
                case EQ -> bool(Math.abs(a - b) <= EPS);
                case NE -> bool(Math.abs(a - b) > EPS);
            };
        }

        public Double count(Ast.Count c) { throw new IllegalStateException(); }

        public Double sumOf(Ast.SumOf s) { throw new IllegalStateException(); }

        public Double test(Ast.Test t) { throw new IllegalStateException(); }

        public Double compare(Ast.Compare c) { throw new IllegalStateException(); }

        public Double between(Ast.Between b) { throw new IllegalStateException(); }

        public Double in(Ast.In i) { throw new IllegalStateException(); }

        public Double isMissing(Ast.IsMissing m) { throw new IllegalStateException(); }
    }
}
