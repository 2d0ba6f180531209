package vn.hoctap.standards.core.expression;

import vn.hoctap.expressions.core.Ast;
import vn.hoctap.expressions.core.Printer;

import java.util.function.Predicate;
import vn.hoctap.standards.core.Person;

/**
 * One distinct aggregate of a compiled indicator ({@code count(person where …)} or {@code sum(person.f where …)}),
 * with its condition compiled once.
 */
public final class Aggregate {

    private final int index;
    private final Ast.AggregateCall ast;
    private final PersonTest test;   // null = every person
    private final Field sumField;    // null for count

    Aggregate(int index, Ast.AggregateCall ast, Definitions definitions) {
        this.index = index;
        this.ast = ast;
        this.test = ast.where() == null ? null : ConditionCompiler.compile(ast.where(), definitions);
        this.sumField = ast instanceof Ast.SumOf ? Field.byName(((Ast.SumOf) ast).field()) : null;
    }

    /** Position in {@link CompiledIndicator#aggregates()} and in {@link GroupValue#aggregate(int)}. */
    public int index() { return index; }

    /** {@code "count"} or {@code "sum"}. */
    public String kind() { return sumField == null ? "count" : "sum"; }

    /** The summed field's CSV name, or null for {@code count}. */
    public String field() { return sumField == null ? null : sumField.csvName(); }

    /** The condition in canonical form (e.g. {@code "employed and qualification >= short_course"}), or null for all persons. */
    public String condition() { return ast.where() == null ? null : Printer.print(ast.where()); }

    /** The whole aggregate in canonical form, e.g. {@code "count(person where employed)"}. */
    public String text() { return Printer.print(ast); }

    public Ast.AggregateCall ast() { return ast; }

    /** The condition for data year {@code year} (always true for an aggregate without {@code where}). */
    public Predicate<Person> predicate(int year) {
        PersonTest t = test;
        return t == null ? p -> true : p -> t.test(p, year);
    }

    /** What person {@code p} adds to this aggregate in data year {@code year}. */
    long contribution(Person p, int year) {
        if (test != null && !test.test(p, year)) return 0;
        return sumField == null ? 1 : ConditionCompiler.sumValue(sumField, p, year);
    }

    @Override
    public String toString() { return index + ": " + text(); }
}
