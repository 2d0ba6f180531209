package vn.hoctap.standards.core.expression;

import vn.hoctap.expressions.core.Ast;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import vn.hoctap.standards.core.Person;

/**
 * Turns a type-checked condition into a {@link PersonTest} once. Enumeration and yes/no tests become lookups in a
 * precomputed mask over the values; a missing value makes every comparison, {@code between} and {@code in} false.
 */
final class ConditionCompiler {

    private ConditionCompiler() {}

    /** Yes/no value of a field: 1 true, 0 false, -1 missing. */
    private interface BoolValue {
        int of(Person p, int year);
    }

    /** A yes/no field's value; a named condition ({@link Definitions}) is its compiled definition. */
    private static BoolValue bool(Field f, Definitions d) {
        if (d.defines(f)) {
            PersonTest t = compile(d.of(f), d);
            return (p, y) -> t.test(p, y) ? 1 : 0;
        }
        if (Definitions.DEFINABLE.contains(f)) d.of(f); // throws: a rule file without the definition
        return f::boolValue;
    }

    static PersonTest compile(Ast.Cond c, Definitions d) {
        if (c instanceof Ast.Or) {
            PersonTest[] ts = all(((Ast.Or) c).operands(), d);
            if (ts.length == 2) {
                PersonTest a = ts[0], b = ts[1];
                return (p, y) -> a.test(p, y) || b.test(p, y);
            }
            return (p, y) -> {
                for (PersonTest t : ts) if (t.test(p, y)) return true;
                return false;
            };
        }
        if (c instanceof Ast.And) {
            PersonTest[] ts = all(((Ast.And) c).operands(), d);
            if (ts.length == 2) {
                PersonTest a = ts[0], b = ts[1];
                return (p, y) -> a.test(p, y) && b.test(p, y);
            }
            return (p, y) -> {
                for (PersonTest t : ts) if (!t.test(p, y)) return false;
                return true;
            };
        }
        if (c instanceof Ast.Not) {
            PersonTest t = compile(((Ast.Not) c).operand(), d);
            return (p, y) -> !t.test(p, y);
        }
        if (c instanceof Ast.Test) {
            Field f = Field.byName(((Ast.Test) c).field());
            if (d.defines(f)) return compile(d.of(f), d);
            BoolValue b = bool(f, d);
            return (p, y) -> b.of(p, y) == 1;
        }
        if (c instanceof Ast.IsMissing) {
            Ast.IsMissing m = (Ast.IsMissing) c;
            Field f = Field.byName(m.field());
            boolean want = !m.negated();
            return (p, y) -> f.missing(p) == want;
        }
        if (c instanceof Ast.Compare) return compare((Ast.Compare) c, d);
        if (c instanceof Ast.Between) return between((Ast.Between) c);
        return in((Ast.In) c, d);
    }

    private static PersonTest[] all(List<Ast.Cond> cs, Definitions d) {
        PersonTest[] ts = new PersonTest[cs.size()];
        for (int i = 0; i < ts.length; i++) ts[i] = compile(cs.get(i), d);
        return ts;
    }

    private static PersonTest compare(Ast.Compare k, Definitions d) {
        Field f = Field.byName(k.field());
        Ast.CompareOp op = k.op();
        switch (f.type()) {
            case NUMBER:
            case YEAR: {
                if (k.value() instanceof Ast.IntValue) {
                    long c = ((Ast.IntValue) k.value()).value();
                    return (p, y) -> {
                        int v = f.intValue(p, y);
                        return v != Field.MISSING && op.holds(Long.compare(v, c));
                    };
                }
                int off = ((Ast.YearValue) k.value()).offset();
                return (p, y) -> {
                    int v = f.intValue(p, y);
                    return v != Field.MISSING && op.holds(Long.compare(v, (long) y + off));
                };
            }
            case BOOLEAN: {
                int lit = ((Ast.BoolValue) k.value()).value() ? 1 : 0;
                boolean[] mask = new boolean[2];
                for (int i = 0; i < 2; i++) mask[i] = op.holds(Integer.compare(i, lit));
                BoolValue bv = bool(f, d);
                return (p, y) -> {
                    int b = bv.of(p, y);
                    return b >= 0 && mask[b];
                };
            }
            case TEXT: {
                String lit = ((Ast.TextValue) k.value()).text();
                boolean eq = op == Ast.CompareOp.EQ;
                return (p, y) -> {
                    String s = f.text(p);
                    return s != null && s.equals(lit) == eq;
                };
            }
            default: {
                int lit = f.codeIndex(((Ast.NameValue) k.value()).name());
                boolean[] mask = new boolean[f.codes().size()];
                for (int i = 0; i < mask.length; i++) mask[i] = op.holds(Integer.compare(i, lit));
                return enumMask(f, mask);
            }
        }
    }

    private static PersonTest enumMask(Field f, boolean[] mask) {
        return (p, y) -> {
            Enum<?> e = f.enumValue(p);
            return e != null && mask[e.ordinal()];
        };
    }

    private static PersonTest between(Ast.Between b) {
        Field f = Field.byName(b.field());
        if (f.type() == FieldType.ORDERED_ENUM) {
            int lo = f.codeIndex(((Ast.NameValue) b.low()).name());
            int hi = f.codeIndex(((Ast.NameValue) b.high()).name());
            boolean[] mask = new boolean[f.codes().size()];
            for (int i = 0; i < mask.length; i++) mask[i] = i >= lo && i <= hi;
            return enumMask(f, mask);
        }
        Bound lo = bound(b.low());
        Bound hi = bound(b.high());
        return (p, y) -> {
            int v = f.intValue(p, y);
            return v != Field.MISSING && v >= lo.at(y) && v <= hi.at(y);
        };
    }

    /** A whole-number bound, possibly relative to the data year. */
    private interface Bound {
        long at(int year);
    }

    private static Bound bound(Ast.Value v) {
        if (v instanceof Ast.IntValue) {
            long c = ((Ast.IntValue) v).value();
            return y -> c;
        }
        int off = ((Ast.YearValue) v).offset();
        return y -> (long) y + off;
    }

    private static PersonTest in(Ast.In in, Definitions d) {
        Field f = Field.byName(in.field());
        switch (f.type()) {
            case NUMBER:
            case YEAR: {
                Bound[] bs = new Bound[in.values().size()];
                for (int i = 0; i < bs.length; i++) bs[i] = bound(in.values().get(i));
                return (p, y) -> {
                    int v = f.intValue(p, y);
                    if (v == Field.MISSING) return false;
                    for (Bound b : bs) if (b.at(y) == v) return true;
                    return false;
                };
            }
            case BOOLEAN: {
                boolean[] mask = new boolean[2];
                for (Ast.Value v : in.values()) mask[((Ast.BoolValue) v).value() ? 1 : 0] = true;
                BoolValue bv = bool(f, d);
                return (p, y) -> {
                    int b = bv.of(p, y);
                    return b >= 0 && mask[b];
                };
            }
            case TEXT: {
                Set<String> set = new HashSet<>();
                for (Ast.Value v : in.values()) set.add(((Ast.TextValue) v).text());
                return (p, y) -> {
                    String s = f.text(p);
                    return s != null && set.contains(s);
                };
            }
            default: {
                boolean[] mask = new boolean[f.codes().size()];
                for (Ast.Value v : in.values()) mask[f.codeIndex(((Ast.NameValue) v).name())] = true;
                return enumMask(f, mask);
            }
        }
    }

    /** For {@code sum(person.f …)}: the value a person adds (0 when missing). */
    static long sumValue(Field f, Person p, int year) {
        int v = f.intValue(p, year);
        return v == Field.MISSING ? 0 : v;
    }
}
