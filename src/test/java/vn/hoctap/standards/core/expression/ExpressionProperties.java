package vn.hoctap.standards.core.expression;

import vn.hoctap.expressions.core.Ast;
import vn.hoctap.expressions.core.Parser;
import vn.hoctap.expressions.core.Printer;
import vn.hoctap.expressions.core.ExpressionException;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import vn.hoctap.standards.core.Person;

class ExpressionProperties {

    private static final int YEAR = 2025;

    @Provide
    Arbitrary<Ast.Expr> exprs() {
        return Arbitraries.randomValue(r -> Gen.expr(r, 3));
    }

    @Provide
    Arbitrary<Ast.Cond> conds() {
        return Arbitraries.randomValue(r -> Gen.cond(r, 3));
    }

    /** (a) printing then re-parsing any tree gives the same tree; the printed form compiles and is its own normal form. */
    @Property(tries = 1000)
    void printThenParseIsIdentity(@ForAll("exprs") Ast.Expr ast) {
        String printed = Printer.print(ast);
        assertThat(Parser.parse(printed)).as(printed).isEqualTo(ast);
        CompiledIndicator c = CompiledIndicator.compile(printed);
        assertThat(c.normalized()).isEqualTo(printed);
        assertThat(c.ast()).isEqualTo(ast);
    }

    /** Canonical printing is idempotent when the input is written in another layout. */
    @Property(tries = 300)
    void normalizeIgnoresLayout(@ForAll("exprs") Ast.Expr ast) {
        String printed = Printer.print(ast);
        String spaced = printed.replace(" ", "\n  # comment\n\t ").replace("(", "( ");
        if (printed.contains("\"")) return; // spaces inside texts are significant
        assertThat(CompiledIndicator.compile(spaced).normalized()).isEqualTo(printed);
    }

    /** (b) random strings never throw anything but ExpressionException. */
    @Property(tries = 3000)
    void randomStringsOnlyThrowExpressionException(@ForAll("noise") String s) {
        compileSafely(s);
    }

    @Provide
    Arbitrary<String> noise() {
        Arbitrary<String> tokens = Arbitraries.of("count", "sum", "(", ")", "person", "where", "and", "or", "not",
                "between", "in", "is", "missing", "year", "true", "false", "age", "employed", "qualification", "sex",
                "ethnicity", "university", "M", "15", "60", "2.5", "-", "+", "*", "/", "=", "!=", "<", "<=", ">", ">=",
                ",", ".", "\"Kinh\"", "\"", "\\", "#", "\n", " ", "person.", "grade", "99999999999999999999", "đ", "!",
                "<>", "year - 1", "is not missing", "Count", "AND", "qualifcation", "universty");
        Arbitrary<String> fromTokens = tokens.list().ofMaxSize(30).map(l -> String.join(" ", l));
        Arbitrary<String> chars = Arbitraries.strings().withChars("()<>=!,.-+*/\"\\#\n aeinorstuwy0129_đ").ofMaxLength(60);
        Arbitrary<String> any = Arbitraries.strings().ofMaxLength(40);
        return Arbitraries.oneOf(fromTokens, chars, any);
    }

    /** (b) random mutations of valid expressions never throw anything but ExpressionException. */
    @Property(tries = 3000)
    void mutationsOnlyThrowExpressionException(@ForAll("exprs") Ast.Expr ast, @ForAll long seed) {
        Random r = new Random(seed);
        StringBuilder sb = new StringBuilder(Printer.print(ast));
        String junk = "()\"\\,.=<>!-+*/ #\nandornotinyear0123456789đ";
        for (int i = 0, n = 1 + r.nextInt(4); i < n; i++) {
            int at = r.nextInt(sb.length() + 1);
            switch (r.nextInt(4)) {
                case 0:
                    if (sb.length() > 0 && at < sb.length()) sb.deleteCharAt(at);
                    break;
                case 1:
                    sb.insert(at, junk.charAt(r.nextInt(junk.length())));
                    break;
                case 2:
                    if (at < sb.length()) sb.setCharAt(at, junk.charAt(r.nextInt(junk.length())));
                    break;
                default: {
                    int to = Math.min(sb.length(), at + r.nextInt(12));
                    sb.insert(r.nextInt(sb.length() + 1), sb.substring(at, to));
                }
            }
        }
        compileSafely(sb.toString());
    }

    private static void compileSafely(String s) {
        CompiledIndicator c;
        try {
            c = CompiledIndicator.compile(s);
        } catch (ExpressionException e) {
            assertThat(e.position()).isBetween(0, s.length());
            assertThat(e.line()).isPositive();
            assertThat(e.column()).isPositive();
            assertThat(e.getMessage()).contains("Vị trí ").contains(" / at ");
            return;
        }
        // whatever compiles also evaluates
        Evaluation ev = c.start(YEAR);
        Gen.persons(new Random(s.hashCode()), 20).forEach(ev);
        ev.result();
    }

    /** (c) count(person where C) <= count(person), per group and in total. */
    @Property(tries = 500)
    void countWhereIsAtMostCount(@ForAll("conds") Ast.Cond c, @ForAll long seed) {
        CompiledIndicator ind = CompiledIndicator.compile(
                Printer.print(new Ast.Arithmetic(new Ast.Count(c), List.of(new Ast.Step('/', new Ast.Count(null))))));
        List<Person> persons = Gen.persons(new Random(seed), 60);
        IndicatorResult r = ind.evaluate(YEAR, persons);
        for (GroupValue g : r.groups().values()) {
            assertThat(g.aggregate(0)).isLessThanOrEqualTo(g.aggregate(1));
            assertThat(g.aggregate(1)).isEqualTo(g.persons());
            assertThat(g.value()).isBetween(0.0, 1.0);
        }
        assertThat(r.total().numerator()).isLessThanOrEqualTo(r.total().denominator());
        assertThat(r.total().denominator()).isEqualTo((double) persons.size());
    }

    /** (d) count(A or B) = count(A) + count(B) − count(A and B). */
    @Property(tries = 500)
    void inclusionExclusion(@ForAll("conds") Ast.Cond a, @ForAll("conds") Ast.Cond b, @ForAll long seed) {
        Ast.Expr e = new Ast.Arithmetic(new Ast.Count(new Ast.Or(List.of(a, b))), List.of(
                new Ast.Step('-', new Ast.Count(a)),
                new Ast.Step('-', new Ast.Count(b)),
                new Ast.Step('+', new Ast.Count(new Ast.And(List.of(a, b))))));
        CompiledIndicator ind = CompiledIndicator.compile(Printer.print(e));
        IndicatorResult r = ind.evaluate(YEAR, Gen.persons(new Random(seed), 60));
        for (GroupValue g : r.groups().values()) assertThat(g.value()).isZero();
        assertThat(r.total().value()).isZero();
        assertThat(ind.isRatio()).isFalse();
    }

    /** The compiled predicate agrees with an independent, direct reading of the semantics. */
    @Property(tries = 1000)
    void compiledConditionAgreesWithReference(@ForAll("conds") Ast.Cond c, @ForAll long seed) {
        CompiledIndicator ind = CompiledIndicator.compile(Printer.print(new Ast.Count(c)));
        Random r = new Random(seed);
        int year = 2015 + r.nextInt(15);
        var pred = ind.aggregates().get(0).predicate(year);
        List<Person> persons = Gen.persons(r, 40);
        long expected = 0;
        for (Person p : persons) {
            boolean want = Reference.test(c, p, year);
            assertThat(pred.test(p)).as("%s on %s", Printer.print(c), p).isEqualTo(want);
            if (want) expected++;
        }
        assertThat(ind.evaluate(year, persons).total().value()).isEqualTo((double) expected);
    }

    /** Splitting the persons over two evaluations and merging gives the same counts. */
    @Property(tries = 200)
    void mergeEqualsSingleRun(@ForAll("exprs") Ast.Expr ast, @ForAll long seed) {
        CompiledIndicator ind = CompiledIndicator.compile(Printer.print(ast));
        List<Person> persons = Gen.persons(new Random(seed), 50);
        Evaluation all = ind.start(YEAR);
        Evaluation a = ind.start(YEAR);
        Evaluation b = ind.start(YEAR);
        for (int i = 0; i < persons.size(); i++) {
            all.accept(persons.get(i));
            (i % 2 == 0 ? a : b).accept(persons.get(i));
        }
        IndicatorResult x = all.result();
        IndicatorResult y = a.merge(b).result();
        assertThat(new ArrayList<>(y.groups().keySet())).isEqualTo(new ArrayList<>(x.groups().keySet()));
        assertThat(y.total().aggregates()).isEqualTo(x.total().aggregates());
    }
}
