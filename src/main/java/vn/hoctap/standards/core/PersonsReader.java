package vn.hoctap.standards.core;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Year;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import vn.hoctap.standards.internal.CompactStringSet;

/**
 * Reads and validates persons.csv (register-csv.md) as a stream: each valid row is handed to a
 * callback as a {@link Person} and then forgotten; only the person ids are kept (compactly) to find
 * duplicates. Every error is counted and the first ones are stored in the {@link ImportReport}.
 * <p>
 * <b>All-or-nothing:</b> the callback sees the valid rows while the file is still being read, so a
 * caller must treat what it collected as provisional and discard it when the report has errors.
 * <p>
 * "In the future" (completion years, birth year) means after the current calendar year of the
 * {@link Clock} (not after the data year: later-than-data-year completions are valid and simply do
 * not count in the standards).
 */
public final class PersonsReader {

    static final Set<String> COLUMNS = Set.of("person_id", "household_id", "commune_code", "village", "birth_date",
            "sex", "ethnicity", "residence", "disability", "enrolment", "grade", "preschool_completed",
            "primary_completed", "lower_secondary_diploma", "upper_secondary_completed", "highest_grade_completed",
            "literacy_stage_completed", "employed", "qualification", "digital_skills", "information_literacy",
            "life_skills", "learning_citizen_year");
    static final List<String> REQUIRED = List.of("person_id", "household_id", "commune_code", "birth_date", "sex");

    /** Earliest accepted birth year (decision: anything earlier is treated as a typo). */
    public static final int MIN_BIRTH_YEAR = 1900;
    /** Longest accepted person_id, in characters (register-csv.md v2: the stored column holds 100). */
    public static final int MAX_ID_LENGTH = 100;
    /** Longest accepted household_id, village and ethnicity, in characters (register-csv.md v2, issue 11). */
    public static final int MAX_HOUSEHOLD_LENGTH = 100, MAX_VILLAGE_LENGTH = 200, MAX_ETHNICITY_LENGTH = 50;

    private static final String MISSING_VI = "Thiếu giá trị bắt buộc";
    private static final String MISSING_EN = "Required value is missing";

    private final Units units;
    private final int currentYear;
    private final int maxStored;

    /**
     * @param units the validated units, or null when units.csv could not be read (then commune codes are not checked)
     * @param clock gives the current calendar year
     */
    public PersonsReader(Units units, Clock clock) {
        this(units, Year.now(clock), ImportReport.DEFAULT_MAX_STORED);
    }

    public PersonsReader(Units units, Year currentYear, int maxStored) {
        this.units = units;
        this.currentYear = currentYear.getValue();
        this.maxStored = maxStored;
    }

    public ImportReport read(Path file, Consumer<? super Person> sink) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return read(in, name, Files.size(file), sink);
        } catch (IOException e) {
            ImportReport r = new ImportReport(name, maxStored);
            r.error(0, null, null, "Không đọc được tệp: " + e.getMessage(), "Cannot read the file: " + e.getMessage());
            return r;
        }
    }

    /** Reads from a stream (not closed); {@code fileName} is used in the report. */
    public ImportReport read(InputStream in, String fileName, Consumer<? super Person> sink) {
        return read(in, fileName, 0, sink);
    }

    /**
     * Reads from a stream (not closed) of {@code bytes} bytes, if known (0 otherwise): the set of person ids that finds
     * duplicates is then made large enough at once for a register of that size (about 100 bytes a row), instead of
     * growing — each growth moves every id seen so far, at random places of a table of up to hundreds of MiB.
     */
    public ImportReport read(InputStream in, String fileName, long bytes, Consumer<? super Person> sink) {
        long t0 = System.nanoTime();
        ImportReport r = new ImportReport(fileName, maxStored);
        CsvParser p = new CsvParser(in);
        long rows = 0;
        try {
            CsvHeader h = CsvHeader.read(p, r, COLUMNS, REQUIRED);
            if (h == null) return r;
            Row row = new Row(h, r);
            CompactStringSet ids = new CompactStringSet((int) Math.min(bytes / 100, 50_000_000));
            while (p.next()) {
                rows++;
                if (h.checkShape(p, r)) continue;
                Person person = row.parse(p.fields(), p.recordLine(), ids, p.sawControlCharacter());
                if (person != null) sink.accept(person);
            }
        } catch (CharacterCodingException e) {
            r.error(p.currentLine(), null, null, "Tệp không phải là UTF-8 hợp lệ", "The file is not valid UTF-8");
        } catch (IOException e) {
            r.error(p.currentLine(), null, null, "Lỗi đọc tệp: " + e.getMessage(), "Read error: " + e.getMessage());
        } finally {
            r.rows(rows);
            r.nanos(System.nanoTime() - t0);
        }
        return r;
    }

    /** Parses one row; column indexes are resolved once. */
    private final class Row {
        private final ImportReport r;
        private final int personId, householdId, communeCode, village, birthDate, sex, ethnicity, residence, disability,
                enrolment, grade, preschool, primary, lowerSec, upperSec, highestGrade, literacyStage, employed,
                qualification, digitalSkills, infoLiteracy, lifeSkills, learningCitizen;
        private List<String> f;
        private long line;
        private boolean bad;

        private final String[] names;

        Row(CsvHeader h, ImportReport r) {
            this.r = r;
            int width = h.index.values().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
            names = new String[width];
            h.index.forEach((n, i) -> names[i] = n);
            personId = idx(h, "person_id"); householdId = idx(h, "household_id"); communeCode = idx(h, "commune_code");
            village = idx(h, "village"); birthDate = idx(h, "birth_date"); sex = idx(h, "sex");
            ethnicity = idx(h, "ethnicity"); residence = idx(h, "residence"); disability = idx(h, "disability");
            enrolment = idx(h, "enrolment"); grade = idx(h, "grade"); preschool = idx(h, "preschool_completed");
            primary = idx(h, "primary_completed"); lowerSec = idx(h, "lower_secondary_diploma");
            upperSec = idx(h, "upper_secondary_completed"); highestGrade = idx(h, "highest_grade_completed");
            literacyStage = idx(h, "literacy_stage_completed"); employed = idx(h, "employed");
            qualification = idx(h, "qualification"); digitalSkills = idx(h, "digital_skills");
            infoLiteracy = idx(h, "information_literacy"); lifeSkills = idx(h, "life_skills");
            learningCitizen = idx(h, "learning_citizen_year");
        }

        private int idx(CsvHeader h, String c) {
            Integer i = h.index.get(c);
            return i == null ? -1 : i;
        }

        private String cell(int i) { return i < 0 ? "" : restoreFormulaQuote(f.get(i)); }

        private void err(String column, String value, String vi, String en) {
            bad = true;
            r.error(line, column, value, vi, en);
        }

        /** {@code mayHoldControl}: the parser saw a control character in the record (its cells are searched only then). */
        Person parse(List<String> fields, long line, CompactStringSet ids, boolean mayHoldControl) {
            this.f = fields;
            this.line = line;
            this.bad = false;

            if (mayHoldControl) controlCharacters();
            String id = required(personId, "person_id");
            if (id != null) {
                if (id.length() > MAX_ID_LENGTH) {
                    err("person_id", id.substring(0, 50) + "…", "Mã người quá dài (tối đa " + MAX_ID_LENGTH + " ký tự)",
                            "person_id is too long (at most " + MAX_ID_LENGTH + " characters)");
                } else {
                    long first = ids.addOrGetLine(id, line);
                    if (first != 0) {
                        err("person_id", id, "Mã người (person_id) bị trùng, đã có ở dòng " + first,
                                "Duplicate person_id, already used on line " + first);
                    }
                }
            }
            String household = required(householdId, "household_id");
            tooLong(household, "household_id", MAX_HOUSEHOLD_LENGTH);
            String commune = required(communeCode, "commune_code");
            if (commune != null && units != null) {
                if (units.communeIndex(commune) < 0) {
                    if (units.get(commune).isPresent()) {
                        err("commune_code", commune, "Mã này trong units.csv không phải là xã/phường (cấp " + units.get(commune).get().level().code() + ")",
                                "This code in units.csv is not a commune (it is a " + units.get(commune).get().level().code() + ")");
                    } else {
                        err("commune_code", commune, "Mã xã không có trong units.csv", "Unknown commune code (not in units.csv)");
                    }
                }
            }
            String birth = required(birthDate, "birth_date");
            int birthYear = Integer.MIN_VALUE;
            if (birth != null) {
                birthYear = parseBirth(birth);
                if (birthYear == Integer.MIN_VALUE) {
                    err("birth_date", birth, "Ngày sinh không hợp lệ (phải là ngày có thật dạng YYYY-MM-DD, hoặc năm YYYY)",
                            "birth_date is not a valid date (a real date YYYY-MM-DD, or a year YYYY)");
                } else if (birthYear > currentYear) {
                    err("birth_date", birth, "Năm sinh ở tương lai (sau năm " + currentYear + ")",
                            "Birth year is in the future (after " + currentYear + ")");
                    birthYear = Integer.MIN_VALUE;
                } else if (birthYear < MIN_BIRTH_YEAR) {
                    err("birth_date", birth, "Năm sinh trước " + MIN_BIRTH_YEAR + " không hợp lý",
                            "Birth year before " + MIN_BIRTH_YEAR + " is not plausible");
                    birthYear = Integer.MIN_VALUE;
                }
            }
            Person.Sex sexV = null;
            String sexS = required(sex, "sex");
            if (sexS != null) sexV = enumValue(Person.Sex.class, sexS, "sex");

            String villageV = emptyToNull(cell(village));
            tooLong(villageV, "village", MAX_VILLAGE_LENGTH);
            String ethnicityV = emptyToNull(cell(ethnicity));
            tooLong(ethnicityV, "ethnicity", MAX_ETHNICITY_LENGTH);
            Person.Residence residenceV = optEnum(Person.Residence.class, residence, "residence");
            Person.Disability disabilityV = optEnum(Person.Disability.class, disability, "disability");
            Person.Enrolment enrolmentV = optEnum(Person.Enrolment.class, enrolment, "enrolment");

            Integer gradeV = integer(grade, "grade");
            String gradeS = cell(grade);
            if (enrolmentV != null && gradeV != INVALID) {
                int lo = 1, hi = 12;
                String level = null;
                switch (enrolmentV) {
                    case PRIMARY: lo = 1; hi = 5; level = "primary"; break;
                    case LOWER_SECONDARY: lo = 6; hi = 9; level = "lower_secondary"; break;
                    case UPPER_SECONDARY: lo = 10; hi = 12; level = "upper_secondary"; break;
                    default: break;
                }
                if (gradeV == null) {
                    if (level != null) {
                        err("grade", null, "Thiếu lớp (grade) khi enrolment = " + level + " (phải từ " + lo + " đến " + hi + ")",
                                "grade is missing for enrolment = " + level + " (must be " + lo + "–" + hi + ")");
                    }
                } else if (gradeV < lo || gradeV > hi) {
                    if (level != null) {
                        err("grade", gradeS, "Lớp ngoài khoảng của enrolment = " + level + " (phải từ " + lo + " đến " + hi + ")",
                                "grade is outside the range of enrolment = " + level + " (must be " + lo + "–" + hi + ")");
                    } else {
                        err("grade", gradeS, "Lớp phải từ 1 đến 12", "grade must be between 1 and 12");
                    }
                }
            } else if (enrolmentV == null && gradeV != null && gradeV != INVALID && (gradeV < 1 || gradeV > 12)) {
                err("grade", gradeS, "Lớp phải từ 1 đến 12", "grade must be between 1 and 12");
            }

            Integer preschoolV = year(preschool, "preschool_completed", birthYear);
            Integer primaryV = year(primary, "primary_completed", birthYear);
            Integer lowerSecV = year(lowerSec, "lower_secondary_diploma", birthYear);
            Integer upperSecV = year(upperSec, "upper_secondary_completed", birthYear);
            Integer highestV = ranged(highestGrade, "highest_grade_completed", 0, 12);
            Integer stageV = ranged(literacyStage, "literacy_stage_completed", 0, 2);
            Boolean employedV = bool(employed, "employed");
            Person.Qualification qualV = optEnum(Person.Qualification.class, qualification, "qualification");
            Person.DigitalSkills digitalV = optEnum(Person.DigitalSkills.class, digitalSkills, "digital_skills");
            Boolean infoV = bool(infoLiteracy, "information_literacy");
            Boolean lifeV = bool(lifeSkills, "life_skills");
            Integer citizenV = year(learningCitizen, "learning_citizen_year", birthYear);

            if (bad) return null;
            return new Person(id, household, commune, villageV, birth, birthYear, sexV, ethnicityV, residenceV,
                    disabilityV, enrolmentV, gradeV, preschoolV, primaryV, lowerSecV, upperSecV, highestV, stageV,
                    employedV, qualV, digitalV, infoV, lifeV, citizenV, line);
        }

        /** A text longer than the contract allows: a located error (the value shown shortened). */
        private void tooLong(String v, String column, int max) {
            if (v != null && v.length() > max) {
                err(column, v.substring(0, 50) + "… (" + v.length() + " ký tự / characters)",
                        "Quá dài: tối đa " + max + " ký tự (register-csv.md phiên bản 2)",
                        "Too long: at most " + max + " characters (register-csv.md version 2)");
            }
        }

        /** A NUL or another control character in any cell (register-csv.md v2): a located error, not a crash later. */
        private void controlCharacters() {
            for (int i = 0; i < f.size(); i++) {
                String v = f.get(i);
                for (int k = 0; k < v.length(); k++) {
                    char c = v.charAt(k);
                    // tab and line breaks inside a quoted cell were valid in version 1 and stay so
                    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
                        String shown = v.substring(0, Math.min(k, 40)).replace("\n", " ") + "\\u" + String.format("%04X", (int) c);
                        err(columnName(i), shown, "Ô chứa ký tự điều khiển U+" + String.format("%04X", (int) c)
                                        + " ở vị trí " + (k + 1) + " (không được phép: NUL và các ký tự điều khiển khác)",
                                "The cell holds the control character U+" + String.format("%04X", (int) c) + " at position "
                                        + (k + 1) + " (not allowed: NUL and other control characters)");
                        break;
                    }
                }
            }
        }

        private String columnName(int i) {
            return i < names.length && names[i] != null ? names[i] : "#" + (i + 1);
        }

        private String required(int i, String column) {
            String s = cell(i);
            if (s.isEmpty()) {
                err(column, null, MISSING_VI, MISSING_EN);
                return null;
            }
            return s;
        }

        private <E extends Enum<E> & Person.Coded> E enumValue(Class<E> type, String s, String column) {
            E e = Person.parse(type, s);
            if (e == null) {
                String allowed = Person.allowed(type);
                err(column, s, "Giá trị không hợp lệ (cho phép: " + allowed + ")", "Value not allowed (allowed: " + allowed + ")");
            }
            return e;
        }

        private <E extends Enum<E> & Person.Coded> E optEnum(Class<E> type, int i, String column) {
            String s = cell(i);
            return s.isEmpty() ? null : enumValue(type, s, column);
        }

        private Boolean bool(int i, String column) {
            String s = cell(i);
            if (s.isEmpty()) return null;
            if (s.equals("true")) return Boolean.TRUE;
            if (s.equals("false")) return Boolean.FALSE;
            err(column, s, "Giá trị phải là true hoặc false", "Value must be true or false");
            return null;
        }

        /** @return null when empty, {@link #INVALID} when not an integer (error reported) */
        private Integer integer(int i, String column) {
            String s = cell(i);
            if (s.isEmpty()) return null;
            Integer v = parseInt(s);
            if (v == null) {
                err(column, s, "Không phải là số nguyên", "Not an integer");
                return INVALID;
            }
            return v;
        }

        private Integer ranged(int i, String column, int lo, int hi) {
            Integer v = integer(i, column);
            if (v == null || v == INVALID) return null;
            if (v < lo || v > hi) {
                err(column, cell(i), "Giá trị phải từ " + lo + " đến " + hi, "Value must be between " + lo + " and " + hi);
                return null;
            }
            return v;
        }

        private Integer year(int i, String column, int birthYear) {
            Integer v = integer(i, column);
            if (v == null || v == INVALID) return null;
            if (v > currentYear) {
                err(column, cell(i), "Năm ở tương lai (sau năm " + currentYear + ")", "Year is in the future (after " + currentYear + ")");
                return null;
            }
            if (birthYear != Integer.MIN_VALUE && v < birthYear) {
                err(column, cell(i), "Năm trước năm sinh (" + birthYear + ")", "Year is before the birth year (" + birthYear + ")");
                return null;
            }
            return v;
        }
    }

    /** Sentinel for "present but not an integer" (identity-compared). */
    @SuppressWarnings("removal")
    private static final Integer INVALID = new Integer(Integer.MIN_VALUE);

    private static String emptyToNull(String s) { return s.isEmpty() ? null : s; }

    /**
     * register-csv.md v2, "Formula characters": exporters put a single quote before a text that a spreadsheet would
     * take for a formula ({@code = + - @}, tab, CR; OWASP CSV injection); importers drop that one quote, so an export
     * re-imports unchanged. The same rule as {@code platform.SpreadsheetCells.restore} (kept here: this core is pure).
     */
    static String restoreFormulaQuote(String s) {
        if (s.length() >= 2 && s.charAt(0) == '\'') {
            char c = s.charAt(1);
            boolean formula = c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r'
                    || c == '\uFF1D' || c == '\uFF0B' || c == '\uFF0D' || c == '\uFF20';
            if (formula && !s.substring(1).matches("-?[0-9]+([.,][0-9]+)?")) {
                return s.substring(1);
            }
        }
        return s;
    }

    /** Optional '-' then 1–9 ASCII digits. */
    static Integer parseInt(String s) {
        int n = s.length();
        int i = 0;
        boolean neg = false;
        if (n > 0 && s.charAt(0) == '-') { neg = true; i = 1; }
        if (i >= n || n - i > 9) return null;
        int v = 0;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return null;
            v = v * 10 + (c - '0');
        }
        return neg ? -v : v;
    }

    /** @return the year of {@code YYYY} or of a real date {@code YYYY-MM-DD}, else Integer.MIN_VALUE */
    static int parseBirth(String s) {
        if (s.length() != 4 && s.length() != 10) return Integer.MIN_VALUE;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean dash = i == 4 || i == 7;
            if (dash ? c != '-' : (c < '0' || c > '9')) return Integer.MIN_VALUE;
        }
        int y = Integer.parseInt(s.substring(0, 4));
        if (s.length() == 4) return y;
        int m = Integer.parseInt(s.substring(5, 7));
        int d = Integer.parseInt(s.substring(8, 10));
        if (m < 1 || m > 12 || d < 1) return Integer.MIN_VALUE;
        if (d > java.time.YearMonth.of(y, m).lengthOfMonth()) return Integer.MIN_VALUE;
        return y;
    }
}
