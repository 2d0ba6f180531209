package vn.hoctap.standards.expression;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import vn.hoctap.standards.expression.Lexer.T;
import vn.hoctap.standards.expression.Lexer.Token;

/**
 * Recursive-descent parser of the grammar in README-expressions.md. It checks syntax only; names and types are
 * checked by {@link TypeChecker}.
 */
public final class Parser {

    /**
     * Maximum nesting: the number of parentheses, {@code not}s and unary minuses open at any point (the
     * parentheses of {@code count(…)} / {@code sum(…)} do not count). Deeper input is an error of kind
     * {@link ExpressionException.Kind#TOO_DEEP}.
     */
    public static final int MAX_NESTING = 200;

    /** Largest |offset| in {@code year ± n}. */
    static final int MAX_YEAR_OFFSET = 9999;

    /** The parse result with the positions of the nodes (side tables keyed by node identity). */
    record Parsed(String source, Ast.Expr expr, Map<Object, Integer> pos, Map<Object, Integer> opPos) {}

    private final String src;
    private final List<Token> toks;
    private int k;
    private int nesting;
    private final Map<Object, Integer> pos = new IdentityHashMap<>();
    private final Map<Object, Integer> opPos = new IdentityHashMap<>();

    private Parser(String src) {
        this.src = src;
        this.toks = Lexer.tokens(src);
    }

    /** Parses (syntax only). */
    public static Ast.Expr parse(String source) {
        return parseTree(source).expr();
    }

    static Parsed parseTree(String source) {
        if (source == null) throw new NullPointerException("expression");
        Parser p = new Parser(source);
        Ast.Expr e = p.additive();
        if (!p.peek().is(T.EOF)) {
            throw p.syntax(p.peek(), "một phép toán (+, -, *, /) hoặc hết biểu thức",
                    "an operator (+, -, *, /) or end of expression");
        }
        return new Parsed(source, e, p.pos, p.opPos);
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
        Token t = peek();
        if (t.is(T.INT) || t.is(T.DECIMAL)) {
            next();
            double d = Double.parseDouble(t.text());
            if (Double.isInfinite(d)) {
                throw error(t, ExpressionException.Kind.LEXICAL, null, "số quá lớn", "number too large");
            }
            Ast.Expr e = new Ast.Num(d);
            pos.put(e, t.pos());
            return e;
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
            if (!f.is(T.IDENT) || Lexer.KEYWORDS.contains(f.text())) {
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
        if (t.is(T.IDENT) && Field.byName(t.text()) != null) {
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
        Ast.Cond first = and();
        if (!peek().isKeyword("or")) return first;
        List<Ast.Cond> ops = new ArrayList<>();
        ops.add(first);
        while (peek().isKeyword("or")) {
            next();
            ops.add(and());
        }
        return at(new Ast.Or(ops), first);
    }

    private Ast.Cond and() {
        Ast.Cond first = not();
        if (!peek().isKeyword("and")) return first;
        List<Ast.Cond> ops = new ArrayList<>();
        ops.add(first);
        while (peek().isKeyword("and")) {
            next();
            ops.add(not());
        }
        return at(new Ast.And(ops), first);
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
        return atom();
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
        if (!t.is(T.IDENT) || Lexer.KEYWORDS.contains(t.text())) {
            throw syntax(t, "tên trường, 'not' hoặc '('", "a field name, 'not' or '('");
        }
        next();
        String field = t.text();
        Token op = peek();
        Ast.Cond c;
        if (op.is(T.EQ) || op.is(T.NE) || op.is(T.LT) || op.is(T.LE) || op.is(T.GT) || op.is(T.GE)) {
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
        } else if (op.isKeyword("and") || op.isKeyword("or") || op.is(T.RPAREN)) {
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
        } else if (t.is(T.IDENT) && !Lexer.KEYWORDS.contains(t.text())) {
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
                && Lexer.KEYWORDS.contains(found.text().toLowerCase(java.util.Locale.ROOT))) {
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
