package vn.hoctap.register.internal;

import static vn.hoctap.register.internal.StandardsExports.SHEET;
import static vn.hoctap.register.internal.StandardsExports.SUMMARY_SHEET;
import static vn.hoctap.register.internal.StandardsExports.VI;
import static vn.hoctap.register.internal.StandardsExports.aggregationRule;
import static vn.hoctap.register.internal.StandardsExports.cohortText;
import static vn.hoctap.register.internal.StandardsExports.columns;
import static vn.hoctap.register.internal.StandardsExports.counted;
import static vn.hoctap.register.internal.StandardsExports.describe;
import static vn.hoctap.register.internal.StandardsExports.levelName;
import static vn.hoctap.register.internal.StandardsExports.levelText;
import static vn.hoctap.register.internal.StandardsExports.meetingLabel;
import static vn.hoctap.register.internal.StandardsExports.thresholdRules;
import static vn.hoctap.register.internal.StandardsExports.title;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import vn.hoctap.platform.XlsxRows;
import vn.hoctap.platform.XlsxStyles;
import vn.hoctap.register.internal.StandardsExports.AgeColumn;
import vn.hoctap.register.internal.StandardsExports.AgeTable;
import vn.hoctap.register.internal.StandardsExports.ExportData;
import vn.hoctap.standards.core.Criterion;
import vn.hoctap.standards.core.Explanation;
import vn.hoctap.standards.core.Levels;
import vn.hoctap.standards.core.Rate;
import vn.hoctap.standards.core.RuleSet;
import vn.hoctap.standards.core.Standard;
import vn.hoctap.standards.core.StandardLevel;
import vn.hoctap.standards.core.UnitLevel;
import vn.hoctap.standards.core.UnitResult;

/**
 * Sổ tổng hợp phổ cập giáo dục, xóa mù chữ: the XLSX workbook of a unit's standards for a data year, laid out like
 * the official statistical tables (docs/contracts/standards.md): a summary sheet, then one sheet per standard
 * (the per-age table for a commune or the units below for a district or city, the criteria or the share of units
 * meeting each level, and why higher levels are not reached). In Vietnamese, the language of the forms.
 */
public final class StandardsWorkbook {

    private StandardsWorkbook() {
    }


    /**
     * Writes the workbook: sheet "Tổng hợp" then one sheet per standard ("PCGD MN 5 tuổi", "PCGD Tiểu học",
     * "PCGD THCS", "Xóa mù chữ"). Plain XSSF (styles, widths, no formulas or macros). Does not close {@code out}.
     */
    public static void write(ExportData data, OutputStream out) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            XlsxStyles st = new XlsxStyles(wb);
            summarySheet(wb, st, data);
            for (Standard s : Standard.values()) {
                Sheet sh = wb.createSheet(SHEET.get(s));
                if (data.isCommune()) {
                    communeStandardSheet(sh, st, data, s);
                } else {
                    aggregateStandardSheet(sh, st, data, s);
                }
            }
            wb.getProperties().getCoreProperties().setTitle(title(data, VI));
            wb.getProperties().getCoreProperties().setCreator("HọcTập");
            wb.write(out);
        }
        out.flush();
    }

    /** Appends rows to a sheet: the platform's cells, and those of the standards (counts, rates, thresholds). */
    private static final class Rows extends XlsxRows<Rows> {
        final XlsxStyles st;

        Rows(Sheet sheet, XlsxStyles st) {
            super(sheet, st.text, st.header);
            this.st = st;
        }

        Rows num(long v) {
            return num(v, st.integer);
        }

        Rows pct(long num, long den) {
            return den == 0 ? text("—") : num(num * 100.0 / den, st.decimal);
        }

        Rows threshold(vn.hoctap.standards.core.Percent p) {
            return p == null ? text("—") : num(p.hundredths() / 100.0, st.general);
        }

        void title(String t) {
            row().text(t, st.title);
        }

        void heading(String t) {
            row().text(t, st.bold);
        }
    }

    private static void summarySheet(Workbook wb, XlsxStyles st, ExportData d) {
        Sheet sh = wb.createSheet(SUMMARY_SHEET);
        Rows r = new Rows(sh, st);
        UnitResult u = d.unit();
        r.title(title(d, VI));
        r.skip();
        r.row().text("Đơn vị", st.bold).text(u.unit().name());
        r.row().text("Mã đơn vị", st.bold).text(u.code());
        r.row().text("Cấp", st.bold).text(levelName(u.level(), VI));
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
            r.row().text(s.id()).text(s.nameVi(), st.wrap).num(l).num(s.maxLevel()).text(levelText(s, l, VI));
        }
        if (!d.isCommune()) {
            r.skip();
            r.heading("Đơn vị trực thuộc");
            r.headers("Mã", "Tên đơn vị", "Cấp", "ĐBKK", "MN5", "TH", "THCS", "XMC", "Được tính vào tỷ lệ");
            for (UnitResult ch : d.children()) {
                Levels l = ch.levels();
                r.row().text(ch.code()).text(ch.unit().name()).text(levelName(ch.level(), VI))
                        .text(ch.level() == UnitLevel.COMMUNE ? (ch.unit().disadvantaged() ? "Có" : "Không") : "—")
                        .num(l.mn5() ? 1 : 0).num(l.th()).num(l.thcs()).num(l.xmc())
                        .text(counted(d.rules(), u, ch) ? "Có" : "Không");
            }
        }
        r.widths(30, 42, 14, 12, 12, 8, 8, 8, 14);
    }

    private static void communeStandardSheet(Sheet sh, XlsxStyles st, ExportData d, Standard s) {
        Rows r = new Rows(sh, st);
        UnitResult u = d.unit();
        boolean dbkk = u.unit().disadvantaged();
        r.title(s.nameVi() + " — " + u.unit().name() + " (" + u.code() + "), năm " + d.year());
        r.row().text("Kết quả", st.bold).text(levelText(s, u.levels().level(s), VI), null)
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
            List<RuleSet.ThresholdRule> rules = thresholdRules(d.rules(), c);
            if (rules.isEmpty()) {
                r.row().text(c.id()).text(describe(c, d.rules(), VI), st.wrap).text(cohortText(c, d.rules()))
                        .num(rate.numerator()).num(rate.denominator()).pct(rate.numerator(), rate.denominator());
                continue;
            }
            for (RuleSet.ThresholdRule tr : rules) {
                vn.hoctap.standards.core.Percent applied = tr.threshold(dbkk);
                r.row().text(c.id()).text(describe(c, d.rules(), VI), st.wrap).text(cohortText(c, d.rules()))
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

    private static void aggregateStandardSheet(Sheet sh, XlsxStyles st, ExportData d, Standard s) {
        Rows r = new Rows(sh, st);
        UnitResult u = d.unit();
        r.title(s.nameVi() + " — " + u.unit().name() + " (" + u.code() + "), năm " + d.year());
        r.row().text("Kết quả", st.bold).text(levelText(s, u.levels().level(s), VI), null);
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
            r.row().text(ch.code()).text(ch.unit().name()).text(levelName(ch.level(), VI))
                    .text(ch.level() == UnitLevel.COMMUNE ? (ch.unit().disadvantaged() ? "Có" : "Không") : "—").num(l);
            for (int k = 1; k <= s.maxLevel(); k++) {
                r.text(l >= k ? "Có" : "Không");
            }
            r.text(counted(d.rules(), u, ch) ? "Có" : "Không");
        }
        r.skip();
        r.heading("Bảng 2. " + meetingLabel(u, VI) + " so với tỷ lệ yêu cầu");
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
}
