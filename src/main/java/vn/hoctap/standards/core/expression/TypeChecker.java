package vn.hoctap.standards.core.expression;

import vn.hoctap.expressions.core.Ast;
import vn.hoctap.expressions.core.Parser;
import vn.hoctap.expressions.core.Printer;
import vn.hoctap.expressions.core.ExpressionException;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import vn.hoctap.expressions.core.ExpressionException.Kind;

/**
 * Checks names and types of a parsed expression: fields exist, values fit their field (an enum value must be one of
 * the field's values, a number field takes whole numbers, a text field takes double-quoted texts), operators fit
 * the field's type ({@code < <= > >= between} need an order), bare conditions are yes/no fields,
 * {@code is missing} is only used on fields that can be empty, {@code sum} sums a number field.
 * Every numeric operand of {@code + - * /} is numeric by construction of the grammar.
 */
final class TypeChecker {

    private final Parser.Parsed parsed;

    private TypeChecker(Parser.Parsed parsed) { this.parsed = parsed; }

    static void check(Parser.Parsed parsed) {
        new TypeChecker(parsed).expr(parsed.expr());
    }

    /** Checks a condition on its own ({@link Parser#parseConditionTree}), e.g. a criterion of the standards rule file. */
    static void checkCondition(Parser.Parsed parsed) {
        new TypeChecker(parsed).cond(parsed.cond());
    }

    private void expr(Ast.Expr e) {
        if (e instanceof Ast.Neg) {
            expr(((Ast.Neg) e).operand());
        } else if (e instanceof Ast.Arithmetic) {
            Ast.Arithmetic a = (Ast.Arithmetic) e;
            expr(a.first());
            for (Ast.Step s : a.steps()) expr(s.operand());
        } else if (e instanceof Ast.Count) {
            cond(((Ast.Count) e).where());
        } else if (e instanceof Ast.SumOf) {
            Ast.SumOf s = (Ast.SumOf) e;
            int at = opPos(s);
            Field f = field(s.field(), at);
            if (f.type() != FieldType.NUMBER) {
                throw err(at, Kind.TYPE, s.field(), "a number field",
                        "sum cần một trường số (" + numberFields() + "), nhưng " + f.csvName() + " là " + f.type().vi(),
                        "sum needs a number field (" + numberFields() + "), but " + f.csvName() + " is " + f.type().en());
            }
            cond(s.where());
        }
    }

    private static String numberFields() {
        StringBuilder sb = new StringBuilder();
        for (Field f : Field.values()) {
            if (f.type() == FieldType.NUMBER) sb.append(sb.length() == 0 ? "" : ", ").append(f.csvName());
        }
        return sb.toString();
    }

    private void cond(Ast.Cond c) {
        if (c == null) return;
        if (c instanceof Ast.Or) {
            for (Ast.Cond o : ((Ast.Or) c).operands()) cond(o);
        } else if (c instanceof Ast.And) {
            for (Ast.Cond o : ((Ast.And) c).operands()) cond(o);
        } else if (c instanceof Ast.Not) {
            cond(((Ast.Not) c).operand());
        } else if (c instanceof Ast.Test) {
            Ast.Test t = (Ast.Test) c;
            Field f = field(t.field(), pos(c));
            if (f.type() != FieldType.BOOLEAN) {
                String ex = example(f);
                throw err(pos(c), Kind.TYPE, t.field(), "a yes/no field or a comparison",
                        f.csvName() + " là " + f.type().vi() + ", không phải điều kiện; hãy so sánh, ví dụ " + ex,
                        f.csvName() + " is " + f.type().en() + ", not a condition; compare it, e.g. " + ex);
            }
        } else if (c instanceof Ast.Compare) {
            Ast.Compare k = (Ast.Compare) c;
            Field f = field(k.field(), pos(c));
            if (k.op().ordering()) needOrder(f, k.op().symbol(), opPos(c));
            value(f, k.value());
        } else if (c instanceof Ast.Between) {
            Ast.Between b = (Ast.Between) c;
            Field f = field(b.field(), pos(c));
            needOrder(f, "between", opPos(c));
            value(f, b.low());
            value(f, b.high());
            Integer lo = rank(f, b.low());
            Integer hi = rank(f, b.high());
            if (lo != null && hi != null && lo > hi) {
                throw err(pos(b.low()), Kind.TYPE, Printer.print(b.low()), "low <= high",
                        "khoảng rỗng: " + Printer.print(b.low()) + " lớn hơn " + Printer.print(b.high())
                                + " (between A and B gồm A và B, cần A ≤ B)",
                        "empty range: " + Printer.print(b.low()) + " is greater than " + Printer.print(b.high())
                                + " (between A and B includes both ends and needs A <= B)");
            }
        } else if (c instanceof Ast.In) {
            Ast.In in = (Ast.In) c;
            Field f = field(in.field(), pos(c));
            for (Ast.Value v : in.values()) value(f, v);
        } else {
            Ast.IsMissing m = (Ast.IsMissing) c;
            Field f = field(m.field(), pos(c));
            if (!f.canBeMissing()) {
                throw err(opPos(c), Kind.TYPE, "is", "a field that can be empty",
                        f.csvName() + " luôn có giá trị (" + f.neverMissingVi() + "), 'is missing' không có nghĩa",
                        f.csvName() + " always has a value (" + f.neverMissingEn() + "), so 'is missing' makes no sense");
            }
        }
    }

    /** The order rank of a value where two values of the same field can be compared at check time; else null. */
    private static Integer rank(Field f, Ast.Value v) {
        if (v instanceof Ast.IntValue) {
            long x = ((Ast.IntValue) v).value();
            return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, x));
        }
        if (v instanceof Ast.NameValue) return f.codeIndex(((Ast.NameValue) v).name());
        return null; // year ± n against a number: only known per data year
    }

    private void needOrder(Field f, String op, int at) {
        if (f.type().ordered()) return;
        String hintVi;
        String hintEn;
        switch (f.type()) {
            case BOOLEAN:
                hintVi = "dùng " + f.csvName() + ", not " + f.csvName() + " hoặc = true / = false";
                hintEn = "use " + f.csvName() + ", not " + f.csvName() + " or = true / = false";
                break;
            case UNORDERED_ENUM:
                hintVi = "các giá trị (" + String.join(", ", f.codes()) + ") không có thứ tự; dùng =, != hoặc in (…)";
                hintEn = "its values (" + String.join(", ", f.codes()) + ") have no order; use =, != or in (…)";
                break;
            default:
                hintVi = "văn bản chỉ so sánh bằng =, != hoặc in (…)";
                hintEn = "texts are only compared with =, != or in (…)";
        }
        throw err(at, Kind.TYPE, op, "=, != or in",
                "không dùng '" + op + "' với " + f.csvName() + " (" + f.type().vi() + "): " + hintVi,
                "'" + op + "' cannot be used with " + f.csvName() + " (" + f.type().en() + "): " + hintEn);
    }

    private void value(Field f, Ast.Value v) {
        int at = pos(v);
        String shown = Printer.print(v);
        switch (f.type()) {
            case NUMBER:
                if (v instanceof Ast.IntValue) return;
                throw mismatch(f, v, at, shown, "một số nguyên, ví dụ 15", "a whole number, e.g. 15");
            case YEAR:
                if (v instanceof Ast.IntValue || v instanceof Ast.YearValue) return;
                throw mismatch(f, v, at, shown, "một năm: số nguyên (2024), year hoặc year - 1",
                        "a year: a whole number (2024), year or year - 1");
            case BOOLEAN:
                if (v instanceof Ast.BoolValue) return;
                throw mismatch(f, v, at, shown, "true hoặc false", "true or false");
            case TEXT:
                if (v instanceof Ast.TextValue) return;
                if (v instanceof Ast.NameValue) {
                    throw err(at, Kind.TYPE, shown, "a double-quoted text",
                            f.csvName() + " là văn bản: viết giá trị trong ngoặc kép, \"" + shown + "\"",
                            f.csvName() + " is a text: write the value in double quotes, \"" + shown + "\"");
                }
                throw mismatch(f, v, at, shown, "một văn bản trong ngoặc kép, ví dụ \"Kinh\"", "a double-quoted text, e.g. \"Kinh\"");
            default: { // enums
                List<String> codes = f.codes();
                String allowed = String.join(", ", codes);
                if (v instanceof Ast.NameValue) {
                    String name = ((Ast.NameValue) v).name();
                    if (codes.contains(name)) return;
                    String near = nearest(name, codes);
                    throw err(at, Kind.UNKNOWN_VALUE, name, allowed,
                            "'" + name + "' không phải giá trị của " + f.csvName() + "; các giá trị: " + allowed
                                    + " (có phải " + near + "?)",
                            "'" + name + "' is not a value of " + f.csvName() + "; allowed values: " + allowed
                                    + " (did you mean " + near + "?)");
                }
                throw mismatch(f, v, at, shown, "một trong " + allowed, "one of " + allowed);
            }
        }
    }

    private ExpressionException mismatch(Field f, Ast.Value v, int at, String shown, String wantVi, String wantEn) {
        return err(at, Kind.TYPE, shown, wantEn,
                f.csvName() + " là " + f.type().vi() + ": cần " + wantVi + " nhưng gặp " + shown,
                f.csvName() + " is " + f.type().en() + ": expected " + wantEn + " but found " + shown);
    }

    private static String example(Field f) {
        switch (f.type()) {
            case NUMBER: return f.csvName() + " >= 15";
            case YEAR: return f.csvName() + " <= year";
            case TEXT: return f.csvName() + " = \"…\"";
            case BOOLEAN: return f.csvName();
            default: return f.csvName() + " = " + f.codes().get(f.codes().size() - 1);
        }
    }

    private Field field(String name, int at) {
        Field f = Field.byName(name);
        if (f != null) return f;
        String near = nearest(name, Field.names());
        throw err(at, Kind.UNKNOWN_FIELD, name, "a field name",
                "không có trường '" + name + "' (có phải " + near + "?)",
                "unknown field '" + name + "' (did you mean " + near + "?)");
    }

    /** The candidate nearest to {@code word} by edit distance, ignoring case (first one on ties). */
    static String nearest(String word, Collection<String> candidates) {
        String best = null;
        int bestD = Integer.MAX_VALUE;
        String w = word.toLowerCase(java.util.Locale.ROOT);
        for (String c : candidates) {
            int d = distance(w, c.toLowerCase(java.util.Locale.ROOT));
            if (d < bestD) {
                bestD = d;
                best = c;
            }
        }
        return best;
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private int pos(Object node) { return lookup(parsed.pos(), node); }

    private int opPos(Object node) { return lookup(parsed.opPos(), node); }

    private static int lookup(Map<Object, Integer> m, Object node) {
        Integer p = m.get(node);
        return p == null ? 0 : p;
    }

    private ExpressionException err(int at, Kind kind, String found, String expected, String vi, String en) {
        return ExpressionException.at(parsed.source(), at, kind, found, expected, vi, en);
    }
}
