package vn.hoctap.standards.core;

import java.util.Objects;

/**
 * One row of persons.csv (register-csv.md). Optional values are null when the cell is empty;
 * enumerations with a documented default (residence, disability, enrolment) carry the default.
 * Years are plain calendar years as written in the file (whether they count in data year Y is
 * decided by the engine: a completion year counts only when it is ≤ Y).
 *
 * @param birthDate the cell as written ({@code YYYY-MM-DD} or {@code YYYY})
 * @param birthYear the year part of {@code birthDate}; ages are {@code Y - birthYear}
 * @param line physical line in persons.csv (0 when built in code)
 */
public record Person(
        String personId,
        String householdId,
        String communeCode,
        String village,
        String birthDate,
        int birthYear,
        Sex sex,
        String ethnicity,
        Residence residence,
        Disability disability,
        Enrolment enrolment,
        Integer grade,
        Integer preschoolCompleted,
        Integer primaryCompleted,
        Integer lowerSecondaryDiploma,
        Integer upperSecondaryCompleted,
        Integer highestGradeCompleted,
        Integer literacyStageCompleted,
        Boolean employed,
        Qualification qualification,
        DigitalSkills digitalSkills,
        Boolean informationLiteracy,
        Boolean lifeSkills,
        Integer learningCitizenYear,
        long line) {

    public Person {
        Objects.requireNonNull(communeCode, "communeCode");
        if (residence == null) residence = Residence.PERMANENT;
        if (disability == null) disability = Disability.NONE;
        if (enrolment == null) enrolment = Enrolment.NONE;
    }

    /** Starts a builder (mainly for tests and programmatic imports). */
    public static Builder builder(String personId, String communeCode, int birthYear) {
        return new Builder(personId, communeCode, birthYear);
    }

    /** Values of an enumerated column; {@link #code()} is the CSV value. */
    public interface Coded { String code(); }

    static <E extends Enum<E> & Coded> E parse(Class<E> type, String s) {
        // the constants kept once per type (getEnumConstants copies the array at every call: once per cell of an import)
        for (Object e : CONSTANTS.get(type)) if (((Coded) e).code().equals(s)) return type.cast(e);
        return null;
    }

    private static final ClassValue<Object[]> CONSTANTS = new ClassValue<>() {
        @Override
        protected Object[] computeValue(Class<?> type) {
            return type.getEnumConstants();
        }
    };

    static <E extends Enum<E> & Coded> String allowed(Class<E> type) {
        StringBuilder sb = new StringBuilder();
        for (E e : type.getEnumConstants()) {
            if (sb.length() > 0) sb.append(", ");
            sb.append(e.code());
        }
        return sb.toString();
    }

    public enum Sex implements Coded {
        M("M"), F("F");
        private final String code;
        Sex(String c) { code = c; }
        public String code() { return code; }
    }

    public enum Residence implements Coded {
        PERMANENT("permanent"), TEMPORARY("temporary");
        private final String code;
        Residence(String c) { code = c; }
        public String code() { return code; }
    }

    public enum Disability implements Coded {
        NONE("none"), CAN_LEARN("can_learn"), CANNOT_LEARN("cannot_learn");
        private final String code;
        Disability(String c) { code = c; }
        public String code() { return code; }
    }

    public enum Enrolment implements Coded {
        NONE("none"), PRESCHOOL("preschool"), PRIMARY("primary"), LOWER_SECONDARY("lower_secondary"),
        UPPER_SECONDARY("upper_secondary"), CONTINUING_UPPER_SECONDARY("continuing_upper_secondary"),
        VOCATIONAL("vocational"), HIGHER("higher"), LITERACY_CLASS("literacy_class");
        private final String code;
        Enrolment(String c) { code = c; }
        public String code() { return code; }
    }

    public enum Qualification implements Coded {
        NONE("none"), SHORT_COURSE("short_course"), ELEMENTARY("elementary"), INTERMEDIATE("intermediate"),
        COLLEGE("college"), UNIVERSITY("university"), POSTGRADUATE("postgraduate");
        private final String code;
        Qualification(String c) { code = c; }
        public String code() { return code; }
    }

    public enum DigitalSkills implements Coded {
        NONE("none"), BASIC("basic"), PROFICIENT("proficient");
        private final String code;
        DigitalSkills(String c) { code = c; }
        public String code() { return code; }
    }

    /** Mutable builder; every setter returns this. */
    public static final class Builder {
        private String personId, householdId, communeCode, village, birthDate, ethnicity;
        private int birthYear;
        private Sex sex = Sex.F;
        private Residence residence;
        private Disability disability;
        private Enrolment enrolment;
        private Integer grade, preschoolCompleted, primaryCompleted, lowerSecondaryDiploma, upperSecondaryCompleted,
                highestGradeCompleted, literacyStageCompleted, learningCitizenYear;
        private Boolean employed, informationLiteracy, lifeSkills;
        private Qualification qualification;
        private DigitalSkills digitalSkills;
        private long line;

        private Builder(String personId, String communeCode, int birthYear) {
            this.personId = personId;
            this.householdId = personId;
            this.communeCode = communeCode;
            this.birthYear = birthYear;
            this.birthDate = Integer.toString(birthYear);
        }

        public Builder householdId(String v) { householdId = v; return this; }
        public Builder village(String v) { village = v; return this; }
        public Builder birthDate(String v) { birthDate = v; return this; }
        public Builder sex(Sex v) { sex = v; return this; }
        public Builder ethnicity(String v) { ethnicity = v; return this; }
        public Builder residence(Residence v) { residence = v; return this; }
        public Builder disability(Disability v) { disability = v; return this; }
        public Builder enrolment(Enrolment v) { enrolment = v; return this; }
        public Builder grade(Integer v) { grade = v; return this; }
        public Builder preschoolCompleted(Integer v) { preschoolCompleted = v; return this; }
        public Builder primaryCompleted(Integer v) { primaryCompleted = v; return this; }
        public Builder lowerSecondaryDiploma(Integer v) { lowerSecondaryDiploma = v; return this; }
        public Builder upperSecondaryCompleted(Integer v) { upperSecondaryCompleted = v; return this; }
        public Builder highestGradeCompleted(Integer v) { highestGradeCompleted = v; return this; }
        public Builder literacyStageCompleted(Integer v) { literacyStageCompleted = v; return this; }
        public Builder employed(Boolean v) { employed = v; return this; }
        public Builder qualification(Qualification v) { qualification = v; return this; }
        public Builder digitalSkills(DigitalSkills v) { digitalSkills = v; return this; }
        public Builder informationLiteracy(Boolean v) { informationLiteracy = v; return this; }
        public Builder lifeSkills(Boolean v) { lifeSkills = v; return this; }
        public Builder learningCitizenYear(Integer v) { learningCitizenYear = v; return this; }
        public Builder line(long v) { line = v; return this; }

        public Person build() {
            return new Person(personId, householdId, communeCode, village, birthDate, birthYear, sex, ethnicity,
                    residence, disability, enrolment, grade, preschoolCompleted, primaryCompleted, lowerSecondaryDiploma,
                    upperSecondaryCompleted, highestGradeCompleted, literacyStageCompleted, employed, qualification,
                    digitalSkills, informationLiteracy, lifeSkills, learningCitizenYear, line);
        }
    }
}
