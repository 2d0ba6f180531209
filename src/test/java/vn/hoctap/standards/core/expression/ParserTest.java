package vn.hoctap.standards.core.expression;

import vn.hoctap.expressions.core.Ast;
import vn.hoctap.expressions.core.Parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.hoctap.expressions.core.Ast.*;

class ParserTest {

    private static Cond where(String cond) {
        return ((Count) Parser.parse("count(person where " + cond + ")")).where();
    }

    @Test
    void countWithAndWithoutCondition() {
        assertThat(Parser.parse("count(person)")).isEqualTo(new Count(null));
        assertThat(Parser.parse("count(person where employed)")).isEqualTo(new Count(new Ast.Test("employed")));
    }

    @Test
    void sumOfAField() {
        assertThat(Parser.parse("sum(person.grade)")).isEqualTo(new SumOf("grade", null));
        assertThat(Parser.parse("sum(person.age where employed)")).isEqualTo(new SumOf("age", new Ast.Test("employed")));
    }

    @Test
    void ratio() {
        assertThat(Parser.parse("count(person where employed) / count(person)")).isEqualTo(
                new Arithmetic(new Count(new Ast.Test("employed")), List.of(new Step('/', new Count(null)))));
    }

    @Test
    void arithmeticPrecedenceAndChains() {
        Count all = new Count(null);
        Num hundred = new Num(100);
        // 100 * a / b is one multiplicative chain
        assertThat(Parser.parse("100 * count(person) / count(person)"))
                .isEqualTo(new Arithmetic(hundred, List.of(new Step('*', all), new Step('/', all))));
        // + binds looser than *
        assertThat(Parser.parse("1 + 2 * 3")).isEqualTo(new Arithmetic(new Num(1),
                List.of(new Step('+', new Arithmetic(new Num(2), List.of(new Step('*', new Num(3))))))));
        // parentheses keep their own node
        assertThat(Parser.parse("(1 + 2) * 3")).isEqualTo(new Arithmetic(
                new Arithmetic(new Num(1), List.of(new Step('+', new Num(2)))), List.of(new Step('*', new Num(3)))));
        assertThat(Parser.parse("1 - (2 - 3)")).isEqualTo(new Arithmetic(new Num(1),
                List.of(new Step('-', new Arithmetic(new Num(2), List.of(new Step('-', new Num(3))))))));
        assertThat(Parser.parse("1 - 2 - 3")).isEqualTo(new Arithmetic(new Num(1),
                List.of(new Step('-', new Num(2)), new Step('-', new Num(3)))));
    }

    @Test
    void unaryMinusAndDecimals() {
        assertThat(Parser.parse("-2.5")).isEqualTo(new Neg(new Num(2.5)));
        assertThat(Parser.parse("--1")).isEqualTo(new Neg(new Neg(new Num(1))));
        assertThat(Parser.parse("2 * -count(person)")).isEqualTo(
                new Arithmetic(new Num(2), List.of(new Step('*', new Neg(new Count(null))))));
    }

    @Test
    void booleanOperatorsAndPrecedence() {
        Cond a = new Ast.Test("employed");
        Cond b = new Ast.Test("literate1");
        Cond c = new Ast.Test("life_skills");
        assertThat(where("employed and literate1 and life_skills")).isEqualTo(new And(List.of(a, b, c)));
        assertThat(where("employed or literate1 and life_skills")).isEqualTo(new Or(List.of(a, new And(List.of(b, c)))));
        assertThat(where("(employed or literate1) and life_skills")).isEqualTo(new And(List.of(new Or(List.of(a, b)), c)));
        assertThat(where("not employed and literate1")).isEqualTo(new And(List.of(new Not(a), b)));
        assertThat(where("not (employed and literate1)")).isEqualTo(new Not(new And(List.of(a, b))));
        assertThat(where("not not employed")).isEqualTo(new Not(new Not(a)));
        assertThat(where("employed and (literate1 and life_skills)")).isEqualTo(new And(List.of(a, new And(List.of(b, c)))));
    }

    @Test
    void comparisons() {
        assertThat(where("age = 15")).isEqualTo(new Compare("age", CompareOp.EQ, new IntValue(15)));
        assertThat(where("age != 15")).isEqualTo(new Compare("age", CompareOp.NE, new IntValue(15)));
        assertThat(where("age < 15")).isEqualTo(new Compare("age", CompareOp.LT, new IntValue(15)));
        assertThat(where("age <= 15")).isEqualTo(new Compare("age", CompareOp.LE, new IntValue(15)));
        assertThat(where("age > 15")).isEqualTo(new Compare("age", CompareOp.GT, new IntValue(15)));
        assertThat(where("age >= 15")).isEqualTo(new Compare("age", CompareOp.GE, new IntValue(15)));
        assertThat(where("grade > -1")).isEqualTo(new Compare("grade", CompareOp.GT, new IntValue(-1)));
        assertThat(where("qualification >= university"))
                .isEqualTo(new Compare("qualification", CompareOp.GE, new NameValue("university")));
        assertThat(where("employed = false")).isEqualTo(new Compare("employed", CompareOp.EQ, new BoolValue(false)));
        assertThat(where("ethnicity = \"T\\\"y\\\\\"")).isEqualTo(new Compare("ethnicity", CompareOp.EQ, new TextValue("T\"y\\")));
        assertThat(where("sex = M")).isEqualTo(new Compare("sex", CompareOp.EQ, new NameValue("M")));
    }

    @Test
    void yearValues() {
        assertThat(where("learning_citizen_year = year")).isEqualTo(new Compare("learning_citizen_year", CompareOp.EQ, new YearValue(0)));
        assertThat(where("learning_citizen_year >= year - 4"))
                .isEqualTo(new Compare("learning_citizen_year", CompareOp.GE, new YearValue(-4)));
        assertThat(where("primary_completed < year + 1"))
                .isEqualTo(new Compare("primary_completed", CompareOp.LT, new YearValue(1)));
    }

    @Test
    void betweenInIsMissing() {
        assertThat(where("age between 15 and 60")).isEqualTo(new Between("age", new IntValue(15), new IntValue(60)));
        assertThat(where("age between 15 and 60 and literate1")).isEqualTo(new And(List.of(
                new Between("age", new IntValue(15), new IntValue(60)), new Ast.Test("literate1"))));
        assertThat(where("learning_citizen_year between year - 2 and year"))
                .isEqualTo(new Between("learning_citizen_year", new YearValue(-2), new YearValue(0)));
        assertThat(where("digital_skills in (basic, proficient)"))
                .isEqualTo(new In("digital_skills", List.of(new NameValue("basic"), new NameValue("proficient"))));
        assertThat(where("grade in (1)")).isEqualTo(new In("grade", List.of(new IntValue(1))));
        assertThat(where("employed is missing")).isEqualTo(new IsMissing("employed", false));
        assertThat(where("employed is not missing")).isEqualTo(new IsMissing("employed", true));
    }

    @Test
    void multiLineWithComments() {
        String src = "# lab.trained\n"
                + "count(person where employed        # workers\n"
                + "      and qualification >= short_course)\n"
                + "/\r\n"
                + "count(person where employed)\n";
        assertThat(CompiledIndicator.compile(src).normalized())
                .isEqualTo("count(person where employed and qualification >= short_course) / count(person where employed)");
    }

    @Test
    void normalizedForm() {
        assertThat(CompiledIndicator.compile("count( person where (age>=15)and((literate1)) )/count(person where age>=15)").normalized())
                .isEqualTo("count(person where age >= 15 and literate1) / count(person where age >= 15)");
        assertThat(CompiledIndicator.compile("count(person where not (employed or literate1) or (sex = M or sex = F))").normalized())
                .isEqualTo("count(person where not (employed or literate1) or (sex = M or sex = F))");
        assertThat(CompiledIndicator.compile("((1.50)) * (2 + 3) - -(4 / 2)").normalized())
                .isEqualTo("1.5 * (2 + 3) - -(4 / 2)");
        assertThat(CompiledIndicator.compile("0.000001 + 10000000000000000000000").normalized())
                .isEqualTo("0.000001 + 10000000000000000000000");
        assertThat(CompiledIndicator.compile("count(person where learning_citizen_year = year+0 or learning_citizen_year = year -3)").normalized())
                .isEqualTo("count(person where learning_citizen_year = year or learning_citizen_year = year - 3)");
    }

    @Test
    void briefExamplesCompile() {
        for (String s : List.of(
                "count(person where employed and qualification >= short_course) / count(person where employed)",
                "count(person where age between 15 and 60 and literate1) / count(person where age between 15 and 60)",
                "count(person where age >= 15 and qualification >= university) / count(person where age >= 15)",
                "count(person where age between 15 and 60 and (information_literacy or life_skills)) / count(person where age between 15 and 60)",
                "count(person where digital_skills in (basic, proficient)) / count(person)",
                "count(person where learning_citizen_year = year) / count(person where age >= 15)")) {
            CompiledIndicator c = CompiledIndicator.compile(s);
            assertThat(c.normalized()).isEqualTo(s);
            assertThat(c.isRatio()).isTrue();
            assertThat(c.aggregates()).hasSize(2);
        }
    }

    @Test
    void everyFieldIsKnown() {
        List<String> csv = List.of("person_id", "household_id", "commune_code", "village", "birth_date", "sex", "ethnicity",
                "residence", "disability", "enrolment", "grade", "preschool_completed", "primary_completed",
                "lower_secondary_diploma", "upper_secondary_completed", "highest_grade_completed", "literacy_stage_completed",
                "employed", "qualification", "digital_skills", "information_literacy", "life_skills", "learning_citizen_year");
        for (String f : csv) assertThat(Field.byName(f)).as(f).isNotNull();
        for (String f : List.of("age", "birth_year", "literate1", "literate2", "exempt")) {
            assertThat(Field.byName(f).derived()).as(f).isTrue();
        }
        assertThat(Field.QUALIFICATION.codes()).containsExactly("none", "short_course", "elementary", "intermediate",
                "college", "university", "postgraduate");
        assertThat(Field.DIGITAL_SKILLS.codes()).containsExactly("none", "basic", "proficient");
        assertThat(Field.SEX.type()).isEqualTo(FieldType.UNORDERED_ENUM);
        assertThat(Field.ENROLMENT.type()).isEqualTo(FieldType.UNORDERED_ENUM);
        assertThat(Field.RESIDENCE.type()).isEqualTo(FieldType.UNORDERED_ENUM);
        assertThat(Field.DISABILITY.type()).isEqualTo(FieldType.UNORDERED_ENUM);
    }

    @Test
    void aggregatesAreDistinctWithTheirConditions() {
        CompiledIndicator c = CompiledIndicator.compile(
                "count(person where employed and qualification >= short_course) / count(person where employed) + count(person where employed) * 0");
        assertThat(c.aggregates()).hasSize(2);
        assertThat(c.aggregates().get(0).condition()).isEqualTo("employed and qualification >= short_course");
        assertThat(c.aggregates().get(0).kind()).isEqualTo("count");
        assertThat(c.aggregates().get(1).text()).isEqualTo("count(person where employed)");
        assertThat(c.isRatio()).isFalse();
        CompiledIndicator s = CompiledIndicator.compile("sum(person.age) / count(person)");
        assertThat(s.aggregates().get(0).kind()).isEqualTo("sum");
        assertThat(s.aggregates().get(0).field()).isEqualTo("age");
        assertThat(s.aggregates().get(0).condition()).isNull();
    }
}
