package vn.hoctap.analytics;


import vn.hoctap.analytics.core.ColumnarEngine;
import vn.hoctap.analytics.core.ColumnarResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.function.IntPredicate;
import vn.hoctap.standards.core.expression.Aggregate;
import vn.hoctap.expressions.core.Ast;
import vn.hoctap.standards.core.expression.CompiledIndicator;
import vn.hoctap.standards.core.expression.Field;
import vn.hoctap.standards.core.expression.FieldType;
import vn.hoctap.standards.core.Criterion;
import vn.hoctap.standards.core.Person;
import vn.hoctap.standards.core.RuleSet;

/**
 * The columnar engine's computation written as one SQL statement over the platform's {@code register_person} table
 * (V2__register.sql): {@code GROUP BY commune_code} with a {@code FILTER} aggregate per count, for PostgreSQL and
 * DuckDB (the benchmark's comparison, issue 7). One row per commune with persons: {@code commune_code}, then the
 * columns of {@link #columns()}: persons, exempt, the twelve criteria's denominators and numerators, and every
 * indicator's aggregates in the order of {@link CompiledIndicator#aggregates()}.
 *
 * <p>The twelve criteria's numerators are their {@code criterion} lines of the rule file, written as SQL by the same
 * code as every indicator condition. The conditions follow the expression language's missing-value rules (docs/indicator-expressions.md): a
 * comparison with a missing value is false (every leaf is wrapped in {@code coalesce(…, false)}, so {@code not}
 * does not turn SQL's unknown into a match); a sum skips missing values. Written independently of the column
 * program, so that agreeing results are evidence, not an echo.
 */
public final class SqlQuery {
    private final int year;
    private final RuleSet rules;
    private final Map<String, CompiledIndicator> indicators;
    private final List<String> columns = new ArrayList<>();
    private final String sql;
    /** The named conditions (literate1, literate2, exempt) of what is being written: the rule set's, or an indicator's. */
    private vn.hoctap.standards.core.expression.Definitions defs;

    private SqlQuery(int year, RuleSet rules, Map<String, CompiledIndicator> indicators) {
        this.year = year;
        this.rules = rules;
        this.indicators = indicators;
        StringJoiner select = new StringJoiner(",\n  ", "select commune_code,\n  ", "\nfrom register_person where year = " + year
                + " group by commune_code order by commune_code");
        defs = rules.definitions();
        String exempt = test(Field.EXEMPT); // the rule file's define | exempt
        add(select, "persons", "count(*)");
        add(select, "exempt", "count(*) filter (where " + exempt + ")");
        String[] den = new String[Criterion.values().length];
        for (Criterion c : Criterion.values()) {
            RuleSet.CohortRule r = rules.cohort(c);
            den[c.ordinal()] = "not (" + exempt + ") and " + age() + " between " + r.minAge() + " and " + r.maxAge();
            add(select, "den_" + c.id(), "count(*) filter (where " + den[c.ordinal()] + ")");
        }
        for (Criterion c : Criterion.values()) {
            add(select, "num_" + c.id(), "count(*) filter (where " + den[c.ordinal()] + " and (" + numerator(c) + "))");
        }
        indicators.forEach((id, ind) -> {
            List<Aggregate> aggs = ind.aggregates();
            defs = ind.definitions();
            for (int j = 0; j < aggs.size(); j++) add(select, id + "#" + j, aggregate(aggs.get(j).ast()));
        });
        this.sql = select.toString();
    }

    /** The query for the NQ23 register indicators, as {@link ColumnarEngine#nq23}. */
    public static SqlQuery nq23(int year, RuleSet rules) {
        return new SqlQuery(year, rules, vn.hoctap.analytics.internal.QueryPlan.nq23());
    }

    public static SqlQuery of(int year, RuleSet rules, Map<String, CompiledIndicator> indicators) {
        return new SqlQuery(year, rules, indicators);
    }

    /** The statement (PostgreSQL and DuckDB). */
    public String sql() { return sql; }

    /** Names of the value columns after {@code commune_code}. */
    public List<String> columns() { return columns; }

    /**
     * The same values from the engine's counts: commune code → values in {@link #columns()} order, for the
     * communes with persons (as the SQL's rows).
     */
    public Map<String, long[]> rows(ColumnarResult r) {
        Map<String, long[]> out = new TreeMap<>();
        List<String> ids = r.indicatorIds();
        for (int ci = 0; ci < r.communeCount(); ci++) {
            if (r.persons(ci) == 0) continue;
            long[] v = new long[columns.size()];
            int k = 0;
            v[k++] = r.persons(ci);
            v[k++] = r.exempt(ci);
            for (Criterion c : Criterion.values()) v[k++] = r.denominator(ci, c);
            for (Criterion c : Criterion.values()) v[k++] = r.numerator(ci, c);
            for (String id : indicators.keySet()) {
                int i = ids.indexOf(id);
                if (i < 0) throw new IllegalArgumentException("the engine's result has no indicator " + id);
                for (long a : r.indicatorAggregates(ci, i)) v[k++] = a;
            }
            out.put(r.units().communes().get(ci).code(), v);
        }
        return out;
    }

    /** The first difference between two row sets as a sentence, or null when they are equal. */
    public String firstDifference(Map<String, long[]> expected, Map<String, long[]> actual) {
        for (String code : new java.util.TreeSet<>(union(expected, actual))) {
            long[] e = expected.get(code), a = actual.get(code);
            if (e == null || a == null) return "commune " + code + " is " + (e == null ? "not in the first" : "not in the second") + " result";
            for (int i = 0; i < columns.size(); i++) {
                if (e[i] != a[i]) return "commune " + code + ", " + columns.get(i) + ": " + e[i] + " vs " + a[i];
            }
        }
        return null;
    }

    private static java.util.Set<String> union(Map<String, long[]> a, Map<String, long[]> b) {
        java.util.Set<String> s = new java.util.HashSet<>(a.keySet());
        s.addAll(b.keySet());
        return s;
    }

    private void add(StringJoiner select, String name, String expr) {
        columns.add(name);
        select.add(expr + " as c" + (columns.size() - 1));
    }

    // ------------------------------------------------------------------ criteria (standards.md)

    private String age() { return "(" + year + " - birth_year)"; }

    /** The criterion's numerator: its {@code criterion} line of the rule file, written as SQL like any condition. */
    private String numerator(Criterion c) {
        defs = rules.definitions();
        return cond(rules.criterion(c).ast());
    }

    // ------------------------------------------------------------------ expressions

    private String aggregate(Ast.AggregateCall call) {
        String where = call.where() == null ? "true" : cond(call.where());
        if (call instanceof Ast.Count) return "count(*) filter (where " + where + ")";
        Field f = Field.byName(((Ast.SumOf) call).field());
        String value = f == Field.AGE ? age() : f == Field.BIRTH_YEAR ? "birth_year" : column(f);
        return "coalesce(sum(" + value + ") filter (where " + where + "), 0)";
    }

    private String cond(Ast.Cond c) {
        if (c instanceof Ast.Or o) return join(o.operands(), " or ");
        if (c instanceof Ast.And a) return join(a.operands(), " and ");
        if (c instanceof Ast.Not n) return "not (" + cond(n.operand()) + ")";
        if (c instanceof Ast.Test t) return test(Field.byName(t.field()));
        if (c instanceof Ast.IsMissing m) {
            Field f = Field.byName(m.field());
            if (f.derived() || f == Field.COMMUNE_CODE || f == Field.AGE || f == Field.BIRTH_YEAR) return m.negated() ? "true" : "false";
            return column(f) + (m.negated() ? " is not null" : " is null");
        }
        if (c instanceof Ast.Compare k) return compare(k);
        if (c instanceof Ast.Between b) return between(b);
        return in((Ast.In) c);
    }

    private String join(List<Ast.Cond> cs, String op) {
        StringJoiner j = new StringJoiner(op, "(", ")");
        for (Ast.Cond c : cs) j.add(cond(c));
        return j.toString();
    }

    /** A yes/no field: true only when true. */
    private String test(Field f) {
        // literate1, literate2, exempt: the rule file's define lines
        if (vn.hoctap.standards.core.expression.Definitions.DEFINABLE.contains(f)) return "(" + cond(defs.of(f)) + ")";
        return "coalesce(" + column(f) + ", false)";
    }

    private static String column(Field f) {
        if (f.derived() || f.type() == FieldType.TEXT && f != Field.COMMUNE_CODE) {
            throw new UnsupportedOperationException("no SQL column for the field " + f.csvName());
        }
        return f.csvName();
    }

    private long bound(Ast.Value v) {
        if (v instanceof Ast.IntValue i) return i.value();
        return (long) year + ((Ast.YearValue) v).offset();
    }

    private String number(Field f) { return f == Field.AGE ? age() : f == Field.BIRTH_YEAR ? "birth_year" : column(f); }

    /** A yes/no field whose value must satisfy {@code mask} (index 0 false, 1 true); missing never matches. */
    private String boolMask(Field f, boolean[] mask) {
        if (f.derived()) {
            String t = test(f);
            if (mask[0] && mask[1]) return "true";
            if (mask[1]) return t;
            if (mask[0]) return "not (" + t + ")";
            return "false";
        }
        if (mask[0] && mask[1]) return column(f) + " is not null";
        if (mask[1]) return "coalesce(" + column(f) + " = true, false)";
        if (mask[0]) return "coalesce(" + column(f) + " = false, false)";
        return "false";
    }

    /** An enumeration field whose ordinal must satisfy {@code p}: the matching codes as an IN list. */
    private String enumWhere(Field f, IntPredicate p) {
        List<String> codes = f.codes();
        StringJoiner j = new StringJoiner(", ", column(f) + " in (", ")");
        j.setEmptyValue("false");
        for (int i = 0; i < codes.size(); i++) if (p.test(i)) j.add(text(codes.get(i)));
        return "coalesce(" + j + ", false)";
    }

    private String compare(Ast.Compare k) {
        Field f = Field.byName(k.field());
        Ast.CompareOp op = k.op();
        switch (f.type()) {
            case NUMBER:
            case YEAR:
                return "coalesce(" + number(f) + " " + sqlOp(op) + " " + bound(k.value()) + ", false)";
            case BOOLEAN: {
                int lit = ((Ast.BoolValue) k.value()).value() ? 1 : 0;
                boolean[] mask = new boolean[2];
                for (int i = 0; i < 2; i++) mask[i] = op.holds(Integer.compare(i, lit));
                return boolMask(f, mask);
            }
            case TEXT: {
                if (f != Field.COMMUNE_CODE) throw new UnsupportedOperationException("no SQL column for the field " + f.csvName());
                return "commune_code " + (op == Ast.CompareOp.EQ ? "=" : "<>") + " " + text(((Ast.TextValue) k.value()).text());
            }
            default: {
                int lit = f.codes().indexOf(((Ast.NameValue) k.value()).name());
                return enumWhere(f, v -> op.holds(Integer.compare(v, lit)));
            }
        }
    }

    private static String sqlOp(Ast.CompareOp op) {
        String s = op.symbol();
        return s.equals("!=") ? "<>" : s;
    }

    private String between(Ast.Between b) {
        Field f = Field.byName(b.field());
        if (f.type() == FieldType.ORDERED_ENUM) {
            int lo = f.codes().indexOf(((Ast.NameValue) b.low()).name());
            int hi = f.codes().indexOf(((Ast.NameValue) b.high()).name());
            return enumWhere(f, v -> v >= lo && v <= hi);
        }
        return "coalesce(" + number(f) + " between " + bound(b.low()) + " and " + bound(b.high()) + ", false)";
    }

    private String in(Ast.In in) {
        Field f = Field.byName(in.field());
        switch (f.type()) {
            case NUMBER:
            case YEAR: {
                StringJoiner j = new StringJoiner(", ", number(f) + " in (", ")");
                for (Ast.Value v : in.values()) j.add(Long.toString(bound(v)));
                return "coalesce(" + j + ", false)";
            }
            case BOOLEAN: {
                boolean[] mask = new boolean[2];
                for (Ast.Value v : in.values()) mask[((Ast.BoolValue) v).value() ? 1 : 0] = true;
                return boolMask(f, mask);
            }
            case TEXT: {
                if (f != Field.COMMUNE_CODE) throw new UnsupportedOperationException("no SQL column for the field " + f.csvName());
                StringJoiner j = new StringJoiner(", ", "commune_code in (", ")");
                for (Ast.Value v : in.values()) j.add(text(((Ast.TextValue) v).text()));
                return j.toString();
            }
            default: {
                java.util.Set<Integer> set = new java.util.HashSet<>();
                for (Ast.Value v : in.values()) set.add(f.codes().indexOf(((Ast.NameValue) v).name()));
                return enumWhere(f, set::contains);
            }
        }
    }

    private static String text(String s) { return "'" + s.replace("'", "''") + "'"; }
}
