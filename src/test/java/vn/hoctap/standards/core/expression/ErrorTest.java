package vn.hoctap.standards.core.expression;

import vn.hoctap.expressions.core.Parser;
import vn.hoctap.expressions.core.ExpressionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import vn.hoctap.expressions.core.ExpressionException.Kind;

class ErrorTest {

    private static ExpressionException error(String src) {
        ExpressionException e = catchThrowableOfType(ExpressionException.class, () -> CompiledIndicator.compile(src));
        assertThat(e).as("no error for %s", src).isNotNull();
        return e;
    }

    @Test
    void expectedParenFoundAnd() {
        //           0         1         2         3
        //           0123456789012345678901234567890
        String s = "(count(person where employed) and count(person))";
        ExpressionException e = error(s);
        assertThat(e.kind()).isEqualTo(Kind.SYNTAX);
        assertThat(e.position()).isEqualTo(30);
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.column()).isEqualTo(31);
        assertThat(e.found()).isEqualTo("and");
        assertThat(e.expected()).isEqualTo("')'");
        assertThat(e.getMessage()).isEqualTo(
                "Vị trí 30 (dòng 1, cột 31): cần ')' nhưng gặp 'and' / at 30 (line 1, column 31): expected ')' but found 'and'");
        assertThat(e.messageVi()).isEqualTo("cần ')' nhưng gặp 'and'");
        assertThat(e.messageEn()).isEqualTo("expected ')' but found 'and'");
    }

    @Test
    void missingCloseParenAtEnd() {
        String s = "count(person where employed and (literate1)"; // 43 characters
        ExpressionException e = error(s);
        assertThat(e.kind()).isEqualTo(Kind.SYNTAX);
        assertThat(e.position()).isEqualTo(43);
        assertThat(e.found()).isEqualTo("end of expression");
        assertThat(e.messageEn()).isEqualTo("expected ')', 'and' or 'or' but found end of expression");
        assertThat(e.messageVi()).isEqualTo("cần ')', 'and' hoặc 'or' nhưng gặp hết biểu thức");
    }

    @Test
    void lineAndColumnOnLaterLines() {
        String s = "count(person where employed)\n/\ncount(person where age >= )";
        // line 3 starts at 31; '(' at 36, 'where' 44, 'age' 50, '>=' 54, ')' 57
        ExpressionException e = error(s);
        assertThat(e.position()).isEqualTo(57);
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isEqualTo(27);
        assertThat(e.found()).isEqualTo(")");
        assertThat(e.messageEn()).startsWith("expected a value");
    }

    @Test
    void trailingTokens() {
        ExpressionException e = error("count(person) count(person)");
        assertThat(e.position()).isEqualTo(14);
        assertThat(e.messageEn()).isEqualTo("expected an operator (+, -, *, /) or end of expression but found 'count'");
    }

    @Test
    void fieldOutsideCondition() {
        ExpressionException e = error("count(person) / employed");
        assertThat(e.kind()).isEqualTo(Kind.SYNTAX);
        assertThat(e.position()).isEqualTo(16);
        assertThat(e.messageEn()).contains("fields are used in conditions");
    }

    @Test
    void uppercaseKeywordGetsAHint() {
        ExpressionException e = error("count(person where employed AND literate1)");
        assertThat(e.position()).isEqualTo(28);
        assertThat(e.messageEn()).isEqualTo("expected a comparison (=, !=, <, <=, >, >=), 'between', 'in', 'is', 'and', 'or' or ')'"
                + " but found 'AND' (keywords are lowercase: 'and')");
        ExpressionException f = error("Count(person)");
        assertThat(f.position()).isEqualTo(0);
        assertThat(f.messageEn()).endsWith("(keywords are lowercase: 'count')");
    }

    @Test
    void missingPersonAndWhere() {
        assertThat(error("count(persons)").messageEn()).isEqualTo("expected 'person' but found 'persons'");
        ExpressionException e = error("count(person employed)");
        assertThat(e.position()).isEqualTo(13);
        assertThat(e.messageEn()).isEqualTo("expected ')' or 'where' but found 'employed'");
        assertThat(error("sum(person grade)").messageEn()).startsWith("expected '.' and a numeric field");
        assertThat(error("count(person where)").position()).isEqualTo(18);
    }

    @Test
    void inListErrors() {
        ExpressionException e = error("count(person where grade in (1, 2 3))");
        assertThat(e.position()).isEqualTo(34);
        assertThat(e.messageEn()).isEqualTo("expected ',' or ')' but found '3'");
        assertThat(error("count(person where grade in ())").position()).isEqualTo(29);
        assertThat(error("count(person where grade in 1)").messageEn()).isEqualTo("expected '(' after in but found '1'");
        assertThat(error("count(person where age between 15 or 60)").messageEn()).isEqualTo("expected 'and' but found 'or'");
        assertThat(error("count(person where employed is present)").messageEn()).isEqualTo("expected 'missing' but found 'present'");
    }

    @Test
    void lexicalErrors() {
        ExpressionException e = error("count(person where village = \"Thôn 1)");
        assertThat(e.kind()).isEqualTo(Kind.LEXICAL);
        assertThat(e.position()).isEqualTo(29);
        assertThat(e.messageEn()).isEqualTo("unterminated text: missing '\"'");
        ExpressionException d = error("count(person where đi)");
        assertThat(d.kind()).isEqualTo(Kind.LEXICAL);
        assertThat(d.position()).isEqualTo(19);
        assertThat(d.found()).isEqualTo("đ");
        assertThat(error("count(person where age <> 3)").messageEn()).isEqualTo("'<>' is not an operator; write '!='");
        assertThat(error("count(person where !employed)").position()).isEqualTo(19);
        assertThat(error("count(person where age > 15x)").position()).isEqualTo(25);
        assertThat(error("count(person where age > 99999999999999999999)").messageEn())
                .isEqualTo("whole number too large: 99999999999999999999");
        assertThat(error("count(person where village = \"a\\b\")").position()).isEqualTo(31);
    }

    @Test
    void unknownFieldSuggestsNearest() {
        ExpressionException e = error("count(person where qualifcation >= university)");
        assertThat(e.kind()).isEqualTo(Kind.UNKNOWN_FIELD);
        assertThat(e.position()).isEqualTo(19);
        assertThat(e.found()).isEqualTo("qualifcation");
        assertThat(e.messageEn()).isEqualTo("unknown field 'qualifcation' (did you mean qualification?)");
        assertThat(e.messageVi()).isEqualTo("không có trường 'qualifcation' (có phải qualification?)");
        assertThat(error("count(person where Employed)").messageEn()).isEqualTo("unknown field 'Employed' (did you mean employed?)");
        assertThat(error("count(person where literate)").messageEn()).contains("did you mean literate1?");
        ExpressionException s = error("sum(person.agee)");
        assertThat(s.position()).isEqualTo(11);
        assertThat(s.messageEn()).contains("did you mean age?");
    }

    @Test
    void unknownEnumValueListsAllowedValues() {
        ExpressionException e = error("count(person where qualification >= universty)");
        assertThat(e.kind()).isEqualTo(Kind.UNKNOWN_VALUE);
        assertThat(e.position()).isEqualTo(36);
        assertThat(e.messageEn()).isEqualTo("'universty' is not a value of qualification; allowed values: none, short_course, "
                + "elementary, intermediate, college, university, postgraduate (did you mean university?)");
        assertThat(e.messageVi()).startsWith("'universty' không phải giá trị của qualification; các giá trị: none,");
        ExpressionException s = error("count(person where sex in (M, f))");
        assertThat(s.position()).isEqualTo(30);
        assertThat(s.messageEn()).contains("did you mean F?");
        assertThat(error("count(person where digital_skills between basic and expert)").position()).isEqualTo(52);
    }

    @Test
    void orderingAnUnorderedFieldIsATypeError() {
        ExpressionException e = error("count(person where sex < M)");
        assertThat(e.kind()).isEqualTo(Kind.TYPE);
        assertThat(e.position()).isEqualTo(23);
        assertThat(e.messageEn()).isEqualTo("'<' cannot be used with sex (an unordered enumeration): its values (M, F) have no order; use =, != or in (…)");
        assertThat(error("count(person where enrolment >= primary)").position()).isEqualTo(29);
        assertThat(error("count(person where residence between permanent and temporary)").position()).isEqualTo(29);
        assertThat(error("count(person where employed > false)").messageEn()).contains("use employed, not employed or = true / = false");
        assertThat(error("count(person where village > \"a\")").messageEn()).contains("texts are only compared with =, != or in");
    }

    @Test
    void valueOfTheWrongType() {
        ExpressionException e = error("count(person where age >= basic)");
        assertThat(e.kind()).isEqualTo(Kind.TYPE);
        assertThat(e.position()).isEqualTo(26);
        assertThat(e.messageEn()).isEqualTo("age is a number: expected a whole number, e.g. 15 but found basic");
        assertThat(error("count(person where age >= year)").position()).isEqualTo(26);
        assertThat(error("count(person where employed = 1)").messageEn()).isEqualTo("employed is a yes/no field: expected true or false but found 1");
        assertThat(error("count(person where qualification = 3)").messageEn()).startsWith("qualification is an ordered enumeration: expected one of none,");
        assertThat(error("count(person where learning_citizen_year = true)").messageEn()).contains("a year");
        ExpressionException t = error("count(person where ethnicity = Kinh)");
        assertThat(t.position()).isEqualTo(31);
        assertThat(t.messageEn()).isEqualTo("ethnicity is a text: write the value in double quotes, \"Kinh\"");
        ExpressionException d = error("count(person where age >= 15.5)");
        assertThat(d.kind()).isEqualTo(Kind.TYPE);
        assertThat(d.position()).isEqualTo(26);
        assertThat(d.messageEn()).isEqualTo("fields hold whole numbers; 15.5 is not a whole number");
    }

    @Test
    void bareNonBooleanFieldIsATypeError() {
        ExpressionException e = error("count(person where employed and age)");
        assertThat(e.kind()).isEqualTo(Kind.TYPE);
        assertThat(e.position()).isEqualTo(32);
        assertThat(e.messageEn()).isEqualTo("age is a number, not a condition; compare it, e.g. age >= 15");
        assertThat(error("count(person where qualification)").messageEn()).endsWith("e.g. qualification = postgraduate");
    }

    @Test
    void emptyBetweenRange() {
        ExpressionException e = error("count(person where age between 60 and 15)");
        assertThat(e.kind()).isEqualTo(Kind.TYPE);
        assertThat(e.position()).isEqualTo(31);
        assertThat(e.messageEn()).startsWith("empty range: 60 is greater than 15");
        assertThat(error("count(person where qualification between university and elementary)").position()).isEqualTo(41);
    }

    @Test
    void isMissingOnAFieldThatAlwaysHasAValue() {
        ExpressionException e = error("count(person where residence is missing)");
        assertThat(e.kind()).isEqualTo(Kind.TYPE);
        assertThat(e.position()).isEqualTo(29);
        assertThat(e.messageEn()).isEqualTo("residence always has a value (default permanent), so 'is missing' makes no sense");
        assertThat(error("count(person where age is not missing)").messageEn()).contains("derived field");
        assertThat(error("count(person where ethnicity is missing)").messageEn()).contains("an empty cell means Kinh");
    }

    @Test
    void sumNeedsANumberField() {
        ExpressionException e = error("sum(person.employed)");
        assertThat(e.kind()).isEqualTo(Kind.TYPE);
        assertThat(e.position()).isEqualTo(11);
        assertThat(e.messageEn()).startsWith("sum needs a number field (grade, highest_grade_completed, literacy_stage_completed, age, birth_year)");
    }

    @Test
    void yearOffsetLimit() {
        assertThat(error("count(person where learning_citizen_year > year - 10000)").position()).isEqualTo(50);
        CompiledIndicator.compile("count(person where learning_citizen_year > year - 9999)");
    }

    @Test
    void nestingUpToTheLimitWorksAndBeyondIsAClearError() {
        int max = Parser.MAX_NESTING;
        String ok = "count(person where " + "(".repeat(max) + "employed" + ")".repeat(max) + ")";
        assertThat(CompiledIndicator.compile(ok).normalized()).isEqualTo("count(person where employed)");
        String deep = "count(person where " + "(".repeat(max + 1) + "employed" + ")".repeat(max + 1) + ")";
        ExpressionException e = error(deep);
        assertThat(e.kind()).isEqualTo(Kind.TOO_DEEP);
        assertThat(e.position()).isEqualTo(19 + max);
        assertThat(e.messageEn()).isEqualTo("nested too deeply: at most 200 levels of parentheses, 'not' and unary minus");

        assertThat(CompiledIndicator.compile("count(person where " + "not ".repeat(max) + "employed)").aggregates()).hasSize(1);
        assertThat(error("count(person where " + "not ".repeat(max + 1) + "employed)").position()).isEqualTo(19 + 4 * max);
        assertThat(CompiledIndicator.compile("-".repeat(max) + "1").normalized()).isEqualTo("-".repeat(max) + "1");
        assertThat(error("-".repeat(max + 1) + "1").position()).isEqualTo(max);
        assertThat(CompiledIndicator.compile("(".repeat(max) + "1" + ")".repeat(max)).normalized()).isEqualTo("1");
        assertThat(error("(".repeat(max + 1) + "1" + ")".repeat(max + 1)).kind()).isEqualTo(Kind.TOO_DEEP);
        // far beyond: still the same clear error, no StackOverflowError
        assertThat(error("(".repeat(100_000)).kind()).isEqualTo(Kind.TOO_DEEP);
        assertThat(error("count(person where " + "not (".repeat(50_000)).kind()).isEqualTo(Kind.TOO_DEEP);
        // long flat chains are not nesting
        String flat = "count(person where " + "employed and ".repeat(20_000) + "employed)" + " + count(person)".repeat(20_000);
        assertThat(CompiledIndicator.compile(flat).aggregates()).hasSize(2);
    }

    @Test
    void emptyAndBlankInput() {
        ExpressionException e = error("");
        assertThat(e.position()).isZero();
        assertThat(e.messageEn()).isEqualTo("expected a number, count(…), sum(…) or '(' but found end of expression");
        assertThat(error("  # only a comment\n").position()).isEqualTo(19);
    }
}
