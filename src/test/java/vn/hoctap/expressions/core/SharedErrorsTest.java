package vn.hoctap.expressions.core;


import vn.hoctap.expressions.core.ExpressionException;
import vn.hoctap.expressions.core.Parser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.hoctap.standards.core.expression.CompiledIndicator;
import vn.hoctap.reporting.core.Expression;

/**
 * The errors of the shared front end: the same class, located by line and column, with the Vietnamese message, in
 * both languages (indicator expressions and validation rules). Positions worked out by hand in the comments.
 */
class SharedErrorsTest {

    static final Set<String> CODES = Set.of("staff", "teachers");

    static ExpressionException indicator(String src) {
        ExpressionException e = catchThrowableOfType(ExpressionException.class, () -> CompiledIndicator.compile(src));
        assertThat(e).as("no error for %s", src).isNotNull();
        return e;
    }

    static ExpressionException rule(String src) {
        ExpressionException e = catchThrowableOfType(ExpressionException.class, () -> Expression.parse(src, CODES));
        assertThat(e).as("no error for %s", src).isNotNull();
        return e;
    }

    @Test
    void anIndicatorErrorOnTheSecondLine() {
        // line 1 "count(person where employed" = 27 characters, '\n' at 27, line 2 starts at 28;
        // "  && age <> 3)": '<' at 28 + 9 = 37, column 10
        ExpressionException e = indicator("count(person where employed\n  && age <> 3)");
        assertThat(e.kind()).isEqualTo(ExpressionException.Kind.LEXICAL);
        assertThat(e.position()).isEqualTo(37);
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(10);
        assertThat(e.messageVi()).isEqualTo("'<>' không dùng được; hãy viết '!='");
        assertThat(e.getMessage()).startsWith("Vị trí 37 (dòng 2, cột 10): '<>' không dùng được; hãy viết '!=' / at 37");
    }

    @Test
    void aRuleErrorOnTheSecondLine() {
        // "staff <=" = 8 characters, '\n' at 8, line 2 starts at 9, "it_staff" at 11, column 3
        ExpressionException e = rule("staff <=\n  it_staff");
        assertThat(e.kind()).isEqualTo(ExpressionException.Kind.UNKNOWN_FIELD);
        assertThat(e.position()).isEqualTo(11);
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(3);
        assertThat(e.found()).isEqualTo("it_staff");
        assertThat(e.messageVi()).isEqualTo("không có chỉ tiêu 'it_staff' trong bộ dữ liệu");
        assertThat(e.message(Locale.forLanguageTag("vi")))
                .isEqualTo("Vị trí 11 (dòng 2, cột 3): không có chỉ tiêu 'it_staff' trong bộ dữ liệu");
        assertThat(e.message(Locale.ENGLISH)).isEqualTo("at 11 (line 2, column 3): unknown data element 'it_staff'");
    }

    @Test
    void aMissingParenthesisInARuleIsAtTheEnd() {
        // "(staff + 1" = 10 characters, '\n' at 10, " <= 3" ends at 16: the end, line 2 column 6
        ExpressionException e = rule("(staff + 1\n <= 3");
        assertThat(e.kind()).isEqualTo(ExpressionException.Kind.SYNTAX);
        assertThat(e.position()).isEqualTo(16);
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(6);
        assertThat(e.messageVi()).isEqualTo("thiếu ')' cho '(' ở ký tự 1 (gặp hết biểu thức)");
    }

    @Test
    void theSameLexicalErrorInBothLanguages() {
        ExpressionException r = rule("staff & teachers");                                  // '&' at 6
        ExpressionException i = indicator("count(person where employed & literate1)");  // '&' at 28
        assertThat(r.position()).isEqualTo(6);
        assertThat(i.position()).isEqualTo(28);
        assertThat(r.kind()).isEqualTo(ExpressionException.Kind.LEXICAL);
        assertThat(i.kind()).isEqualTo(ExpressionException.Kind.LEXICAL);
        assertThat(r.messageVi()).isEqualTo("'&' chỉ dùng trong '&&'; hãy viết 'and'").isEqualTo(i.messageVi());
        assertThat(r.getClass()).isSameAs(i.getClass()).isSameAs(ExpressionException.class);
    }

    @Test
    void rulesHaveTheNestingLimitToo() {
        int max = Parser.MAX_NESTING;
        ExpressionException e = rule("(".repeat(max + 1) + "staff" + ")".repeat(max + 1));
        assertThat(e.kind()).isEqualTo(ExpressionException.Kind.TOO_DEEP);
        assertThat(e.position()).isEqualTo(max);
        assertThat(e.messageVi()).startsWith("lồng quá sâu: tối đa 200 mức");
        assertThat(Expression.parse("(".repeat(max) + "staff" + ")".repeat(max), CODES).codes()).containsExactly("staff");
    }

    @Test
    void anEmptyRuleAndAChainedComparison() {
        assertThat(rule("   ").messageVi()).isEqualTo("biểu thức trống");
        ExpressionException c = rule("1 < staff < 3"); // second '<' at 10
        assertThat(c.position()).isEqualTo(10);
        assertThat(c.messageVi()).startsWith("không so sánh nối tiếp");
    }
}
