package vn.hoctap.analytics.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import vn.hoctap.analytics.internal.Columns;
import vn.hoctap.analytics.internal.Program;
import vn.hoctap.analytics.internal.QueryPlan;
import vn.hoctap.expressions.core.Ast;
import vn.hoctap.expressions.core.ExpressionException;
import vn.hoctap.expressions.core.Parser;
import vn.hoctap.standards.core.Person;
import vn.hoctap.standards.core.Units;
import vn.hoctap.standards.core.expression.CompiledIndicator;
import vn.hoctap.standards.core.expression.Field;
import vn.hoctap.standards.core.expression.GroupValue;

/**
 * One question asked of the columnar register on the spot (Explore, issue 18): an expression of the indicator language,
 * a breakdown and the communes it may see. {@link #compile} parses, type-checks and compiles the expression into a
 * column program of its aggregates only (no criteria); {@link #run} counts it in one pass over the columns, the
 * breakdown taken as a group index per row (commune, commune × sex / age band / residence / disability, or village),
 * split over threads. Nothing is rebuilt or stored: a new expression costs its compile (microseconds) and one scan.
 * <pre>{@code
 * ExploreQuery q = ExploreQuery.compile(register.units(), 2025, "count(person where employed) / count(person where age >= 15)",
 *         ExploreQuery.Breakdown.SEX, null);
 * ExploreQuery.Result r = q.run(register, 2);
 * }</pre>
 * Expressions the columns cannot answer (a field they do not keep: person_id, household_id, birth_date, ethnicity,
 * village in a condition) are refused with a located {@link ExpressionException} of kind {@code UNSUPPORTED}.
 */
public final class ExploreQuery {

    /** What the rows of the answer are. */
    public enum Breakdown { COMMUNE, SEX, AGE_BAND, RESIDENCE, DISABILITY, VILLAGE }

    /** The age bands (whole years, age = data year − birth year), lower bounds; the last is open. */
    public static final int[] AGE_BANDS = {0, 3, 6, 11, 15, 18, 36, 61};

    private final Units units;
    private final int year;
    private final CompiledIndicator indicator;
    private final Breakdown breakdown;
    private final Program program;
    private final int[] aggIndex;
    private final long[] gate;
    private final Program.Grouping grouping;
    private final long compileNanos;

    private ExploreQuery(Units units, int year, CompiledIndicator indicator, Breakdown breakdown, boolean[] communes, long start) {
        this.units = units;
        this.year = year;
        this.indicator = indicator;
        this.breakdown = breakdown;
        QueryPlan plan = QueryPlan.expression(units, year, indicator);
        this.program = plan.program();
        this.aggIndex = plan.indicatorAggregates(0);
        if (communes == null) {
            this.gate = null;
        } else {
            this.gate = new long[units.communeCount()];
            for (int i = 0; i < gate.length; i++) gate[i] = communes[i] ? 1 : 0;
        }
        this.grouping = grouping(breakdown, year);
        this.compileNanos = System.nanoTime() - start;
    }

    /**
     * Parses, checks and compiles {@code expression} for data year {@code year}.
     * @param communeCodes the communes whose persons are counted (null: all of {@code units})
     * @throws ExpressionException located (line, column) with a message in Vietnamese and English, when the
     *         expression is not valid or reads a field the columns do not keep
     */
    public static ExploreQuery compile(Units units, int year, String expression, Breakdown breakdown, Collection<String> communeCodes) {
        long start = System.nanoTime();
        CompiledIndicator c = compileExpression(expression);
        return new ExploreQuery(units, year, c, Objects.requireNonNull(breakdown), communes(units, communeCodes), start);
    }

    /** As {@link #compile(Units, int, String, Breakdown, Collection)} for an expression compiled already. */
    public static ExploreQuery compile(Units units, int year, CompiledIndicator indicator, Breakdown breakdown, Collection<String> communeCodes) {
        long start = System.nanoTime();
        requireKept(Parser.parseTree(indicator.source(), n -> Field.byName(n) != null));
        return new ExploreQuery(units, year, indicator, Objects.requireNonNull(breakdown), communes(units, communeCodes), start);
    }

    /**
     * The expression parsed, type-checked and checked against what the columns keep.
     * @throws ExpressionException located, as above
     */
    public static CompiledIndicator compileExpression(String expression) {
        String src = expression == null ? "" : expression;
        CompiledIndicator c;
        try {
            c = CompiledIndicator.compile(src);
        } catch (ExpressionException e) {
            // a condition alone ("age >= 15 and employed") is a common first try: say what to write around it
            boolean condition;
            try {
                Parser.parseConditionTree(src, n -> Field.byName(n) != null);
                condition = !src.isBlank();
            } catch (ExpressionException notACondition) {
                condition = false;
            }
            if (condition) {
                throw ExpressionException.at(src, 0, ExpressionException.Kind.SYNTAX, null, "count(person where …)",
                        "đây là một điều kiện, chưa phải biểu thức: hãy viết count(person where " + src.strip() + ")"
                                + " để đếm số người thỏa điều kiện",
                        "this is a condition, not an expression: write count(person where " + src.strip() + ")"
                                + " to count the persons meeting it");
            }
            throw e;
        }
        requireKept(Parser.parseTree(src, n -> Field.byName(n) != null));
        return c;
    }

    /** Refuses, at the field, a condition or sum on a field the columns do not keep. */
    private static void requireKept(Parser.Parsed p) {
        new Object() {
            void expr(Ast.Expr e) {
                if (e instanceof Ast.Neg n) expr(n.operand());
                else if (e instanceof Ast.Arithmetic a) {
                    expr(a.first());
                    a.steps().forEach(s -> expr(s.operand()));
                } else if (e instanceof Ast.Count c) {
                    if (c.where() != null) cond(c.where());
                } else if (e instanceof Ast.SumOf s) {
                    field(s.field(), p.operatorPosition(s));
                    if (s.where() != null) cond(s.where());
                }
            }

            void cond(Ast.Cond c) {
                if (c instanceof Ast.Or o) o.operands().forEach(this::cond);
                else if (c instanceof Ast.And a) a.operands().forEach(this::cond);
                else if (c instanceof Ast.Not n) cond(n.operand());
                else if (c instanceof Ast.Test t) field(t.field(), p.position(c));
                else if (c instanceof Ast.Compare k) field(k.field(), p.position(c));
                else if (c instanceof Ast.Between b) field(b.field(), p.position(c));
                else if (c instanceof Ast.In i) field(i.field(), p.position(c));
                else if (c instanceof Ast.IsMissing m) field(m.field(), p.position(c));
            }

            void field(String name, int at) {
                Field f = Field.byName(name);
                if (f == null || QueryPlan.kept(f)) return;
                String hintVi = f == Field.VILLAGE ? "; để xem theo thôn, tổ dân phố hãy chọn phân tổ \"Thôn, tổ dân phố\"" : "";
                String hintEn = f == Field.VILLAGE ? "; to see villages, choose the breakdown \"Village\"" : "";
                throw p.error(at, ExpressionException.Kind.UNSUPPORTED, name, "a field kept by the engine",
                        "bộ máy tính nhanh không giữ trường '" + name + "' nên không tính được biểu thức này; hãy dùng các trường"
                                + " khác (tuổi, giới tính, trình độ, …)" + hintVi,
                        "the fast engine does not keep the field '" + name + "', so it cannot compute this expression; use"
                                + " other fields (age, sex, qualification, …)" + hintEn);
            }
        }.expr(p.expr());
    }

    private static boolean[] communes(Units units, Collection<String> codes) {
        if (codes == null) return null;
        boolean[] in = new boolean[units.communeCount()];
        for (String code : codes) {
            int i = units.communeIndex(code);
            if (i >= 0) in[i] = true;
        }
        return in;
    }

    private static Program.Grouping grouping(Breakdown b, int year) {
        return switch (b) {
            case COMMUNE -> Program.Grouping.byCommune();
            case SEX -> Program.Grouping.byBits(Columns.DEMO, 0, 2);
            case RESIDENCE -> Program.Grouping.byBits(Columns.DEMO, 2, 2);
            case DISABILITY -> Program.Grouping.byBits(Columns.DEMO, 4, 2);
            case VILLAGE -> Program.Grouping.byVillage();
            case AGE_BAND -> {
                int[] codes = new int[Columns.BIRTH_RANGE];
                for (int i = 0; i < codes.length; i++) codes[i] = ageBand(year - (Columns.BIRTH_BASE + i));
                yield Program.Grouping.byBirth(codes, AGE_BANDS.length);
            }
        };
    }

    /** The band of an age (0 for ages below 3, negative ones included). */
    public static int ageBand(int age) {
        int band = 0;
        for (int i = 1; i < AGE_BANDS.length; i++) if (age >= AGE_BANDS[i]) band = i;
        return band;
    }

    /** The label of a band: "0–2", …, "61+". */
    public static String ageBandLabel(int band) {
        return band == AGE_BANDS.length - 1 ? AGE_BANDS[band] + "+" : AGE_BANDS[band] + "–" + (AGE_BANDS[band + 1] - 1);
    }

    public CompiledIndicator indicator() { return indicator; }

    public Breakdown breakdown() { return breakdown; }

    public int year() { return year; }

    /**
     * Whether the value is a share: one count divided by another (shown as a percentage); otherwise a number (a count,
     * an average, …).
     */
    public boolean share() {
        return indicator.ast() instanceof Ast.Arithmetic a && a.steps().size() == 1 && a.steps().get(0).op() == '/'
                && a.first() instanceof Ast.Count && a.steps().get(0).operand() instanceof Ast.Count;
    }

    /** One line of the answer: a group's persons, the expression's aggregates and its value. */
    public record Group(String key, String commune, String label, long persons, double numerator, double denominator, double value) {
    }

    /**
     * The answer: the breakdown's groups (those with persons in the communes asked), every commune's value (for the map),
     * the total, and how long compiling and counting took.
     */
    public record Result(int year, Breakdown breakdown, String expression, boolean share, List<Group> groups,
                         List<Group> communes, Group total, long rows, long compileNanos, long scanNanos) {
    }

    /**
     * Counts the query over {@code register} (whose units must be this query's) with {@code threads} threads (the
     * calling one included). The register must not change meanwhile (the caller holds its writer's lock).
     * @throws IllegalStateException for the breakdown by village when the register holds more than 65,535 villages
     */
    public Result run(ColumnarRegister register, int threads) {
        if (register.units() != units) throw new IllegalArgumentException("register of other units");
        long start = System.nanoTime();
        Columns c = register.columns;
        if (breakdown == Breakdown.VILLAGE && c.villages.overflowed()) {
            throw new IllegalStateException("more than " + vn.hoctap.analytics.internal.VillageDictionary.MAX + " villages");
        }
        int width = program.aggregates();
        int communeCount = units.communeCount();
        int villages = c.villages.size();
        int groups = grouping.groups(communeCount, villages);
        long[] counts = scan(c, register.size(), threads, groups * width);
        long scan = System.nanoTime() - start;

        int na = aggIndex.length;
        // per commune (the map) and per group of the breakdown, summed from the group counts
        long[] byCommune = new long[communeCount * (na + 1)];
        int outGroups = switch (breakdown) {
            case COMMUNE -> communeCount;
            case VILLAGE -> villages;
            default -> groups / communeCount;
        };
        long[] byGroup = new long[outGroups * (na + 1)];
        for (int g = 0; g < groups; g++) {
            long persons = counts[g * width];
            int commune = switch (breakdown) {
                case COMMUNE -> g;
                case VILLAGE -> g == 0 ? -1 : c.villages.commune(g);
                default -> g / grouping.codeCount();
            };
            int out = switch (breakdown) {
                case COMMUNE, VILLAGE -> g;
                default -> grouping.code(g);
            };
            if (commune < 0) continue;
            byCommune[commune * (na + 1)] += persons;
            byGroup[out * (na + 1)] += persons;
            for (int j = 0; j < na; j++) {
                long v = counts[g * width + aggIndex[j]];
                byCommune[commune * (na + 1) + 1 + j] += v;
                byGroup[out * (na + 1) + 1 + j] += v;
            }
        }
        List<Group> communes = new ArrayList<>();
        long[] total = new long[na + 1];
        for (int ci = 0; ci < communeCount; ci++) {
            if (byCommune[ci * (na + 1)] == 0) continue;
            String code = units.communes().get(ci).code();
            communes.add(group(code, code, units.communes().get(ci).name(), byCommune, ci, na));
            for (int j = 0; j <= na; j++) total[j] += byCommune[ci * (na + 1) + j];
        }
        List<Group> lines = new ArrayList<>();
        for (int o = 0; o < outGroups; o++) {
            if (byGroup[o * (na + 1)] == 0) continue;
            lines.add(switch (breakdown) {
                case COMMUNE -> group(units.communes().get(o).code(), units.communes().get(o).code(),
                        units.communes().get(o).name(), byGroup, o, na);
                case VILLAGE -> {
                    String commune = units.communes().get(c.villages.commune(o)).code();
                    yield group(commune + "/" + c.villages.name(o), commune, c.villages.name(o), byGroup, o, na);
                }
                case AGE_BAND -> group(ageBandLabel(o), null, ageBandLabel(o), byGroup, o, na);
                default -> {
                    String code = code(breakdown, o);
                    yield group(code, null, code, byGroup, o, na);
                }
            });
        }
        GroupValue t = indicator.valueOf(null, total[0], java.util.Arrays.copyOfRange(total, 1, na + 1));
        Group totalGroup = new Group("", null, "", total[0], t.numerator(), t.denominator(), t.value());
        return new Result(year, breakdown, indicator.normalized(), share(), List.copyOf(lines), List.copyOf(communes), totalGroup,
                register.size(), compileNanos, scan);
    }

    /** The register code of an enumeration breakdown's code (ordinal + 1; 0 is an empty cell, ""). */
    private static String code(Breakdown b, int code) {
        if (code == 0) return "";
        Enum<?>[] values = switch (b) {
            case SEX -> Person.Sex.values();
            case RESIDENCE -> Person.Residence.values();
            default -> Person.Disability.values();
        };
        return code - 1 < values.length ? ((Person.Coded) values[code - 1]).code() : "?" + code;
    }

    private Group group(String key, String commune, String label, long[] v, int i, int na) {
        long[] aggs = java.util.Arrays.copyOfRange(v, i * (na + 1) + 1, (i + 1) * (na + 1));
        GroupValue g = indicator.valueOf(key, v[i * (na + 1)], aggs);
        return new Group(key, commune, label, v[i * (na + 1)], g.numerator(), g.denominator(), g.value());
    }

    private long[] scan(Columns c, int n, int threads, int size) {
        return ColumnarEngine.inParallel(n, threads, size, "explore",
                (from, to, counts) -> program.runGrouped(c, from, to, gate, grouping, counts));
    }
}
