package vn.hoctap.expressions.core;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import vn.hoctap.expressions.core.Lexer.T;
import vn.hoctap.expressions.core.Lexer.Token;

/**
 * The one recursive-descent parser of the platform's expression languages (grammar in
 * docs/indicator-expressions.md and docs/expressions.md). It checks syntax only; each language checks names and
 * types with its own vocabulary (indicators: {@code standards.expression.TypeChecker}; validation rules: the data
 * elements of the set).
 *
 * <ul>
 *   <li>{@link #parseTree(String, Predicate)}: an indicator expression, arithmetic over {@code count(person …)}
 *       and {@code sum(person.f …)} (language {@link Language#PERSONS});</li>
 *   <li>{@link #parseConditionTree(String, Predicate)}: one condition on a person, e.g. a standards criterion
 *       {@code age between 15 and 35 and not exempt} (language {@link Language#PERSONS});</li>
 *   <li>{@link #parseElements(String)}: a validation rule or a reported indicator's side, arithmetic and
 *       comparisons over data-element codes (language {@link Language#ELEMENTS}).</li>
 * </ul>
 *
 * Both languages share the lexer, the operators ({@code + - * /}, {@code = == != < <= > >=}, {@code and or not}
 * and {@code && ||}, {@code between … and …}, {@code in (…)}), the precedence (loosest first: {@code or},
 * {@code and}, {@code not}, one comparison, {@code + -}, {@code * /}, unary {@code -}), the nesting limit and the
 * located, bilingual {@link ExpressionException}.
 */
public final class Parser {

    /** The two grammars over the shared tokens. */
    public enum Language {
        /**
         * Conditions on one person of the register: {@code field op value} tests, aggregates {@code count(person …)}
         * and {@code sum(person.f …)}. Indicators and standards criteria.
         */
        PERSONS(Set.of("count", "sum", "person", "where", "and", "or", "not", "between", "in", "is", "missing",
                "true", "false", "year")),
        /**
         * Numbers and data-element codes with arithmetic, comparisons and logic, every value a number (a condition is
         * 1 or 0). Reporting's validation rules and reported indicators.
         */
        ELEMENTS(Set.of("and", "or", "not", "between", "in"));

        private final Set<String> keywords;

        Language(Set<String> keywords) { this.keywords = keywords; }

        /** The reserved words: they cannot be field or element names. */
        public Set<String> keywords() { return keywords; }
    }

    /**
     * Maximum nesting: the number of parentheses, {@code not}s and unary minuses open at any point (the
     * parentheses of {@code count(…)} / {@code sum(…)} do not count). Deeper input is an error of kind
     * {@link ExpressionException.Kind#TOO_DEEP}.
     */
    public static final int MAX_NESTING = 200;

    /** Largest |offset| in {@code year ± n}. */
    static final int MAX_YEAR_OFFSET = 9999;

    /**
     * The parse result with the positions of the nodes (side tables keyed by node identity): {@code expr} for an
     * expression, {@code cond} for a condition (the other is null). {@code pos} holds where a node starts,
     * {@code opPos} where its operator (or a {@code sum}'s field) is.
     */
    public record Parsed(String source, Ast.Expr expr, Ast.Cond cond, Map<Object, Integer> pos, Map<Object, Integer> opPos) {

        /** Where {@code node} starts (0-based character offset), or 0 when unknown. */
        public int position(Object node) {
            Integer p = pos.get(node);
            return p == null ? 0 : p;
        }

        /** Where the operator of {@code node} is, or where it starts when it has none. */
        public int operatorPosition(Object node) {
            Integer p = opPos.get(node);
            return p == null ? position(node) : p;
        }

        /** An error at {@code position} of this source. */
        public ExpressionException error(int position, ExpressionException.Kind kind, String found, String expected,
                                         String messageVi, String messageEn) {
            return ExpressionException.at(source, position, kind, found, expected, messageVi, messageEn);
        }
    }

    private final String src;
    private final Language language;
    private final Predicate<String> isField;
    private final List<Token> toks;
    private int k;
    private int nesting;
    private boolean conditionTop;
    private final Map<Object, Integer> pos = new IdentityHashMap<>();
    private final Map<Object, Integer> opPos = new IdentityHashMap<>();

    private Parser(String src, Language language, Predicate<String> isField) {
        this.src = src;
        this.language = language;
        this.isField = isField == null ? n -> false : isField;
        this.toks = Lexer.tokens(src);
    }

    /** Parses an indicator expression (syntax only). */
    public static Ast.Expr parse(String source) {
        return parseTree(source, null).expr();
    }

    /** Parses one condition on a person (syntax only), e.g. a standards criterion. */
    public static Ast.Cond parseCondition(String source) {
        return parseConditionTree(source, null).cond();
    }

    /**
     * Parses an indicator expression; {@code isField} (may be null) tells which names are fields, for the hint
     * "fields are used in conditions" when one is written in arithmetic.
     */
    public static Parsed parseTree(String source, Predicate<String> isField) {
        if (source == null) throw new NullPointerException("expression");
        Parser p = new Parser(source, Language.PERSONS, isField);
        Ast.Expr e = p.additive();
        if (!p.peek().is(T.EOF)) {
            throw p.syntax(p.peek(), "một phép toán (+, -, *, /) hoặc hết biểu thức",
                    "an operator (+, -, *, /) or end of expression");
        }
        return new Parsed(source, e, null, p.pos, p.opPos);
    }

    /** Parses one condition on a person: {@code or}-level, with field tests as atoms (a bare field may end it). */
    public static Parsed parseConditionTree(String source, Predicate<String> isField) {
        if (source == null) throw new NullPointerException("expression");
        Parser p = new Parser(source, Language.PERSONS, isField);
        p.conditionTop = true;
        Ast.Cond c = p.or();
        if (!p.peek().is(T.EOF)) {
            throw p.syntax(p.peek(), "'and', 'or' hoặc hết điều kiện", "'and', 'or' or end of condition");
        }
        return new Parsed(source, null, c, p.pos, p.opPos);
    }

    /**
     * Parses a validation rule or a reported indicator's side over data-element codes (language
     * {@link Language#ELEMENTS}). The result is an {@code Expr}: a condition at the top is a {@link Ast.Truth}.
     * Which codes exist is the caller's check (the {@link Ast.Ref}s with their positions).
     */
    public static Parsed parseElements(String source) {
        if (source == null) throw new NullPointerException("expression");
        if (source.isBlank()) {
            throw ExpressionException.at(source, 0, ExpressionException.Kind.SYNTAX, "end of expression", "a value",
                    "biểu thức trống", "the expression is empty");
        }
        Parser p = new Parser(source, Language.ELEMENTS, null);
        Ast.Cond c = p.or();
        if (!p.peek().is(T.EOF)) {
            throw p.syntax(p.peek(), "một phép toán (+, -, *, /, so sánh, and, or) hoặc hết biểu thức",
                    "an operator (+, -, *, /, a comparison, and, or) or end of expression");
        }
        Ast.Expr e = p.asNumber(c);
        return new Parsed(source, e, null, p.pos, p.opPos);
    }

    // ------------------------------------------------------------------ arithmetic

    private Ast.Expr additive() {
        Ast.Expr first = multiplicative();
        List<Ast.Step> steps = new ArrayList<>();
        while (peek().is(T.PLUS) || peek().is(T.MINUS)) {
            char op = next().text().charAt(0);
            steps.add(new Ast.Step(op, multiplicative()));
        }
        return steps.isEmpty() ? first : at(new Ast.Arithmetic(first, steps), first);
    }

    private Ast.Expr multiplicative() {
        Ast.Expr first = unary();
        List<Ast.Step> steps = new ArrayList<>();
        while (peek().is(T.STAR) || peek().is(T.SLASH)) {
            char op = next().text().charAt(0);
            steps.add(new Ast.Step(op, unary()));
        }
        return steps.isEmpty() ? first : at(new Ast.Arithmetic(first, steps), first);
    }

    private Ast.Expr unary() {
        Token t = peek();
        if (t.is(T.MINUS)) {
            next();
            enter(t);
            Ast.Expr e = new Ast.Neg(unary());
            nesting--;
            pos.put(e, t.pos());
            return e;
        }
        return primary();
    }

    private Ast.Expr primary() {
        if (language == Language.ELEMENTS) return elementPrimary();
        Token t = peek();
        if (t.is(T.INT) || t.is(T.DECIMAL)) {
            return number(t);
        }
        if (t.is(T.LPAREN)) {
            next();
            enter(t);
            Ast.Expr e = additive();
            expect(T.RPAREN, "')'", "')'");
            nesting--;
            return e;
        }
        if (t.isKeyword("count")) {
            next();
            expect(T.LPAREN, "'(' sau count", "'(' after count");
            expectKeyword("person");
            Ast.Cond where = optionalWhere();
            expect(T.RPAREN, "')'" + (where == null ? " hoặc 'where'" : ", 'and' hoặc 'or'"),
                    "')'" + (where == null ? " or 'where'" : ", 'and' or 'or'"));
            Ast.Expr e = new Ast.Count(where);
            pos.put(e, t.pos());
            return e;
        }
        if (t.isKeyword("sum")) {
            next();
            expect(T.LPAREN, "'(' sau sum", "'(' after sum");
            expectKeyword("person");
            expect(T.DOT, "'.' rồi tên trường số, ví dụ sum(person.grade)", "'.' and a numeric field, e.g. sum(person.grade)");
            Token f = peek();
            if (!f.is(T.IDENT) || language.keywords().contains(f.text())) {
                throw syntax(f, "tên trường", "a field name");
            }
            next();
            Ast.Cond where = optionalWhere();
            expect(T.RPAREN, "')'" + (where == null ? " hoặc 'where'" : ", 'and' hoặc 'or'"),
                    "')'" + (where == null ? " or 'where'" : ", 'and' or 'or'"));
            Ast.Expr e = new Ast.SumOf(f.text(), where);
            pos.put(e, t.pos());
            opPos.put(e, f.pos());
            return e;
        }
        String vi = "một số, count(…), sum(…) hoặc '('";
        String en = "a number, count(…), sum(…) or '('";
        if (t.is(T.IDENT) && isField.test(t.text())) {
            throw error(t, ExpressionException.Kind.SYNTAX, en,
                    "cần " + vi + " nhưng gặp " + t.shownVi() + " (trường chỉ dùng trong điều kiện, ví dụ count(person where "
                            + t.text() + " …))",
                    "expected " + en + " but found " + t.shownEn() + " (fields are used in conditions, e.g. count(person where "
                            + t.text() + " …))");
        }
        throw syntax(t, vi, en);
    }

    private Ast.Cond optionalWhere() {
        if (peek().isKeyword("where")) {
            next();
            return or();
        }
        return null;
    }

    // ------------------------------------------------------------------ conditions

    private Ast.Cond or() {
        return chain("or", this::and, Ast.Or::new);
    }

    private Ast.Cond and() {
        return chain("and", this::not, Ast.And::new);
    }

    /** {@code operand { keyword operand }}: one operand alone, or the n-ary node of all (flat chains are not nesting). */
    private Ast.Cond chain(String keyword, java.util.function.Supplier<Ast.Cond> operand,
                           java.util.function.Function<List<Ast.Cond>, Ast.Cond> node) {
        Ast.Cond first = operand.get();
        if (!peek().isKeyword(keyword)) return first;
        List<Ast.Cond> ops = new ArrayList<>();
        ops.add(first);
        while (peek().isKeyword(keyword)) {
            next();
            ops.add(operand.get());
        }
        return at(node.apply(ops), first);
    }

    private Ast.Cond not() {
        Token t = peek();
        if (t.isKeyword("not")) {
            next();
            enter(t);
            Ast.Cond c = new Ast.Not(not());
            nesting--;
            pos.put(c, t.pos());
            return c;
        }
        return language == Language.ELEMENTS ? relation() : atom();
    }

    private Ast.Cond atom() {
        Token t = peek();
        if (t.is(T.LPAREN)) {
            next();
            enter(t);
            Ast.Cond c = or();
            expect(T.RPAREN, "')', 'and' hoặc 'or'", "')', 'and' or 'or'");
            nesting--;
            return c;
        }
        if (!t.is(T.IDENT) || language.keywords().contains(t.text())) {
            throw syntax(t, "tên trường, 'not' hoặc '('", "a field name, 'not' or '('");
        }
        next();
        String field = t.text();
        Token op = peek();
        Ast.Cond c;
        if (op.isComparison()) {
            next();
            c = new Ast.Compare(field, compareOp(op), value());
        } else if (op.isKeyword("between")) {
            next();
            Ast.Value lo = value();
            expectKeyword("and");
            Ast.Value hi = value();
            c = new Ast.Between(field, lo, hi);
        } else if (op.isKeyword("in")) {
            next();
            expect(T.LPAREN, "'(' sau in", "'(' after in");
            List<Ast.Value> vs = new ArrayList<>();
            vs.add(value());
            while (peek().is(T.COMMA)) {
                next();
                vs.add(value());
            }
            expect(T.RPAREN, "',' hoặc ')'", "',' or ')'");
            c = new Ast.In(field, vs);
        } else if (op.isKeyword("is")) {
            next();
            boolean negated = false;
            if (peek().isKeyword("not")) {
                next();
                negated = true;
            }
            expectKeyword("missing");
            c = new Ast.IsMissing(field, negated);
        } else if (op.isKeyword("and") || op.isKeyword("or") || op.is(T.RPAREN) || (conditionTop && op.is(T.EOF))) {
            c = new Ast.Test(field);
        } else {
            throw syntax(op, "phép so sánh (=, !=, <, <=, >, >=), 'between', 'in', 'is', 'and', 'or' hoặc ')'",
                    "a comparison (=, !=, <, <=, >, >=), 'between', 'in', 'is', 'and', 'or' or ')'");
        }
        pos.put(c, t.pos());
        opPos.put(c, op.pos());
        return c;
    }

    private static Ast.CompareOp compareOp(Token t) {
        switch (t.type()) {
            case EQ: return Ast.CompareOp.EQ;
            case NE: return Ast.CompareOp.NE;
            case LT: return Ast.CompareOp.LT;
            case LE: return Ast.CompareOp.LE;
            case GT: return Ast.CompareOp.GT;
            default: return Ast.CompareOp.GE;
        }
    }

    private Ast.Value value() {
        Token t = peek();
        Ast.Value v;
        if (t.is(T.MINUS) && peek(1).is(T.INT)) {
            next();
            v = new Ast.IntValue(-wholeNumber(next(), t));
        } else if (t.is(T.INT)) {
            v = new Ast.IntValue(wholeNumber(next(), t));
        } else if (t.is(T.DECIMAL) || (t.is(T.MINUS) && peek(1).is(T.DECIMAL))) {
            throw error(t, ExpressionException.Kind.TYPE, "a whole number",
                    "các trường chứa số nguyên; " + (t.is(T.MINUS) ? "-" + peek(1).text() : t.text()) + " không phải số nguyên",
                    "fields hold whole numbers; " + (t.is(T.MINUS) ? "-" + peek(1).text() : t.text()) + " is not a whole number");
        } else if (t.isKeyword("year")) {
            next();
            int offset = 0;
            if ((peek().is(T.PLUS) || peek().is(T.MINUS)) && peek(1).is(T.INT)) {
                boolean minus = next().is(T.MINUS);
                Token n = next();
                long o = wholeNumber(n, n);
                if (o > MAX_YEAR_OFFSET) {
                    throw error(n, ExpressionException.Kind.SYNTAX, "at most " + MAX_YEAR_OFFSET,
                            "độ lệch năm tối đa " + MAX_YEAR_OFFSET, "a year offset is at most " + MAX_YEAR_OFFSET);
                }
                offset = (int) (minus ? -o : o);
            }
            v = new Ast.YearValue(offset);
        } else if (t.isKeyword("true") || t.isKeyword("false")) {
            next();
            v = new Ast.BoolValue(t.text().equals("true"));
        } else if (t.is(T.IDENT) && !language.keywords().contains(t.text())) {
            next();
            v = new Ast.NameValue(t.text());
        } else if (t.is(T.STRING)) {
            next();
            v = new Ast.TextValue(t.value());
        } else {
            throw syntax(t, "một giá trị (số nguyên, year, true, false, tên giá trị hoặc \"văn bản\")",
                    "a value (whole number, year, true, false, a value name or \"text\")");
        }
        pos.put(v, t.pos());
        return v;
    }

    private long wholeNumber(Token n, Token at) {
        try {
            return Long.parseLong(n.text());
        } catch (NumberFormatException e) {
            throw error(at, ExpressionException.Kind.LEXICAL, null, "số nguyên quá lớn: " + n.text(),
                    "whole number too large: " + n.text());
        }
    }

    // ------------------------------------------------------------------ data elements (validation rules)

    /**
     * {@code additive [ compare_op additive | between additive and additive | in ( additive {, additive} ) ]};
     * without a comparison the number is a condition when not 0. Comparisons do not chain.
     */
    private Ast.Cond relation() {
        Ast.Expr left = additive();
        Token op = peek();
        Ast.Cond c;
        if (op.isComparison()) {
            next();
            Ast.Expr right = additive();
            c = relationAt(left, compareOp(op), right, op);
            if (peek().isComparison()) {
                Token again = peek();
                throw error(again, ExpressionException.Kind.SYNTAX, "'and'",
                        "không so sánh nối tiếp (a < b < c); hãy dùng 'and' (a < b and b < c)",
                        "comparisons cannot be chained (a < b < c); use 'and' (a < b and b < c)");
            }
        } else if (op.isKeyword("between")) {
            next();
            Ast.Expr lo = additive();
            expectKeyword("and");
            Ast.Expr hi = additive();
            c = at(new Ast.And(List.of(relationAt(left, Ast.CompareOp.GE, lo, op), relationAt(left, Ast.CompareOp.LE, hi, op))), left);
            opPos.put(c, op.pos());
        } else if (op.isKeyword("in")) {
            next();
            expect(T.LPAREN, "'(' sau in", "'(' after in");
            List<Ast.Cond> alternatives = new ArrayList<>();
            alternatives.add(relationAt(left, Ast.CompareOp.EQ, additive(), op));
            while (peek().is(T.COMMA)) {
                next();
                alternatives.add(relationAt(left, Ast.CompareOp.EQ, additive(), op));
            }
            expect(T.RPAREN, "',' hoặc ')'", "',' or ')'");
            c = alternatives.size() == 1 ? alternatives.get(0) : at(new Ast.Or(alternatives), left);
            opPos.put(c, op.pos());
        } else if (left instanceof Ast.Truth) {
            return ((Ast.Truth) left).condition();
        } else {
            c = at(new Ast.NonZero(left), left);
        }
        return c;
    }

    private Ast.Cond relationAt(Ast.Expr left, Ast.CompareOp op, Ast.Expr right, Token opToken) {
        Ast.Cond r = at(new Ast.Relation(left, op, right), left);
        opPos.put(r, opToken.pos());
        return r;
    }

    /** A condition where a number is wanted: the number itself for {@code NonZero(e)}, else 1 or 0. */
    private Ast.Expr asNumber(Ast.Cond c) {
        if (c instanceof Ast.NonZero) return ((Ast.NonZero) c).operand();
        return at(new Ast.Truth(c), c);
    }

    /** A number literal (the token {@code t}, not yet consumed), refused when it does not fit a double. */
    private Ast.Expr number(Token t) {
        next();
        double d = Double.parseDouble(t.text());
        if (Double.isInfinite(d)) {
            throw error(t, ExpressionException.Kind.LEXICAL, null, "số quá lớn", "number too large");
        }
        Ast.Expr e = new Ast.Num(d);
        pos.put(e, t.pos());
        return e;
    }

    /** {@code number | code | ( condition )}; the messages name what is missing where the author looks for it. */
    private Ast.Expr elementPrimary() {
        Token t = peek();
        if (t.is(T.INT) || t.is(T.DECIMAL)) {
            return number(t);
        }
        if (t.is(T.LPAREN)) {
            next();
            enter(t);
            Ast.Cond c = or();
            if (!peek().is(T.RPAREN)) {
                Token f = peek();
                throw error(f, ExpressionException.Kind.SYNTAX, "')'",
                        "thiếu ')' cho '(' ở ký tự " + (t.pos() + 1) + " (gặp " + f.shownVi() + ")",
                        "')' is missing for the '(' at character " + (t.pos() + 1) + " (found " + f.shownEn() + ")");
            }
            next();
            nesting--;
            Ast.Expr e = asNumber(c);
            pos.put(e, t.pos());
            return e;
        }
        if (t.is(T.IDENT) && !language.keywords().contains(t.text())) {
            next();
            Ast.Expr e = new Ast.Ref(t.text());
            pos.put(e, t.pos());
            return e;
        }
        if (t.is(T.EOF)) {
            throw error(t, ExpressionException.Kind.SYNTAX, "a value",
                    "thiếu một giá trị ở cuối biểu thức", "a value is missing at the end of the expression");
        }
        if (t.is(T.IDENT) || t.is(T.AND) || t.is(T.OR)) {
            throw error(t, ExpressionException.Kind.SYNTAX, "a value",
                    "cần một giá trị trước " + t.shownVi(), "a value is expected before " + t.shownEn());
        }
        throw syntax(t, "một giá trị (số, mã chỉ tiêu hoặc '(')", "a value (a number, a data element code or '(')");
    }

    // ------------------------------------------------------------------ helpers

    private <N> N at(N node, Object first) {
        Integer p = pos.get(first);
        if (p != null) pos.put(node, p);
        return node;
    }

    private void enter(Token t) {
        if (++nesting > MAX_NESTING) {
            throw error(t, ExpressionException.Kind.TOO_DEEP, null,
                    "lồng quá sâu: tối đa " + MAX_NESTING + " mức ngoặc, 'not' và dấu trừ",
                    "nested too deeply: at most " + MAX_NESTING + " levels of parentheses, 'not' and unary minus");
        }
    }

    private Token peek() { return toks.get(k); }

    private Token peek(int ahead) { return toks.get(Math.min(k + ahead, toks.size() - 1)); }

    private Token next() {
        Token t = toks.get(k);
        if (k < toks.size() - 1) k++;
        return t;
    }

    private void expect(T type, String vi, String en) {
        if (!peek().is(type)) throw syntax(peek(), vi, en);
        next();
    }

    private void expectKeyword(String kw) {
        if (!peek().isKeyword(kw)) throw syntax(peek(), "'" + kw + "'", "'" + kw + "'");
        next();
    }

    private ExpressionException syntax(Token found, String expectedVi, String expectedEn) {
        String hintVi = "";
        String hintEn = "";
        if (found.is(T.IDENT) && !found.text().equals(found.text().toLowerCase(java.util.Locale.ROOT))
                && language.keywords().contains(found.text().toLowerCase(java.util.Locale.ROOT))) {
            String kw = found.text().toLowerCase(java.util.Locale.ROOT);
            hintVi = " (từ khóa viết thường: '" + kw + "')";
            hintEn = " (keywords are lowercase: '" + kw + "')";
        }
        return error(found, ExpressionException.Kind.SYNTAX, expectedEn,
                "cần " + expectedVi + " nhưng gặp " + found.shownVi() + hintVi,
                "expected " + expectedEn + " but found " + found.shownEn() + hintEn);
    }

    private ExpressionException error(Token at, ExpressionException.Kind kind, String expectedEn, String vi, String en) {
        return ExpressionException.at(src, at.pos(), kind, at.found(), expectedEn, vi, en);
    }
}
