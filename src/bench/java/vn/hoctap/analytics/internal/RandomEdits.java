package vn.hoctap.analytics.internal;

import java.util.SplittableRandom;
import vn.hoctap.standards.core.Person;

/** Random but plausible changes of a person (for the benchmark and the property tests). */
public final class RandomEdits {
    private RandomEdits() { }

    private static <E extends Enum<E>> E pick(SplittableRandom r, Class<E> type, boolean nullable) {
        E[] v = type.getEnumConstants();
        int i = r.nextInt(v.length + (nullable ? 1 : 0));
        return i == v.length ? null : v[i];
    }

    private static Integer year(SplittableRandom r, int dataYear) {
        return r.nextInt(4) == 0 ? null : dataYear - 3 + r.nextInt(6); // around Y: some after Y
    }

    private static Integer small(SplittableRandom r, int max) { return r.nextInt(4) == 0 ? null : r.nextInt(max + 1); }

    private static Boolean bool(SplittableRandom r) { int i = r.nextInt(3); return i == 2 ? null : i == 1; }

    /** A copy of {@code p} with one to four fields changed (possibly commune and birth year), same person_id. */
    public static Person mutate(Person p, SplittableRandom r, int dataYear, String[] communeCodes) {
        String commune = p.communeCode();
        int birthYear = p.birthYear();
        Person.Sex sex = p.sex();
        Person.Residence residence = p.residence();
        Person.Disability disability = p.disability();
        Person.Enrolment enrolment = p.enrolment();
        Integer grade = p.grade(), pre = p.preschoolCompleted(), prim = p.primaryCompleted(), low = p.lowerSecondaryDiploma(),
                up = p.upperSecondaryCompleted(), hg = p.highestGradeCompleted(), st = p.literacyStageCompleted(),
                lcy = p.learningCitizenYear();
        Boolean emp = p.employed(), info = p.informationLiteracy(), life = p.lifeSkills();
        Person.Qualification q = p.qualification();
        Person.DigitalSkills d = p.digitalSkills();
        int changes = 1 + r.nextInt(4);
        for (int i = 0; i < changes; i++) {
            switch (r.nextInt(20)) {
                case 0: commune = communeCodes[r.nextInt(communeCodes.length)]; break;
                case 1: birthYear = dataYear - r.nextInt(70); break;
                case 2: sex = pick(r, Person.Sex.class, false); break;
                case 3: residence = pick(r, Person.Residence.class, false); break;
                case 4: disability = pick(r, Person.Disability.class, false); break;
                case 5: enrolment = pick(r, Person.Enrolment.class, false); break;
                case 6: grade = r.nextInt(4) == 0 ? null : 1 + r.nextInt(12); break;
                case 7: pre = year(r, dataYear); break;
                case 8: prim = year(r, dataYear); break;
                case 9: low = year(r, dataYear); break;
                case 10: up = year(r, dataYear); break;
                case 11: hg = small(r, 12); break;
                case 12: st = r.nextInt(3) == 0 ? null : 1 + r.nextInt(2); break;
                case 13: lcy = year(r, dataYear); break;
                case 14: emp = bool(r); break;
                case 15: info = bool(r); break;
                case 16: life = bool(r); break;
                case 17: q = pick(r, Person.Qualification.class, true); break;
                case 18: d = pick(r, Person.DigitalSkills.class, true); break;
                default: birthYear = p.birthYear() + (r.nextBoolean() ? 1 : -1); break; // across a cohort boundary
            }
        }
        return new Person(p.personId(), p.householdId(), commune, p.village(), Integer.toString(birthYear), birthYear, sex,
                p.ethnicity(), residence, disability, enrolment, grade, pre, prim, low, up, hg, st, emp, q, d, info, life, lcy, p.line());
    }

    /** A copy of {@code p} under another person_id. */
    public static Person withId(Person p, String id) {
        return new Person(id, p.householdId(), p.communeCode(), p.village(), p.birthDate(), p.birthYear(), p.sex(), p.ethnicity(),
                p.residence(), p.disability(), p.enrolment(), p.grade(), p.preschoolCompleted(), p.primaryCompleted(),
                p.lowerSecondaryDiploma(), p.upperSecondaryCompleted(), p.highestGradeCompleted(), p.literacyStageCompleted(),
                p.employed(), p.qualification(), p.digitalSkills(), p.informationLiteracy(), p.lifeSkills(), p.learningCitizenYear(), p.line());
    }
}
