package vn.hoctap.standards.expression;

import java.util.List;
import java.util.Objects;

/**
 * The syntax tree of an indicator expression. Nodes are records compared by value (positions are kept
 * out of the tree, so {@code Parser.parse(Printer.print(ast)).equals(ast)}). Field names and value names are
 * kept as written; the {@link TypeChecker} resolves them.
 *
 * <p>Chains of the same operator are n-ary ({@link Arithmetic}, {@link And}, {@link Or}): {@code a and b and c}
 * is one {@code And} of three operands, {@code a and (b and c)} an {@code And} whose second operand is an
 * {@code And}.
 */
public final class Ast {

    private Ast() {}

    // ------------------------------------------------------------------ numeric level

    /** A numeric expression: the indicator itself. */
    public sealed interface Expr permits Num, Neg, Arithmetic, AggregateCall {}

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

    /** A condition on one person. */
    public sealed interface Cond permits Or, And, Not, Test, Compare, Between, In, IsMissing {}

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
