package vn.hoctap.standards.core.expression;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import vn.hoctap.standards.core.Person;

/**
 * The fields an expression can talk about: every column of persons.csv by its CSV name (register-csv.md), plus
 * derived ones ({@code age}, {@code birth_year}, {@code literate1}, {@code literate2}, {@code exempt}).
 */
public enum Field {
    PERSON_ID("person_id", FieldType.TEXT, Person::personId, "cột bắt buộc", "a required column"),
    HOUSEHOLD_ID("household_id", FieldType.TEXT, Person::householdId, "cột bắt buộc", "a required column"),
    COMMUNE_CODE("commune_code", FieldType.TEXT, Person::communeCode, "cột bắt buộc", "a required column"),
    VILLAGE("village", FieldType.TEXT, Person::village),
    BIRTH_DATE("birth_date", FieldType.TEXT, Person::birthDate, "cột bắt buộc", "a required column"),
    SEX("sex", Person.Sex.class, Person::sex, "cột bắt buộc", "a required column"),
    /** Empty = Kinh (register-csv.md): a missing ethnicity reads as {@code "Kinh"}. */
    ETHNICITY("ethnicity", FieldType.TEXT, p -> p.ethnicity() == null || p.ethnicity().isEmpty() ? "Kinh" : p.ethnicity(),
            "ô trống nghĩa là Kinh", "an empty cell means Kinh"),
    RESIDENCE("residence", Person.Residence.class, Person::residence, "mặc định permanent", "default permanent"),
    DISABILITY("disability", Person.Disability.class, Person::disability, "mặc định none", "default none"),
    ENROLMENT("enrolment", Person.Enrolment.class, Person::enrolment, "mặc định none", "default none"),
    GRADE("grade", FieldType.NUMBER, Person::grade),
    PRESCHOOL_COMPLETED("preschool_completed", FieldType.YEAR, Person::preschoolCompleted),
    PRIMARY_COMPLETED("primary_completed", FieldType.YEAR, Person::primaryCompleted),
    LOWER_SECONDARY_DIPLOMA("lower_secondary_diploma", FieldType.YEAR, Person::lowerSecondaryDiploma),
    UPPER_SECONDARY_COMPLETED("upper_secondary_completed", FieldType.YEAR, Person::upperSecondaryCompleted),
    HIGHEST_GRADE_COMPLETED("highest_grade_completed", FieldType.NUMBER, Person::highestGradeCompleted),
    LITERACY_STAGE_COMPLETED("literacy_stage_completed", FieldType.NUMBER, Person::literacyStageCompleted),
    EMPLOYED("employed", FieldType.BOOLEAN, Person::employed),
    QUALIFICATION("qualification", Person.Qualification.class, Person::qualification),
    DIGITAL_SKILLS("digital_skills", Person.DigitalSkills.class, Person::digitalSkills),
    INFORMATION_LITERACY("information_literacy", FieldType.BOOLEAN, Person::informationLiteracy),
    LIFE_SKILLS("life_skills", FieldType.BOOLEAN, Person::lifeSkills),
    LEARNING_CITIZEN_YEAR("learning_citizen_year", FieldType.YEAR, Person::learningCitizenYear),
    // ---- derived
    /** Data year − birth year. */
    AGE("age", FieldType.NUMBER),
    /** The year part of birth_date. */
    BIRTH_YEAR("birth_year", FieldType.NUMBER),
    /** Literate at level 1 in the data year: defined by the rule file ({@link Definitions}, NĐ 20/2014 Điều 19). */
    LITERATE1("literate1", FieldType.BOOLEAN),
    /** Literate at level 2 in the data year: defined by the rule file ({@link Definitions}, NĐ 20/2014 Điều 19). */
    LITERATE2("literate2", FieldType.BOOLEAN),
    /**
     * Left out of the criteria's denominators (miễn: persons with disabilities who cannot learn): defined by the rule
     * file ({@link Definitions}; the default file: {@code disability = cannot_learn}).
     */
    EXEMPT("exempt", FieldType.BOOLEAN);

    private final String csvName;
    private final FieldType type;
    private final Class<? extends Enum<?>> enumType;
    private final Function<Person, ?> raw;
    private final boolean derived;
    private final String neverMissingVi;
    private final String neverMissingEn;

    /** Optional column. */
    Field(String csvName, FieldType type, Function<Person, ?> raw) {
        this(csvName, type, null, raw, false, null, null);
    }

    /** Column that always has a value. */
    Field(String csvName, FieldType type, Function<Person, ?> raw, String whyVi, String whyEn) {
        this(csvName, type, null, raw, false, whyVi, whyEn);
    }

    /** Optional ordered enumeration column. */
    <E extends Enum<E> & Person.Coded> Field(String csvName, Class<E> enumType, Function<Person, E> raw) {
        this(csvName, FieldType.ORDERED_ENUM, enumType, raw, false, null, null);
    }

    /** Unordered enumeration column that always has a value. */
    <E extends Enum<E> & Person.Coded> Field(String csvName, Class<E> enumType, Function<Person, E> raw,
                                             String whyVi, String whyEn) {
        this(csvName, FieldType.UNORDERED_ENUM, enumType, raw, false, whyVi, whyEn);
    }

    /** Derived field. */
    Field(String csvName, FieldType type) {
        this(csvName, type, null, null, true, "trường suy ra, luôn có giá trị", "a derived field, it always has a value");
    }

    Field(String csvName, FieldType type, Class<? extends Enum<?>> enumType, Function<Person, ?> raw, boolean derived,
          String neverMissingVi, String neverMissingEn) {
        this.csvName = csvName;
        this.type = type;
        this.enumType = enumType;
        this.raw = raw;
        this.derived = derived;
        this.neverMissingVi = neverMissingVi;
        this.neverMissingEn = neverMissingEn;
    }

    private static final Map<String, Field> BY_NAME = new HashMap<>();

    static {
        for (Field f : values()) BY_NAME.put(f.csvName, f);
    }

    /** The field of a CSV / derived name (case-sensitive), or null. */
    public static Field byName(String name) { return BY_NAME.get(name); }

    /** All field names, in declaration order. */
    public static List<String> names() {
        List<String> l = new ArrayList<>();
        for (Field f : values()) l.add(f.csvName);
        return Collections.unmodifiableList(l);
    }

    public String csvName() { return csvName; }

    public FieldType type() { return type; }

    public boolean derived() { return derived; }

    /** Whether {@code is missing} makes sense: false for required, defaulted and derived fields. */
    public boolean canBeMissing() { return neverMissingEn == null; }

    String neverMissingVi() { return neverMissingVi; }

    String neverMissingEn() { return neverMissingEn; }

    /** The CSV codes of an enumeration field, in declaration order (= the order for ordered enums); else empty. */
    public List<String> codes() {
        List<String> l = new ArrayList<>();
        if (enumType != null) {
            for (Enum<?> e : enumType.getEnumConstants()) l.add(((Person.Coded) e).code());
        }
        return Collections.unmodifiableList(l);
    }

    /** The ordinal of a CSV code in this enumeration field, or -1. */
    int codeIndex(String code) { return codes().indexOf(code); }

    /** The raw value of a non-derived field (null = missing). */
    Object raw(Person p) { return raw.apply(p); }

    /**
     * The enum value of an enumeration field (null = missing). The register's fields are read with their accessors
     * (one switch, no call through a shared {@code Function}: the standards engine runs this for every person).
     */
    Enum<?> enumValue(Person p) {
        switch (this) {
            case ENROLMENT: return p.enrolment();
            case DISABILITY: return p.disability();
            case QUALIFICATION: return p.qualification();
            case DIGITAL_SKILLS: return p.digitalSkills();
            case SEX: return p.sex();
            case RESIDENCE: return p.residence();
            default: return (Enum<?>) raw.apply(p);
        }
    }

    /** The text of a text field (null = missing). */
    String text(Person p) { return (String) raw.apply(p); }

    /** Sentinel of {@link #intValue} for a missing value. */
    static final int MISSING = Integer.MIN_VALUE;

    /** A whole-number field's value in data year {@code year}, or {@link #MISSING}. */
    int intValue(Person p, int year) {
        Integer v;
        switch (this) {
            case AGE: return year - p.birthYear();
            case BIRTH_YEAR: return p.birthYear();
            case GRADE: v = p.grade(); break;
            case PRESCHOOL_COMPLETED: v = p.preschoolCompleted(); break;
            case PRIMARY_COMPLETED: v = p.primaryCompleted(); break;
            case LOWER_SECONDARY_DIPLOMA: v = p.lowerSecondaryDiploma(); break;
            case UPPER_SECONDARY_COMPLETED: v = p.upperSecondaryCompleted(); break;
            case HIGHEST_GRADE_COMPLETED: v = p.highestGradeCompleted(); break;
            case LITERACY_STAGE_COMPLETED: v = p.literacyStageCompleted(); break;
            case LEARNING_CITIZEN_YEAR: v = p.learningCitizenYear(); break;
            default: v = (Integer) raw.apply(p);
        }
        return v == null ? MISSING : v;
    }

    /** A yes/no field's value in data year {@code year}: 1 true, 0 false, -1 missing. */
    int boolValue(Person p, int year) {
        switch (this) {
            case LITERATE1:
            case LITERATE2:
            case EXEMPT: throw new IllegalStateException(csvName + " is defined in the rule file (Definitions), not here");
            default: {
                Boolean b = (Boolean) raw.apply(p);
                return b == null ? -1 : b ? 1 : 0;
            }
        }
    }

    /** Whether the value is missing (derived fields never are). */
    boolean missing(Person p) {
        return !derived && raw.apply(p) == null;
    }
}
