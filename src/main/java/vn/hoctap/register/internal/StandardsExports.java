package vn.hoctap.register.internal;

import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import vn.hoctap.platform.ReportText;
import static vn.hoctap.platform.PdfTables.cell;
import static vn.hoctap.platform.PdfTables.headerRow;
import static vn.hoctap.platform.PdfTables.num;
import static vn.hoctap.platform.PdfTables.pad;
import static vn.hoctap.platform.PdfTables.table;
import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;

import vn.hoctap.standards.core.Criterion;
import vn.hoctap.standards.core.Explanation;
import vn.hoctap.standards.core.Levels;
import vn.hoctap.standards.core.Person;
import vn.hoctap.standards.core.Rate;
import vn.hoctap.standards.core.RuleSet;
import vn.hoctap.standards.core.Standard;
import vn.hoctap.standards.core.StandardLevel;
import vn.hoctap.standards.core.StandardsEngine;
import vn.hoctap.standards.core.expression.Conditions;
import vn.hoctap.standards.core.expression.PersonTest;
import vn.hoctap.standards.core.StandardsResult;
import vn.hoctap.standards.core.UnitLevel;
import vn.hoctap.standards.core.UnitResult;
import vn.hoctap.standards.core.VerificationStatus;

/**
 * Exports of a unit's standards (phổ cập giáo dục, xóa mù chữ; docs/contracts/standards.md) for a data year:
 * an XLSX workbook laid out like the official statistical tables ({@link StandardsWorkbook}), and an A4 PDF report
 * ({@link StandardsPdf}). This class holds what both show: the per-age tables, the {@link ExportData} and the
 * words they share (from the message bundles, {@link ReportText}).
 * <p>
 * For a commune the workbook has, per standard, a table by single year of age ({@link AgeTable}); those counts
 * need the commune's persons, which are streamed once through an {@link AgeTables} builder (a
 * {@code Consumer<Person>}) and never kept. District and city exports need no per-person data.
 * <pre>{@code
 * // commune
 * StandardsResult result = standards.result(year);
 * StandardsExports.AgeTables ages = new StandardsExports.AgeTables(
 *         new StandardsEngine(standards.unitsFor(year), result.ruleSet(), year), code);
 * store.forEach(year, Set.of(code), ages);
 * ExportData data = ExportData.commune(result, code, ages, LocalDate.now(clock));
 * // district or city
 * ExportData data = ExportData.aggregate(result, code, LocalDate.now(clock));
 * StandardsWorkbook.write(data, out);         // or StandardsPdf.write(data, locale, out)
 * }</pre>
 */
public final class StandardsExports {

    private StandardsExports() {
    }

    // ------------------------------------------------------------------------------------------------
    // Per-age data
    // ------------------------------------------------------------------------------------------------

    /**
     * A column of the per-age tables. Every column except {@link #EXEMPT} counts only persons who are not exempt
     * (the rule file's {@code exempt}: {@code disability = cannot_learn} by default); "completed X" means the completion year is set and ≤ Y
     * (register-csv.md, derived facts).
     */
    public enum AgeColumn {
        /** Persons of that age, not counting the exempt ones (the denominators' population). */
        PERSONS("Số người (không tính KT không có khả năng học tập)", "Persons (excluding cannot_learn)", null, null),
        /** The numerator of {@code MN5.attend_age5} (attending preschool). */
        IN_PRESCHOOL("Đang học mẫu giáo", "Attending preschool", Criterion.MN5_ATTEND_AGE5, null),
        /** The numerator of {@code MN5.complete_age6} (completed preschool by Y). */
        PRESCHOOL_COMPLETED("Hoàn thành CT mẫu giáo 5 tuổi", "Completed preschool", Criterion.MN5_COMPLETE_AGE6, null),
        /** The numerator of {@code TH.grade1_age6} (in grade 1). */
        IN_GRADE1("Đang học lớp 1", "In grade 1", Criterion.TH_GRADE1_AGE6, null),
        /** {@code enrolment = primary} (any grade). */
        IN_PRIMARY("Đang học tiểu học", "Attending primary", null, "enrolment = primary"),
        /** The numerator of {@code TH.complete_age11} and {@code TH.complete_age14} (completed primary by Y). */
        PRIMARY_COMPLETED("Hoàn thành CT tiểu học", "Completed primary", Criterion.TH_COMPLETE_AGE11, null),
        /** The numerator of {@code TH.age11_in_primary} (completed primary, or attending it). */
        PRIMARY_COMPLETED_OR_IN("Hoàn thành hoặc đang học tiểu học", "Completed or attending primary", Criterion.TH_AGE11_IN_PRIMARY, null),
        /** {@code enrolment = lower_secondary}. */
        IN_LOWER_SECONDARY("Đang học THCS", "Attending lower secondary", null, "enrolment = lower_secondary"),
        /** The numerator of {@code THCS.diploma_15_18}. */
        LOWER_SECONDARY_DIPLOMA("Tốt nghiệp THCS", "Lower-secondary diploma", Criterion.THCS_DIPLOMA_15_18, null),
        /** {@code enrolment} in ({@code upper_secondary}, {@code continuing_upper_secondary}, {@code vocational}). */
        ATTENDING_UPPER("Đang học THPT, GDTX cấp THPT hoặc GDNN", "Attending upper secondary, continuing or vocational", null,
                "enrolment in (upper_secondary, continuing_upper_secondary, vocational)"),
        /** The numerator of {@code THCS.attend_15_18}. */
        ATTENDING_OR_COMPLETED_UPPER("Đang học THPT/GDTX/GDNN hoặc đã tốt nghiệp THPT",
                "Attending upper secondary/continuing/vocational or completed upper secondary", Criterion.THCS_ATTEND_15_18, null),
        /** Literate at level 1: the rule file's {@code literate1}. */
        LITERATE_1("Biết chữ mức độ 1", "Literate, level 1", null, "literate1"),
        /** Literate at level 2: the rule file's {@code literate2}. */
        LITERATE_2("Biết chữ mức độ 2", "Literate, level 2", null, "literate2"),
        /** {@code enrolment = literacy_class}. */
        IN_LITERACY_CLASS("Đang học lớp xóa mù chữ", "Attending a literacy class", null, "enrolment = literacy_class"),
        /** Exempt persons (the rule file's {@code exempt}): left out of every other column and every criterion. */
        EXEMPT("Khuyết tật không có khả năng học tập (không tính)", "Cannot learn (disability, left out)", null, null);

        private final String vi;
        private final String en;
        private final Criterion criterion;
        private final String condition;

        AgeColumn(String vi, String en, Criterion criterion, String condition) {
            this.vi = vi;
            this.en = en;
            this.criterion = criterion;
            this.condition = condition;
        }

        public String labelVi() {
            return vi;
        }

        public String labelEn() {
            return en;
        }

        /**
         * The column's condition for a person who is not exempt, compiled from the rule set: a criterion's column is
         * that criterion's line of the rule file, the others are written in the expression language; null = every
         * person ({@link #PERSONS}); never for {@link #EXEMPT} (counted separately).
         */
        PersonTest compile(RuleSet rules) {
            if (criterion != null) {
                return Conditions.compile(rules.criterion(criterion).ast(), rules.definitions());
            }
            return condition == null ? null : Conditions.compile(Conditions.parse(condition), rules.definitions());
        }
    }

    /** The columns of each standard's age table, after age and birth year. */
    private static final Map<Standard, List<AgeColumn>> COLUMNS = new EnumMap<>(Map.of(
            Standard.MN5, List.of(AgeColumn.PERSONS, AgeColumn.IN_PRESCHOOL, AgeColumn.PRESCHOOL_COMPLETED, AgeColumn.EXEMPT),
            Standard.TH, List.of(AgeColumn.PERSONS, AgeColumn.IN_GRADE1, AgeColumn.IN_PRIMARY, AgeColumn.PRIMARY_COMPLETED,
                    AgeColumn.PRIMARY_COMPLETED_OR_IN, AgeColumn.EXEMPT),
            Standard.THCS, List.of(AgeColumn.PERSONS, AgeColumn.PRIMARY_COMPLETED, AgeColumn.IN_LOWER_SECONDARY,
                    AgeColumn.LOWER_SECONDARY_DIPLOMA, AgeColumn.ATTENDING_UPPER, AgeColumn.ATTENDING_OR_COMPLETED_UPPER,
                    AgeColumn.EXEMPT),
            Standard.XMC, List.of(AgeColumn.PERSONS, AgeColumn.LITERATE_1, AgeColumn.LITERATE_2, AgeColumn.IN_LITERACY_CLASS,
                    AgeColumn.EXEMPT)));

    /** The ages shown for each standard (widened to the rule set's cohorts when those are wider). */
    private static final Map<Standard, int[]> DEFAULT_AGES = new EnumMap<>(Map.of(
            Standard.MN5, new int[] {5, 6}, Standard.TH, new int[] {6, 14},
            Standard.THCS, new int[] {11, 18}, Standard.XMC, new int[] {15, 60}));

    /** The columns of a standard's age table, in order (after age and birth year). */
    public static List<AgeColumn> columns(Standard s) {
        return COLUMNS.get(s);
    }

    /** The ages of a standard's table: the usual ones (MN5 5–6, TH 6–14, THCS 11–18, XMC 15–60), widened to the cohorts. */
    public static int[] ages(Standard s, RuleSet rules) {
        int lo = DEFAULT_AGES.get(s)[0];
        int hi = DEFAULT_AGES.get(s)[1];
        for (Criterion c : Criterion.values()) {
            if (c.standard() != s) {
                continue;
            }
            RuleSet.CohortRule r = rules.cohort(c);
            lo = Math.min(lo, r.minAge());
            hi = Math.max(hi, r.maxAge());
        }
        return new int[] {lo, hi};
    }

    /**
     * One standard's table by single year of age for one commune and data year.
     *
     * @param rows age → counts, in the order of {@code columns}; every age from {@code minAge} to {@code maxAge}
     */
    public record AgeTable(Standard standard, int year, int minAge, int maxAge, List<AgeColumn> columns,
                           Map<Integer, long[]> rows) {
        public AgeTable {
            columns = List.copyOf(columns);
            rows = Collections.unmodifiableMap(new LinkedHashMap<>(rows));
        }

        /** The count of a column at an age (0 outside the table or for a column it does not have). */
        public long count(int age, AgeColumn column) {
            long[] r = rows.get(age);
            int i = columns.indexOf(column);
            return r == null || i < 0 ? 0 : r[i];
        }
    }

    /**
     * Builds every standard's {@link AgeTable} for one commune in one pass over its persons. Feed it the
     * commune's persons (it is a {@code Consumer<Person>}; persons of other communes are skipped), then call
     * {@link #tables()}. It also counts the twelve criteria with {@link StandardsEngine#counts}/{@link
     * StandardsEngine#meets}, so {@link ExportData#commune} can check the tables describe the same persons as
     * the result. Keeps only counters. Not thread-safe.
     */
    public static final class AgeTables implements Consumer<Person> {
        private static final AgeColumn[] ALL = AgeColumn.values();
        private final StandardsEngine engine;
        private final String communeCode;
        private final int year;
        private final long[][] byAge;
        /** Each column's compiled condition (null = every person); EXEMPT is counted apart. */
        private final PersonTest[] tests = new PersonTest[ALL.length];
        private final long[] num = new long[Criterion.values().length];
        private final long[] den = new long[Criterion.values().length];
        private long accepted;
        private long skipped;

        /**
         * @param engine the engine of the data year and rule set of the result being exported
         * @param communeCode the commune; persons of other communes are skipped
         */
        public AgeTables(StandardsEngine engine, String communeCode) {
            this(engine, Objects.requireNonNull(communeCode, "communeCode"), true);
        }

        /** Counts every person given when {@code communeCode} is null. */
        private AgeTables(StandardsEngine engine, String communeCode, boolean unused) {
            this.engine = Objects.requireNonNull(engine, "engine");
            this.communeCode = communeCode;
            this.year = engine.year();
            int max = 0;
            for (Standard s : Standard.values()) {
                max = Math.max(max, ages(s, engine.rules())[1]);
            }
            byAge = new long[max + 1][ALL.length];
            for (AgeColumn c : ALL) {
                if (c != AgeColumn.EXEMPT) tests[c.ordinal()] = c.compile(engine.rules());
            }
        }

        @Override
        public void accept(Person p) {
            if (communeCode != null && !communeCode.equals(p.communeCode())) {
                skipped++;
                return;
            }
            accepted++;
            for (Criterion c : Criterion.values()) {
                if (engine.counts(p, c)) {
                    den[c.ordinal()]++;
                    if (engine.meets(p, c)) {
                        num[c.ordinal()]++;
                    }
                }
            }
            int age = year - p.birthYear();
            if (age < 0 || age >= byAge.length) {
                return;
            }
            long[] row = byAge[age];
            if (engine.exempt(p)) {
                row[AgeColumn.EXEMPT.ordinal()]++;
                return;
            }
            for (AgeColumn c : ALL) {
                if (c == AgeColumn.EXEMPT) {
                    continue;
                }
                PersonTest t = tests[c.ordinal()];
                if (t == null || t.test(p, year)) {
                    row[c.ordinal()]++;
                }
            }
        }

        public String communeCode() {
            return communeCode;
        }

        public int year() {
            return year;
        }

        public RuleSet rules() {
            return engine.rules();
        }

        /** Persons of the commune counted so far (including exempt ones). */
        public long persons() {
            return accepted;
        }

        /** Persons of other communes that were given and skipped. */
        public long skipped() {
            return skipped;
        }

        /** The twelve criteria over the persons given, as counted by the engine. */
        public Map<Criterion, Rate> criteria() {
            Map<Criterion, Rate> m = new EnumMap<>(Criterion.class);
            for (Criterion c : Criterion.values()) {
                m.put(c, new Rate(num[c.ordinal()], den[c.ordinal()]));
            }
            return m;
        }

        /** The four tables (MN5, TH, THCS, XMC) over the persons given so far. */
        public Map<Standard, AgeTable> tables() {
            Map<Standard, AgeTable> m = new EnumMap<>(Standard.class);
            for (Standard s : Standard.values()) {
                int[] range = ages(s, engine.rules());
                List<AgeColumn> cols = columns(s);
                Map<Integer, long[]> rows = new LinkedHashMap<>();
                for (int age = range[0]; age <= range[1]; age++) {
                    long[] r = new long[cols.size()];
                    for (int i = 0; i < r.length; i++) {
                        r[i] = byAge[age][cols.get(i).ordinal()];
                    }
                    rows.put(age, r);
                }
                m.put(s, new AgeTable(s, year, range[0], range[1], cols, rows));
            }
            return m;
        }
    }

    /** One pass over a commune's persons: the four age tables. */
    public static AgeTables ageTables(StandardsEngine engine, String communeCode, Iterable<Person> persons) {
        AgeTables t = new AgeTables(engine, communeCode);
        persons.forEach(t);
        return t;
    }

    /**
     * One standard's table over the persons given (all of them; pass one commune's persons): age → counts in the
     * order of {@link #columns(Standard)}.
     */
    public static Map<Integer, long[]> ageTable(StandardsEngine engine, Iterable<Person> persons, Standard s) {
        AgeTables all = new AgeTables(engine, null, true);
        persons.forEach(all);
        return all.tables().get(s).rows();
    }

    // ------------------------------------------------------------------------------------------------
    // Export data
    // ------------------------------------------------------------------------------------------------

    /**
     * What an export shows.
     *
     * @param result the year's result (its rule set and year are those of the export)
     * @param unit the exported unit (a unit of {@code result})
     * @param ages for a commune, the four age tables; empty for a district or city
     * @param children for a district or city, its direct children present in {@code result}; empty for a commune
     * @param generated the generation date printed in the export
     */
    public record ExportData(StandardsResult result, UnitResult unit, Map<Standard, AgeTable> ages,
                             List<UnitResult> children, LocalDate generated) {
        public ExportData {
            Objects.requireNonNull(result, "result");
            Objects.requireNonNull(unit, "unit");
            Objects.requireNonNull(generated, "generated");
            EnumMap<Standard, AgeTable> a = new EnumMap<>(Standard.class);
            if (ages != null) {
                a.putAll(ages);
            }
            ages = Collections.unmodifiableMap(a);
            children = children == null ? List.of() : List.copyOf(children);
        }

        /**
         * A commune export. The age tables must have been built from the same persons as the result: their
         * engine-counted criteria must equal the commune's criteria in {@code result}.
         *
         * @throws IllegalArgumentException when the code is not a commune of the result, or the tables are for
         *         another commune, year or rule set, or describe other persons (e.g. the register changed between
         *         computing the result and streaming the persons: compute again and retry)
         */
        public static ExportData commune(StandardsResult result, String code, AgeTables ages, LocalDate generated) {
            UnitResult u = result.find(code);
            if (u == null || u.level() != UnitLevel.COMMUNE) {
                throw new IllegalArgumentException("not a commune of the result: " + code);
            }
            if (!code.equals(ages.communeCode()) || ages.year() != result.year()
                    || !ages.rules().id().equals(result.ruleSet().id())
                    || !ages.rules().version().equals(result.ruleSet().version())) {
                throw new IllegalArgumentException("age tables of " + ages.communeCode() + "/" + ages.year()
                        + " do not belong to the result of " + code + "/" + result.year());
            }
            Map<Criterion, Rate> counted = ages.criteria();
            for (Criterion c : Criterion.values()) {
                Rate expected = u.criteria().getOrDefault(c, Rate.EMPTY);
                if (!expected.equals(counted.get(c))) {
                    throw new IllegalArgumentException("the persons given do not match the result for " + code + ": "
                            + c.id() + " is " + counted.get(c) + " here and " + expected + " in the result");
                }
            }
            return new ExportData(result, u, ages.tables(), List.of(), generated);
        }

        /** A district or city export: the unit and its direct children, no per-person data. */
        public static ExportData aggregate(StandardsResult result, String code, LocalDate generated) {
            UnitResult u = result.find(code);
            if (u == null || u.level() == UnitLevel.COMMUNE) {
                throw new IllegalArgumentException("not a district or city of the result: " + code);
            }
            List<UnitResult> children = result.units().stream()
                    .filter(c -> code.equals(c.unit().parentCode()) && c.level() != UnitLevel.CITY).toList();
            return new ExportData(result, u, Map.of(), children, generated);
        }

        public int year() {
            return result.year();
        }

        public RuleSet rules() {
            return result.ruleSet();
        }

        public boolean isCommune() {
            return unit.level() == UnitLevel.COMMUNE;
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Shared helpers (the words of both exports: StandardsWorkbook, StandardsPdf)
    // ------------------------------------------------------------------------------------------------

    /** Sheet names, one per standard. */
    static final Map<Standard, String> SHEET = new EnumMap<>(Map.of(Standard.MN5, "PCGD MN 5 tuổi",
            Standard.TH, "PCGD Tiểu học", Standard.THCS, "PCGD THCS", Standard.XMC, "Xóa mù chữ"));

    static final String SUMMARY_SHEET = "Tổng hợp";

    /** The workbook's language: the official statistical tables are in Vietnamese. */
    static final ReportText VI = ReportText.of(false);

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    static String nfc(String s) {
        return s == null ? "" : Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    static String levelName(UnitLevel l, ReportText tx) {
        return tx.get(switch (l) {
            case COMMUNE -> "report.standards.level.commune";
            case DISTRICT -> "report.standards.level.district";
            default -> "report.standards.level.city";
        });
    }

    static String levelText(Standard s, int level, ReportText tx) {
        if (s == Standard.MN5) {
            return tx.get(level >= 1 ? "report.standards.met" : "report.standards.not-met");
        }
        if (level == 0) {
            return tx.get("report.standards.not-reached");
        }
        return tx.get("report.standards.level-of", level, s.maxLevel());
    }

    static String describe(Criterion c, RuleSet rules, ReportText tx) {
        RuleSet.CohortRule r = rules.cohort(c);
        boolean child = r.maxAge() < 15;
        String ages = r.minAge() == r.maxAge() ? tx.get("report.standards.aged", r.minAge())
                : tx.get("report.standards.aged-between", r.minAge(), r.maxAge());
        return tx.get(child ? "report.standards.share-children" : "report.standards.share-persons", ages,
                tx.english() ? c.numeratorEn() : c.numeratorVi());
    }

    /** The threshold rules of a criterion, level by level (1 to the standard's highest). */
    static List<RuleSet.ThresholdRule> thresholdRules(RuleSet rules, Criterion c) {
        List<RuleSet.ThresholdRule> out = new ArrayList<>();
        for (int k = 1; k <= c.standard().maxLevel(); k++) {
            for (RuleSet.ThresholdRule tr : rules.thresholds(c.standard(), k)) {
                if (tr.criterion() == c) {
                    out.add(tr);
                }
            }
        }
        return out;
    }

    static String cohortText(Criterion c, RuleSet rules) {
        RuleSet.CohortRule r = rules.cohort(c);
        return r.minAge() == r.maxAge() ? Integer.toString(r.minAge()) : r.minAge() + "–" + r.maxAge();
    }

    /** The aggregation rule that decides a district/city level (as in the engine). */
    static RuleSet.AggregationRule aggregationRule(RuleSet rules, UnitResult u, StandardLevel key) {
        boolean city = u.level() == UnitLevel.CITY && (u.childLevel() == UnitLevel.DISTRICT
                || rules.cityWithoutDistricts() == RuleSet.CityWithoutDistricts.CITY_PERCENTAGES);
        return city ? rules.cityRule(key) : rules.districtRule(key);
    }

    /** Whether a child counts in its parent's {@code meeting} (as in the engine). */
    static boolean counted(RuleSet rules, UnitResult parent, UnitResult child) {
        return child.level() == parent.childLevel() || (parent.childLevel() == UnitLevel.DISTRICT
                && rules.mixedCity() == RuleSet.MixedCity.DISTRICTS_AND_COMMUNES);
    }

    static String percentText(long num, long den, ReportText tx) {
        if (den == 0) {
            return "—";
        }
        String s = String.format(Locale.ROOT, "%.2f%%", num * 100.0 / den);
        return tx.english() ? s : s.replace('.', ',');
    }

    static String thresholdText(vn.hoctap.standards.core.Percent p, ReportText tx) {
        if (p == null) {
            return "—";
        }
        String s = p.toString();
        return tx.english() ? s : s.replace('.', ',');
    }

    static String title(ExportData d, ReportText tx) {
        return tx.get("report.standards.title", String.valueOf(d.year()), nfc(d.unit().unit().name()));
    }

    static String meetingLabel(UnitResult u, ReportText tx) {
        return tx.get(u.childLevel() == UnitLevel.DISTRICT ? "report.standards.districts-meeting"
                : "report.standards.communes-meeting");
    }
}
