package vn.hoctap.register.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import vn.hoctap.platform.VietnameseText;
import vn.hoctap.standards.core.Person;

/**
 * The mapping between a {@link Person} of the register exchange format and the columns of
 * {@code register_person}: to CSV rows for PostgreSQL's COPY, and back from result sets.
 */
public final class PersonColumns {

    /** The table's data columns, in COPY order (year first). */
    public static final List<String> COLUMNS = List.of("year", "person_id", "household_id", "commune_code", "village",
            "birth_date", "birth_year", "sex", "ethnicity", "residence", "disability", "enrolment", "grade",
            "preschool_completed", "primary_completed", "lower_secondary_diploma", "upper_secondary_completed",
            "highest_grade_completed", "literacy_stage_completed", "employed", "qualification", "digital_skills",
            "information_literacy", "life_skills", "learning_citizen_year", "search_key");

    /** The exchange-format columns (register-csv.md), in export order. */
    public static final List<String> CSV_COLUMNS = COLUMNS.subList(1, COLUMNS.size() - 1).stream()
            .filter(c -> !c.equals("birth_year")).toList();

    private PersonColumns() {
    }

    /** Folded village names: a register has a few thousand villages for millions of persons. */
    private static final java.util.Map<String, String> FOLDED_VILLAGES = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * {@code fold(person_id + " " + household_id + " " + village)}, computed part by part (the same string: fold
     * collapses white space and a space is a Unicode starter, so normalisation never reaches across it), with the
     * folded village remembered.
     */
    public static String searchKey(Person p) {
        return searchKey(p.personId(), p.householdId(), p.village());
    }

    static String searchKey(String personId, String householdId, String village) {
        village = village == null ? "" : village;
        String foldedVillage;
        if (village.isEmpty()) {
            foldedVillage = "";
        } else if (FOLDED_VILLAGES.size() < 100_000) {
            foldedVillage = FOLDED_VILLAGES.computeIfAbsent(village, VietnameseText::fold);
        } else {
            foldedVillage = VietnameseText.fold(village);
        }
        StringBuilder sb = new StringBuilder(64);
        for (String part : new String[] {VietnameseText.fold(personId), VietnameseText.fold(householdId), foldedVillage}) {
            if (!part.isEmpty()) {
                if (sb.length() > 0) {
                    sb.append(' ');
                }
                sb.append(part);
            }
        }
        return sb.toString();
    }

    /** The person's values in {@link #CSV_COLUMNS} order, unquoted; "" for an empty cell. */
    public static List<String> cells(Person p) {
        return java.util.Arrays.asList(p.personId(), p.householdId(), p.communeCode(), str(p.village()), p.birthDate(),
                p.sex() == null ? "" : p.sex().code(), str(p.ethnicity()), p.residence().code(), p.disability().code(),
                p.enrolment().code(), str(p.grade()), str(p.preschoolCompleted()), str(p.primaryCompleted()),
                str(p.lowerSecondaryDiploma()), str(p.upperSecondaryCompleted()), str(p.highestGradeCompleted()),
                str(p.literacyStageCompleted()), str(p.employed()),
                p.qualification() == null ? "" : p.qualification().code(),
                p.digitalSkills() == null ? "" : p.digitalSkills().code(), str(p.informationLiteracy()),
                str(p.lifeSkills()), str(p.learningCitizenYear()));
    }

    /**
     * One CSV line (no newline) for COPY ... (FORMAT csv), columns as {@link #COLUMNS}: the cells of {@link #cells}
     * with the birth year after birth_date, then the search key; appended directly (no list of cells), as an import
     * writes one per person.
     */
    public static String copyLine(int year, Person p) {
        return appendCopyLine(new StringBuilder(200), year, p, searchKey(p)).toString();
    }

    /** Appends {@link #copyLine} to {@code sb} (given the person's {@link #searchKey}): an import reuses one builder. */
    static StringBuilder appendCopyLine(StringBuilder sb, int year, Person p, String searchKey) {
        sb.append(year).append(',');
        quote(sb, p.personId()).append(',');
        quote(sb, p.householdId()).append(',');
        quote(sb, p.communeCode()).append(',');
        quote(sb, p.village() == null ? "" : p.village()).append(',');
        quote(sb, p.birthDate()).append(',');
        sb.append(p.birthYear()).append(',');
        quote(sb, p.sex() == null ? "" : p.sex().code()).append(',');
        quote(sb, p.ethnicity() == null ? "" : p.ethnicity()).append(',');
        quote(sb, p.residence().code()).append(',');
        quote(sb, p.disability().code()).append(',');
        quote(sb, p.enrolment().code()).append(',');
        cell(sb, p.grade());
        cell(sb, p.preschoolCompleted());
        cell(sb, p.primaryCompleted());
        cell(sb, p.lowerSecondaryDiploma());
        cell(sb, p.upperSecondaryCompleted());
        cell(sb, p.highestGradeCompleted());
        cell(sb, p.literacyStageCompleted());
        cell(sb, p.employed());
        quote(sb, p.qualification() == null ? "" : p.qualification().code()).append(',');
        quote(sb, p.digitalSkills() == null ? "" : p.digitalSkills().code()).append(',');
        cell(sb, p.informationLiteracy());
        cell(sb, p.lifeSkills());
        cell(sb, p.learningCitizenYear());
        return quote(sb, searchKey);
    }

    /** The columns of a staged line ({@link #stagedLine}): {@link #COLUMNS} and the row's hash. */
    public static final List<String> STAGED_COLUMNS = java.util.stream.Stream.concat(COLUMNS.stream(), java.util.stream.Stream.of("row_hash")).toList();

    /**
     * {@link #copyLine} followed by its {@link #rowHash}: what an import and an edit write, so that a later import
     * can tell an unchanged person by comparing one number instead of 23 columns.
     */
    public static String stagedLine(int year, Person p) {
        String line = copyLine(year, p);
        return line + ',' + rowHash(line);
    }

    /**
     * A 64-bit hash of a person's columns as written by {@link #copyLine} (FNV-1a over the characters, then
     * MurmurHash3's finaliser): equal rows give equal hashes; two different rows give the same hash with a
     * probability of about 2⁻⁶⁴.
     */
    public static long rowHash(CharSequence copyLine) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < copyLine.length(); i++) {
            h ^= copyLine.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    /** A number or boolean cell (never needs quotes) and its comma; empty when null. */
    private static void cell(StringBuilder sb, Object value) {
        if (value != null) {
            sb.append(value);
        }
        sb.append(',');
    }

    /** One exchange-format CSV line (no newline), columns as {@link #CSV_COLUMNS}. */
    public static String exportLine(Person p) {
        StringBuilder sb = new StringBuilder(200);
        for (String cell : cells(p)) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            // a text typed or imported as "=HYPERLINK(…)" must not become a formula in the officer's spreadsheet
            sb.append(vn.hoctap.platform.SpreadsheetCells.csv(cell));
        }
        return sb.toString();
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }

    private static StringBuilder quote(StringBuilder sb, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return sb.append('"').append(s.replace("\"", "\"\"")).append('"');
            }
        }
        return sb.append(s);
    }

    public static Person fromRow(ResultSet rs) throws SQLException {
        return Person.builder(rs.getString("person_id"), rs.getString("commune_code"), rs.getInt("birth_year"))
                .householdId(rs.getString("household_id"))
                .village(rs.getString("village"))
                .birthDate(rs.getString("birth_date"))
                .sex(code(Person.Sex.class, rs.getString("sex")))
                .ethnicity(rs.getString("ethnicity"))
                .residence(code(Person.Residence.class, rs.getString("residence")))
                .disability(code(Person.Disability.class, rs.getString("disability")))
                .enrolment(code(Person.Enrolment.class, rs.getString("enrolment")))
                .grade(integer(rs, "grade"))
                .preschoolCompleted(integer(rs, "preschool_completed"))
                .primaryCompleted(integer(rs, "primary_completed"))
                .lowerSecondaryDiploma(integer(rs, "lower_secondary_diploma"))
                .upperSecondaryCompleted(integer(rs, "upper_secondary_completed"))
                .highestGradeCompleted(integer(rs, "highest_grade_completed"))
                .literacyStageCompleted(integer(rs, "literacy_stage_completed"))
                .employed(bool(rs, "employed"))
                .qualification(code(Person.Qualification.class, rs.getString("qualification")))
                .digitalSkills(code(Person.DigitalSkills.class, rs.getString("digital_skills")))
                .informationLiteracy(bool(rs, "information_literacy"))
                .lifeSkills(bool(rs, "life_skills"))
                .learningCitizenYear(integer(rs, "learning_citizen_year"))
                .build();
    }

    static <E extends Enum<E> & Person.Coded> E code(Class<E> type, String value) {
        if (value == null) {
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (e.code().equals(value.strip())) {
                return e;
            }
        }
        throw new IllegalStateException("register_person holds an unknown " + type.getSimpleName() + " value");
    }

    private static Integer integer(ResultSet rs, String col) throws SQLException {
        int v = rs.getInt(col);
        return rs.wasNull() ? null : v;
    }

    private static Boolean bool(ResultSet rs, String col) throws SQLException {
        boolean v = rs.getBoolean(col);
        return rs.wasNull() ? null : v;
    }
}
