package vn.hoctap.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntPredicate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import vn.hoctap.expressions.core.Ast;
import vn.hoctap.standards.core.Criterion;
import vn.hoctap.standards.core.Person;
import vn.hoctap.standards.core.RuleSet;
import vn.hoctap.standards.core.expression.Aggregate;
import vn.hoctap.standards.core.expression.CompiledIndicator;
import vn.hoctap.standards.core.expression.Definitions;
import vn.hoctap.standards.core.expression.Field;
import vn.hoctap.standards.core.expression.FieldType;

/**
 * The columnar engine's computation as Spark column expressions over the register's Parquet columns (the columns of
 * {@code register_person}, V2__register.sql; {@link NationalRegister#SCHEMA}): one {@code groupBy(commune_code)} with
 * one aggregate per count. The columns, in the order of the SQL generator's {@code SqlQuery#columns()}: persons,
 * exempt, the twelve criteria's denominators and numerators, then every indicator's aggregates in the order of
 * {@link CompiledIndicator#aggregates()}.
 *
 * <p>Nothing is written by hand: a criterion's numerator is its {@code criterion} line of the rule file and the named
 * conditions ({@code literate1}, {@code literate2}) its {@code define} lines; an indicator's aggregates are those of
 * its expression. Both trees ({@link Ast.Cond}) are compiled by one {@link Ast.CondVisitor} into {@link Column}s, the
 * way the SQL generator and the column program compile them, with the language's missing-value rules
 * (docs/indicator-expressions.md): a comparison with a missing value is false (every leaf is wrapped in
 * {@code coalesce(…, false)}, so {@code not} does not turn SQL's unknown into a match); a sum skips missing values.
 */
public final class SparkQuery {
    private final int year;
    private final RuleSet rules;
    private final Map<String, CompiledIndicator> indicators;
    private final List<String> columns = new ArrayList<>();
    private final List<Column> aggregates = new ArrayList<>();

    private SparkQuery(int year, RuleSet rules, Map<String, CompiledIndicator> indicators) {
        this.year = year;
        this.rules = rules;
        this.indicators = indicators;
        Conditions ruleConditions = new Conditions(rules.definitions());
        Column exempt = col("disability").equalTo(lit(Person.Disability.CANNOT_LEARN.code()));
        add("persons", count(lit(1)));
        add("exempt", countWhere(exempt));
        Column[] den = new Column[Criterion.values().length];
        for (Criterion c : Criterion.values()) {
            RuleSet.CohortRule r = rules.cohort(c);
            den[c.ordinal()] = exempt.unary_$bang().and(age().between(r.minAge(), r.maxAge()));
            add("den_" + c.id(), countWhere(den[c.ordinal()]));
        }
        for (Criterion c : Criterion.values()) {
            add("num_" + c.id(), countWhere(den[c.ordinal()].and(rules.criterion(c).ast().accept(ruleConditions))));
        }
        indicators.forEach((id, ind) -> {
            Conditions conditions = new Conditions(ind.definitions());
            List<Aggregate> aggs = ind.aggregates();
            for (int j = 0; j < aggs.size(); j++) add(id + "#" + j, aggregate(aggs.get(j).ast(), conditions));
        });
    }

    /** The query for the NQ23 register indicators (indicators/nq23-register-indicators.txt), as the columnar engine's. */
    public static SparkQuery nq23(int year, RuleSet rules) {
        return new SparkQuery(year, rules, vn.hoctap.analytics.internal.QueryPlan.nq23());
    }

    public static SparkQuery of(int year, RuleSet rules, Map<String, CompiledIndicator> indicators) {
        return new SparkQuery(year, rules, indicators);
    }

    public int year() { return year; }

    public RuleSet rules() { return rules; }

    public Map<String, CompiledIndicator> indicators() { return indicators; }

    /** Names of the value columns after {@code commune_code}. */
    public List<String> columns() { return Collections.unmodifiableList(columns); }

    /** The per-commune counts as a Spark plan over the register ({@code year} filters the partition). */
    public Dataset<Row> plan(Dataset<Row> register) {
        Column first = aggregates.get(0);
        Column[] rest = aggregates.subList(1, aggregates.size()).toArray(new Column[0]);
        return register.where(col("year").equalTo(lit(year))).groupBy(col("commune_code")).agg(first, rest);
    }

    /** Runs the plan: commune code → values in {@link #columns()} order (communes with persons). */
    public Map<String, long[]> run(Dataset<Row> register) {
        Map<String, long[]> out = new TreeMap<>();
        int n = columns.size();
        for (Row r : plan(register).collectAsList()) {
            long[] v = new long[n];
            for (int i = 0; i < n; i++) v[i] = ((Number) r.get(i + 1)).longValue();
            out.put(r.getString(0), v);
        }
        return out;
    }

    private void add(String name, Column aggregate) {
        columns.add(name);
        aggregates.add(aggregate.as("c" + (columns.size() - 1)));
    }

    private static Column countWhere(Column condition) {
        return count(when(condition, lit(1)));
    }

    private Column age() { return lit(year).minus(col("birth_year")); }

    private Column aggregate(Ast.AggregateCall call, Conditions conditions) {
        Column where = call.where() == null ? lit(true) : call.where().accept(conditions);
        if (call instanceof Ast.Count) return countWhere(where);
        Field f = Field.byName(((Ast.SumOf) call).field());
        return coalesce(sum(when(where, number(f)).cast("long")), lit(0L));
    }

    private Column number(Field f) {
        return f == Field.AGE ? age() : f == Field.BIRTH_YEAR ? col("birth_year") : column(f);
    }

    private static Column column(Field f) {
        if (f.derived() || f.type() == FieldType.TEXT && f != Field.COMMUNE_CODE) {
            throw new UnsupportedOperationException("no register column for the field " + f.csvName());
        }
        return col(f.csvName());
    }

    private long bound(Ast.Value v) {
        if (v instanceof Ast.IntValue i) return i.value();
        return (long) year + ((Ast.YearValue) v).offset();
    }

    private static Column falseWhenMissing(Column c) { return coalesce(c, lit(false)); }

    /** Conditions of one expression (its named conditions: the rule set's or the indicator's) as Spark columns. */
    private final class Conditions implements Ast.CondVisitor<Column> {
        private final Definitions defs;

        Conditions(Definitions defs) { this.defs = defs; }

        @Override public Column or(Ast.Or o) {
            Column c = null;
            for (Ast.Cond x : o.operands()) c = c == null ? x.accept(this) : c.or(x.accept(this));
            return c;
        }

        @Override public Column and(Ast.And a) {
            Column c = null;
            for (Ast.Cond x : a.operands()) c = c == null ? x.accept(this) : c.and(x.accept(this));
            return c;
        }

        @Override public Column not(Ast.Not n) { return n.operand().accept(this).unary_$bang(); }

        @Override public Column test(Ast.Test t) { return test(Field.byName(t.field())); }

        /** A yes/no field: true only when true. */
        private Column test(Field f) {
            return switch (f) {
                case LITERATE1, LITERATE2 -> defs.of(f).accept(this);
                case EXEMPT -> col("disability").equalTo(lit(Person.Disability.CANNOT_LEARN.code()));
                default -> falseWhenMissing(column(f));
            };
        }

        @Override public Column isMissing(Ast.IsMissing m) {
            Field f = Field.byName(m.field());
            if (f.derived() || f == Field.COMMUNE_CODE || f == Field.AGE || f == Field.BIRTH_YEAR) return lit(m.negated());
            return m.negated() ? column(f).isNotNull() : column(f).isNull();
        }

        @Override public Column compare(Ast.Compare k) {
            Field f = Field.byName(k.field());
            Ast.CompareOp op = k.op();
            switch (f.type()) {
                case NUMBER:
                case YEAR:
                    return falseWhenMissing(op(number(f), op, lit(bound(k.value()))));
                case BOOLEAN: {
                    int value = ((Ast.BoolValue) k.value()).value() ? 1 : 0;
                    boolean[] mask = new boolean[2];
                    for (int i = 0; i < 2; i++) mask[i] = op.holds(Integer.compare(i, value));
                    return boolMask(f, mask);
                }
                case TEXT: {
                    if (f != Field.COMMUNE_CODE) throw new UnsupportedOperationException("no register column for the field " + f.csvName());
                    Column eq = col("commune_code").equalTo(lit(((Ast.TextValue) k.value()).text()));
                    return op == Ast.CompareOp.EQ ? eq : eq.unary_$bang();
                }
                default: {
                    int value = f.codes().indexOf(((Ast.NameValue) k.value()).name());
                    return enumWhere(f, v -> op.holds(Integer.compare(v, value)));
                }
            }
        }

        @Override public Column between(Ast.Between b) {
            Field f = Field.byName(b.field());
            if (f.type() == FieldType.ORDERED_ENUM) {
                int lo = f.codes().indexOf(((Ast.NameValue) b.low()).name());
                int hi = f.codes().indexOf(((Ast.NameValue) b.high()).name());
                return enumWhere(f, v -> v >= lo && v <= hi);
            }
            return falseWhenMissing(number(f).between(bound(b.low()), bound(b.high())));
        }

        @Override public Column in(Ast.In in) {
            Field f = Field.byName(in.field());
            switch (f.type()) {
                case NUMBER:
                case YEAR: {
                    List<Object> values = new ArrayList<>();
                    for (Ast.Value v : in.values()) values.add(bound(v));
                    return falseWhenMissing(number(f).isin(values.toArray()));
                }
                case BOOLEAN: {
                    boolean[] mask = new boolean[2];
                    for (Ast.Value v : in.values()) mask[((Ast.BoolValue) v).value() ? 1 : 0] = true;
                    return boolMask(f, mask);
                }
                case TEXT: {
                    if (f != Field.COMMUNE_CODE) throw new UnsupportedOperationException("no register column for the field " + f.csvName());
                    List<Object> values = new ArrayList<>();
                    for (Ast.Value v : in.values()) values.add(((Ast.TextValue) v).text());
                    return col("commune_code").isin(values.toArray());
                }
                default: {
                    java.util.Set<Integer> set = new java.util.HashSet<>();
                    for (Ast.Value v : in.values()) set.add(f.codes().indexOf(((Ast.NameValue) v).name()));
                    return enumWhere(f, set::contains);
                }
            }
        }

        /** A yes/no field whose value must satisfy {@code mask} (index 0 false, 1 true); missing never matches. */
        private Column boolMask(Field f, boolean[] mask) {
            if (f.derived()) {
                if (mask[0] && mask[1]) return lit(true);
                if (mask[1]) return test(f);
                if (mask[0]) return test(f).unary_$bang();
                return lit(false);
            }
            if (mask[0] && mask[1]) return column(f).isNotNull();
            if (mask[1]) return falseWhenMissing(column(f).equalTo(lit(true)));
            if (mask[0]) return falseWhenMissing(column(f).equalTo(lit(false)));
            return lit(false);
        }

        /** An enumeration field whose ordinal must satisfy {@code p}: the matching codes as an IN list. */
        private Column enumWhere(Field f, IntPredicate p) {
            List<String> codes = f.codes();
            List<Object> matching = new ArrayList<>();
            for (int i = 0; i < codes.size(); i++) if (p.test(i)) matching.add(codes.get(i));
            if (matching.isEmpty()) return lit(false);
            return falseWhenMissing(column(f).isin(matching.toArray()));
        }
    }

    private static Column op(Column left, Ast.CompareOp op, Column right) {
        return switch (op) {
            case EQ -> left.equalTo(right);
            case NE -> left.notEqual(right);
            case LT -> left.lt(right);
            case LE -> left.leq(right);
            case GT -> left.gt(right);
            case GE -> left.geq(right);
        };
    }
}
