package vn.hoctap.synthetic.core;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A small, strict validator of the register files against docs/contracts/register-csv.md, plus a few
 * consistency checks the generator promises (completion years in school order).
 */
final class RegisterValidator {

    static final List<String> PERSON_REQUIRED = List.of("person_id", "household_id", "commune_code", "birth_date", "sex");
    static final Set<String> PERSON_COLUMNS = Set.of("person_id", "household_id", "commune_code", "village", "birth_date",
            "sex", "ethnicity", "residence", "disability", "enrolment", "grade", "preschool_completed",
            "primary_completed", "lower_secondary_diploma", "upper_secondary_completed", "highest_grade_completed",
            "literacy_stage_completed", "employed", "qualification", "digital_skills", "information_literacy",
            "life_skills", "learning_citizen_year");
    static final Set<String> ENROLMENT = Set.of("none", "preschool", "primary", "lower_secondary", "upper_secondary",
            "continuing_upper_secondary", "vocational", "higher", "literacy_class");
    static final Set<String> QUALIFICATION = Set.of("none", "short_course", "elementary", "intermediate", "college",
            "university", "postgraduate");
    static final Set<String> DIGITAL = Set.of("none", "basic", "proficient");
    static final Set<String> BOOL = Set.of("true", "false");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    final List<String> errors = new ArrayList<>();
    final Map<String, String> communeKind = new HashMap<>();
    final Set<String> disadvantaged = new HashSet<>();
    long persons;
    int units;
    int communes;
    int districts;
    int cities;

    private void error(String file, long line, String message) {
        if (errors.size() < 50) {
            errors.add(file + ":" + line + ": " + message);
        }
    }

    RegisterValidator validateUnits(Reader in) throws IOException {
        BufferedReader r = new BufferedReader(in);
        Map<String, Integer> h = Csv.header(r.readLine());
        for (String c : List.of("code", "name", "level", "parent_code")) {
            if (!h.containsKey(c)) {
                error("units.csv", 1, "missing column " + c);
                return this;
            }
        }
        Map<String, String> level = new HashMap<>();
        Map<String, String> parent = new HashMap<>();
        String line;
        long n = 1;
        while ((line = r.readLine()) != null) {
            n++;
            String[] f = Csv.split(line, ',');
            if (f.length != h.size()) {
                error("units.csv", n, "expected " + h.size() + " fields, got " + f.length);
                continue;
            }
            String code = f[h.get("code")];
            String lv = f[h.get("level")];
            String name = f[h.get("name")];
            int expectedLength = switch (lv) {
                case "city" -> 2;
                case "district" -> 3;
                case "commune" -> 5;
                default -> -1;
            };
            if (expectedLength < 0) {
                error("units.csv", n, "bad level " + lv);
            } else if (code.length() != expectedLength || !code.chars().allMatch(Character::isDigit)) {
                error("units.csv", n, "bad code " + code + " for level " + lv);
            }
            if (name.isEmpty() || !Normalizer.isNormalized(name, Normalizer.Form.NFC)) {
                error("units.csv", n, "name empty or not NFC: " + name);
            }
            if (level.put(code, lv) != null) {
                error("units.csv", n, "duplicate code " + code);
            }
            parent.put(code, f[h.get("parent_code")]);
            Integer di = h.get("disadvantaged");
            String d = di == null ? "" : f[di];
            if (!d.isEmpty() && !BOOL.contains(d)) {
                error("units.csv", n, "bad disadvantaged " + d);
            }
            units++;
            switch (lv) {
                case "city" -> cities++;
                case "district" -> districts++;
                case "commune" -> {
                    communes++;
                    communeKind.put(code, name.startsWith("Phường") || name.startsWith("Thị trấn") ? "Tổ dân phố " : "Thôn ");
                    if ("true".equals(d)) {
                        disadvantaged.add(code);
                    }
                }
                default -> { }
            }
        }
        for (Map.Entry<String, String> e : parent.entrySet()) {
            String lv = level.get(e.getKey());
            String p = e.getValue();
            if ("city".equals(lv)) {
                if (!p.isEmpty()) {
                    error("units.csv", 0, "city " + e.getKey() + " has a parent");
                }
            } else if (!level.containsKey(p)) {
                error("units.csv", 0, e.getKey() + " has unknown parent " + p);
            } else if ("commune".equals(level.get(p)) || ("district".equals(lv) && !"city".equals(level.get(p)))) {
                error("units.csv", 0, e.getKey() + " has a parent of the wrong level " + p);
            }
        }
        return this;
    }

    RegisterValidator validatePersons(Reader in, int year) throws IOException {
        BufferedReader r = new BufferedReader(in, 1 << 16);
        String headerLine = r.readLine();
        Map<String, Integer> h = Csv.header(headerLine);
        for (String c : PERSON_REQUIRED) {
            if (!h.containsKey(c)) {
                error("persons.csv", 1, "missing required column " + c);
                return this;
            }
        }
        for (String c : h.keySet()) {
            if (!PERSON_COLUMNS.contains(c)) {
                error("persons.csv", 1, "unknown column " + c);
            }
        }
        Set<String> ids = new HashSet<>();
        String line;
        long n = 1;
        while ((line = r.readLine()) != null) {
            n++;
            persons++;
            String[] f = Csv.split(line, ',');
            if (f.length != h.size()) {
                error("persons.csv", n, "expected " + h.size() + " fields, got " + f.length);
                continue;
            }
            Row row = new Row(h, f);
            String id = row.get("person_id");
            if (id.isEmpty() || !ids.add(id)) {
                error("persons.csv", n, "empty or duplicate person_id " + id);
            }
            if (row.get("household_id").isEmpty()) {
                error("persons.csv", n, "empty household_id");
            }
            String commune = row.get("commune_code");
            String kind = communeKind.get(commune);
            if (kind == null) {
                error("persons.csv", n, "unknown commune code " + commune);
            } else if (!row.get("village").isEmpty() && !row.get("village").startsWith(kind)) {
                error("persons.csv", n, "village " + row.get("village") + " should start with " + kind);
            }
            String bd = row.get("birth_date");
            int birthYear;
            if (YEAR.matcher(bd).matches()) {
                birthYear = Integer.parseInt(bd);
            } else if (DATE.matcher(bd).matches()) {
                try {
                    birthYear = LocalDate.parse(bd).getYear();
                } catch (DateTimeParseException e) {
                    error("persons.csv", n, "not a date: " + bd);
                    continue;
                }
            } else {
                error("persons.csv", n, "bad birth_date " + bd);
                continue;
            }
            if (birthYear > year || year - birthYear > 120) {
                error("persons.csv", n, "birth year out of range " + bd);
            }
            enumCheck(n, row, "sex", Set.of("M", "F"), false);
            enumCheck(n, row, "residence", Set.of("permanent", "temporary"), true);
            enumCheck(n, row, "disability", Set.of("none", "can_learn", "cannot_learn"), true);
            enumCheck(n, row, "enrolment", ENROLMENT, true);
            enumCheck(n, row, "employed", BOOL, true);
            enumCheck(n, row, "qualification", QUALIFICATION, true);
            enumCheck(n, row, "digital_skills", DIGITAL, true);
            enumCheck(n, row, "information_literacy", BOOL, true);
            enumCheck(n, row, "life_skills", BOOL, true);
            String enr = row.get("enrolment");
            String g = row.get("grade");
            int lo = switch (enr) {
                case "primary" -> 1;
                case "lower_secondary" -> 6;
                case "upper_secondary" -> 10;
                default -> 0;
            };
            int hi = lo == 1 ? 5 : lo == 6 ? 9 : lo == 10 ? 12 : 0;
            if (lo > 0) {
                Integer gv = intOrNull(g);
                if (gv == null || gv < lo || gv > hi) {
                    error("persons.csv", n, "grade '" + g + "' outside " + lo + "-" + hi + " for " + enr);
                }
            } else if (!g.isEmpty()) {
                error("persons.csv", n, "grade " + g + " given for enrolment " + enr);
            }
            int[] done = new int[4];
            String[] completionColumns = {"preschool_completed", "primary_completed", "lower_secondary_diploma",
                "upper_secondary_completed"};
            for (int i = 0; i < 4; i++) {
                done[i] = yearCheck(n, row, completionColumns[i], birthYear, year);
            }
            yearCheck(n, row, "learning_citizen_year", birthYear, year);
            // school order: primary <= lower secondary <= upper secondary, each needs the previous
            for (int i = 2; i < 4; i++) {
                if (done[i] > 0 && (done[i - 1] == 0 || done[i - 1] > done[i])) {
                    error("persons.csv", n, completionColumns[i] + " without an earlier " + completionColumns[i - 1]);
                }
            }
            rangeCheck(n, row, "highest_grade_completed", 0, 12);
            rangeCheck(n, row, "literacy_stage_completed", 0, 2);
        }
        return this;
    }

    private void enumCheck(long n, Row row, String col, Set<String> allowed, boolean optional) {
        String v = row.get(col);
        if (v.isEmpty() ? !optional : !allowed.contains(v)) {
            error("persons.csv", n, "bad " + col + " '" + v + "'");
        }
    }

    private int yearCheck(long n, Row row, String col, int birthYear, int year) {
        String v = row.get(col);
        if (v.isEmpty()) {
            return 0;
        }
        Integer y = YEAR.matcher(v).matches() ? Integer.parseInt(v) : null;
        if (y == null) {
            error("persons.csv", n, col + " is not a year: " + v);
            return 0;
        }
        if (y < birthYear || y > year) {
            error("persons.csv", n, col + " " + y + " before birth year " + birthYear + " or after " + year);
        }
        return y;
    }

    private void rangeCheck(long n, Row row, String col, int lo, int hi) {
        String v = row.get(col);
        if (v.isEmpty()) {
            return;
        }
        Integer x = intOrNull(v);
        if (x == null || x < lo || x > hi) {
            error("persons.csv", n, col + " '" + v + "' not in " + lo + "-" + hi);
        }
    }

    private static Integer intOrNull(String s) {
        if (s.isEmpty() || s.length() > 3 || !s.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Integer.parseInt(s);
    }

    private record Row(Map<String, Integer> h, String[] f) {
        String get(String c) {
            Integer i = h.get(c);
            return i == null ? "" : f[i];
        }
    }
}
