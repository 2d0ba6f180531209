package vn.hoctap.reporting.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import vn.hoctap.expressions.core.ExpressionException;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The validation-rule expressions: values, precedence, missing values, and where an error is. */
class ExpressionTest {

    static final Set<String> CODES = Set.of("staff", "it_security_staff", "it_security_trained", "school_public", "national_standard");

    static double eval(String text, Map<String, Double> values) {
        return Expression.parse(text, CODES).evaluate(values);
    }

    @Test
    void comparesElementValues() {
        Expression rule = Expression.parseCondition("it_security_trained <= it_security_staff", CODES);
        assertThat(rule.evaluate(Map.of("it_security_trained", 3.0, "it_security_staff", 3.0))).isEqualTo(1);
        assertThat(rule.evaluate(Map.of("it_security_trained", 4.0, "it_security_staff", 3.0))).isEqualTo(0);
        assertThat(rule.codes()).containsExactly("it_security_trained", "it_security_staff");
    }

    @Test
    void arithmeticHasTheUsualPrecedence() {
        assertThat(eval("2 + 3 * 4", Map.of())).isEqualTo(14);
        assertThat(eval("(2 + 3) * 4", Map.of())).isEqualTo(20);
        assertThat(eval("10 - 4 - 3", Map.of())).isEqualTo(3);      // left to right
        assertThat(eval("12 / 3 / 2", Map.of())).isEqualTo(2);
        assertThat(eval("-staff + 10", Map.of("staff", 4.0))).isEqualTo(6);
        assertThat(eval("school_public * national_standard", Map.of("school_public", 1.0, "national_standard", 0.0))).isEqualTo(0);
    }

    @Test
    void logicalOperatorsBindLooserThanComparisons() {
        // not binds tighter than and, and tighter than or
        assertThat(eval("not school_public or staff > 5", Map.of("school_public", 1.0, "staff", 6.0))).isEqualTo(1);
        assertThat(eval("not school_public or staff > 5", Map.of("school_public", 1.0, "staff", 5.0))).isEqualTo(0);
        assertThat(eval("not school_public or staff > 5", Map.of("school_public", 0.0, "staff", 0.0))).isEqualTo(1);
        assertThat(eval("1 or 0 and 0", Map.of())).isEqualTo(1);   // 1 or (0 and 0)
        assertThat(eval("(1 or 0) and 0", Map.of())).isEqualTo(0);
        assertThat(eval("staff == 3 && staff != 4", Map.of("staff", 3.0))).isEqualTo(1);
    }

    @Test
    void aMissingValueOrADivisionByZeroIsMissing() {
        Map<String, Double> values = new HashMap<>();
        values.put("it_security_staff", 3.0);
        Expression rule = Expression.parseCondition("it_security_trained <= it_security_staff", CODES);
        assertThat(rule.evaluate(values)).isNaN();
        assertThat(rule.complete(values)).isFalse();
        assertThat(eval("staff / 0", Map.of("staff", 1.0))).isNaN();
    }

    @Test
    void errorsSayWhereTheyAre() {
        assertError("staff <= ", 9, "missing");
        assertError("staff <= it_staff", 9, "unknown data element 'it_staff'");
        assertError("(staff + 1 <= 3", 15, "')' is missing");
        assertError("staff $ 3", 6, "unexpected '$'");
        assertError("1 < 2 < 3", 6, "chained");
        assertError("staff and", 9, "missing");
        assertError("  ", 0, "empty");
        assertError("3..4 > 1", 0, "not a number");
        assertError("or staff", 0, "a value is expected before 'or'");
    }

    @Test
    void aRuleMustCompare() {
        assertThatThrownBy(() -> Expression.parseCondition("staff + 1", CODES)).isInstanceOf(ExpressionException.class)
                .hasMessageContaining("must compare");
        assertThat(Expression.parseCondition("not staff", CODES).evaluate(Map.of("staff", 0.0))).isEqualTo(1);
    }

    static void assertError(String text, int position, String reason) {
        assertThatThrownBy(() -> Expression.parse(text, CODES))
                .isInstanceOf(ExpressionException.class)
                .satisfies(e -> {
                    ExpressionException x = (ExpressionException) e;
                    assertThat(x.position()).as("position in '" + text + "'").isEqualTo(position);
                    assertThat(x.reason()).contains(reason);
                });
    }
}
