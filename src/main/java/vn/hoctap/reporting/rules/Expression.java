package vn.hoctap.reporting.rules;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Biểu thức kiểm tra (validation-rule and indicator expressions over data-element codes), as in DHIS2's
 * "left side operator right side" rules, e.g. {@code it_security_trained <= it_security_staff}. A small
 * pure parser and evaluator:
 *
 * <pre>
 * expr    := or
 * or      := and ('or' and)*
 * and     := not ('and' not)*
 * not     := 'not' not | compare
 * compare := sum (('&lt;' | '&lt;=' | '&gt;' | '&gt;=' | '==' | '=' | '!=') sum)?
 * sum     := product (('+' | '-') product)*
 * product := unary (('*' | '/') unary)*
 * unary   := '-' unary | primary
 * primary := number | element-code | '(' expr ')'
 * </pre>
 *
 * Every value is a number; a comparison or logical operator gives 1 (true) or 0 (false), and a yes/no
 * element is 1 or 0, so {@code public * national_standard} counts public schools at the standard.
 * Evaluation with an element that has no value gives {@link Double#NaN} ("missing"): a rule over a
 * missing value is skipped, as DHIS2's default missing-value strategy does. Division by zero is missing too.
 */
public final class Expression {

    private final String text;
    private final Node root;
    private final Set<String> codes;

    private Expression(String text, Node root, Set<String> codes) {
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
        if (text == null || text.isBlank()) {
            throw new ExpressionException("the expression is empty", 0);
        }
        Parser p = new Parser(text, known);
        Node n = p.or();
        p.skipSpace();
        if (p.pos < text.length()) {
            throw new ExpressionException("unexpected '" + text.charAt(p.pos) + "'", p.pos);
        }
        return new Expression(text, n, Collections.unmodifiableSet(p.used));
    }

    /** Parses a rule: like {@link #parse} but the top must be a comparison or a logical operator. */
    public static Expression parseCondition(String text, Set<String> known) {
        Expression e = parse(text, known);
        if (!e.root.isCondition()) {
            throw new ExpressionException("a rule must compare values (e.g. a <= b)", 0);
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
        return root.eval(values);
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

    // ---------------------------------------------------------------- tree

    private interface Node {
        double eval(Map<String, Double> values);

        default boolean isCondition() {
            return false;
        }
    }

    private record Num(double value) implements Node {
        public double eval(Map<String, Double> values) {
            return value;
        }
    }

    private record Ref(String code) implements Node {
        public double eval(Map<String, Double> values) {
            Double v = values.get(code);
            return v == null ? Double.NaN : v;
        }
    }

    private record Neg(Node inner) implements Node {
        public double eval(Map<String, Double> values) {
            return -inner.eval(values);
        }
    }

    private record Not(Node inner) implements Node {
        public double eval(Map<String, Double> values) {
            double v = inner.eval(values);
            return Double.isNaN(v) ? Double.NaN : (v != 0 ? 0 : 1);
        }

        public boolean isCondition() {
            return true;
        }
    }

    private record Binary(String op, Node left, Node right) implements Node {
        public double eval(Map<String, Double> values) {
            double a = left.eval(values);
            double b = right.eval(values);
            if (Double.isNaN(a) || Double.isNaN(b)) {
                return Double.NaN;
            }
            return switch (op) {
                case "+" -> a + b;
                case "-" -> a - b;
                case "*" -> a * b;
                case "/" -> b == 0 ? Double.NaN : a / b;
                case "<" -> bool(a < b - EPS);
                case "<=" -> bool(a <= b + EPS);
                case ">" -> bool(a > b + EPS);
                case ">=" -> bool(a >= b - EPS);
                case "==", "=" -> bool(Math.abs(a - b) <= EPS);
                case "!=" -> bool(Math.abs(a - b) > EPS);
                case "and" -> bool(a != 0 && b != 0);
                case "or" -> bool(a != 0 || b != 0);
                default -> throw new IllegalStateException(op);
            };
        }

        public boolean isCondition() {
            return !(op.equals("+") || op.equals("-") || op.equals("*") || op.equals("/"));
        }
    }

    private static final double EPS = 1e-9;

    private static double bool(boolean b) {
        return b ? 1 : 0;
    }

    // ---------------------------------------------------------------- parser

    private static final class Parser {
        final String s;
        final Set<String> known;
        final Set<String> used = new LinkedHashSet<>();
        int pos;

        Parser(String s, Set<String> known) {
            this.s = s;
            this.known = known;
        }

        void skipSpace() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        boolean word(String w) {
            skipSpace();
            int end = pos + w.length();
            if (s.startsWith(w, pos) && (end >= s.length() || !identPart(s.charAt(end)))) {
                pos = end;
                return true;
            }
            return false;
        }

        boolean symbol(String sym) {
            skipSpace();
            if (s.startsWith(sym, pos)) {
                pos += sym.length();
                return true;
            }
            return false;
        }

        Node or() {
            Node n = and();
            while (true) {
                int at = pos;
                if (word("or") || symbol("||")) {
                    n = new Binary("or", n, operand(at, this::and));
                } else {
                    return n;
                }
            }
        }

        Node and() {
            Node n = not();
            while (true) {
                int at = pos;
                if (word("and") || symbol("&&")) {
                    n = new Binary("and", n, operand(at, this::not));
                } else {
                    return n;
                }
            }
        }

        Node not() {
            int at = pos;
            if (word("not")) {
                return new Not(operand(at, this::not));
            }
            return compare();
        }

        Node compare() {
            Node left = sum();
            skipSpace();
            int at = pos;
            for (String op : List.of("<=", ">=", "==", "!=", "<", ">", "=")) {
                if (symbol(op)) {
                    Node right = operand(at, this::sum);
                    skipSpace();
                    for (String again : List.of("<", ">", "=", "!")) {
                        if (s.startsWith(again, pos)) {
                            throw new ExpressionException("comparisons cannot be chained; use 'and'", pos);
                        }
                    }
                    return new Binary(op, left, right);
                }
            }
            return left;
        }

        Node sum() {
            Node n = product();
            while (true) {
                int at = pos;
                if (symbol("+")) {
                    n = new Binary("+", n, operand(at, this::product));
                } else if (symbol("-")) {
                    n = new Binary("-", n, operand(at, this::product));
                } else {
                    return n;
                }
            }
        }

        Node product() {
            Node n = unary();
            while (true) {
                int at = pos;
                if (symbol("*")) {
                    n = new Binary("*", n, operand(at, this::unary));
                } else if (symbol("/")) {
                    n = new Binary("/", n, operand(at, this::unary));
                } else {
                    return n;
                }
            }
        }

        Node unary() {
            int at = pos;
            if (symbol("-")) {
                return new Neg(operand(at, this::unary));
            }
            return primary();
        }

        /** Parses what must follow an operator at {@code opAt}; a missing operand is reported where it is missing. */
        Node operand(int opAt, java.util.function.Supplier<Node> next) {
            skipSpace();
            if (pos >= s.length()) {
                throw new ExpressionException("a value is missing after the operator", pos);
            }
            return next.get();
        }

        Node primary() {
            skipSpace();
            if (pos >= s.length()) {
                throw new ExpressionException("a value is missing at the end", pos);
            }
            char c = s.charAt(pos);
            int start = pos;
            if (c == '(') {
                pos++;
                Node n = or();
                skipSpace();
                if (pos >= s.length() || s.charAt(pos) != ')') {
                    throw new ExpressionException("')' is missing for the '(' at character " + (start + 1), pos);
                }
                pos++;
                return n;
            }
            if (Character.isDigit(c) || c == '.') {
                while (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '.')) {
                    pos++;
                }
                String num = s.substring(start, pos);
                try {
                    return new Num(Double.parseDouble(num));
                } catch (NumberFormatException e) {
                    throw new ExpressionException("'" + num + "' is not a number", start);
                }
            }
            if (identStart(c)) {
                while (pos < s.length() && identPart(s.charAt(pos))) {
                    pos++;
                }
                String code = s.substring(start, pos);
                if (List.of("and", "or", "not").contains(code)) {
                    throw new ExpressionException("a value is expected before '" + code + "'", start);
                }
                if (known != null && !known.contains(code)) {
                    throw new ExpressionException("unknown data element '" + code + "'", start);
                }
                used.add(code);
                return new Ref(code);
            }
            throw new ExpressionException("unexpected '" + c + "'", pos);
        }

        static boolean identStart(char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
        }

        static boolean identPart(char c) {
            return identStart(c) || Character.isDigit(c);
        }
    }
}
