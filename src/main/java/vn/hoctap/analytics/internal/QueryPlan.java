package vn.hoctap.analytics.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import vn.hoctap.standards.core.expression.Aggregate;
import vn.hoctap.expressions.core.Ast;
import vn.hoctap.standards.core.expression.CompiledIndicator;
import vn.hoctap.standards.core.expression.Definitions;
import vn.hoctap.standards.core.expression.Field;
import vn.hoctap.standards.core.expression.FieldType;
import vn.hoctap.standards.core.Criterion;
import vn.hoctap.standards.core.Person;
import vn.hoctap.standards.core.RuleSet;
import vn.hoctap.standards.core.Units;

/**
 * Compiles the twelve criteria of standards.md (cohorts and numerator conditions from the {@link RuleSet}'s lines) and
 * the indicator expressions (walking their {@link Ast} conditions) into one {@link Program} for a data year.
 *
 * <p>Aggregate layout: 0 = persons of the commune; 1 + c = denominator of criterion c; 1 + 12 + c = its
 * numerator; then each indicator's aggregates ({@link #indicatorAggregates(int)}, in the order of
 * {@link CompiledIndicator#aggregates()}) and the count of exempt persons ({@link #exemptAggregate()}; an
 * identical indicator aggregate may share its index).
 */
public final class QueryPlan {
    public static final int NC = Criterion.values().length;

    private final int year;
    private final Units units;
    private final Program program;
    private final List<String> ids;
    private final List<CompiledIndicator> indicators;
    private final int[][] indicatorAggs;
    private final int exemptAgg;
    private final Program.Builder pb;
    /** The named conditions (literate1, literate2, exempt) of what is being compiled: the rule set's, or an indicator's. */
    private Definitions defs;

    public QueryPlan(Units units, RuleSet rules, int year, Map<String, CompiledIndicator> indicators) {
        this.year = year;
        this.units = units;
        this.pb = new Program.Builder(year);
        // a one-off expression (rules == null) still reads the rule file's named conditions (exempt, literate1, …)
        defs = (rules != null ? rules : RuleSet.defaults()).definitions();
        int notExempt = pb.not(test(Field.EXEMPT)); // the rule file's define | exempt
        int[] den = new int[NC], num = new int[NC];
        if (rules != null) {
            for (Criterion c : Criterion.values()) {
                RuleSet.CohortRule r = rules.cohort(c);
                int min = r.minAge(), max = r.maxAge();
                den[c.ordinal()] = pb.and(notExempt, birth(Field.AGE, v -> v >= min && v <= max));
                num[c.ordinal()] = pb.and(den[c.ordinal()], numerator(rules, c));
            }
        }
        if (pb.countFresh(pb.all()) != 0) throw new IllegalStateException("aggregate layout");
        if (rules != null) {
            for (int c = 0; c < NC; c++) pb.countFresh(den[c]);
            for (int c = 0; c < NC; c++) pb.countFresh(num[c]);
        }
        this.ids = new ArrayList<>(indicators.keySet());
        this.indicators = new ArrayList<>(indicators.values());
        indicatorAggs = new int[ids.size()][];
        for (int i = 0; i < ids.size(); i++) {
            List<Aggregate> aggs = this.indicators.get(i).aggregates();
            defs = this.indicators.get(i).definitions();
            indicatorAggs[i] = new int[aggs.size()];
            for (int j = 0; j < aggs.size(); j++) indicatorAggs[i][j] = aggregate(aggs.get(j).ast());
        }
        this.exemptAgg = pb.count(pb.not(notExempt));
        this.program = pb.build();
    }

    /**
     * Only the aggregates of one expression, after the count of all persons (aggregate 0), without the criteria: the
     * plan of a one-off query (Explore, issue 18); {@link #indicatorAggregates(int) indicatorAggregates(0)} are the
     * expression's.
     * @throws UnsupportedOperationException when the expression reads a field the register does not keep
     */
    public static QueryPlan expression(Units units, int year, CompiledIndicator indicator) {
        return new QueryPlan(units, null, year, Map.of("expression", indicator));
    }

    /** The fields a condition or a sum may read here (the others are not kept by the columns). */
    public static boolean kept(Field f) {
        return f == Field.AGE || f == Field.BIRTH_YEAR || f == Field.COMMUNE_CODE || f.derived() || sub(f) != null;
    }

    public int year() { return year; }

    public Units units() { return units; }

    public Program program() { return program; }

    public List<String> indicatorIds() { return ids; }

    public List<CompiledIndicator> indicators() { return indicators; }

    /** Program aggregate index of the count of exempt persons (the rule file's {@code exempt}). */
    public int exemptAggregate() { return exemptAgg; }

    /** Program aggregate index of each of indicator i's aggregates. */
    public int[] indicatorAggregates(int i) { return indicatorAggs[i]; }

    // ------------------------------------------------------------------ criteria (the rule file's lines)

    /** The criterion's numerator: its {@code criterion} line of the rule file, compiled like any condition. */
    private int numerator(RuleSet rules, Criterion c) {
        defs = rules.definitions();
        return cond(rules.criterion(c).ast());
    }

    // ------------------------------------------------------------------ columns of the fields

    static final int MISSING = Integer.MIN_VALUE;

    private enum Kind { ENUM, BOOL, SMALL, YEAR }

    private record Sub(int col, int shift, int width, Kind kind) {
        int decode(int b) {
            int code = (b >>> shift) & ((1 << width) - 1);
            if (code == 0) return MISSING;
            return kind == Kind.YEAR ? code + Columns.YEAR_BASE : code - 1;
        }
    }

    private static Sub sub(Field f) {
        switch (f) {
            case SEX: return new Sub(Columns.DEMO, 0, 2, Kind.ENUM);
            case RESIDENCE: return new Sub(Columns.DEMO, 2, 2, Kind.ENUM);
            case DISABILITY: return new Sub(Columns.DEMO, 4, 2, Kind.ENUM);
            case EMPLOYED: return new Sub(Columns.BOOLS, 0, 2, Kind.BOOL);
            case INFORMATION_LITERACY: return new Sub(Columns.BOOLS, 2, 2, Kind.BOOL);
            case LIFE_SKILLS: return new Sub(Columns.BOOLS, 4, 2, Kind.BOOL);
            case ENROLMENT: return new Sub(Columns.ENROLMENT, 0, 8, Kind.ENUM);
            case GRADE: return new Sub(Columns.GRADE, 0, 8, Kind.SMALL);
            case QUALIFICATION: return new Sub(Columns.QUALIFICATION, 0, 8, Kind.ENUM);
            case DIGITAL_SKILLS: return new Sub(Columns.DIGITAL, 0, 8, Kind.ENUM);
            case PRESCHOOL_COMPLETED: return new Sub(Columns.PRESCHOOL_Y, 0, 8, Kind.YEAR);
            case PRIMARY_COMPLETED: return new Sub(Columns.PRIMARY_Y, 0, 8, Kind.YEAR);
            case LOWER_SECONDARY_DIPLOMA: return new Sub(Columns.LOWER_SECONDARY_Y, 0, 8, Kind.YEAR);
            case UPPER_SECONDARY_COMPLETED: return new Sub(Columns.UPPER_SECONDARY_Y, 0, 8, Kind.YEAR);
            case HIGHEST_GRADE_COMPLETED: return new Sub(Columns.HIGHEST_GRADE, 0, 8, Kind.SMALL);
            case LITERACY_STAGE_COMPLETED: return new Sub(Columns.LITERACY_STAGE, 0, 8, Kind.SMALL);
            case LEARNING_CITIZEN_YEAR: return new Sub(Columns.LEARNING_CITIZEN_Y, 0, 8, Kind.YEAR);
            default: return null;
        }
    }

    private static UnsupportedOperationException unsupported(Field f) {
        return new UnsupportedOperationException("the columnar register does not keep the field " + f.csvName()
                + " (kept: the fields of the standards and the NQ23 register indicators, and commune_code)");
    }

    /** A leaf on a stored field: {@code p} receives the decoded value (ordinal, 0/1, number or year) or MISSING. */
    private int byteField(Field f, IntPredicate p) {
        Sub s = sub(f);
        if (s == null) throw unsupported(f);
        long[] t = new long[256];
        for (int b = 0; b < 256; b++) t[b] = p.test(s.decode(b)) ? 1 : 0;
        return pb.byteLeaf(s.col, t);
    }

    /** A leaf on age or birth_year. */
    private int birth(Field f, IntPredicate p) {
        long[] t = new long[Columns.BIRTH_RANGE];
        for (int i = 0; i < t.length; i++) {
            int by = Columns.BIRTH_BASE + i;
            t[i] = p.test(f == Field.AGE ? year - by : by) ? 1 : 0;
        }
        return pb.birthLeaf(t);
    }

    /** A leaf on any whole-number-like field (age, birth_year, or a stored column). */
    private int intField(Field f, IntPredicate p) {
        return f == Field.AGE || f == Field.BIRTH_YEAR ? birth(f, p) : byteField(f, p);
    }

    /** A yes/no field as a node (true only when true). */
    private int test(Field f) {
        if (Definitions.DEFINABLE.contains(f)) return cond(defs.of(f)); // literate1, literate2, exempt: the rule file's
        return byteField(f, v -> v == 1);
    }

    /** A yes/no field whose value must be in {@code mask} (index 0 false, 1 true); missing never matches. */
    private int boolMask(Field f, boolean[] mask) {
        if (f.derived()) {
            int t = test(f);
            if (mask[0] && mask[1]) return pb.all();
            if (mask[1]) return t;
            if (mask[0]) return pb.not(t);
            return pb.none();
        }
        return byteField(f, v -> v != MISSING && v < mask.length && mask[v]);
    }

    private int commune(IntPredicate byOrdinal) {
        long[] t = new long[units.communeCount()];
        for (int i = 0; i < t.length; i++) t[i] = byOrdinal.test(i) ? 1 : 0;
        return pb.communeLeaf(t);
    }

    // ------------------------------------------------------------------ expressions

    private int aggregate(Ast.AggregateCall call) {
        int node = call.where() == null ? pb.all() : cond(call.where());
        if (call instanceof Ast.Count) return pb.count(node);
        Field f = Field.byName(((Ast.SumOf) call).field());
        if (f == Field.AGE) return pb.sumAge(node);
        if (f == Field.BIRTH_YEAR) return pb.sumBirthYear(node);
        Sub s = sub(f);
        if (s == null) throw unsupported(f);
        long[] values = new long[256];
        for (int b = 0; b < 256; b++) {
            int v = s.decode(b);
            values[b] = v == MISSING ? 0 : v;
        }
        return pb.sumByte(node, s.col, values);
    }

    private int cond(Ast.Cond c) {
        if (c instanceof Ast.Or o) {
            int n = cond(o.operands().get(0));
            for (int i = 1; i < o.operands().size(); i++) n = pb.or(n, cond(o.operands().get(i)));
            return n;
        }
        if (c instanceof Ast.And o) {
            int n = cond(o.operands().get(0));
            for (int i = 1; i < o.operands().size(); i++) n = pb.and(n, cond(o.operands().get(i)));
            return n;
        }
        if (c instanceof Ast.Not n) return pb.not(cond(n.operand()));
        if (c instanceof Ast.Test t) return test(Field.byName(t.field()));
        if (c instanceof Ast.IsMissing m) {
            Field f = Field.byName(m.field());
            boolean want = !m.negated();
            if (f.derived() || f == Field.COMMUNE_CODE) return want ? pb.none() : pb.all();
            if (f == Field.AGE || f == Field.BIRTH_YEAR) return want ? pb.none() : pb.all();
            return byteField(f, v -> (v == MISSING) == want);
        }
        if (c instanceof Ast.Compare k) return compare(k);
        if (c instanceof Ast.Between bt) return between(bt);
        return in((Ast.In) c);
    }

    private long bound(Ast.Value v) {
        if (v instanceof Ast.IntValue i) return i.value();
        return (long) year + ((Ast.YearValue) v).offset();
    }

    private int compare(Ast.Compare k) {
        Field f = Field.byName(k.field());
        Ast.CompareOp op = k.op();
        switch (f.type()) {
            case NUMBER:
            case YEAR: {
                long c = bound(k.value());
                return intField(f, v -> v != MISSING && op.holds(Long.compare(v, c)));
            }
            case BOOLEAN: {
                int lit = ((Ast.BoolValue) k.value()).value() ? 1 : 0;
                boolean[] mask = new boolean[2];
                for (int i = 0; i < 2; i++) mask[i] = op.holds(Integer.compare(i, lit));
                return boolMask(f, mask);
            }
            case TEXT: {
                if (f != Field.COMMUNE_CODE) throw unsupported(f);
                String lit = ((Ast.TextValue) k.value()).text();
                boolean eq = op == Ast.CompareOp.EQ;
                return commune(i -> units.communes().get(i).code().equals(lit) == eq);
            }
            default: {
                int lit = f.codes().indexOf(((Ast.NameValue) k.value()).name());
                return byteField(f, v -> v != MISSING && op.holds(Integer.compare(v, lit)));
            }
        }
    }

    private int between(Ast.Between b) {
        Field f = Field.byName(b.field());
        if (f.type() == FieldType.ORDERED_ENUM) {
            int lo = f.codes().indexOf(((Ast.NameValue) b.low()).name());
            int hi = f.codes().indexOf(((Ast.NameValue) b.high()).name());
            return byteField(f, v -> v != MISSING && v >= lo && v <= hi);
        }
        long lo = bound(b.low()), hi = bound(b.high());
        return intField(f, v -> v != MISSING && v >= lo && v <= hi);
    }

    private int in(Ast.In in) {
        Field f = Field.byName(in.field());
        switch (f.type()) {
            case NUMBER:
            case YEAR: {
                long[] vs = in.values().stream().mapToLong(this::bound).toArray();
                return intField(f, v -> {
                    if (v == MISSING) return false;
                    for (long x : vs) if (x == v) return true;
                    return false;
                });
            }
            case BOOLEAN: {
                boolean[] mask = new boolean[2];
                for (Ast.Value v : in.values()) mask[((Ast.BoolValue) v).value() ? 1 : 0] = true;
                return boolMask(f, mask);
            }
            case TEXT: {
                if (f != Field.COMMUNE_CODE) throw unsupported(f);
                java.util.Set<String> set = new java.util.HashSet<>();
                for (Ast.Value v : in.values()) set.add(((Ast.TextValue) v).text());
                return commune(i -> set.contains(units.communes().get(i).code()));
            }
            default: {
                boolean[] mask = new boolean[f.codes().size()];
                for (Ast.Value v : in.values()) mask[f.codes().indexOf(((Ast.NameValue) v).name())] = true;
                return byteField(f, v -> v != MISSING && v < mask.length && mask[v]);
            }
        }
    }

    /** The NQ23 register indicators by id, in file order. */
    public static Map<String, CompiledIndicator> nq23() {
        Map<String, CompiledIndicator> m = new LinkedHashMap<>();
        for (var d : vn.hoctap.standards.core.expression.ExpressionDefinition.nq23()) m.put(d.id(), d.compiled());
        return m;
    }
}
