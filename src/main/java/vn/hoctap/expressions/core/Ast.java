package vn.hoctap.expressions.core;

import java.util.List;
import java.util.Objects;

/**
 * The syntax tree of the platform's expressions, shared by every language and back end: indicator expressions
 * ({@code count(person where …) / …}), standards criteria (a {@link Cond} over a person's fields) and reporting's
 * validation rules (arithmetic and comparisons over data-element codes: {@link Ref}, {@link Relation},
 * {@link Truth}, {@link NonZero}). Nodes are records compared by value (positions are kept out of the tree, in
 * {@link Parser.Parsed}, so {@code Parser.parse(Printer.print(ast)).equals(ast)}). Field names and value names are
 * kept as written; each language's checker resolves them (e.g. {@code standards.expression.TypeChecker}).
 *
 * <p>A back end walks a tree with {@link ExprVisitor} / {@link CondVisitor} ({@code expr.accept(visitor)}), or with
 * {@code instanceof} on the sealed interfaces.
 *
 * <p>Chains of the same operator are n-ary ({@link Arithmetic}, {@link And}, {@link Or}): {@code a and b and c}
 * is one {@code And} of three operands, {@code a and (b and c)} an {@code And} whose second operand is an
 * {@code And}.
 */
public final class Ast {

    private Ast() {}

    // ------------------------------------------------------------------ numeric level

    /** A numeric expression: the indicator itself, or a validation rule's value. */
    public sealed interface Expr permits Num, Neg, Arithmetic, AggregateCall, Ref, Truth {
        /** Calls the visitor's method for this node. */
        default <R> R accept(ExprVisitor<R> v) {
            if (this instanceof Num n) return v.num(n);
            if (this instanceof Neg n) return v.neg(n);
            if (this instanceof Arithmetic a) return v.arithmetic(a);
            if (this instanceof Count c) return v.count(c);
            if (this instanceof SumOf s) return v.sumOf(s);
            if (this instanceof Ref r) return v.ref(r);
            return v.truth((Truth) this);
        }
    }

    /** What a back end does with each kind of numeric node. */
    public interface ExprVisitor<R> {
        R num(Num n);

        R neg(Neg n);

        R arithmetic(Arithmetic a);

        R count(Count c);

        R sumOf(SumOf s);

        /** A data-element code in arithmetic (validation rules only). */
        default R ref(Ref r) { throw new UnsupportedOperationException("names are not values in this language: " + r.name()); }

        /** A condition used as a number, 1 or 0 (validation rules only). */
        default R truth(Truth t) { throw new UnsupportedOperationException("conditions are not numbers in this language"); }
    }

    /** What a back end does with each kind of condition. */
    public interface CondVisitor<R> {
        R or(Or o);

        R and(And a);

        R not(Not n);

        R test(Test t);

        R compare(Compare c);

        R between(Between b);

        R in(In i);

        R isMissing(IsMissing m);

        /** A comparison of two numeric expressions (validation rules only). */
        default R relation(Relation r) { throw new UnsupportedOperationException("comparisons of expressions are not in this language"); }

        /** A number used as a condition: true when not 0 (validation rules only). */
        default R nonZero(NonZero n) { throw new UnsupportedOperationException("numbers are not conditions in this language"); }
    }

    /** A name used as a value in arithmetic: a data-element code of a validation rule (never in indicators). */
    public record Ref(String name) implements Expr {
        public Ref { Objects.requireNonNull(name); }
    }

    /** A condition used as a number: 1 when it holds, 0 when not (validation rules). */
    public record Truth(Cond condition) implements Expr {
        public Truth { Objects.requireNonNull(condition); }
    }

    /** An aggregate over the persons: {@link Count} or {@link SumOf}. */
    public sealed interface AggregateCall extends Expr permits Count, SumOf {
        /** The condition, or null for all persons. */
        Cond where();
    }

    /** A non-negative finite number literal ({@code -2} is {@code Neg(Num(2))}). */
    public record Num(double value) implements Expr {
        public Num {
            if (!Double.isFinite(value) || value < 0) throw new IllegalArgumentException("number literal must be finite and >= 0: " + value);
            if (value == 0) value = 0.0; // no -0.0
        }
    }

    /** Unary minus. */
    public record Neg(Expr operand) implements Expr {
        public Neg { Objects.requireNonNull(operand); }
    }

    /** One operator and its right operand in an {@link Arithmetic} chain. */
    public record Step(char op, Expr operand) {
        public Step {
            if ("+-*/".indexOf(op) < 0) throw new IllegalArgumentException("operator: " + op);
            Objects.requireNonNull(operand);
        }
    }

    /**
     * A left-associative chain {@code first op1 e1 op2 e2 …} whose operators are all additive ({@code + -})
     * or all multiplicative ({@code * /}).
     */
    public record Arithmetic(Expr first, List<Step> steps) implements Expr {
        public Arithmetic {
            Objects.requireNonNull(first);
            steps = List.copyOf(steps);
            if (steps.isEmpty()) throw new IllegalArgumentException("a chain needs at least one operator");
            boolean mul = isMul(steps.get(0).op());
            for (Step s : steps) {
                if (isMul(s.op()) != mul) throw new IllegalArgumentException("mixed precedence in one chain");
            }
        }

        public boolean multiplicative() { return isMul(steps.get(0).op()); }

        private static boolean isMul(char op) { return op == '*' || op == '/'; }
    }

    /** {@code count(person)} or {@code count(person where C)}. */
    public record Count(Cond where) implements AggregateCall {}

    /** {@code sum(person.field)} or {@code sum(person.field where C)}; missing values add nothing. */
    public record SumOf(String field, Cond where) implements AggregateCall {
        public SumOf { Objects.requireNonNull(field); }
    }

    // ------------------------------------------------------------------ conditions

    /** A condition: on one person (indicators, criteria) or on a form's values (validation rules). */
    public sealed interface Cond permits Or, And, Not, Test, Compare, Between, In, IsMissing, Relation, NonZero {
        /** Calls the visitor's method for this node. */
        default <R> R accept(CondVisitor<R> v) {
            if (this instanceof Or o) return v.or(o);
            if (this instanceof And a) return v.and(a);
            if (this instanceof Not n) return v.not(n);
            if (this instanceof Test t) return v.test(t);
            if (this instanceof Compare c) return v.compare(c);
            if (this instanceof Between b) return v.between(b);
            if (this instanceof In i) return v.in(i);
            if (this instanceof IsMissing m) return v.isMissing(m);
            if (this instanceof Relation r) return v.relation(r);
            return v.nonZero((NonZero) this);
        }
    }

    /** {@code left op right} over two numeric expressions (validation rules: {@code a <= b + c}). */
    public record Relation(Expr left, CompareOp op, Expr right) implements Cond {
        public Relation {
            Objects.requireNonNull(left);
            Objects.requireNonNull(op);
            Objects.requireNonNull(right);
        }
    }

    /** A numeric expression used as a condition: true when it is not 0 (a yes/no data element reads 1 or 0). */
    public record NonZero(Expr operand) implements Cond {
        public NonZero { Objects.requireNonNull(operand); }
    }

    public record Or(List<Cond> operands) implements Cond {
        public Or {
            operands = List.copyOf(operands);
            if (operands.size() < 2) throw new IllegalArgumentException("or needs two operands");
        }
    }

    public record And(List<Cond> operands) implements Cond {
        public And {
            operands = List.copyOf(operands);
            if (operands.size() < 2) throw new IllegalArgumentException("and needs two operands");
        }
    }

    public record Not(Cond operand) implements Cond {
        public Not { Objects.requireNonNull(operand); }
    }

    /** A bare boolean field: true when the field is true (false when false or missing). */
    public record Test(String field) implements Cond {
        public Test { Objects.requireNonNull(field); }
    }

    /** {@code field op value}. */
    public record Compare(String field, CompareOp op, Value value) implements Cond {
        public Compare {
            Objects.requireNonNull(field);
            Objects.requireNonNull(op);
            Objects.requireNonNull(value);
        }
    }

    /** {@code field between low and high}, inclusive. */
    public record Between(String field, Value low, Value high) implements Cond {
        public Between {
            Objects.requireNonNull(field);
            Objects.requireNonNull(low);
            Objects.requireNonNull(high);
        }
    }

    /** {@code field in (v1, v2, …)}. */
    public record In(String field, List<Value> values) implements Cond {
        public In {
            Objects.requireNonNull(field);
            values = List.copyOf(values);
            if (values.isEmpty()) throw new IllegalArgumentException("in needs a value");
        }
    }

    /** {@code field is missing} ({@code negated = false}) or {@code field is not missing}. */
    public record IsMissing(String field, boolean negated) implements Cond {
        public IsMissing { Objects.requireNonNull(field); }
    }

    public enum CompareOp {
        EQ("="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">=");

        private final String symbol;

        CompareOp(String symbol) { this.symbol = symbol; }

        public String symbol() { return symbol; }

        /** Whether the operator needs an order ({@code < <= > >=}). */
        public boolean ordering() { return this != EQ && this != NE; }

        /** Applies the operator to the result of a three-way comparison. */
        public boolean holds(int cmp) {
            switch (this) {
                case EQ: return cmp == 0;
                case NE: return cmp != 0;
                case LT: return cmp < 0;
                case LE: return cmp <= 0;
                case GT: return cmp > 0;
                default: return cmp >= 0;
            }
        }
    }

    // ------------------------------------------------------------------ values

    /** A literal on the right of a comparison. */
    public sealed interface Value permits IntValue, YearValue, BoolValue, NameValue, TextValue {}

    /** A whole number, e.g. {@code 15} or {@code -1}. */
    public record IntValue(long value) implements Value {}

    /** The data year plus an offset: {@code year}, {@code year - 1}, {@code year + 2}. */
    public record YearValue(int offset) implements Value {}

    public record BoolValue(boolean value) implements Value {}

    /** A value name of an enumeration, as written (e.g. {@code university}, {@code M}). */
    public record NameValue(String name) implements Value {
        public NameValue { Objects.requireNonNull(name); }
    }

    /** A double-quoted text, e.g. {@code "Kinh"}. */
    public record TextValue(String text) implements Value {
        public TextValue { Objects.requireNonNull(text); }
    }
}
