package vn.hoctap.standards.core.expression;

import vn.hoctap.expressions.core.Ast;
import vn.hoctap.expressions.core.Parser;
import vn.hoctap.expressions.core.Printer;
import vn.hoctap.expressions.core.ExpressionException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import vn.hoctap.standards.core.Person;

/**
 * A parsed and type-checked indicator expression, ready to be evaluated over persons.
 *
 * <pre>{@code
 * CompiledIndicator ind = CompiledIndicator.compile(
 *         "count(person where employed and qualification >= short_course) / count(person where employed)");
 * Evaluation ev = ind.start(2025);
 * persons.forEach(ev);                       // grouped by commune_code; or ev.accept(groupKey, person)
 * IndicatorResult r = ev.result();
 * r.groups().forEach((commune, v) -> System.out.println(commune + " " + v.numerator() + "/" + v.denominator() + " = " + v.value()));
 * double city = r.total().value();
 * }</pre>
 */
public final class CompiledIndicator {

    /** Computes a numeric value from the aggregates' values. */
    @FunctionalInterface
    interface Calc {
        double calc(long[] aggregates);
    }

    private final String source;
    private final Ast.Expr ast;
    private final String normalized;
    private final List<Aggregate> aggregates;
    private final Calc value;
    private final Calc numerator;   // null when not a top-level division
    private final Calc denominator;
    private final Definitions definitions;

    private CompiledIndicator(String source, Ast.Expr ast, Definitions definitions) {
        this.source = source;
        this.definitions = definitions;
        this.ast = ast;
        this.normalized = Printer.print(ast);
        List<Aggregate> aggs = new ArrayList<>();
        this.value = calc(ast, aggs, definitions);
        if (ast instanceof Ast.Arithmetic && ((Ast.Arithmetic) ast).multiplicative()) {
            Ast.Arithmetic a = (Ast.Arithmetic) ast;
            Ast.Step last = a.steps().get(a.steps().size() - 1);
            if (last.op() == '/') {
                Ast.Expr num = a.steps().size() == 1 ? a.first()
                        : new Ast.Arithmetic(a.first(), a.steps().subList(0, a.steps().size() - 1));
                this.numerator = calc(num, aggs, definitions);
                this.denominator = calc(last.operand(), aggs, definitions);
            } else {
                this.numerator = null;
                this.denominator = null;
            }
        } else {
            this.numerator = null;
            this.denominator = null;
        }
        this.aggregates = Collections.unmodifiableList(aggs);
    }

    /**
     * Parses and type-checks {@code expression}.
     *
     * @throws ExpressionException on any error, with its position and a bilingual message
     */
    public static CompiledIndicator compile(String expression) {
        return compile(expression, Definitions.defaults());
    }

    /**
     * As {@link #compile(String)}, with the named conditions ({@code literate1}, {@code literate2}) of a rule set
     * other than the default.
     */
    public static CompiledIndicator compile(String expression, Definitions definitions) {
        Parser.Parsed parsed = Parser.parseTree(expression, n -> Field.byName(n) != null);
        TypeChecker.check(parsed);
        return new CompiledIndicator(expression, parsed.expr(), definitions);
    }

    /** The named conditions this indicator was compiled with (every engine expands them the same way). */
    public Definitions definitions() { return definitions; }

    /** The expression as given. */
    public String source() { return source; }

    public Ast.Expr ast() { return ast; }

    /** Canonical printing of the tree; compiling it gives an equal tree. */
    public String normalized() { return normalized; }

    /** The distinct aggregates, in order of first appearance. */
    public List<Aggregate> aggregates() { return aggregates; }

    /** Whether the top level is a division (numerator / denominator); otherwise the denominator reads 1. */
    public boolean isRatio() { return numerator != null; }

    /** A fresh accumulator for data year {@code year} ({@code age = year − birth year}, {@code year} in comparisons). */
    public Evaluation start(int year) { return new Evaluation(this, year); }

    /** Convenience: feeds all persons grouped by commune code in data year {@code year}. */
    public IndicatorResult evaluate(int year, Iterable<Person> persons) {
        Evaluation e = start(year);
        for (Person p : persons) e.accept(p);
        return e.result();
    }

    /**
     * The value of a group from aggregate values computed elsewhere (e.g. by the columnar engine of
     * {@code vn.hoctap.analytics}), in the order of {@link #aggregates()}: same numerator, denominator and value
     * as {@link Evaluation#result()} gives for the same counts.
     */
    public GroupValue valueOf(String group, long persons, long[] aggregateValues) {
        if (aggregateValues.length != aggregates.size()) {
            throw new IllegalArgumentException("expected " + aggregates.size() + " aggregate values, got " + aggregateValues.length);
        }
        return value(group, persons, aggregateValues.clone());
    }

    GroupValue value(String group, long persons, long[] aggs) {
        double v = value.calc(aggs);
        double n = numerator == null ? v : numerator.calc(aggs);
        double d = denominator == null ? 1 : denominator.calc(aggs);
        return new GroupValue(group, persons, aggs, n, d, v);
    }

    private static Calc calc(Ast.Expr e, List<Aggregate> aggs, Definitions defs) {
        if (e instanceof Ast.Num) {
            double d = ((Ast.Num) e).value();
            return a -> d;
        }
        if (e instanceof Ast.Neg) {
            Calc c = calc(((Ast.Neg) e).operand(), aggs, defs);
            return a -> -c.calc(a);
        }
        if (e instanceof Ast.Arithmetic) {
            Ast.Arithmetic ar = (Ast.Arithmetic) e;
            Calc first = calc(ar.first(), aggs, defs);
            int n = ar.steps().size();
            char[] ops = new char[n];
            Calc[] cs = new Calc[n];
            for (int i = 0; i < n; i++) {
                ops[i] = ar.steps().get(i).op();
                cs[i] = calc(ar.steps().get(i).operand(), aggs, defs);
            }
            return a -> {
                double acc = first.calc(a);
                for (int i = 0; i < n; i++) {
                    double r = cs[i].calc(a);
                    switch (ops[i]) {
                        case '+': acc += r; break;
                        case '-': acc -= r; break;
                        case '*': acc *= r; break;
                        default: acc = r == 0 ? Double.NaN : acc / r;
                    }
                }
                return acc;
            };
        }
        Ast.AggregateCall call = (Ast.AggregateCall) e;
        int idx = -1;
        for (Aggregate g : aggs) {
            if (g.ast().equals(call)) idx = g.index();
        }
        if (idx < 0) {
            idx = aggs.size();
            aggs.add(new Aggregate(idx, call, defs));
        }
        int i = idx;
        return a -> a[i];
    }

    @Override
    public String toString() { return normalized; }
}
