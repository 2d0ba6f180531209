package vn.hoctap.expressions.core;


import vn.hoctap.expressions.core.Ast;
import vn.hoctap.expressions.core.ExpressionException;
import vn.hoctap.expressions.core.Parser;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.hoctap.expressions.core.Ast.*;
import vn.hoctap.standards.core.expression.CompiledIndicator;
import vn.hoctap.reporting.core.Expression;

/** One operator set in both languages, the condition grammar for other back ends, and the visitor hook. */
class OperatorsTest {

    @Test
    void indicatorsAcceptTheSymbolsOfValidationRules() {
        assertThat(Parser.parse("count(person where age == 15)")).isEqualTo(Parser.parse("count(person where age = 15)"));
        assertThat(Parser.parse("count(person where employed && literate1 || not exempt)"))
                .isEqualTo(Parser.parse("count(person where employed and literate1 or not exempt)"));
        assertThat(CompiledIndicator.compile("count(person where age == 15 || employed && literate1)").normalized())
                .isEqualTo("count(person where age = 15 or employed and literate1)");
    }

    @Test
    void validationRulesAcceptEveryOperatorOfIndicators() {
        Map<String, Double> v = Map.of("staff", 3.0);
        Map<String, Double> expected = new java.util.LinkedHashMap<>();
        expected.put("staff = 3", 1.0);
        expected.put("staff == 3", 1.0);
        expected.put("staff != 3", 0.0);
        expected.put("staff < 4", 1.0);
        expected.put("staff <= 3", 1.0);
        expected.put("staff > 3", 0.0);
        expected.put("staff >= 3", 1.0);
        expected.put("staff > 1 and staff < 5", 1.0);
        expected.put("staff > 1 && staff < 2", 0.0);
        expected.put("staff < 1 or staff = 3", 1.0);
        expected.put("staff < 1 || staff == 3", 1.0);
        expected.put("not staff = 3", 0.0);
        expected.put("staff between 2 and 4", 1.0);
        expected.put("staff between 4 and 9", 0.0);
        expected.put("staff between 1 + 2 and 3 and staff > 0", 1.0);
        expected.put("staff in (1, 3)", 1.0);
        expected.put("staff in (1, 2)", 0.0);
        expected.put("staff in (1 + 2)", 1.0);
        expected.put("(staff in (1, 2)) + (staff between 3 and 3) * 10", 10.0);
        expected.forEach((rule, want) ->
                assertThat(Expression.parse(rule, Set.of("staff")).evaluate(v)).as(rule).isEqualTo(want));
        assertThat(Expression.parse("staff between 2 and 4", Set.of("staff")).evaluate(Map.of())).isNaN();
    }

    @Test
    void aPersonConditionAloneForTheStandardsCriteria() {
        assertThat(Parser.parseCondition("age between 15 and 35 and not exempt")).isEqualTo(new And(List.of(
                new Between("age", new IntValue(15), new IntValue(35)), new Not(new Ast.Test("exempt")))));
        assertThat(Parser.parseCondition("literate1")).isEqualTo(new Ast.Test("literate1"));
        assertThat(Parser.parseCondition("primary_completed <= year - 1"))
                .isEqualTo(new Compare("primary_completed", CompareOp.LE, new YearValue(-1)));
        ExpressionException e = org.assertj.core.api.Assertions.catchThrowableOfType(ExpressionException.class,
                () -> Parser.parseCondition("age >= 15 literate1"));
        assertThat(e.position()).isEqualTo(10);
        assertThat(e.messageVi()).isEqualTo("cần 'and', 'or' hoặc hết điều kiện nhưng gặp 'literate1'");
    }

    @Test
    void aBackEndWalksTheTreeWithAVisitor() {
        Parser.Parsed p = Parser.parseConditionTree("age >= 15 and (literate1 or sex in (M, F))", null);
        List<String> seen = new ArrayList<>();
        p.cond().accept(new FieldLister(p, seen));
        assertThat(seen).containsExactly("age@0", "literate1@15", "sex@28");
    }

    /** Lists each field test with where it starts, as a compiler to another engine would read it. */
    private static final class FieldLister implements CondVisitor<Void> {
        private final Parser.Parsed parsed;
        private final List<String> seen;

        FieldLister(Parser.Parsed parsed, List<String> seen) {
            this.parsed = parsed;
            this.seen = seen;
        }

        public Void or(Or o) { o.operands().forEach(c -> c.accept(this)); return null; }

        public Void and(And a) { a.operands().forEach(c -> c.accept(this)); return null; }

        public Void not(Not n) { return n.operand().accept(this); }

        public Void test(Ast.Test t) { return add(t.field(), t); }

        public Void compare(Compare c) { return add(c.field(), c); }

        public Void between(Between b) { return add(b.field(), b); }

        public Void in(In i) { return add(i.field(), i); }

        public Void isMissing(IsMissing m) { return add(m.field(), m); }

        private Void add(String field, Cond node) {
            seen.add(field + "@" + parsed.position(node));
            return null;
        }
    }
}
