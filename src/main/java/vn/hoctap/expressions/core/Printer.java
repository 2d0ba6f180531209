package vn.hoctap.expressions.core;

import java.math.BigDecimal;
import java.util.List;

/**
 * Canonical printing of an {@link Ast} (validation-rule nodes are printed with parentheses around every nested
 * condition, so they read back to the same value, not necessarily the same tree): single spaces around binary operators, lowercase keywords, parentheses only
 * where the tree needs them. {@code Parser.parse(print(ast)).equals(ast)} for every tree whose names are names
 * (identifiers that are not keywords).
 */
public final class Printer {

    private Printer() {}

    public static String print(Ast.Expr e) {
        StringBuilder sb = new StringBuilder();
        expr(e, sb);
        return sb.toString();
    }

    public static String print(Ast.Cond c) {
        StringBuilder sb = new StringBuilder();
        cond(c, sb);
        return sb.toString();
    }

    public static String print(Ast.Value v) {
        StringBuilder sb = new StringBuilder();
        value(v, sb);
        return sb.toString();
    }

    /** A number as the lexer reads it back to the same double: no exponent, no trailing ".0". */
    static String number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString((long) d);
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    private static void expr(Ast.Expr e, StringBuilder sb) {
        if (e instanceof Ast.Num) {
            sb.append(number(((Ast.Num) e).value()));
        } else if (e instanceof Ast.Neg) {
            Ast.Expr o = ((Ast.Neg) e).operand();
            sb.append('-');
            paren(o, o instanceof Ast.Arithmetic, sb);
        } else if (e instanceof Ast.Arithmetic) {
            Ast.Arithmetic a = (Ast.Arithmetic) e;
            boolean mul = a.multiplicative();
            // an operand that is itself a chain needs parentheses: a chain of the same level would otherwise be
            // merged, and an additive chain inside a multiplicative one binds looser
            paren(a.first(), a.first() instanceof Ast.Arithmetic && (mul || !((Ast.Arithmetic) a.first()).multiplicative()), sb);
            for (Ast.Step s : a.steps()) {
                sb.append(' ').append(s.op()).append(' ');
                Ast.Expr o = s.operand();
                paren(o, o instanceof Ast.Arithmetic && (mul || !((Ast.Arithmetic) o).multiplicative()), sb);
            }
        } else if (e instanceof Ast.Count) {
            Ast.Count c = (Ast.Count) e;
            sb.append("count(person");
            where(c.where(), sb);
            sb.append(')');
        } else if (e instanceof Ast.Ref) {
            sb.append(((Ast.Ref) e).name());
        } else if (e instanceof Ast.Truth) {
            sb.append('(');
            cond(((Ast.Truth) e).condition(), sb);
            sb.append(')');
        } else {
            Ast.SumOf s = (Ast.SumOf) e;
            sb.append("sum(person.").append(s.field());
            where(s.where(), sb);
            sb.append(')');
        }
    }

    private static void paren(Ast.Expr e, boolean needed, StringBuilder sb) {
        if (needed) sb.append('(');
        expr(e, sb);
        if (needed) sb.append(')');
    }

    private static void where(Ast.Cond c, StringBuilder sb) {
        if (c != null) {
            sb.append(" where ");
            cond(c, sb);
        }
    }

    private static void cond(Ast.Cond c, StringBuilder sb) {
        if (c instanceof Ast.Or) {
            List<Ast.Cond> ops = ((Ast.Or) c).operands();
            for (int i = 0; i < ops.size(); i++) {
                if (i > 0) sb.append(" or ");
                condParen(ops.get(i), ops.get(i) instanceof Ast.Or, sb);
            }
        } else if (c instanceof Ast.And) {
            List<Ast.Cond> ops = ((Ast.And) c).operands();
            for (int i = 0; i < ops.size(); i++) {
                if (i > 0) sb.append(" and ");
                condParen(ops.get(i), ops.get(i) instanceof Ast.Or || ops.get(i) instanceof Ast.And, sb);
            }
        } else if (c instanceof Ast.Not) {
            Ast.Cond o = ((Ast.Not) c).operand();
            sb.append("not ");
            condParen(o, o instanceof Ast.Or || o instanceof Ast.And, sb);
        } else if (c instanceof Ast.Test) {
            sb.append(((Ast.Test) c).field());
        } else if (c instanceof Ast.Compare) {
            Ast.Compare k = (Ast.Compare) c;
            sb.append(k.field()).append(' ').append(k.op().symbol()).append(' ');
            value(k.value(), sb);
        } else if (c instanceof Ast.Between) {
            Ast.Between b = (Ast.Between) c;
            sb.append(b.field()).append(" between ");
            value(b.low(), sb);
            sb.append(" and ");
            value(b.high(), sb);
        } else if (c instanceof Ast.In) {
            Ast.In in = (Ast.In) c;
            sb.append(in.field()).append(" in (");
            for (int i = 0; i < in.values().size(); i++) {
                if (i > 0) sb.append(", ");
                value(in.values().get(i), sb);
            }
            sb.append(')');
        } else if (c instanceof Ast.Relation) {
            Ast.Relation r = (Ast.Relation) c;
            expr(r.left(), sb);
            sb.append(' ').append(r.op().symbol()).append(' ');
            expr(r.right(), sb);
        } else if (c instanceof Ast.NonZero) {
            expr(((Ast.NonZero) c).operand(), sb);
        } else {
            Ast.IsMissing m = (Ast.IsMissing) c;
            sb.append(m.field()).append(m.negated() ? " is not missing" : " is missing");
        }
    }

    private static void condParen(Ast.Cond c, boolean needed, StringBuilder sb) {
        if (needed) sb.append('(');
        cond(c, sb);
        if (needed) sb.append(')');
    }

    private static void value(Ast.Value v, StringBuilder sb) {
        if (v instanceof Ast.IntValue) {
            sb.append(((Ast.IntValue) v).value());
        } else if (v instanceof Ast.YearValue) {
            int o = ((Ast.YearValue) v).offset();
            sb.append("year");
            if (o > 0) sb.append(" + ").append(o);
            if (o < 0) sb.append(" - ").append(-(long) o);
        } else if (v instanceof Ast.BoolValue) {
            sb.append(((Ast.BoolValue) v).value());
        } else if (v instanceof Ast.NameValue) {
            sb.append(((Ast.NameValue) v).name());
        } else {
            String t = ((Ast.TextValue) v).text();
            sb.append('"').append(t.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
    }
}
