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

import vn.hoctap.platform.PdfFonts;
import vn.hoctap.platform.XlsxRows;
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

import vn.hoctap.standards.Criterion;
import vn.hoctap.standards.Explanation;
import vn.hoctap.standards.Levels;
import vn.hoctap.standards.Person;
import vn.hoctap.standards.Rate;
import vn.hoctap.standards.RuleSet;
import vn.hoctap.standards.Standard;
import vn.hoctap.standards.StandardLevel;
import vn.hoctap.standards.StandardsEngine;
import vn.hoctap.standards.expression.Conditions;
import vn.hoctap.standards.expression.PersonTest;
import vn.hoctap.standards.StandardsResult;
import vn.hoctap.standards.UnitLevel;
import vn.hoctap.standards.UnitResult;
import vn.hoctap.standards.VerificationStatus;

/**
 * Exports of a unit's standards (phổ cập giáo dục, xóa mù chữ; docs/contracts/standards.md) for a data year:
 * an XLSX workbook laid out like the official statistical tables, and an A4 PDF report.
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
 * StandardsExports.xlsx(data, out);            // or pdf(data, locale, out)
 * }</pre>
 */
public final class StandardsExports {

    private StandardsExports() {
    }

    // ------------------------------------------------------------------------------------------------
    // Per-age data
    // ------------------------------------------------------------------------------------------------

    /**
     * A column of the per-age tables. Every column except {@link #EXEMPT} counts only persons without
     * {@code disability = cannot_learn}; "completed X" means the completion year is set and ≤ Y
     * (register-csv.md, derived facts).
     */
    public enum AgeColumn {
        /** Persons of that age, not counting {@code disability = cannot_learn} (the denominators' population). */
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
        /** Persons with {@code disability = cannot_learn}: left out of every other column and every criterion. */
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
            if (p.disability() == Person.Disability.CANNOT_LEARN) {
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
    // Shared helpers
    // ------------------------------------------------------------------------------------------------

    /** Sheet names, one per standard. */
    static final Map<Standard, String> SHEET = new EnumMap<>(Map.of(Standard.MN5, "PCGD MN 5 tuổi",
            Standard.TH, "PCGD Tiểu học", Standard.THCS, "PCGD THCS", Standard.XMC, "Xóa mù chữ"));

    static final String SUMMARY_SHEET = "Tổng hợp";

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private static String nfc(String s) {
        return s == null ? "" : Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    private static String levelName(UnitLevel l, boolean en) {
        switch (l) {
            case COMMUNE: return en ? "commune" : "Cấp xã";
            case DISTRICT: return en ? "district" : "Cấp huyện";
            default: return en ? "city" : "Cấp tỉnh/thành phố";
        }
    }

    private static String levelText(Standard s, int level, boolean en) {
        if (s == Standard.MN5) {
            return level >= 1 ? (en ? "Met" : "Đạt") : (en ? "Not met" : "Chưa đạt");
        }
        if (level == 0) {
            return en ? "Not reached" : "Chưa đạt";
        }
        return (en ? "Level " : "Mức ") + level + "/" + s.maxLevel();
    }

    private static String describe(Criterion c, RuleSet rules, boolean en) {
        RuleSet.CohortRule r = rules.cohort(c);
        if (en) {
            String ages = r.minAge() == r.maxAge() ? "aged " + r.minAge() : "aged " + r.minAge() + "–" + r.maxAge();
            return "Share of persons " + ages + " who " + c.numeratorEn();
        }
        String who = r.maxAge() < 15 ? "trẻ em" : "người";
        String ages = r.minAge() == r.maxAge() ? r.minAge() + " tuổi" : "từ " + r.minAge() + " đến " + r.maxAge() + " tuổi";
        return "Tỷ lệ " + who + " " + ages + " " + c.numeratorVi();
    }

    private static String cohortText(Criterion c, RuleSet rules) {
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

    private static String percentText(long num, long den, boolean en) {
        if (den == 0) {
            return "—";
        }
        String s = String.format(Locale.ROOT, "%.2f%%", num * 100.0 / den);
        return en ? s : s.replace('.', ',');
    }

    private static String thresholdText(vn.hoctap.standards.Percent p, boolean en) {
        if (p == null) {
            return "—";
        }
        String s = p.toString();
        return en ? s : s.replace('.', ',');
    }

    private static String title(ExportData d, boolean en) {
        String name = nfc(d.unit().unit().name());
        return en ? "Report on universal education and literacy, year " + d.year() + " — " + name
                : "Báo cáo kết quả phổ cập giáo dục, xóa mù chữ năm " + d.year() + " — " + name;
    }

    private static String meetingLabel(UnitResult u, boolean en) {
        boolean districts = u.childLevel() == UnitLevel.DISTRICT;
        if (en) {
            return districts ? "Districts reaching (districts_meeting)" : "Communes reaching (communes_meeting)";
        }
        return districts ? "Số quận/huyện đạt (districts_meeting)" : "Số xã đạt (communes_meeting)";
    }

    // ------------------------------------------------------------------------------------------------
    // XLSX
    // ------------------------------------------------------------------------------------------------

    /**
     * Writes the workbook: sheet "Tổng hợp" then one sheet per standard ("PCGD MN 5 tuổi", "PCGD Tiểu học",
     * "PCGD THCS", "Xóa mù chữ"). Plain XSSF (styles, widths, no formulas or macros). Does not close {@code out}.
     */
    public static void xlsx(ExportData data, OutputStream out) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Styles st = new Styles(wb);
            summarySheet(wb, st, data);
            for (Standard s : Standard.values()) {
                Sheet sh = wb.createSheet(SHEET.get(s));
                if (data.isCommune()) {
                    communeStandardSheet(sh, st, data, s);
                } else {
                    aggregateStandardSheet(sh, st, data, s);
                }
            }
            wb.getProperties().getCoreProperties().setTitle(title(data, false));
            wb.getProperties().getCoreProperties().setCreator("HọcTập");
            wb.write(out);
        }
        out.flush();
    }

    private static final class Styles {
        final CellStyle title;
        final CellStyle bold;
        final CellStyle header;
        final CellStyle text;
        final CellStyle wrap;
        final CellStyle integer;
        final CellStyle percent;
        final CellStyle number;
        final CellStyle date;

        Styles(Workbook wb) {
            org.apache.poi.ss.usermodel.Font bf = wb.createFont();
            bf.setBold(true);
            org.apache.poi.ss.usermodel.Font tf = wb.createFont();
            tf.setBold(true);
            tf.setFontHeightInPoints((short) 13);
            title = wb.createCellStyle();
            title.setFont(tf);
            bold = wb.createCellStyle();
            bold.setFont(bf);
            header = XlsxRows.bordered(wb);
            header.setFont(bf);
            header.setWrapText(true);
            header.setAlignment(HorizontalAlignment.CENTER);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            text = XlsxRows.bordered(wb);
            wrap = XlsxRows.bordered(wb);
            wrap.setWrapText(true);
            integer = XlsxRows.bordered(wb);
            integer.setDataFormat(wb.createDataFormat().getFormat("0"));
            percent = XlsxRows.bordered(wb);
            percent.setDataFormat(wb.createDataFormat().getFormat("0.00"));
            number = XlsxRows.bordered(wb);
            number.setDataFormat(wb.createDataFormat().getFormat("General"));
            date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("dd/mm/yyyy"));
            date.setAlignment(HorizontalAlignment.LEFT);
        }

    }

    /** Appends rows to a sheet: the platform's cells, and those of the standards (counts, rates, thresholds). */
    private static final class Rows extends XlsxRows<Rows> {
        final Styles st;

        Rows(Sheet sheet, Styles st) {
            super(sheet, st.text, st.header);
            this.st = st;
        }

        Rows num(long v) {
            return num(v, st.integer);
        }

        Rows pct(long num, long den) {
            return den == 0 ? text("—") : num(num * 100.0 / den, st.percent);
        }

        Rows threshold(vn.hoctap.standards.Percent p) {
            return p == null ? text("—") : num(p.hundredths() / 100.0, st.number);
        }

        void title(String t) {
            row().text(t, st.title);
        }

        void heading(String t) {
            row().text(t, st.bold);
        }
    }

    private static void summarySheet(Workbook wb, Styles st, ExportData d) {
        Sheet sh = wb.createSheet(SUMMARY_SHEET);
        Rows r = new Rows(sh, st);
        UnitResult u = d.unit();
        r.title(title(d, false));
        r.skip();
        r.row().text("Đơn vị", st.bold).text(u.unit().name());
        r.row().text("Mã đơn vị", st.bold).text(u.code());
        r.row().text("Cấp", st.bold).text(levelName(u.level(), false));
        if (u.unit().parentCode() != null) {
            UnitResult p = d.result().find(u.unit().parentCode());
            r.row().text("Đơn vị cấp trên", st.bold).text(u.unit().parentCode() + (p == null ? "" : " — " + p.unit().name()));
        }
        r.row().text("Năm số liệu", st.bold).num(d.year());
        r.row().text("Bộ quy tắc", st.bold).text(d.rules().id());
        r.row().text("Phiên bản bộ quy tắc", st.bold).text(d.rules().version());
        r.row().text("Tên bộ quy tắc", st.bold).text(d.rules().title());
        r.row().text("Xã đặc biệt khó khăn (ĐBKK)", st.bold)
                .text(d.isCommune() ? (u.unit().disadvantaged() ? "Có" : "Không") : "Không áp dụng");
        if (!d.isCommune()) {
            r.row().text(u.childLevel() == UnitLevel.DISTRICT ? "Số quận/huyện được tính" : "Số xã được tính", st.bold)
                    .num(u.childCount());
        }
        r.row().text("Ngày lập", st.bold);
        Cell c = r.cell();
        c.setCellValue(d.generated());
        c.setCellStyle(st.date);
        r.skip();
        r.heading("Mức đạt chuẩn");
        r.headers("Chuẩn", "Tên chuẩn", "Mức đạt", "Mức cao nhất", "Kết quả");
        for (Standard s : Standard.values()) {
            int l = u.levels().level(s);
            r.row().text(s.id()).text(s.nameVi(), st.wrap).num(l).num(s.maxLevel()).text(levelText(s, l, false));
        }
        if (!d.isCommune()) {
            r.skip();
            r.heading("Đơn vị trực thuộc");
            r.headers("Mã", "Tên đơn vị", "Cấp", "ĐBKK", "MN5", "TH", "THCS", "XMC", "Được tính vào tỷ lệ");
            for (UnitResult ch : d.children()) {
                Levels l = ch.levels();
                r.row().text(ch.code()).text(ch.unit().name()).text(levelName(ch.level(), false))
                        .text(ch.level() == UnitLevel.COMMUNE ? (ch.unit().disadvantaged() ? "Có" : "Không") : "—")
                        .num(l.mn5() ? 1 : 0).num(l.th()).num(l.thcs()).num(l.xmc())
                        .text(counted(d.rules(), u, ch) ? "Có" : "Không");
            }
        }
        r.widths(30, 42, 14, 12, 12, 8, 8, 8, 14);
    }

    private static void communeStandardSheet(Sheet sh, Styles st, ExportData d, Standard s) {
        Rows r = new Rows(sh, st);
        UnitResult u = d.unit();
        boolean dbkk = u.unit().disadvantaged();
        r.title(s.nameVi() + " — " + u.unit().name() + " (" + u.code() + "), năm " + d.year());
        r.row().text("Kết quả", st.bold).text(levelText(s, u.levels().level(s), false), null)
                .text(dbkk ? "Xã đặc biệt khó khăn (ĐBKK): áp dụng ngưỡng ĐBKK" : "", null);
        r.skip();

        AgeTable t = d.ages().get(s);
        r.heading("Bảng 1. Số liệu theo độ tuổi (tuổi = " + d.year() + " − năm sinh)");
        List<AgeColumn> cols = t == null ? columns(s) : t.columns();
        List<String> heads = new ArrayList<>(List.of("Tuổi", "Năm sinh"));
        for (AgeColumn c : cols) {
            heads.add(c.labelVi());
        }
        r.headers(heads.toArray(String[]::new));
        r.current().setHeightInPoints(60);
        if (t != null) {
            for (Map.Entry<Integer, long[]> e : t.rows().entrySet()) {
                r.row().num(e.getKey()).num(d.year() - e.getKey());
                for (long v : e.getValue()) {
                    r.num(v);
                }
            }
        }
        r.skip();

        r.heading("Bảng 2. Tiêu chí");
        r.headers("Mã tiêu chí", "Nội dung", "Độ tuổi", "Tử số", "Mẫu số", "Tỷ lệ (%)", "Mức", "Ngưỡng (%)",
                "Ngưỡng xã ĐBKK (%)", "Ngưỡng áp dụng (%)", "Đạt", "Căn cứ pháp lý", "Trạng thái", "Ý nghĩa trạng thái");
        r.current().setHeightInPoints(30);
        for (Criterion c : Criterion.values()) {
            if (c.standard() != s) {
                continue;
            }
            Rate rate = u.criteria().getOrDefault(c, Rate.EMPTY);
            List<RuleSet.ThresholdRule> rules = new ArrayList<>();
            for (int k = 1; k <= s.maxLevel(); k++) {
                for (RuleSet.ThresholdRule tr : d.rules().thresholds(s, k)) {
                    if (tr.criterion() == c) {
                        rules.add(tr);
                    }
                }
            }
            if (rules.isEmpty()) {
                r.row().text(c.id()).text(describe(c, d.rules(), false), st.wrap).text(cohortText(c, d.rules()))
                        .num(rate.numerator()).num(rate.denominator()).pct(rate.numerator(), rate.denominator());
                continue;
            }
            for (RuleSet.ThresholdRule tr : rules) {
                vn.hoctap.standards.Percent applied = tr.threshold(dbkk);
                r.row().text(c.id()).text(describe(c, d.rules(), false), st.wrap).text(cohortText(c, d.rules()))
                        .num(rate.numerator()).num(rate.denominator()).pct(rate.numerator(), rate.denominator())
                        .num(tr.level()).threshold(tr.normal()).threshold(tr.disadvantaged()).threshold(applied)
                        .text(applied == null ? "Không áp dụng" : rate.meets(applied) ? "Đạt" : "Chưa đạt")
                        .text(tr.source(), st.wrap).text(tr.status().name()).text(tr.status().descriptionVi(), st.wrap);
            }
        }
        boolean anyPrereq = false;
        for (int k = 1; k <= s.maxLevel(); k++) {
            anyPrereq |= !d.rules().prerequisites(s, k).isEmpty();
        }
        if (anyPrereq) {
            r.skip();
            r.heading("Bảng 3. Điều kiện về chuẩn khác");
            r.headers("Mức", "Yêu cầu", "Mức hiện tại", "Đạt", "Căn cứ pháp lý", "Trạng thái");
            for (int k = 1; k <= s.maxLevel(); k++) {
                for (RuleSet.PrerequisiteRule pr : d.rules().prerequisites(s, k)) {
                    int have = u.levels().level(pr.required());
                    r.row().num(k).text(pr.required().id() + " đạt mức " + pr.requiredLevel() + " trở lên", st.wrap)
                            .num(have).text(have >= pr.requiredLevel() ? "Đạt" : "Chưa đạt")
                            .text(pr.source(), st.wrap).text(pr.status().name());
                }
            }
        }
        explanationsXlsx(r, u, s);
        r.widths(20, 36, 14, 14, 14, 14, 14, 14, 14, 14, 12, 40, 11, 36);
    }

    private static void aggregateStandardSheet(Sheet sh, Styles st, ExportData d, Standard s) {
        Rows r = new Rows(sh, st);
        UnitResult u = d.unit();
        r.title(s.nameVi() + " — " + u.unit().name() + " (" + u.code() + "), năm " + d.year());
        r.row().text("Kết quả", st.bold).text(levelText(s, u.levels().level(s), false), null);
        r.skip();
        r.heading("Bảng 1. Kết quả của các đơn vị trực thuộc");
        List<String> heads = new ArrayList<>(List.of("Mã", "Tên đơn vị", "Cấp", "ĐBKK", "Mức đạt"));
        for (int k = 1; k <= s.maxLevel(); k++) {
            heads.add(s == Standard.MN5 ? "Đạt MN5" : "Đạt mức " + k + " trở lên");
        }
        heads.add("Được tính vào tỷ lệ");
        r.headers(heads.toArray(String[]::new));
        for (UnitResult ch : d.children()) {
            int l = ch.levels().level(s);
            r.row().text(ch.code()).text(ch.unit().name()).text(levelName(ch.level(), false))
                    .text(ch.level() == UnitLevel.COMMUNE ? (ch.unit().disadvantaged() ? "Có" : "Không") : "—").num(l);
            for (int k = 1; k <= s.maxLevel(); k++) {
                r.text(l >= k ? "Có" : "Không");
            }
            r.text(counted(d.rules(), u, ch) ? "Có" : "Không");
        }
        r.skip();
        r.heading("Bảng 2. " + meetingLabel(u, false) + " so với tỷ lệ yêu cầu");
        r.headers("Mức", "Số đơn vị đạt từ mức này trở lên", "Tổng số đơn vị được tính", "Tỷ lệ (%)",
                "Tỷ lệ yêu cầu (%)", "Đạt", "Căn cứ pháp lý", "Trạng thái", "Ý nghĩa trạng thái");
        r.current().setHeightInPoints(30);
        for (int k = 1; k <= s.maxLevel(); k++) {
            StandardLevel key = StandardLevel.of(s, k);
            RuleSet.AggregationRule ar = aggregationRule(d.rules(), u, key);
            long m = u.meeting().getOrDefault(key, 0L);
            r.row().text(key.key()).num(m).num(u.childCount()).pct(m, u.childCount()).threshold(ar.percent())
                    .text(ar.percent().isMetBy(m, u.childCount()) ? "Đạt" : "Chưa đạt").text(ar.source(), st.wrap)
                    .text(ar.status().name()).text(ar.status().descriptionVi(), st.wrap);
        }
        explanationsXlsx(r, u, s);
        r.widths(12, 34, 16, 14, 14, 14, 40, 11, 36);
    }

    private static void explanationsXlsx(Rows r, UnitResult u, Standard s) {
        List<Explanation> ex = u.explanations(s);
        if (ex.isEmpty()) {
            return;
        }
        r.skip();
        r.heading("Giải thích (các mức chưa đạt)");
        for (Explanation e : ex) {
            for (Explanation.Failure f : e.failures()) {
                r.row().text(s == Standard.MN5 ? "MN5" : "Mức " + e.level(), null).text(f.messageVi(), null);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------
    // PDF
    // ------------------------------------------------------------------------------------------------


    /** The fonts of one document. */
    private static final class Fonts {
        final Font title;
        final Font heading;
        final Font normal;
        final Font bold;
        final Font small;
        final Font smallBold;

        Fonts() throws IOException {
            BaseFont r = PdfFonts.baseFont(false);
            BaseFont b = PdfFonts.baseFont(true);
            title = new Font(b, 14);
            heading = new Font(b, 11);
            normal = new Font(r, 8.5f);
            bold = new Font(b, 8.5f);
            small = new Font(r, 7.5f);
            smallBold = new Font(b, 7.5f);
        }
    }

    /**
     * Writes the A4 report (fonts embedded, Identity-H). Vietnamese unless {@code locale}'s language is English.
     * Does not close {@code out}.
     */
    public static void pdf(ExportData data, Locale locale, OutputStream out) throws IOException {
        boolean en = locale != null && "en".equals(locale.getLanguage());
        Fonts f = new Fonts();
        Document doc = new Document(PageSize.A4, 36, 36, 40, 50);
        try {
            PdfWriter w = PdfWriter.getInstance(doc, out);
            w.setCloseStream(false);
            String footer = (en ? "Rule set " : "Bộ quy tắc ") + data.rules().id() + " v" + data.rules().version()
                    + " · " + (en ? "generated " : "lập ngày ")
                    + DATE.format(data.generated());
            w.setPageEvent(new Footer(footer, f.small, en));
            doc.addTitle(title(data, en));
            doc.addCreator("HọcTập");
            doc.setDocumentLanguage(en ? "en" : "vi");
            doc.open();
            pdfBody(doc, data, f, en);
            doc.close();
        } catch (DocumentException e) {
            throw new IOException("PDF: " + e.getMessage(), e);
        }
        out.flush();
    }

    private static final class Footer extends PdfPageEventHelper {
        private final String text;
        private final Font font;
        private final boolean en;

        Footer(String text, Font font, boolean en) {
            this.text = text;
            this.font = font;
            this.en = en;
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            float y = document.bottom() - 20;
            ColumnText.showTextAligned(writer.getDirectContent(), Element.ALIGN_LEFT, new Phrase(text, font),
                    document.left(), y, 0);
            ColumnText.showTextAligned(writer.getDirectContent(), Element.ALIGN_RIGHT,
                    new Phrase((en ? "Page " : "Trang ") + writer.getPageNumber(), font), document.right(), y, 0);
        }
    }

    private static void pdfBody(Document doc, ExportData d, Fonts f, boolean en) throws DocumentException {
        UnitResult u = d.unit();
        Paragraph t = new Paragraph(19, title(d, en), f.title);
        t.setSpacingAfter(3);
        doc.add(t);
        String parent = "";
        if (u.unit().parentCode() != null) {
            UnitResult p = d.result().find(u.unit().parentCode());
            parent = " · " + (en ? "part of " : "thuộc ") + (p == null ? u.unit().parentCode() : nfc(p.unit().name()));
        }
        String sub = (en ? "Unit code " : "Mã đơn vị ") + u.code() + " · " + levelName(u.level(), en) + parent;
        if (d.isCommune()) {
            sub += " · " + (u.unit().disadvantaged()
                    ? (en ? "especially disadvantaged commune (ĐBKK thresholds)" : "xã đặc biệt khó khăn (áp dụng ngưỡng ĐBKK)")
                    : (en ? "not ĐBKK" : "không thuộc xã ĐBKK"));
        } else {
            sub += " · " + (u.childLevel() == UnitLevel.DISTRICT ? (en ? "districts counted: " : "số quận/huyện được tính: ")
                    : (en ? "communes counted: " : "số xã được tính: ")) + u.childCount();
        }
        doc.add(new Paragraph(12, sub, f.normal));
        doc.add(new Paragraph(12, (en ? "Rule set: " : "Bộ quy tắc: ") + d.rules().id() + " v" + d.rules().version() + " — "
                + nfc(d.rules().title()) + " · " + (en ? "generated " : "lập ngày ") + DATE.format(d.generated()), f.normal));

        PdfPTable lv = table(new float[] {1.2f, 5f, 2f}, en ? "Levels reached" : "Mức đạt chuẩn", f.heading, true);
        headerRow(lv, f.smallBold, en ? "Standard" : "Chuẩn", en ? "Name" : "Tên chuẩn", en ? "Result" : "Kết quả");
        for (Standard s : Standard.values()) {
            lv.addCell(cell(s.id(), f.normal));
            lv.addCell(cell(en ? s.nameEn() : s.nameVi(), f.normal));
            lv.addCell(cell(levelText(s, u.levels().level(s), en), f.bold));
        }
        doc.add(lv);

        if (!d.isCommune() && !d.children().isEmpty()) {
            PdfPTable ct = table(new float[] {1.2f, 4f, 1.1f, 1f, 1f, 1f, 1f, 1.2f},
                    en ? "Units below" : "Đơn vị trực thuộc", f.heading, false);
            headerRow(ct, f.smallBold, en ? "Code" : "Mã", en ? "Unit" : "Tên đơn vị", "ĐBKK", "MN5", "TH", "THCS", "XMC",
                    en ? "Counted" : "Được tính");
            for (UnitResult ch : d.children()) {
                Levels l = ch.levels();
                ct.addCell(cell(ch.code(), f.normal));
                ct.addCell(cell(ch.unit().name(), f.normal));
                ct.addCell(cell(ch.level() == UnitLevel.COMMUNE ? yesNo(ch.unit().disadvantaged(), en) : "—", f.normal));
                ct.addCell(num(l.mn5() ? "1" : "0", f.normal));
                ct.addCell(num(Integer.toString(l.th()), f.normal));
                ct.addCell(num(Integer.toString(l.thcs()), f.normal));
                ct.addCell(num(Integer.toString(l.xmc()), f.normal));
                ct.addCell(cell(yesNo(counted(d.rules(), u, ch), en), f.normal));
            }
            doc.add(ct);
        }

        for (Standard s : Standard.values()) {
            String heading = (en ? s.nameEn() : s.nameVi()) + " — " + levelText(s, u.levels().level(s), en);
            if (d.isCommune()) {
                communeCriteriaPdf(doc, d, s, heading, f, en);
            } else {
                meetingPdf(doc, d, s, heading, f, en);
            }
            List<Explanation> ex = u.explanations(s);
            if (!ex.isEmpty()) {
                Paragraph p = new Paragraph(12, en ? "Why higher levels are not reached:" : "Giải thích các mức chưa đạt:", f.bold);
                p.setSpacingBefore(5);
                doc.add(p);
                for (Explanation e : ex) {
                    for (Explanation.Failure fl : e.failures()) {
                        String lvl = s == Standard.MN5 ? "MN5" : (en ? "Level " : "Mức ") + e.level();
                        Paragraph item = new Paragraph(11, "", f.small);
                        item.setIndentationLeft(18);
                        item.setFirstLineIndent(-8);
                        item.add(new Chunk("• " + lvl + ": ", f.smallBold));
                        item.add(new Chunk(nfc(en ? fl.messageEn() : fl.messageVi()), f.small));
                        doc.add(item);
                    }
                }
            }
        }

        Paragraph legend = new Paragraph(11, "", f.small);
        legend.setSpacingBefore(10);
        legend.add(new Chunk(en ? "Verification status: " : "Trạng thái kiểm chứng: ", f.smallBold));
        StringBuilder sb = new StringBuilder();
        for (VerificationStatus v : VerificationStatus.values()) {
            if (sb.length() > 0) {
                sb.append("; ");
            }
            sb.append(v.name()).append(" = ").append(en ? v.descriptionEn() : v.descriptionVi());
        }
        legend.add(new Chunk(sb.toString() + ".", f.small));
        doc.add(legend);
    }

    private static void communeCriteriaPdf(Document doc, ExportData d, Standard s, String heading, Fonts f, boolean en)
            throws DocumentException {
        UnitResult u = d.unit();
        boolean dbkk = u.unit().disadvantaged();
        PdfPTable t = table(new float[] {4.2f, 1.1f, 1.1f, 1.3f, 0.8f, 1.7f, 3.6f, 0.9f}, heading, f.heading, true);
        headerRow(t, f.smallBold, en ? "Criterion" : "Tiêu chí", en ? "Numerator" : "Tử số", en ? "Denominator" : "Mẫu số",
                en ? "Rate" : "Tỷ lệ", en ? "Level" : "Mức", en ? "Threshold % (ĐBKK)" : "Ngưỡng % (ĐBKK)",
                en ? "Legal source" : "Căn cứ pháp lý", en ? "Status" : "Trạng thái");
        for (Criterion c : Criterion.values()) {
            if (c.standard() != s) {
                continue;
            }
            Rate rate = u.criteria().getOrDefault(c, Rate.EMPTY);
            List<RuleSet.ThresholdRule> rules = new ArrayList<>();
            for (int k = 1; k <= s.maxLevel(); k++) {
                for (RuleSet.ThresholdRule tr : d.rules().thresholds(s, k)) {
                    if (tr.criterion() == c) {
                        rules.add(tr);
                    }
                }
            }
            int span = Math.max(1, rules.size());
            Phrase crit = new Phrase("", f.small);
            crit.add(new Chunk(c.id() + "\n", f.smallBold));
            crit.add(new Chunk(nfc(describe(c, d.rules(), en)), f.small));
            PdfPCell cc = new PdfPCell(crit);
            pad(cc);
            cc.setRowspan(span);
            t.addCell(cc);
            t.addCell(span(num(Long.toString(rate.numerator()), f.normal), span));
            t.addCell(span(num(Long.toString(rate.denominator()), f.normal), span));
            t.addCell(span(num(percentText(rate.numerator(), rate.denominator(), en), f.bold), span));
            if (rules.isEmpty()) {
                for (int i = 0; i < 4; i++) {
                    t.addCell(cell("—", f.normal));
                }
                continue;
            }
            for (RuleSet.ThresholdRule tr : rules) {
                vn.hoctap.standards.Percent applied = tr.threshold(dbkk);
                t.addCell(num(Integer.toString(tr.level()), f.normal));
                String th = (tr.normal() == null ? "—" : "≥ " + thresholdText(tr.normal(), en)) + " ("
                        + thresholdText(tr.disadvantaged(), en) + ")";
                String verdict = applied == null ? (en ? "not applicable" : "không áp dụng")
                        : rate.meets(applied) ? (en ? "met" : "đạt") : (en ? "not met" : "chưa đạt");
                Phrase ph = new Phrase("", f.normal);
                ph.add(new Chunk(th + "\n", f.normal));
                ph.add(new Chunk(verdict, applied != null && !rate.meets(applied) ? f.smallBold : f.small));
                PdfPCell tc = new PdfPCell(ph);
                pad(tc);
                t.addCell(tc);
                t.addCell(cell(tr.source(), f.small));
                t.addCell(cell(tr.status().name(), f.bold));
            }
        }
        doc.add(t);
        for (int k = 1; k <= s.maxLevel(); k++) {
            for (RuleSet.PrerequisiteRule pr : d.rules().prerequisites(s, k)) {
                int have = u.levels().level(pr.required());
                String line = (en ? "Level " + k + " also needs " + pr.required().id() + " at level " + pr.requiredLevel()
                        + " or higher (now " + have + ")" : "Mức " + k + " cần thêm " + pr.required().id() + " đạt mức "
                        + pr.requiredLevel() + " trở lên (hiện ở mức " + have + ")") + " — " + pr.source() + " [" + pr.status().name() + "]";
                Paragraph p = new Paragraph(11, nfc(line), f.small);
                p.setSpacingBefore(3);
                doc.add(p);
            }
        }
    }

    private static void meetingPdf(Document doc, ExportData d, Standard s, String heading, Fonts f, boolean en)
            throws DocumentException {
        UnitResult u = d.unit();
        PdfPTable t = table(new float[] {1f, 2.4f, 1.2f, 1.2f, 1.3f, 1.2f, 3.4f, 0.9f}, heading, f.heading, true);
        headerRow(t, f.smallBold, en ? "Level" : "Mức", meetingLabel(u, en), en ? "Counted" : "Tổng số", en ? "Share" : "Tỷ lệ",
                en ? "Required" : "Yêu cầu", en ? "Result" : "Kết quả", en ? "Legal source" : "Căn cứ pháp lý",
                en ? "Status" : "Trạng thái");
        for (int k = 1; k <= s.maxLevel(); k++) {
            StandardLevel key = StandardLevel.of(s, k);
            RuleSet.AggregationRule ar = aggregationRule(d.rules(), u, key);
            long m = u.meeting().getOrDefault(key, 0L);
            boolean ok = ar.percent().isMetBy(m, u.childCount());
            t.addCell(cell(key.key(), f.normal));
            t.addCell(num(Long.toString(m), f.normal));
            t.addCell(num(Long.toString(u.childCount()), f.normal));
            t.addCell(num(percentText(m, u.childCount(), en), f.bold));
            t.addCell(num("≥ " + thresholdText(ar.percent(), en) + "%", f.normal));
            t.addCell(cell(ok ? (en ? "met" : "đạt") : (en ? "not met" : "chưa đạt"), ok ? f.normal : f.bold));
            t.addCell(cell(ar.source(), f.small));
            t.addCell(cell(ar.status().name(), f.bold));
        }
        doc.add(t);
    }

    private static String yesNo(boolean b, boolean en) {
        return b ? (en ? "yes" : "có") : (en ? "no" : "không");
    }




    private static PdfPCell span(PdfPCell c, int rows) {
        c.setRowspan(rows);
        return c;
    }

}
