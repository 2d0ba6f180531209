package vn.hoctap.indicators.internal;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import vn.hoctap.platform.ReportPdf;
import vn.hoctap.platform.ReportText;
import vn.hoctap.platform.XlsxRows;
import vn.hoctap.platform.XlsxStyles;
import static vn.hoctap.platform.PdfTables.cell;
import static vn.hoctap.platform.PdfTables.headerRow;
import static vn.hoctap.platform.PdfTables.num;
import static vn.hoctap.platform.PdfTables.pad;
import static vn.hoctap.platform.PdfTables.table;
import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;

/**
 * The annual review report ("Báo cáo sơ kết thực hiện Nghị quyết 23-NQ/TU năm Y") of the city's learning-society
 * targets: an XLSX workbook (a summary sheet, then one sheet per indicator with per-commune rows) and an A4
 * landscape PDF. Plain Java: the caller builds the {@link Review} (values already formatted, statuses assessed).
 * Written in the platform's one report layout ({@link ReportPdf}, {@link XlsxStyles}; embedded Be Vietnam Pro
 * fonts, Identity-H, headings as the first rows of their tables).
 */
public final class AnnualReviewExport {

    private AnnualReviewExport() {
    }

    /**
     * One indicator line of the review. {@code valueText} e.g. "97,53%", "Đạt", "Chưa có số liệu"; {@code statusKey}
     * one of MET, ON_TRACK, AT_RISK, OFF_TRACK, NO_DATA, UNDETERMINED.
     *
     * @param rebasedName the wording re-based on communes, or null
     * @param value the numeric value (written as a number in the workbook), or null
     */
    public record Line(String id, int group, String name, String rebasedName, String source, String valueText,
                       Double value, String targetText, String nationalText, String statusKey, String reason) {
    }

    /** A per-commune row of one indicator. */
    public record UnitRow(String code, String name, Double value, Double numerator, Double denominator,
                          boolean estimated) {
    }

    /**
     * The whole review.
     *
     * @param units indicator id → rows (in the order they are to be shown), only the register- and standards-derived
     *              indicators; null means none
     */
    public record Review(int year, String cityName, boolean english, List<Line> lines, Map<String, List<UnitRow>> units,
                         LocalDate generated) {
        public Review {
            lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
            Map<String, List<UnitRow>> u = new LinkedHashMap<>();
            if (units != null) {
                units.forEach((k, v) -> u.put(k, v == null ? List.of() : List.copyOf(v)));
            }
            units = Collections.unmodifiableMap(u);
            Objects.requireNonNull(generated, "generated");
        }
    }

    /** The status keys, in the order they are counted and shown. */
    static final List<String> STATUSES = List.of("MET", "ON_TRACK", "AT_RISK", "OFF_TRACK", "NO_DATA", "UNDETERMINED");

    /** At most this many unit rows per indicator in the PDF. */
    static final int PDF_UNIT_ROWS = 30;

    private static final int SHEET_NAME_MAX = 31;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    // ------------------------------------------------------------------------------------------------
    // Labels
    // ------------------------------------------------------------------------------------------------

    /** The label of a status key ({@code key} itself when unknown). */
    static String statusLabel(String key, boolean en) {
        if (key == null) {
            return "";
        }
        return STATUSES.contains(key) ? ReportText.of(en).get("report.review.status." + key) : key;
    }

    /** "Nhóm 1. Xóa mù chữ và phổ cập giáo dục" / "Group 1. Literacy and universal education". */
    static String groupTitle(int group, boolean en) {
        ReportText tx = ReportText.of(en);
        String t = tx.get(group >= 1 && group <= 4 ? "report.review.group." + group : "report.review.group.other");
        return tx.get("report.review.group", String.valueOf(group), t);
    }

    static String title(Review r) {
        return ReportText.of(r.english()).get("report.review.title", String.valueOf(r.year()));
    }

    private static String nfc(String s) {
        return s == null ? "" : Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    /** Lines by group, groups ascending, lines in the order given. */
    private static Map<Integer, List<Line>> byGroup(Review r) {
        Map<Integer, List<Line>> g = new TreeMap<>();
        for (Line l : r.lines()) {
            g.computeIfAbsent(l.group(), k -> new ArrayList<>()).add(l);
        }
        return g;
    }

    /** Number of lines per status key (the five keys, in order; unknown keys are counted under their own key). */
    static Map<String, Integer> counts(Review r) {
        Map<String, Integer> c = new LinkedHashMap<>();
        for (String s : STATUSES) {
            c.put(s, 0);
        }
        for (Line l : r.lines()) {
            c.merge(l.statusKey() == null ? "?" : l.statusKey(), 1, Integer::sum);
        }
        // "chưa xác định" (issue 15: a standard whose thresholds are not verified) only when a line has it
        c.remove("UNDETERMINED", 0);
        return c;
    }

    /** Ids with unit rows: first those of the lines (in line order), then any others (in map order). */
    private static List<String> unitIds(Review r) {
        List<String> ids = new ArrayList<>();
        for (Line l : r.lines()) {
            List<UnitRow> u = r.units().get(l.id());
            if (u != null && !u.isEmpty() && !ids.contains(l.id())) {
                ids.add(l.id());
            }
        }
        r.units().forEach((k, v) -> {
            if (!v.isEmpty() && !ids.contains(k)) {
                ids.add(k);
            }
        });
        return ids;
    }

    private static Line line(Review r, String id) {
        for (Line l : r.lines()) {
            if (Objects.equals(l.id(), id)) {
                return l;
            }
        }
        return null;
    }

    private static String number(Double v, boolean en) {
        if (v == null || v.isNaN()) {
            return "—";
        }
        return String.format(en ? Locale.ENGLISH : Locale.forLanguageTag("vi"), "%,.2f", v);
    }

    // ------------------------------------------------------------------------------------------------
    // XLSX
    // ------------------------------------------------------------------------------------------------

    /** Writes the workbook (standard XSSF). Does not close {@code out}. */
    public static void xlsx(Review r, OutputStream out) throws IOException {
        boolean en = r.english();
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Styles st = new Styles(wb);
            Set<String> used = new HashSet<>();
            String summaryName = ReportText.of(en).get("report.review.summary");
            used.add(summaryName.toLowerCase(Locale.ROOT));
            summarySheet(wb.createSheet(summaryName), st, r);
            for (String id : unitIds(r)) {
                unitSheet(wb.createSheet(sheetName(id, used)), st, r, id);
            }
            wb.getProperties().getCoreProperties().setTitle(title(r));
            wb.getProperties().getCoreProperties().setCreator("HọcTập");
            wb.write(out);
        }
        out.flush();
    }

    /** A valid, unique (case-insensitively) sheet name of at most 31 characters, from an indicator id. */
    static String sheetName(String id, Set<String> used) {
        String base = WorkbookUtil.createSafeSheetName(nfc(id).isBlank() ? "_" : nfc(id), '_');
        String name = base;
        for (int i = 2; used.contains(name.toLowerCase(Locale.ROOT)); i++) {
            String suffix = "~" + i;
            name = base.substring(0, Math.min(base.length(), SHEET_NAME_MAX - suffix.length())) + suffix;
        }
        used.add(name.toLowerCase(Locale.ROOT));
        return name;
    }

    /** The platform's styles, and the fill of each status. */
    private static final class Styles extends XlsxStyles {
        final CellStyle group;
        final Map<String, CellStyle> status = new LinkedHashMap<>();

        Styles(Workbook wb) {
            super(wb);
            group = filled(wb, IndexedColors.PALE_BLUE.getIndex());
            group.setFont(boldFont);
            short[] fills = {IndexedColors.LIGHT_GREEN.getIndex(), IndexedColors.LIGHT_TURQUOISE.getIndex(),
                    IndexedColors.LIGHT_YELLOW.getIndex(), IndexedColors.ROSE.getIndex(), IndexedColors.GREY_25_PERCENT.getIndex(),
                    IndexedColors.GREY_25_PERCENT.getIndex()};
            for (int i = 0; i < STATUSES.size(); i++) {
                status.put(STATUSES.get(i), filled(wb, fills[i]));
            }
        }

        CellStyle status(String key) {
            return status.getOrDefault(key, text);
        }
    }

    /** Appends rows to a sheet (the platform's cells with this report's styles). */
    private static final class Rows extends XlsxRows<Rows> {
        Rows(Sheet sheet, Styles st) {
            super(sheet, st.text, st.header);
        }
    }

    private static void summarySheet(Sheet sh, Styles st, Review r) {
        boolean en = r.english();
        Rows w = new Rows(sh, st);
        w.row().text(title(r), st.title);
        if (r.cityName() != null && !r.cityName().isBlank()) {
            w.row().text(ReportText.of(en).get("report.review.unit"), st.bold).text(r.cityName(), null);
        }
        w.row().text(ReportText.of(en).get("report.review.year"), st.bold).num(r.year(), st.boldLeft);
        w.row().text(ReportText.of(en).get("report.review.generated"), st.bold);
        Cell d = w.cell();
        d.setCellValue(r.generated());
        d.setCellStyle(st.date);
        w.skip();

        // counts per status, across (so that the frozen area above the indicator table stays short)
        Map<String, Integer> counts = counts(r);
        w.row().text(ReportText.of(en).get("report.review.status"), st.header);
        for (String k : counts.keySet()) {
            w.text(statusLabel(k, en), STATUSES.contains(k) ? st.status(k) : st.header);
        }
        w.text(ReportText.of(en).get("report.review.total"), st.header);
        w.row().text(ReportText.of(en).get("report.review.indicator-count"), st.bold);
        for (int n : counts.values()) {
            w.num(n, st.integer);
        }
        w.num(r.lines().size(), st.integer);
        w.skip();

        String[] heads = ReportText.of(en).get("report.review.xlsx.columns").split("\\|");
        w.headers(heads);
        int headerRow = w.current().getRowNum();
        for (Map.Entry<Integer, List<Line>> g : byGroup(r).entrySet()) {
            w.row();
            for (int i = 0; i < heads.length; i++) {
                w.text(i == 0 ? groupTitle(g.getKey(), en) : "", st.group);
            }
            sh.addMergedRegion(new CellRangeAddress(w.current().getRowNum(), w.current().getRowNum(), 0, heads.length - 1));
            for (Line l : g.getValue()) {
                w.row().text(l.id()).text(l.name(), st.wrap).text(l.rebasedName(), st.wrap).text(l.source(), st.wrap);
                if (l.value() != null && !l.value().isNaN() && !l.value().isInfinite()) {
                    w.num(l.value(), st.decimal);
                } else {
                    w.text(l.valueText());
                }
                w.text(l.targetText(), st.wrap).text(l.nationalText(), st.wrap)
                        .text(statusLabel(l.statusKey(), en), st.status(l.statusKey())).text(l.reason(), st.wrap);
                fitHeight(w.current(), SUMMARY_WIDTHS);
            }
        }
        sh.createFreezePane(0, headerRow + 1);
        w.widths(SUMMARY_WIDTHS);
        printSetup(sh, headerRow);
    }

    /** Column widths (characters) of the summary sheet. */
    private static final int[] SUMMARY_WIDTHS = {14, 50, 36, 22, 12, 14, 16, 20, 50};

    /**
     * Sets a row's height from the wrapped text it holds (LibreOffice does not recompute the heights of rows
     * written by POI, so long names would be cut off). A rough estimate: one line per {@code width} characters.
     */
    private static void fitHeight(Row row, int[] widths) {
        int lines = 1;
        for (Cell c : row) {
            if (c.getCellType() != org.apache.poi.ss.usermodel.CellType.STRING || !c.getCellStyle().getWrapText()) {
                continue;
            }
            int width = Math.max(1, widths[Math.min(c.getColumnIndex(), widths.length - 1)] - 1);
            int n = 0;
            for (String part : c.getStringCellValue().split("\n", -1)) {
                n += Math.max(1, (part.length() + width - 1) / width);
            }
            lines = Math.max(lines, n);
        }
        if (lines > 1) {
            row.setHeightInPoints(lines * 15f);
        }
    }

    /** Landscape A4, one page wide, the header row repeated on every printed page. */
    private static void printSetup(Sheet sh, int headerRow) {
        sh.setFitToPage(true);
        sh.getPrintSetup().setLandscape(true);
        sh.getPrintSetup().setPaperSize(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
        sh.getPrintSetup().setFitWidth((short) 1);
        sh.getPrintSetup().setFitHeight((short) 0);
        sh.setRepeatingRows(new CellRangeAddress(headerRow, headerRow, -1, -1));
    }

    private static void unitSheet(Sheet sh, Styles st, Review r, String id) {
        boolean en = r.english();
        Rows w = new Rows(sh, st);
        Line l = line(r, id);
        w.row().text(l == null ? id : id + " — " + nfc(l.name()), st.title);
        w.headers(ReportText.of(en).get("report.review.xlsx.unit-columns").split("\\|"));
        int headerRow = w.current().getRowNum();
        List<UnitRow> rows = r.units().get(id);
        for (UnitRow u : rows) {
            w.row().text(u.code()).text(u.name()).num(u.value(), st.decimal).num(u.numerator(), st.general)
                    .num(u.denominator(), st.general).text(u.estimated() ? ReportText.of(en).get("report.review.estimated") : "");
        }
        sh.createFreezePane(0, headerRow + 1);
        sh.setAutoFilter(new CellRangeAddress(headerRow, headerRow + rows.size(), 0, 5));
        w.widths(12, 36, 12, 14, 14, 12);
        printSetup(sh, headerRow);
    }

    // ------------------------------------------------------------------------------------------------
    // PDF
    // ------------------------------------------------------------------------------------------------

    private static final Color HEADER_BG = vn.hoctap.platform.PdfTables.HEADER_BG;
    private static final Map<String, Color> STATUS_BG = Map.of(
            "MET", new Color(0xDC, 0xF0, 0xDE),
            "ON_TRACK", new Color(0xDD, 0xEB, 0xF7),
            "AT_RISK", new Color(0xFF, 0xF0, 0xC8),
            "OFF_TRACK", new Color(0xF9, 0xD9, 0xD6),
            "NO_DATA", new Color(0xEC, 0xEC, 0xEC),
            "UNDETERMINED", new Color(0xEC, 0xEC, 0xEC));

    /** Writes the A4 landscape report in the platform's layout ({@link ReportPdf}). Does not close {@code out}. */
    public static void pdf(Review r, OutputStream out) throws IOException {
        ReportText tx = ReportText.of(r.english());
        String footer = title(r) + " · " + tx.get("report.generated", DATE.format(r.generated()));
        try (ReportPdf pdf = ReportPdf.open(out, PageSize.A4.rotate(), new float[] {36, 36, 36, 46}, tx, title(r), footer, 15)) {
            String issuer = r.cityName() == null || r.cityName().isBlank() ? "" : r.cityName();
            pdf.nationalHeader(tx.get("report.review.issuer", pdf.upper(issuer)));
            pdfBody(pdf.document(), r, pdf.fonts());
        } catch (DocumentException e) {
            throw new IOException("PDF: " + e.getMessage(), e);
        }
    }

    private static void pdfBody(Document doc, Review r, ReportPdf.Fonts f) throws DocumentException {
        boolean en = r.english();
        Paragraph t = new Paragraph(20, title(r), f.title());
        t.setSpacingAfter(2);
        doc.add(t);
        StringBuilder sub = new StringBuilder();
        if (r.cityName() != null && !r.cityName().isBlank()) {
            sub.append(nfc(r.cityName())).append(" · ");
        }
        ReportText tx = ReportText.of(en);
        sub.append(tx.get("report.review.indicators", r.lines().size())).append(" · ")
                .append(tx.get("report.generated", DATE.format(r.generated())));
        doc.add(new Paragraph(12, sub.toString(), f.normal()));

        // summary counts
        Map<String, Integer> counts = counts(r);
        float[] cw = new float[counts.size() + 1];
        java.util.Arrays.fill(cw, 1f);
        PdfPTable ct = table(cw, ReportText.of(en).get("report.review.indicators-by-status"), f.heading(), true);
        ct.setWidthPercentage(70);
        ct.setHorizontalAlignment(Element.ALIGN_LEFT);
        for (String k : counts.keySet()) {
            PdfPCell c = cell(statusLabel(k, en), f.smallBold());
            c.setBackgroundColor(STATUS_BG.getOrDefault(k, HEADER_BG));
            c.setHorizontalAlignment(Element.ALIGN_CENTER);
            ct.addCell(c);
        }
        PdfPCell tc = cell(ReportText.of(en).get("report.review.total"), f.smallBold());
        tc.setBackgroundColor(HEADER_BG);
        tc.setHorizontalAlignment(Element.ALIGN_CENTER);
        ct.addCell(tc);
        for (int n : counts.values()) {
            PdfPCell c = cell(Integer.toString(n), f.heading());
            c.setHorizontalAlignment(Element.ALIGN_CENTER);
            ct.addCell(c);
        }
        PdfPCell total = cell(Integer.toString(r.lines().size()), f.heading());
        total.setHorizontalAlignment(Element.ALIGN_CENTER);
        ct.addCell(total);
        doc.add(ct);

        // one table per group
        for (Map.Entry<Integer, List<Line>> g : byGroup(r).entrySet()) {
            PdfPTable gt = table(new float[] {5.6f, 1.3f, 1.3f, 1.3f, 1.3f, 4.2f}, groupTitle(g.getKey(), en), f.heading(), false);
            headerRow(gt, f.smallBold(), ReportText.of(en).get("report.review.indicator"), ReportText.of(en).get("report.review.value"), ReportText.of(en).get("report.review.target"),
                    ReportText.of(en).get("report.review.national-target"), ReportText.of(en).get("report.review.status"), ReportText.of(en).get("report.review.reason"));
            for (Line l : g.getValue()) {
                Phrase name = new Phrase("", f.normal());
                name.add(new Chunk(nfc(l.id()) + "  ", f.smallBold()));
                name.add(new Chunk(nfc(l.name()), f.normal()));
                if (l.rebasedName() != null && !l.rebasedName().isBlank()) {
                    name.add(new Chunk("\n" + tx.get("report.review.rebased", nfc(l.rebasedName())), f.muted()));
                }
                if (l.source() != null && !l.source().isBlank()) {
                    name.add(new Chunk("\n" + tx.get("report.review.source", nfc(l.source())), f.muted()));
                }
                PdfPCell nc = new PdfPCell(name);
                pad(nc);
                gt.addCell(nc);
                gt.addCell(num(l.valueText() == null || l.valueText().isBlank() ? "—" : l.valueText(), f.bold()));
                gt.addCell(num(l.targetText(), f.normal()));
                gt.addCell(num(l.nationalText(), f.normal()));
                PdfPCell sc = cell(statusLabel(l.statusKey(), en), f.bold());
                Color bg = STATUS_BG.get(l.statusKey());
                if (bg != null) {
                    sc.setBackgroundColor(bg);
                }
                gt.addCell(sc);
                gt.addCell(cell(l.reason(), f.small()));
            }
            doc.add(gt);
        }

        // per-commune values, two indicators side by side
        List<String> ids = unitIds(r);
        if (ids.isEmpty()) {
            return;
        }
        // the heading and the note are the outer table's header rows: never alone at the foot of a page, and repeated
        PdfPTable outer = new PdfPTable(2);
        outer.setWidthPercentage(100);
        outer.setSpacingBefore(14);
        outer.setHeaderRows(2);
        outer.setSplitLate(true);
        PdfPCell h = new PdfPCell(new Phrase(ReportText.of(en).get("report.review.values-by-commune"), f.title()));
        h.setColspan(2);
        h.setBorder(PdfPCell.NO_BORDER);
        h.setPadding(0);
        h.setPaddingBottom(3);
        outer.addCell(h);
        PdfPCell note = new PdfPCell(new Phrase(tx.get("report.review.first-units", PDF_UNIT_ROWS), f.muted()));
        note.setColspan(2);
        note.setBorder(PdfPCell.NO_BORDER);
        note.setPadding(0);
        note.setPaddingBottom(8);
        outer.addCell(note);
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            PdfPCell c = new PdfPCell();
            c.addElement(unitTable(r, id, f));   // composite cell: the inner table keeps its own height
            c.setBorder(PdfPCell.NO_BORDER);
            c.setPadding(0);
            c.setPaddingRight(i % 2 == 0 ? 10 : 0);
            c.setPaddingLeft(i % 2 == 0 ? 0 : 10);
            c.setPaddingBottom(12);
            outer.addCell(c);
        }
        outer.completeRow();
        doc.add(outer);
    }

    private static PdfPTable unitTable(Review r, String id, ReportPdf.Fonts f) {
        boolean en = r.english();
        Line l = line(r, id);
        List<UnitRow> rows = r.units().get(id);
        PdfPTable t = new PdfPTable(new float[] {1.3f, 4.2f, 1.5f});
        t.setWidthPercentage(100);
        PdfPCell h = new PdfPCell(new Phrase(nfc(l == null ? id : id + " — " + l.name()), f.bold()));
        h.setColspan(3);
        h.setBorder(PdfPCell.NO_BORDER);
        h.setPadding(0);
        h.setPaddingBottom(4);
        h.setMinimumHeight(26);   // two lines: the tables side by side start at the same height
        h.setVerticalAlignment(Element.ALIGN_BOTTOM);
        t.addCell(h);
        for (String n : ReportText.of(en).get("report.review.pdf.unit-columns").split("\\|")) {
            PdfPCell c = compact(new PdfPCell(new Phrase(n, f.smallBold())));
            c.setBackgroundColor(HEADER_BG);
            t.addCell(c);
        }
        int shown = Math.min(rows.size(), PDF_UNIT_ROWS);
        for (int i = 0; i < shown; i++) {
            UnitRow u = rows.get(i);
            t.addCell(compact(new PdfPCell(new Phrase(nfc(u.code()), f.small()))));
            t.addCell(compact(new PdfPCell(new Phrase(nfc(u.name()), f.small()))));
            PdfPCell v = compact(new PdfPCell(new Phrase(number(u.value(), en) + (u.estimated() ? " *" : ""), f.small())));
            v.setHorizontalAlignment(Element.ALIGN_RIGHT);
            t.addCell(v);
        }
        if (rows.size() > shown) {
            int more = rows.size() - shown;
            PdfPCell m = new PdfPCell(new Phrase(ReportText.of(en).get("report.review.more-units", more), f.muted()));
            m.setColspan(3);
            m.setBorder(PdfPCell.NO_BORDER);
            m.setPaddingTop(3);
            t.addCell(m);
        }
        return t;
    }

    /** Tighter cells for the per-commune tables (30 rows and a heading fit on a landscape page). */
    private static PdfPCell compact(PdfPCell c) {
        c.setLeading(0f, 1.15f);
        c.setPadding(1.5f);
        c.setPaddingBottom(3f);
        c.setBorderColor(vn.hoctap.platform.PdfTables.BORDER);
        c.setBorderWidth(0.5f);
        return c;
    }
}
