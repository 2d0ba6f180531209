package vn.hoctap.standards.core.expression;

import vn.hoctap.expressions.core.Ast;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import vn.hoctap.standards.core.Person;

/** Random, type-correct syntax trees and random persons for the property tests. */
final class Gen {

    private Gen() {}

    static final String[] TEXTS = {"Kinh", "Tày", "Mường", "00001", "00002", "a\"b", "x\\y", "", "Thôn 1", "M"};

    static Ast.Cond cond(Random r, int depth) {
        int k = depth <= 0 ? 0 : r.nextInt(10);
        if (k < 5) return leaf(r);
        if (k < 7) return new Ast.And(conds(r, depth));
        if (k < 9) return new Ast.Or(conds(r, depth));
        return new Ast.Not(cond(r, depth - 1));
    }

    private static List<Ast.Cond> conds(Random r, int depth) {
        int n = 2 + r.nextInt(3);
        List<Ast.Cond> l = new ArrayList<>();
        for (int i = 0; i < n; i++) l.add(cond(r, depth - 1));
        return l;
    }

    static Ast.Cond leaf(Random r) {
        Field[] fs = Field.values();
        Field f = fs[r.nextInt(fs.length)];
        String n = f.csvName();
        if (f.canBeMissing() && r.nextInt(8) == 0) return new Ast.IsMissing(n, r.nextBoolean());
        Ast.CompareOp[] ops = Ast.CompareOp.values();
        switch (f.type()) {
            case BOOLEAN: {
                int k = r.nextInt(3);
                if (k == 0) return new Ast.Test(n);
                if (k == 1) return new Ast.Compare(n, r.nextBoolean() ? Ast.CompareOp.EQ : Ast.CompareOp.NE,
                        new Ast.BoolValue(r.nextBoolean()));
                return new Ast.In(n, r.nextBoolean() ? List.of(new Ast.BoolValue(r.nextBoolean()))
                        : List.of(new Ast.BoolValue(true), new Ast.BoolValue(false)));
            }
            case NUMBER:
            case YEAR: {
                int k = r.nextInt(3);
                if (k == 0) return new Ast.Compare(n, ops[r.nextInt(ops.length)], num(r, f));
                if (k == 1) {
                    Ast.Value a = num(r, f);
                    Ast.Value b = num(r, f);
                    if (a instanceof Ast.IntValue && b instanceof Ast.IntValue
                            && ((Ast.IntValue) a).value() > ((Ast.IntValue) b).value()) {
                        Ast.Value t = a;
                        a = b;
                        b = t;
                    }
                    return new Ast.Between(n, a, b);
                }
                List<Ast.Value> vs = new ArrayList<>();
                for (int i = 0, m = 1 + r.nextInt(3); i < m; i++) vs.add(num(r, f));
                return new Ast.In(n, vs);
            }
            case TEXT: {
                if (r.nextBoolean()) {
                    return new Ast.Compare(n, r.nextBoolean() ? Ast.CompareOp.EQ : Ast.CompareOp.NE,
                            new Ast.TextValue(TEXTS[r.nextInt(TEXTS.length)]));
                }
                List<Ast.Value> vs = new ArrayList<>();
                for (int i = 0, m = 1 + r.nextInt(3); i < m; i++) vs.add(new Ast.TextValue(TEXTS[r.nextInt(TEXTS.length)]));
                return new Ast.In(n, vs);
            }
            default: {
                List<String> codes = f.codes();
                boolean ordered = f.type() == FieldType.ORDERED_ENUM;
                int k = r.nextInt(3);
                if (k == 0) {
                    Ast.CompareOp op = ordered ? ops[r.nextInt(ops.length)] : (r.nextBoolean() ? Ast.CompareOp.EQ : Ast.CompareOp.NE);
                    return new Ast.Compare(n, op, new Ast.NameValue(codes.get(r.nextInt(codes.size()))));
                }
                if (k == 1 && ordered) {
                    int a = r.nextInt(codes.size());
                    int b = a + r.nextInt(codes.size() - a);
                    return new Ast.Between(n, new Ast.NameValue(codes.get(a)), new Ast.NameValue(codes.get(b)));
                }
                List<Ast.Value> vs = new ArrayList<>();
                for (int i = 0, m = 1 + r.nextInt(3); i < m; i++) vs.add(new Ast.NameValue(codes.get(r.nextInt(codes.size()))));
                return new Ast.In(n, vs);
            }
        }
    }

    private static Ast.Value num(Random r, Field f) {
        if (f.type() == FieldType.YEAR) {
            return r.nextInt(3) == 0 ? new Ast.YearValue(r.nextInt(11) - 5) : new Ast.IntValue(1990 + r.nextInt(40));
        }
        if (f == Field.BIRTH_YEAR) return new Ast.IntValue(1930 + r.nextInt(100));
        return new Ast.IntValue(r.nextInt(10) == 0 ? -r.nextInt(5) : r.nextInt(f == Field.AGE ? 100 : 14));
    }

    static Ast.Expr expr(Random r, int depth) {
        int k = depth <= 0 ? r.nextInt(4) : r.nextInt(9);
        switch (k) {
            case 0: case 1: return new Ast.Count(r.nextInt(4) == 0 ? null : cond(r, 2));
            case 2: {
                Field[] nums = {Field.AGE, Field.GRADE, Field.HIGHEST_GRADE_COMPLETED, Field.LITERACY_STAGE_COMPLETED, Field.BIRTH_YEAR};
                return new Ast.SumOf(nums[r.nextInt(nums.length)].csvName(), r.nextBoolean() ? null : cond(r, 1));
            }
            case 3: return new Ast.Num(number(r));
            case 4: return new Ast.Neg(expr(r, depth - 1));
            default: {
                boolean mul = r.nextBoolean();
                String ops = mul ? "*/" : "+-";
                List<Ast.Step> steps = new ArrayList<>();
                for (int i = 0, m = 1 + r.nextInt(3); i < m; i++) steps.add(new Ast.Step(ops.charAt(r.nextInt(2)), expr(r, depth - 1)));
                return new Ast.Arithmetic(expr(r, depth - 1), steps);
            }
        }
    }

    private static double number(Random r) {
        switch (r.nextInt(5)) {
            case 0: return r.nextInt(1000);
            case 1: return r.nextInt(1000) / 8.0;
            case 2: return r.nextDouble();
            case 3: return r.nextDouble() * 1e20;
            default: return r.nextDouble() * 1e-9;
        }
    }

    // ------------------------------------------------------------------ persons

    static List<Person> persons(Random r, int n) {
        List<Person> l = new ArrayList<>();
        for (int i = 0; i < n; i++) l.add(person(r, i));
        return l;
    }

    static Person person(Random r, int i) {
        Person.Builder b = Person.builder("p" + i, r.nextBoolean() ? "00001" : "00002", 1930 + r.nextInt(96));
        b.sex(r.nextBoolean() ? Person.Sex.M : Person.Sex.F);
        if (r.nextBoolean()) b.village(TEXTS[r.nextInt(TEXTS.length)]);
        if (r.nextInt(3) == 0) b.ethnicity(TEXTS[r.nextInt(TEXTS.length)]);
        b.residence(pick(r, Person.Residence.values()));
        b.disability(pick(r, Person.Disability.values()));
        b.enrolment(pick(r, Person.Enrolment.values()));
        b.grade(optInt(r, 1, 12));
        b.preschoolCompleted(optInt(r, 1990, 2030));
        b.primaryCompleted(optInt(r, 1990, 2030));
        b.lowerSecondaryDiploma(optInt(r, 1990, 2030));
        b.upperSecondaryCompleted(optInt(r, 1990, 2030));
        b.highestGradeCompleted(optInt(r, 0, 12));
        b.literacyStageCompleted(optInt(r, 0, 2));
        b.employed(optBool(r));
        b.qualification(pick(r, Person.Qualification.values()));
        b.digitalSkills(pick(r, Person.DigitalSkills.values()));
        b.informationLiteracy(optBool(r));
        b.lifeSkills(optBool(r));
        b.learningCitizenYear(optInt(r, 2018, 2030));
        return b.build();
    }

    private static <E> E pick(Random r, E[] values) {
        int k = r.nextInt(values.length + 1);
        return k == values.length ? null : values[k];
    }

    private static Integer optInt(Random r, int lo, int hi) {
        return r.nextInt(3) == 0 ? null : lo + r.nextInt(hi - lo + 1);
    }

    private static Boolean optBool(Random r) {
        int k = r.nextInt(3);
        return k == 0 ? null : k == 1;
    }
}
