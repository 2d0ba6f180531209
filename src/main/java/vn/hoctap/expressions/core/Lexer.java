package vn.hoctap.expressions.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits an expression into tokens: the one lexer of every expression language of the platform (indicator
 * expressions, reporting's validation rules, the standards criteria). Whitespace (space, tab, CR, LF) separates;
 * {@code #} starts a comment to the end of the line.
 *
 * <p>One operator set: {@code + - * /}, the comparisons {@code = == != < <= > >=} ({@code ==} is the same
 * operator as {@code =}), and {@code &&} / {@code ||}, which are the same operators as the words {@code and} /
 * {@code or}. {@code <>} and a lone {@code !}, {@code &} or {@code |} are errors that say what to write instead.
 */
public final class Lexer {

    /** The kinds of token. {@code AND} and {@code OR} are the symbols {@code &&} and {@code ||}. */
    public enum T { IDENT, INT, DECIMAL, STRING, LPAREN, RPAREN, COMMA, DOT, PLUS, MINUS, STAR, SLASH, EQ, NE, LT, LE, GT, GE, AND, OR, EOF }

    /** A token; {@code text} is the source text, {@code value} the decoded content of a STRING (else = text). */
    public record Token(T type, String text, int pos, int end, String value) {
        public Token(T type, String text, int pos, int end) { this(type, text, pos, end, text); }

        public boolean is(T t) { return type == t; }

        /**
         * Whether the token is the word {@code kw}; {@code &&} counts as {@code and} and {@code ||} as {@code or}.
         */
        public boolean isKeyword(String kw) {
            if (type == T.IDENT) return text.equals(kw);
            return (type == T.AND && kw.equals("and")) || (type == T.OR && kw.equals("or"));
        }

        /** Whether the token is one of the comparison operators. */
        public boolean isComparison() {
            return type == T.EQ || type == T.NE || type == T.LT || type == T.LE || type == T.GT || type == T.GE;
        }

        /** How the token is shown in messages, e.g. {@code 'and'}. */
        public String shownEn() { return type == T.EOF ? "end of expression" : "'" + shortText() + "'"; }

        public String shownVi() { return type == T.EOF ? "hết biểu thức" : "'" + shortText() + "'"; }

        /** The token as written, or {@code "end of expression"}. */
        public String found() { return type == T.EOF ? "end of expression" : shortText(); }

        private String shortText() { return text.length() > 40 ? text.substring(0, 37) + "..." : text; }
    }

    private final String src;
    private int i;

    private Lexer(String src) { this.src = src; }

    /** The tokens of {@code src}, ending with one {@link T#EOF}; a character outside the language is a LEXICAL error. */
    public static List<Token> tokens(String src) {
        return new Lexer(src).run();
    }

    private List<Token> run() {
        List<Token> out = new ArrayList<>();
        int n = src.length();
        while (true) {
            while (i < n) {
                char c = src.charAt(i);
                if (c == ' ' || c == '\t' || c == '\r' || c == '\n') i++;
                else if (c == '#') {
                    while (i < n && src.charAt(i) != '\n') i++;
                } else break;
            }
            if (i >= n) {
                out.add(new Token(T.EOF, "", n, n));
                return out;
            }
            int start = i;
            char c = src.charAt(i);
            if (isIdentStart(c)) {
                while (i < n && isIdentPart(src.charAt(i))) i++;
                out.add(new Token(T.IDENT, src.substring(start, i), start, i));
            } else if (c >= '0' && c <= '9') {
                while (i < n && isDigit(src.charAt(i))) i++;
                if (i + 1 < n && src.charAt(i) == '.' && isDigit(src.charAt(i + 1))) {
                    i++;
                    while (i < n && isDigit(src.charAt(i))) i++;
                    out.add(new Token(T.DECIMAL, src.substring(start, i), start, i));
                } else {
                    out.add(new Token(T.INT, src.substring(start, i), start, i));
                }
                if (i < n && src.charAt(i) == '.') {
                    int j = i;
                    while (j < n && (isDigit(src.charAt(j)) || src.charAt(j) == '.')) j++;
                    String num = src.substring(start, j);
                    throw lexError(start, num, "'" + num + "' không phải là số", "'" + num + "' is not a number");
                }
                if (i < n && isIdentStart(src.charAt(i))) {
                    int j = i;
                    while (j < n && isIdentPart(src.charAt(j))) j++;
                    throw lexError(start, src.substring(start, j),
                            "'" + src.substring(start, j) + "' không phải số cũng không phải tên (tên không bắt đầu bằng chữ số)",
                            "'" + src.substring(start, j) + "' is neither a number nor a name (names do not start with a digit)");
                }
            } else if (c == '"') {
                out.add(string(start));
            } else {
                i++;
                T t;
                switch (c) {
                    case '(': t = T.LPAREN; break;
                    case ')': t = T.RPAREN; break;
                    case ',': t = T.COMMA; break;
                    case '.': t = T.DOT; break;
                    case '+': t = T.PLUS; break;
                    case '-': t = T.MINUS; break;
                    case '*': t = T.STAR; break;
                    case '/': t = T.SLASH; break;
                    case '=':
                        if (i < n && src.charAt(i) == '=') i++;
                        t = T.EQ;
                        break;
                    case '&':
                        if (i < n && src.charAt(i) == '&') { i++; t = T.AND; break; }
                        throw lexError(start, "&", "'&' chỉ dùng trong '&&'; hãy viết 'and'", "'&' is only part of '&&'; write 'and'");
                    case '|':
                        if (i < n && src.charAt(i) == '|') { i++; t = T.OR; break; }
                        throw lexError(start, "|", "'|' chỉ dùng trong '||'; hãy viết 'or'", "'|' is only part of '||'; write 'or'");
                    case '<':
                        if (i < n && src.charAt(i) == '=') { i++; t = T.LE; }
                        else if (i < n && src.charAt(i) == '>') {
                            throw lexError(start, "<>", "'<>' không dùng được; hãy viết '!='", "'<>' is not an operator; write '!='");
                        } else t = T.LT;
                        break;
                    case '>':
                        if (i < n && src.charAt(i) == '=') { i++; t = T.GE; } else t = T.GT;
                        break;
                    case '!':
                        if (i < n && src.charAt(i) == '=') { i++; t = T.NE; break; }
                        throw lexError(start, "!", "'!' chỉ dùng trong '!='; phủ định viết là 'not'",
                                "'!' is only part of '!='; negation is written 'not'");
                    default: {
                        int cp = src.codePointAt(start);
                        String ch = new String(Character.toChars(cp));
                        throw lexError(start, ch, "ký tự không hợp lệ '" + ch + "' (tên chỉ gồm chữ cái Latin không dấu, chữ số và '_')",
                                "unexpected '" + ch + "': not a character of the language (names use unaccented Latin letters, digits and '_')");
                    }
                }
                out.add(new Token(t, src.substring(start, i), start, i));
            }
        }
    }

    private Token string(int start) {
        StringBuilder sb = new StringBuilder();
        i++;
        int n = src.length();
        while (true) {
            if (i >= n) {
                throw lexError(start, src.substring(start), "chuỗi chưa đóng: thiếu '\"'", "unterminated text: missing '\"'");
            }
            char c = src.charAt(i);
            if (c == '"') {
                i++;
                return new Token(T.STRING, src.substring(start, i), start, i, sb.toString());
            }
            if (c == '\\') {
                if (i + 1 < n && (src.charAt(i + 1) == '"' || src.charAt(i + 1) == '\\')) {
                    sb.append(src.charAt(i + 1));
                    i += 2;
                    continue;
                }
                throw lexError(i, "\\", "trong chuỗi chỉ có \\\" và \\\\", "only \\\" and \\\\ may follow '\\' in a text");
            }
            sb.append(c);
            i++;
        }
    }

    private ExpressionException lexError(int pos, String found, String vi, String en) {
        return ExpressionException.at(src, pos, ExpressionException.Kind.LEXICAL, found, null, vi, en);
    }

    public static boolean isIdentStart(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }

    public static boolean isIdentPart(char c) { return isIdentStart(c) || isDigit(c); }

    private static boolean isDigit(char c) { return c >= '0' && c <= '9'; }

    /** Whether {@code s} can be written as a name in a language whose words are {@code keywords}. */
    public static boolean isName(String s, Set<String> keywords) {
        if (s.isEmpty() || !isIdentStart(s.charAt(0))) return false;
        for (int k = 1; k < s.length(); k++) if (!isIdentPart(s.charAt(k))) return false;
        return !keywords.contains(s);
    }
}
