package vn.hoctap.register.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

import vn.hoctap.register.internal.StandardsExports.AgeColumn;
import vn.hoctap.register.internal.StandardsExports.AgeTables;
import vn.hoctap.register.internal.StandardsExports.ExportData;
import vn.hoctap.standards.core.Criterion;
import vn.hoctap.standards.core.Person;
import vn.hoctap.standards.core.Person.Enrolment;
import vn.hoctap.standards.core.Rate;
import vn.hoctap.standards.core.RuleSet;
import vn.hoctap.standards.core.Standard;
import vn.hoctap.standards.core.StandardLevel;
import vn.hoctap.standards.core.StandardsEngine;
import vn.hoctap.standards.core.StandardsResult;
import vn.hoctap.standards.core.Unit;
import vn.hoctap.standards.core.Units;

/**
 * The XLSX and PDF exports of a unit's standards, on a small hand-counted register (data year 2025).
 *
 * <p>Phường Hoàn Kiếm (00004, ordinary):
 * age 5: one in preschool, one not;
 * age 6: two in grade 1 who completed preschool, one with nothing, one in grade 2 who completed preschool,
 * one {@code cannot_learn} (left out);
 * age 11: one completed primary (now lower secondary), one in grade 5, one whose completion year 2026 is after Y;
 * age 14: one completed primary;
 * age 16: one with the lower-secondary diploma in upper secondary, one who completed primary in vocational
 * education, one with only grade 4 completed;
 * age 40: one at literacy stage 2, one with grade 2 in a literacy class, one who completed upper secondary;
 * age 70: one (outside every table).
 * So MN5 1/2 and 3/4, TH.grade1_age6 2/4, TH.complete_age11 1/3, TH.age11_in_primary 2/3, TH.complete_age14 1/1,
 * THCS 1/3 and 2/3, XMC lit1 3/3 (15–35 and 15–25), lit2_15_60 4/6, lit2_15_35 2/3:
 * MN5 not met, TH 0, XMC 1, THCS 0.
 *
 * <p>Xã Ứng Hòa (10507, ĐBKK) meets everything (one person per cohort age, a 20-year-old graduate):
 * MN5, TH 3, THCS 3, XMC 2.
 */
class StandardsExportsTest {

    static final int Y = 2025;
    static final String HK = "00004";
    static final String UH = "10507";
    static final LocalDate GENERATED = LocalDate.of(2025, 9, 15);

    static Units cityOfCommunes() {
        return Units.of(List.of(Unit.city("01", "Thành phố Hà Nội"),
                Unit.commune(HK, "Phường Hoàn Kiếm", "01", false),
                Unit.commune(UH, "Xã Ứng Hòa", "01", true)));
    }

    static Units cityOfDistricts() {
        return Units.of(List.of(Unit.city("01", "Thành phố Hà Nội"),
                Unit.district("001", "Quận Hoàn Kiếm", "01"),
                Unit.commune(HK, "Phường Hoàn Kiếm", "001", false),
                Unit.district("002", "Huyện Ứng Hòa", "01"),
                Unit.commune(UH, "Xã Ứng Hòa", "002", true)));
    }

    static List<Person> persons() {
        List<Person> l = new ArrayList<>();
        UnaryOperator<Person.Builder> none = b -> b;
        // Phường Hoàn Kiếm
        add(l, HK, 5, b -> b.enrolment(Enrolment.PRESCHOOL));
        add(l, HK, 5, none);
        add(l, HK, 6, b -> b.enrolment(Enrolment.PRIMARY).grade(1).preschoolCompleted(2024));
        add(l, HK, 6, b -> b.enrolment(Enrolment.PRIMARY).grade(1).preschoolCompleted(2024));
        add(l, HK, 6, none);
        add(l, HK, 6, b -> b.enrolment(Enrolment.PRIMARY).grade(2).preschoolCompleted(2023));
        add(l, HK, 6, b -> b.disability(Person.Disability.CANNOT_LEARN).enrolment(Enrolment.PRIMARY).grade(1));
        add(l, HK, 11, b -> b.primaryCompleted(2024).enrolment(Enrolment.LOWER_SECONDARY).grade(6));
        add(l, HK, 11, b -> b.enrolment(Enrolment.PRIMARY).grade(5));
        add(l, HK, 11, b -> b.primaryCompleted(2026));
        add(l, HK, 14, b -> b.primaryCompleted(2022).enrolment(Enrolment.LOWER_SECONDARY).grade(9));
        add(l, HK, 16, b -> b.primaryCompleted(2020).lowerSecondaryDiploma(2024).enrolment(Enrolment.UPPER_SECONDARY).grade(11));
        add(l, HK, 16, b -> b.primaryCompleted(2020).enrolment(Enrolment.VOCATIONAL));
        add(l, HK, 16, b -> b.highestGradeCompleted(4));
        add(l, HK, 40, b -> b.literacyStageCompleted(2));
        add(l, HK, 40, b -> b.highestGradeCompleted(2).enrolment(Enrolment.LITERACY_CLASS));
        add(l, HK, 40, b -> b.upperSecondaryCompleted(2003));
        add(l, HK, 70, none);
        // Xã Ứng Hòa
        add(l, UH, 5, b -> b.enrolment(Enrolment.PRESCHOOL));
        add(l, UH, 6, b -> b.enrolment(Enrolment.PRIMARY).grade(1).preschoolCompleted(2024));
        add(l, UH, 11, b -> b.primaryCompleted(2024).enrolment(Enrolment.LOWER_SECONDARY).grade(6));
        add(l, UH, 14, b -> b.primaryCompleted(2021).enrolment(Enrolment.LOWER_SECONDARY).grade(9));
        add(l, UH, 16, b -> b.primaryCompleted(2020).lowerSecondaryDiploma(2024).enrolment(Enrolment.UPPER_SECONDARY).grade(11));
        add(l, UH, 20, b -> b.primaryCompleted(2016).lowerSecondaryDiploma(2020).upperSecondaryCompleted(2023)
                .enrolment(Enrolment.HIGHER));
        return l;
    }

    private static void add(List<Person> l, String commune, int age, UnaryOperator<Person.Builder> f) {
        l.add(f.apply(Person.builder("p" + l.size(), commune, Y - age)).build());
    }

    static StandardsResult compute(Units units) {
        return StandardsEngine.compute(units, persons().stream(), Y, RuleSet.defaults());
    }

    static ExportData communeData(Units units, StandardsResult result, String code) {
        StandardsEngine engine = new StandardsEngine(units, result.ruleSet(), Y);
        AgeTables ages = new AgeTables(engine, code);
        persons().forEach(ages);   // as a controller streams the register: other communes are skipped
        return ExportData.commune(result, code, ages, GENERATED);
    }

    static XSSFWorkbook xlsx(ExportData d) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StandardsWorkbook.write(d, out);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/standards-export-" + d.unit().code() + ".xlsx"), out.toByteArray());
        return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
    }

    static byte[] pdf(ExportData d, Locale locale) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StandardsPdf.write(d, locale, out);
        // every page of every standards PDF the tests make carries the platform's footer (issue 17)
        vn.hoctap.platform.PdfFooters.assertEveryPageNumbered(out.toByteArray(), locale != null && "en".equals(locale.getLanguage()));
        return out.toByteArray();
    }

    /** The text of every page, runs of white space (line breaks) as one space. */
    static String text(byte[] pdf) throws IOException {
        PdfReader r = new PdfReader(pdf);
        try {
            PdfTextExtractor x = new PdfTextExtractor(r);
            StringBuilder sb = new StringBuilder();
            for (int i = 1; i <= r.getNumberOfPages(); i++) {
                sb.append(x.getTextFromPage(i)).append('\n');
            }
            return sb.toString().replaceAll("\\s+", " ");   // lines wrap where the layout needs
        } finally {
            r.close();
        }
    }

    /** The first row whose first cell is {@code key} (a string) or the number {@code key}. */
    static Row row(Sheet s, Object key) {
        return rows(s, key).get(0);
    }

    static List<Row> rows(Sheet s, Object key) {
        List<Row> out = new ArrayList<>();
        for (Row r : s) {
            Cell c = r.getCell(0);
            if (c == null) {
                continue;
            }
            if (key instanceof String k && c.getCellType() == CellType.STRING && c.getStringCellValue().equals(k)) {
                out.add(r);
            }
            if (key instanceof Integer k && c.getCellType() == CellType.NUMERIC && c.getNumericCellValue() == k) {
                out.add(r);
            }
        }
        assertThat(out).as("rows starting with %s in %s", key, s.getSheetName()).isNotEmpty();
        return out;
    }

    static double n(Row r, int col) {
        return r.getCell(col).getNumericCellValue();
    }

    static String s(Row r, int col) {
        return r.getCell(col).getStringCellValue();
    }

    /** The row of the header cell {@code name} in the sheet's table whose header row contains it. */
    static int col(Sheet s, String name) {
        for (Row r : s) {
            for (Cell c : r) {
                if (c.getCellType() == CellType.STRING && c.getStringCellValue().equals(name)) {
                    return c.getColumnIndex();
                }
            }
        }
        throw new AssertionError("no header " + name + " in " + s.getSheetName());
    }

    @Test
    void handCountsAgreeWithTheEngine() {
        Units units = cityOfCommunes();
        StandardsResult result = compute(units);
        Map<Criterion, Rate> hk = result.unit(HK).criteria();
        assertThat(hk.get(Criterion.MN5_ATTEND_AGE5)).isEqualTo(new Rate(1, 2));
        assertThat(hk.get(Criterion.MN5_COMPLETE_AGE6)).isEqualTo(new Rate(3, 4));
        assertThat(hk.get(Criterion.TH_GRADE1_AGE6)).isEqualTo(new Rate(2, 4));
        assertThat(hk.get(Criterion.TH_COMPLETE_AGE11)).isEqualTo(new Rate(1, 3));
        assertThat(hk.get(Criterion.TH_AGE11_IN_PRIMARY)).isEqualTo(new Rate(2, 3));
        assertThat(hk.get(Criterion.TH_COMPLETE_AGE14)).isEqualTo(new Rate(1, 1));
        assertThat(hk.get(Criterion.THCS_DIPLOMA_15_18)).isEqualTo(new Rate(1, 3));
        assertThat(hk.get(Criterion.THCS_ATTEND_15_18)).isEqualTo(new Rate(2, 3));
        assertThat(hk.get(Criterion.XMC_LIT1_15_35)).isEqualTo(new Rate(3, 3));
        assertThat(hk.get(Criterion.XMC_LIT2_15_60)).isEqualTo(new Rate(4, 6));
        assertThat(hk.get(Criterion.XMC_LIT2_15_35)).isEqualTo(new Rate(2, 3));
        assertThat(result.unit(HK).levels()).isEqualTo(new vn.hoctap.standards.core.Levels(false, 0, 0, 1));
        assertThat(result.unit(UH).levels()).isEqualTo(new vn.hoctap.standards.core.Levels(true, 3, 3, 2));
        assertThat(result.unit("01").levels()).isEqualTo(new vn.hoctap.standards.core.Levels(false, 0, 0, 1));
    }

    @Test
    void ageTablesSumToTheEngineCriteriaOverEachCohort() {
        Units units = cityOfCommunes();
        StandardsResult result = compute(units);
        for (String code : List.of(HK, UH)) {
            ExportData d = communeData(units, result, code);
            Map<Criterion, Rate> c = result.unit(code).criteria();
            checkSum(d, Standard.MN5, 5, 5, AgeColumn.IN_PRESCHOOL, c.get(Criterion.MN5_ATTEND_AGE5));
            checkSum(d, Standard.MN5, 6, 6, AgeColumn.PRESCHOOL_COMPLETED, c.get(Criterion.MN5_COMPLETE_AGE6));
            checkSum(d, Standard.TH, 6, 6, AgeColumn.IN_GRADE1, c.get(Criterion.TH_GRADE1_AGE6));
            checkSum(d, Standard.TH, 11, 11, AgeColumn.PRIMARY_COMPLETED, c.get(Criterion.TH_COMPLETE_AGE11));
            checkSum(d, Standard.TH, 11, 11, AgeColumn.PRIMARY_COMPLETED_OR_IN, c.get(Criterion.TH_AGE11_IN_PRIMARY));
            checkSum(d, Standard.TH, 14, 14, AgeColumn.PRIMARY_COMPLETED, c.get(Criterion.TH_COMPLETE_AGE14));
            checkSum(d, Standard.THCS, 15, 18, AgeColumn.LOWER_SECONDARY_DIPLOMA, c.get(Criterion.THCS_DIPLOMA_15_18));
            checkSum(d, Standard.THCS, 15, 18, AgeColumn.ATTENDING_OR_COMPLETED_UPPER, c.get(Criterion.THCS_ATTEND_15_18));
            checkSum(d, Standard.XMC, 15, 35, AgeColumn.LITERATE_1, c.get(Criterion.XMC_LIT1_15_35));
            checkSum(d, Standard.XMC, 15, 25, AgeColumn.LITERATE_1, c.get(Criterion.XMC_LIT1_15_25));
            checkSum(d, Standard.XMC, 15, 60, AgeColumn.LITERATE_2, c.get(Criterion.XMC_LIT2_15_60));
            checkSum(d, Standard.XMC, 15, 35, AgeColumn.LITERATE_2, c.get(Criterion.XMC_LIT2_15_35));
        }
        // the helper of one standard over one commune's persons gives the same rows
        StandardsEngine engine = new StandardsEngine(units, RuleSet.defaults(), Y);
        List<Person> hk = persons().stream().filter(p -> p.communeCode().equals(HK)).toList();
        Map<Integer, long[]> th = StandardsExports.ageTable(engine, hk, Standard.TH);
        assertThat(th.keySet()).containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(6, 14).boxed().toList());
        assertThat(th.get(6)).containsExactly(4, 2, 3, 0, 3, 1);
        assertThat(StandardsExports.ageTable(engine, hk, Standard.XMC)).hasSize(46);
    }

    private static void checkSum(ExportData d, Standard s, int from, int to, AgeColumn col, Rate expected) {
        long num = 0;
        long den = 0;
        for (int age = from; age <= to; age++) {
            num += d.ages().get(s).count(age, col);
            den += d.ages().get(s).count(age, AgeColumn.PERSONS);
        }
        assertThat(new Rate(num, den)).as("%s %s %d–%d", s, col, from, to).isEqualTo(expected);
    }

    @Test
    void communeWorkbookHasOneSheetPerStandardWithRowsByAgeAndCriteria() throws IOException {
        Units units = cityOfCommunes();
        StandardsResult result = compute(units);
        try (XSSFWorkbook wb = xlsx(communeData(units, result, HK))) {
            assertThat(List.of(wb.getSheetName(0), wb.getSheetName(1), wb.getSheetName(2), wb.getSheetName(3),
                    wb.getSheetName(4))).containsExactly("Tổng hợp", "PCGD MN 5 tuổi", "PCGD Tiểu học", "PCGD THCS", "Xóa mù chữ");

            Sheet sum = wb.getSheet("Tổng hợp");
            assertThat(s(row(sum, "Đơn vị"), 1)).isEqualTo("Phường Hoàn Kiếm");
            assertThat(s(row(sum, "Mã đơn vị"), 1)).isEqualTo(HK);
            assertThat(n(row(sum, "Năm số liệu"), 1)).isEqualTo(2025);
            assertThat(s(row(sum, "Bộ quy tắc"), 1)).isEqualTo("nd20-2014");
            assertThat(s(row(sum, "Phiên bản bộ quy tắc"), 1)).isEqualTo("1");
            assertThat(s(row(sum, "Xã đặc biệt khó khăn (ĐBKK)"), 1)).isEqualTo("Không");
            assertThat(row(sum, "Ngày lập").getCell(1).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(GENERATED);
            assertThat(n(row(sum, "MN5"), 2)).isZero();
            assertThat(s(row(sum, "MN5"), 4)).isEqualTo("Chưa đạt");
            assertThat(n(row(sum, "TH"), 2)).isZero();
            assertThat(n(row(sum, "THCS"), 2)).isZero();
            assertThat(n(row(sum, "XMC"), 2)).isEqualTo(1);
            assertThat(row(sum, "Đơn vị").getCell(0).getCellStyle().getFontIndex()).isNotZero();   // bold labels

            // TH: ages 6–14; age 6 = born 2019, 4 persons (the cannot_learn child apart), 2 in grade 1, 3 in primary
            Sheet th = wb.getSheet("PCGD Tiểu học");
            Row h = rows(th, "Tuổi").get(0);
            assertThat(s(h, 2)).isEqualTo(AgeColumn.PERSONS.labelVi());
            assertThat(s(h, 3)).isEqualTo("Đang học lớp 1");
            assertThat(wb.getFontAt(h.getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
            Row age6 = row(th, 6);
            assertThat(n(age6, 1)).isEqualTo(2019);
            assertThat(new double[] {n(age6, 2), n(age6, 3), n(age6, 4), n(age6, 5), n(age6, 6), n(age6, 7)})
                    .containsExactly(4, 2, 3, 0, 3, 1);
            Row age11 = row(th, 11);
            assertThat(new double[] {n(age11, 2), n(age11, 3), n(age11, 4), n(age11, 5), n(age11, 6)})
                    .containsExactly(3, 0, 1, 1, 2);   // completion year 2026 does not count in 2025
            assertThat(n(row(th, 14), 5)).isEqualTo(1);
            for (int age = 6; age <= 14; age++) {
                assertThat(rows(th, age)).hasSize(1);
            }
            // criteria: one row per level threshold, with source and status
            List<Row> g1 = rows(th, "TH.grade1_age6");
            assertThat(g1).hasSize(3);
            assertThat(s(g1.get(0), 1)).isEqualTo("Tỷ lệ trẻ em 6 tuổi đang học lớp 1");
            assertThat(n(g1.get(0), 3)).isEqualTo(2);
            assertThat(n(g1.get(0), 4)).isEqualTo(4);
            assertThat(n(g1.get(0), 5)).isEqualTo(50.0);
            assertThat(g1.get(0).getCell(5).getCellStyle().getDataFormatString()).isEqualTo("0.00");
            assertThat(new double[] {n(g1.get(0), 6), n(g1.get(1), 6), n(g1.get(2), 6)}).containsExactly(1, 2, 3);
            assertThat(new double[] {n(g1.get(0), 7), n(g1.get(1), 7), n(g1.get(2), 7)}).containsExactly(90, 95, 98);
            assertThat(s(g1.get(0), 10)).isEqualTo("Chưa đạt");
            assertThat(s(g1.get(0), 11)).isEqualTo("NĐ 20/2014/NĐ-CP Điều 9 (xã)");
            assertThat(s(g1.get(0), 12)).isEqualTo("V");
            assertThat(s(g1.get(2), 12)).isEqualTo("S");
            Row c11 = row(th, "TH.complete_age11");
            assertThat(n(c11, 3)).isEqualTo(1);
            assertThat(n(c11, 4)).isEqualTo(3);
            assertThat(n(c11, 5)).isCloseTo(33.333, org.assertj.core.data.Offset.offset(0.001));
            Row c14 = row(th, "TH.complete_age14");
            assertThat(n(c14, 7)).isEqualTo(80);
            assertThat(n(c14, 8)).isEqualTo(70);
            assertThat(n(c14, 9)).isEqualTo(80);   // applied: ordinary commune
            assertThat(s(c14, 10)).isEqualTo("Đạt");
            assertThat(th.getColumnWidth(1)).isGreaterThan(20 * 256);

            Sheet mn5 = wb.getSheet("PCGD MN 5 tuổi");
            assertThat(new double[] {n(row(mn5, 5), 1), n(row(mn5, 5), 2), n(row(mn5, 5), 3), n(row(mn5, 5), 4)})
                    .containsExactly(2020, 2, 1, 0);
            assertThat(new double[] {n(row(mn5, 6), 2), n(row(mn5, 6), 4), n(row(mn5, 6), 5)}).containsExactly(4, 3, 1);
            assertThat(n(row(mn5, "MN5.complete_age6"), 3)).isEqualTo(3);
            assertThat(n(row(mn5, "MN5.complete_age6"), 4)).isEqualTo(4);

            Sheet thcs = wb.getSheet("PCGD THCS");
            assertThat(rows(thcs, 11)).isNotEmpty();
            assertThat(rows(thcs, 18)).isNotEmpty();
            Row t16 = row(thcs, 16);   // persons, completed primary, in LS, diploma, attending, attending or completed
            assertThat(new double[] {n(t16, 2), n(t16, 3), n(t16, 4), n(t16, 5), n(t16, 6), n(t16, 7)})
                    .containsExactly(3, 2, 0, 1, 2, 2);
            assertThat(n(row(thcs, "THCS.diploma_15_18"), 3)).isEqualTo(1);
            assertThat(n(row(thcs, "THCS.attend_15_18"), 3)).isEqualTo(2);
            assertThat(n(row(thcs, "THCS.attend_15_18"), 4)).isEqualTo(3);
            assertThat(s(rows(thcs, "THCS.diploma_15_18").get(1), 12)).isEqualTo("M");   // level 2 unverified

            Sheet xmc = wb.getSheet("Xóa mù chữ");
            assertThat(rows(xmc, 15)).hasSize(1);
            assertThat(rows(xmc, 60)).hasSize(1);
            Row x40 = row(xmc, 40);
            assertThat(new double[] {n(x40, 1), n(x40, 2), n(x40, 3), n(x40, 4), n(x40, 5), n(x40, 6)})
                    .containsExactly(1985, 3, 2, 2, 1, 0);
            Row lit2 = row(xmc, "XMC.lit2_15_60");
            assertThat(n(lit2, 3)).isEqualTo(4);
            assertThat(n(lit2, 4)).isEqualTo(6);
            assertThat(n(lit2, 5)).isCloseTo(66.667, org.assertj.core.data.Offset.offset(0.001));
            assertThat(s(lit2, 8)).isEqualTo("—");   // no ĐBKK threshold for this criterion
            assertThat(s(lit2, 10)).isEqualTo("Chưa đạt");
        }
    }

    @Test
    void disadvantagedCommuneUsesTheDbkkThresholds() throws IOException {
        Units units = cityOfCommunes();
        StandardsResult result = compute(units);
        try (XSSFWorkbook wb = xlsx(communeData(units, result, UH))) {
            assertThat(s(row(wb.getSheet("Tổng hợp"), "Xã đặc biệt khó khăn (ĐBKK)"), 1)).isEqualTo("Có");
            Sheet xmc = wb.getSheet("Xóa mù chữ");
            Row l135 = row(xmc, "XMC.lit1_15_35");
            assertThat(s(l135, 9)).isEqualTo("—");
            assertThat(s(l135, 10)).isEqualTo("Không áp dụng");
            Row l125 = row(xmc, "XMC.lit1_15_25");
            assertThat(n(l125, 3)).isEqualTo(2);
            assertThat(n(l125, 9)).isEqualTo(90);
            assertThat(s(l125, 10)).isEqualTo("Đạt");
            assertThat(n(row(xmc, 20), 2)).isEqualTo(1);
            Row c14 = row(wb.getSheet("PCGD Tiểu học"), "TH.complete_age14");
            assertThat(n(c14, 9)).isEqualTo(70);
        }
    }

    @Test
    void communePdfHasVietnameseTextNumbersAndEmbeddedFonts() throws IOException {
        Units units = cityOfCommunes();
        StandardsResult result = compute(units);
        byte[] pdf = pdf(communeData(units, result, HK), Locale.forLanguageTag("vi-VN"));
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/standards-export-commune.pdf"), pdf);
        String text = text(pdf);
        assertThat(text).contains("Báo cáo kết quả phổ cập giáo dục, xóa mù chữ năm 2025 — Phường Hoàn Kiếm");
        assertThat(text).contains("Phổ cập giáo dục tiểu học", "Xóa mù chữ", "biết chữ mức độ 2", "Căn cứ pháp lý");
        assertThat(text).contains("TH.grade1_age6", "50,00%", "66,67%", "NĐ 20/2014/NĐ-CP Điều 9 (xã)");
        // an explanation (messageVi) and the footer
        assertThat(text).contains("XMC.lit2_15_60 (tỷ lệ biết chữ mức độ 2): 4/6 = 66,67% < 90%");
        assertThat(text).contains("Bộ quy tắc nd20-2014 v1", "lập ngày 15/09/2025");
        String raw = new String(pdf, StandardCharsets.ISO_8859_1);
        assertThat(raw).startsWith("%PDF-").contains("BeVietnamPro-Regular", "BeVietnamPro-Bold", "/FontFile2", "/Identity-H");
        PdfReader r = new PdfReader(pdf);
        assertThat(r.getPageSize(1).getWidth()).isEqualTo(595f);
        assertThat(r.getPageSize(1).getHeight()).isEqualTo(842f);
        r.close();
    }

    @Test
    void englishPdfUsesEnglishMessages() throws IOException {
        Units units = cityOfCommunes();
        StandardsResult result = compute(units);
        String text = text(pdf(communeData(units, result, UH), Locale.ENGLISH));
        assertThat(text).contains("Report on universal education and literacy, year 2025 — Xã Ứng Hòa");
        assertThat(text).contains("Universal primary education", "Level 3/3", "Rule set nd20-2014 v1", "generated 15/09/2025");
        String hk = text(pdf(communeData(units, result, HK), Locale.ENGLISH));
        assertThat(hk).contains("XMC.lit2_15_60 (share who are literate at level 2): 4/6 = 66.67% < 90%");
        assertThat(hk).doesNotContain("Giải thích");
    }

    @Test
    void cityWithoutDistrictsListsItsCommunesAndMeetingCounts() throws IOException {
        Units units = cityOfCommunes();
        StandardsResult result = compute(units);
        ExportData d = ExportData.aggregate(result, "01", GENERATED);
        assertThat(d.ages()).isEmpty();
        assertThat(d.children()).extracting(u -> u.code()).containsExactly(HK, UH);
        try (XSSFWorkbook wb = xlsx(d)) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(5);
            Sheet sum = wb.getSheet("Tổng hợp");
            assertThat(s(row(sum, "Đơn vị"), 1)).isEqualTo("Thành phố Hà Nội");
            assertThat(s(row(sum, "Xã đặc biệt khó khăn (ĐBKK)"), 1)).isEqualTo("Không áp dụng");
            assertThat(n(row(sum, "Số xã được tính"), 1)).isEqualTo(2);
            Row hk = row(sum, HK);   // code, name, level, ĐBKK, MN5, TH, THCS, XMC
            assertThat(s(hk, 1)).isEqualTo("Phường Hoàn Kiếm");
            assertThat(new double[] {n(hk, 4), n(hk, 5), n(hk, 6), n(hk, 7)}).containsExactly(0, 0, 0, 1);
            Row uh = row(sum, UH);
            assertThat(s(uh, 3)).isEqualTo("Có");
            assertThat(new double[] {n(uh, 4), n(uh, 5), n(uh, 6), n(uh, 7)}).containsExactly(1, 3, 3, 2);
            assertThat(n(row(sum, "XMC"), 2)).isEqualTo(1);

            Sheet th = wb.getSheet("PCGD Tiểu học");
            assertThat(n(row(th, UH), 4)).isEqualTo(3);
            assertThat(s(row(th, UH), 7)).isEqualTo("Có");   // reaches level 3
            for (String k : List.of("TH1", "TH2", "TH3")) {
                Row m = row(th, k);   // key, meeting, total, %, required %, met
                assertThat(n(m, 1)).isEqualTo(1);
                assertThat(n(m, 2)).isEqualTo(2);
                assertThat(n(m, 3)).isEqualTo(50.0);
                assertThat(s(m, 5)).isEqualTo("Chưa đạt");
            }
            assertThat(n(row(th, "TH1"), 4)).isEqualTo(90);   // district percentages over communes
            assertThat(n(row(th, "TH3"), 4)).isEqualTo(100);
            assertThat(s(row(th, "TH3"), 7)).isEqualTo("M");
            Sheet xmc = wb.getSheet("Xóa mù chữ");
            assertThat(n(row(xmc, "XMC1"), 1)).isEqualTo(2);
            assertThat(s(row(xmc, "XMC1"), 5)).isEqualTo("Đạt");
            assertThat(n(row(xmc, "XMC2"), 1)).isEqualTo(1);
            assertThat(n(row(wb.getSheet("PCGD MN 5 tuổi"), "MN5"), 1)).isEqualTo(1);
        }
        byte[] pdf = pdf(d, Locale.forLanguageTag("vi"));
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/standards-export-city.pdf"), pdf);
        String text = text(pdf);
        assertThat(text).contains("năm 2025 — Thành phố Hà Nội", "Phường Hoàn Kiếm", "Xã Ứng Hòa", "communes_meeting");
        assertThat(text).contains("Tỷ lệ xã đạt XMC mức 2 trở lên: 1/2 = 50,00% < 90%");
        assertThat(new String(pdf, StandardCharsets.ISO_8859_1)).contains("BeVietnamPro");
    }

    @Test
    void districtsAndCityOfDistricts() throws IOException {
        Units units = cityOfDistricts();
        StandardsResult result = compute(units);
        ExportData district = ExportData.aggregate(result, "002", GENERATED);
        try (XSSFWorkbook wb = xlsx(district)) {
            Sheet sum = wb.getSheet("Tổng hợp");
            assertThat(s(row(sum, "Đơn vị"), 1)).isEqualTo("Huyện Ứng Hòa");
            assertThat(s(row(sum, "Cấp"), 1)).isEqualTo("Cấp huyện");
            assertThat(s(row(sum, "Đơn vị cấp trên"), 1)).isEqualTo("01 — Thành phố Hà Nội");
            assertThat(n(row(sum, "THCS"), 2)).isEqualTo(3);
            Row m = row(wb.getSheet("PCGD THCS"), "THCS2");
            assertThat(n(m, 1)).isEqualTo(1);
            assertThat(n(m, 2)).isEqualTo(1);
            assertThat(n(m, 4)).isEqualTo(95);
            assertThat(s(m, 7)).isEqualTo("M");
        }
        ExportData city = ExportData.aggregate(result, "01", GENERATED);
        assertThat(city.children()).extracting(u -> u.code()).containsExactly("001", "002");
        assertThat(result.unit("01").meeting().get(StandardLevel.XMC1)).isEqualTo(2);
        try (XSSFWorkbook wb = xlsx(city)) {
            assertThat(n(row(wb.getSheet("Tổng hợp"), "Số quận/huyện được tính"), 1)).isEqualTo(2);
            Sheet xmc = wb.getSheet("Xóa mù chữ");
            assertThat(s(row(xmc, "002"), 2)).isEqualTo("Cấp huyện");
            Row x1 = row(xmc, "XMC1");
            assertThat(new double[] {n(x1, 1), n(x1, 2), n(x1, 4)}).containsExactly(2, 2, 90);   // city percentages
            Row x2 = row(xmc, "XMC2");
            assertThat(new double[] {n(x2, 1), n(x2, 4)}).containsExactly(1, 100);
            assertThat(s(x2, 5)).isEqualTo("Chưa đạt");
        }
        String text = text(pdf(city, Locale.forLanguageTag("vi")));
        assertThat(text).contains("districts_meeting", "Huyện Ứng Hòa", "Quận Hoàn Kiếm");
    }

    @Test
    void communeDataRejectsAgeTablesOfOtherPersons() {
        Units units = cityOfCommunes();
        StandardsResult result = compute(units);
        StandardsEngine engine = new StandardsEngine(units, result.ruleSet(), Y);
        AgeTables partial = StandardsExports.ageTables(engine, HK, persons().subList(0, 5));
        assertThatThrownBy(() -> ExportData.commune(result, HK, partial, GENERATED))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("do not match");
        AgeTables other = StandardsExports.ageTables(engine, UH, persons());
        assertThatThrownBy(() -> ExportData.commune(result, HK, other, GENERATED))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ExportData.aggregate(result, HK, GENERATED)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ExportData.commune(result, "01", other, GENERATED)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void exportsDoNotCloseTheCallersStream() throws IOException {
        Units units = cityOfCommunes();
        StandardsResult result = compute(units);
        ExportData d = communeData(units, result, HK);
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                throw new AssertionError("closed");
            }
        };
        StandardsWorkbook.write(d, out);
        StandardsPdf.write(d, Locale.ROOT, out);
        assertThat(out.size()).isPositive();
    }
}
