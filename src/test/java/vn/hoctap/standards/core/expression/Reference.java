package vn.hoctap.standards.core.expression;

import vn.hoctap.expressions.core.Ast;

import java.util.List;
import vn.hoctap.standards.core.Person;

/**
 * A slow, direct reading of the documented semantics (README-expressions.md), written independently of the
 * compiler, used as an oracle by the property tests.
 */
final class Reference {

    private Reference() {}

    static final List<String> QUALIFICATION = List.of("none", "short_course", "elementary", "intermediate", "college",
            "university", "postgraduate");
    static final List<String> DIGITAL = List.of("none", "basic", "proficient");

    static Object value(Person p, String field, int year) {
        switch (field) {
            case "person_id": return p.personId();
            case "household_id": return p.householdId();
            case "commune_code": return p.communeCode();
            case "village": return p.village();
            case "birth_date": return p.birthDate();
            case "sex": return p.sex() == null ? null : p.sex().code();
            case "ethnicity": return p.ethnicity() == null || p.ethnicity().isEmpty() ? "Kinh" : p.ethnicity();
            case "residence": return p.residence().code();
            case "disability": return p.disability().code();
            case "enrolment": return p.enrolment().code();
            case "grade": return p.grade();
            case "preschool_completed": return p.preschoolCompleted();
            case "primary_completed": return p.primaryCompleted();
            case "lower_secondary_diploma": return p.lowerSecondaryDiploma();
            case "upper_secondary_completed": return p.upperSecondaryCompleted();
            case "highest_grade_completed": return p.highestGradeCompleted();
            case "literacy_stage_completed": return p.literacyStageCompleted();
            case "employed": return p.employed();
            case "qualification": return p.qualification() == null ? null : p.qualification().code();
            case "digital_skills": return p.digitalSkills() == null ? null : p.digitalSkills().code();
            case "information_literacy": return p.informationLiteracy();
            case "life_skills": return p.lifeSkills();
            case "learning_citizen_year": return p.learningCitizenYear();
            case "age": return year - p.birthYear();
            case "birth_year": return p.birthYear();
            case "exempt": return p.disability() == Person.Disability.CANNOT_LEARN;
            case "literate1":
            case "literate2": {
                boolean school = counts(p.primaryCompleted(), year) || counts(p.lowerSecondaryDiploma(), year)
                        || counts(p.upperSecondaryCompleted(), year);
                int g = p.highestGradeCompleted() == null ? -1 : p.highestGradeCompleted();
                int s = p.literacyStageCompleted() == null ? -1 : p.literacyStageCompleted();
                return field.equals("literate1") ? school || g >= 3 || s >= 1 : school || g >= 5 || s == 2;
            }
            default: throw new IllegalArgumentException(field);
        }
    }

    private static boolean counts(Integer y, int year) { return y != null && y <= year; }

    static boolean test(Ast.Cond c, Person p, int year) {
        if (c instanceof Ast.Or) return ((Ast.Or) c).operands().stream().anyMatch(o -> test(o, p, year));
        if (c instanceof Ast.And) return ((Ast.And) c).operands().stream().allMatch(o -> test(o, p, year));
        if (c instanceof Ast.Not) return !test(((Ast.Not) c).operand(), p, year);
        if (c instanceof Ast.Test) return Boolean.TRUE.equals(value(p, ((Ast.Test) c).field(), year));
        if (c instanceof Ast.IsMissing) {
            Ast.IsMissing m = (Ast.IsMissing) c;
            return (value(p, m.field(), year) == null) != m.negated();
        }
        if (c instanceof Ast.Compare) {
            Ast.Compare k = (Ast.Compare) c;
            Object v = value(p, k.field(), year);
            if (v == null) return false;
            int cmp = compare(k.field(), v, k.value(), year);
            switch (k.op()) {
                case EQ: return cmp == 0;
                case NE: return cmp != 0;
                case LT: return cmp < 0;
                case LE: return cmp <= 0;
                case GT: return cmp > 0;
                default: return cmp >= 0;
            }
        }
        if (c instanceof Ast.Between) {
            Ast.Between b = (Ast.Between) c;
            Object v = value(p, b.field(), year);
            return v != null && compare(b.field(), v, b.low(), year) >= 0 && compare(b.field(), v, b.high(), year) <= 0;
        }
        Ast.In in = (Ast.In) c;
        Object v = value(p, in.field(), year);
        return v != null && in.values().stream().anyMatch(x -> compare(in.field(), v, x, year) == 0);
    }

    private static int compare(String field, Object v, Ast.Value lit, int year) {
        if (lit instanceof Ast.IntValue) return Long.compare((Integer) v, ((Ast.IntValue) lit).value());
        if (lit instanceof Ast.YearValue) return Long.compare((Integer) v, year + ((Ast.YearValue) lit).offset());
        if (lit instanceof Ast.BoolValue) return Boolean.compare((Boolean) v, ((Ast.BoolValue) lit).value());
        if (lit instanceof Ast.TextValue) return ((String) v).equals(((Ast.TextValue) lit).text()) ? 0 : 1;
        String name = ((Ast.NameValue) lit).name();
        if (field.equals("qualification")) return Integer.compare(QUALIFICATION.indexOf(v), QUALIFICATION.indexOf(name));
        if (field.equals("digital_skills")) return Integer.compare(DIGITAL.indexOf(v), DIGITAL.indexOf(name));
        return v.equals(name) ? 0 : 1; // unordered: only = != in
    }
}
