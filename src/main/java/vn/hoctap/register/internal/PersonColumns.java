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
        appendFolded(sb, personId);
        appendFolded(sb, householdId);
        if (!foldedVillage.isEmpty()) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(foldedVillage);
        }
        return sb.toString();
    }

    /** Appends {@code fold(text)} after a space (none when it is the first part, nothing when it folds to nothing). */
    private static void appendFolded(StringBuilder sb, String text) {
        if (text == null || text.isEmpty()) {
            return;
        }
        int before = sb.length();
        if (before > 0) {
            sb.append(' ');
        }
        int start = sb.length();
        VietnameseText.appendFold(sb, text);
        if (sb.length() == start) {
            sb.setLength(before);
        }
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
        Text line = new Text(new StringBuilder(200));
        copyLine(line, year, p, searchKey(p));
        return line.sb.toString();
    }

    /**
     * {@link #rowHash} of {@link #copyLine}, computed from the characters as they are produced, without building the
     * line (an import hashes every person; {@link BinaryPersonRows}).
     */
    static long copyLineHash(int year, Person p, String searchKey) {
        Hash h = new Hash();
        copyLine(h, year, p, searchKey);
        return h.value();
    }

    /** The characters of {@link #copyLine}, given the person's {@link #searchKey}, to {@code out}. */
    private static void copyLine(Line out, int year, Person p, String searchKey) {
        out.put(year).put(',');
        quote(out, p.personId()).put(',');
        quote(out, p.householdId()).put(',');
        quote(out, p.communeCode()).put(',');
        quote(out, p.village() == null ? "" : p.village()).put(',');
        quote(out, p.birthDate()).put(',');
        out.put(p.birthYear()).put(',');
        quote(out, p.sex() == null ? "" : p.sex().code()).put(',');
        quote(out, p.ethnicity() == null ? "" : p.ethnicity()).put(',');
        quote(out, p.residence().code()).put(',');
        quote(out, p.disability().code()).put(',');
        quote(out, p.enrolment().code()).put(',');
        cell(out, p.grade());
        cell(out, p.preschoolCompleted());
        cell(out, p.primaryCompleted());
        cell(out, p.lowerSecondaryDiploma());
        cell(out, p.upperSecondaryCompleted());
        cell(out, p.highestGradeCompleted());
        cell(out, p.literacyStageCompleted());
        cell(out, p.employed());
        quote(out, p.qualification() == null ? "" : p.qualification().code()).put(',');
        quote(out, p.digitalSkills() == null ? "" : p.digitalSkills().code()).put(',');
        cell(out, p.informationLiteracy());
        cell(out, p.lifeSkills());
        cell(out, p.learningCitizenYear());
        quote(out, searchKey);
    }

    /** Where the characters of a COPY line go: a text ({@link Text}) or straight into its hash ({@link Hash}). */
    private abstract static class Line {
        abstract Line put(char c);

        Line put(String s) {
            for (int i = 0; i < s.length(); i++) {
                put(s.charAt(i));
            }
            return this;
        }

        /** The decimal digits of {@code v}, as {@link StringBuilder#append(int)} writes them. */
        Line put(int v) {
            if (v < 0) {
                put('-');
                if (v == Integer.MIN_VALUE) {
                    return put("2147483648");
                }
                v = -v;
            }
            int div = 1;
            while (div <= v / 10) {
                div *= 10;
            }
            for (; div > 0; div /= 10) {
                put((char) ('0' + v / div % 10));
            }
            return this;
        }
    }

    private static final class Text extends Line {
        final StringBuilder sb;

        Text(StringBuilder sb) {
            this.sb = sb;
        }

        @Override
        Line put(char c) {
            sb.append(c);
            return this;
        }

        @Override
        Line put(String s) {
            sb.append(s);
            return this;
        }
    }

    /** FNV-1a over the characters, then MurmurHash3's finaliser ({@link #rowHash}). */
    private static final class Hash extends Line {
        long h = 0xcbf29ce484222325L;

        @Override
        Line put(char c) {
            h ^= c;
            h *= 0x100000001b3L;
            return this;
        }

        long value() {
            long v = h;
            v ^= v >>> 33;
            v *= 0xff51afd7ed558ccdL;
            v ^= v >>> 33;
            v *= 0xc4ceb9fe1a85ec53L;
            v ^= v >>> 33;
            return v;
        }
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
        Hash h = new Hash();
        for (int i = 0; i < copyLine.length(); i++) {
            h.put(copyLine.charAt(i));
        }
        return h.value();
    }

    /** A number or boolean cell (never needs quotes) and its comma; empty when null. */
    private static void cell(Line out, Object value) {
        if (value instanceof Integer i) {
            out.put(i.intValue());
        } else if (value != null) {
            out.put(value.toString());
        }
        out.put(',');
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

    /** The text as a CSV cell: within quotes, its own quotes doubled, when it holds a comma, a quote or a line break. */
    private static Line quote(Line out, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                out.put('"');
                for (int k = 0; k < s.length(); k++) {
                    char d = s.charAt(k);
                    if (d == '"') {
                        out.put('"');
                    }
                    out.put(d);
                }
                return out.put('"');
            }
        }
        return out.put(s);
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
