package vn.hoctap.standards.core.expression;

import java.util.EnumSet;
import java.util.Set;

import vn.hoctap.expressions.core.Ast;
import vn.hoctap.expressions.core.ExpressionException;
import vn.hoctap.expressions.core.Parser;

/**
 * A condition of the expression language on its own (the part after {@code where}, e.g.
 * {@code enrolment = primary and grade = 1}), as the rule file writes the criteria of Nghị định 20/2014: parsed and
 * type-checked with the language's rules (the shared {@link Parser} of {@code vn.hoctap.expressions}, language
 * {@code PERSONS}, and {@link TypeChecker}), compiled to a {@link PersonTest}.
 */
public final class Conditions {

    private Conditions() {}

    /**
     * Parses and type-checks a condition.
     *
     * @throws ExpressionException on any error; its position counts from the start of {@code text}
     */
    public static Ast.Cond parse(String text) {
        if (text == null) throw new NullPointerException("condition");
        Parser.Parsed parsed = Parser.parseConditionTree(text, n -> Field.byName(n) != null);
        TypeChecker.checkCondition(parsed);
        return parsed.cond();
    }

    /** The condition compiled for persons, the named conditions taken from {@code definitions}. */
    public static PersonTest compile(Ast.Cond condition, Definitions definitions) {
        return ConditionCompiler.compile(condition, definitions);
    }

    /** The fields a condition names. */
    public static Set<Field> fields(Ast.Cond c) {
        Set<Field> out = EnumSet.noneOf(Field.class);
        collect(c, out);
        return out;
    }

    private static void collect(Ast.Cond c, Set<Field> out) {
        if (c instanceof Ast.Or o) {
            o.operands().forEach(x -> collect(x, out));
        } else if (c instanceof Ast.And a) {
            a.operands().forEach(x -> collect(x, out));
        } else if (c instanceof Ast.Not n) {
            collect(n.operand(), out);
        } else if (c instanceof Ast.Test t) {
            out.add(Field.byName(t.field()));
        } else if (c instanceof Ast.Compare k) {
            out.add(Field.byName(k.field()));
        } else if (c instanceof Ast.Between b) {
            out.add(Field.byName(b.field()));
        } else if (c instanceof Ast.In in) {
            out.add(Field.byName(in.field()));
        } else if (c instanceof Ast.IsMissing m) {
            out.add(Field.byName(m.field()));
        }
    }
}
