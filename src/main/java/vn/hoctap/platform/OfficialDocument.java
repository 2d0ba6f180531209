package vn.hoctap.platform;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.UnderlinePatterns;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

/**
 * Văn bản hành chính: one document laid out as Nghị định 30/2020/NĐ-CP (5/3/2020) on administrative documents,
 * Phụ lục I, asks — quốc hiệu and tiêu ngữ (top right, the tiêu ngữ underlined by a line as long as itself), the
 * parent and issuing agency (top left, the issuing agency in bold with a short line under it), số and ký hiệu
 * ("Số: 12/BC-UBND"), địa danh and date ("Hà Nội, ngày 07 tháng 12 năm 2026", a day below 10 and a month below 3
 * with a leading zero), the kind of document and its summary (trích yếu) centred in bold, the body, then nơi nhận
 * (bottom left) and the signature block (quyền hạn, chức vụ, họ tên; bottom right). A4, margins top and bottom
 * 20 mm, left 30 mm, right 15 mm; page numbers top centre from the second page; Times New Roman in the DOCX, which officials finish in Word (the PDF embeds Be Vietnam
 * Pro, the platform's font with every Vietnamese letter). Status of the layout rules: [S] (the decree's appendix as
 * commonly reproduced; not re-read from the official gazette for this code) — see docs/cycle.md.
 *
 * <p>Built once, written as DOCX ({@link #writeDocx}) or PDF ({@link #writePdf}) with the same content.
 */
public final class OfficialDocument {

    /** A block of the body. */
    public sealed interface Block permits Heading, Text, Table {
    }

    /** A section heading ("I. KẾT QUẢ …"), bold. */
    public record Heading(String text) implements Block {
    }

    /** A paragraph of the body, justified with a first-line indent. */
    public record Text(String text) implements Block {
    }

    /** A table with a header row; {@code widths} relative. */
    public record Table(List<String> headers, List<List<String>> rows, float[] widths) implements Block {
    }

    public static final String NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    public static final String MOTTO = "Độc lập - Tự do - Hạnh phúc";

    private final String parentAgency;
    private final String agency;
    private final String numberLine;
    private final String dateLine;
    private final String kind;
    private final String summary;
    private final List<Block> body = new ArrayList<>();
    private final List<String> recipients = new ArrayList<>();
    private String authority = "";
    private String position = "";
    private String signer = "";

    /**
     * @param parentAgency tên cơ quan chủ quản (may be empty), e.g. "UBND THÀNH PHỐ HÀ NỘI"
     * @param agency tên cơ quan ban hành, e.g. "BAN CHỈ ĐẠO XÂY DỰNG XÃ HỘI HỌC TẬP"
     * @param number the number, or empty for a draft ("Số:      /BC-BCĐ")
     * @param symbol ký hiệu, e.g. "BC-BCĐ"
     * @param kind tên loại văn bản, e.g. "BÁO CÁO"
     * @param summary trích yếu nội dung
     */
    public OfficialDocument(String parentAgency, String agency, String number, String symbol, String place, LocalDate date,
                            String kind, String summary) {
        this.parentAgency = parentAgency == null ? "" : parentAgency.toUpperCase(Locale.forLanguageTag("vi"));
        this.agency = agency.toUpperCase(Locale.forLanguageTag("vi"));
        this.numberLine = numberLine(number, symbol);
        this.dateLine = dateLine(place, date);
        this.kind = kind.toUpperCase(Locale.forLanguageTag("vi"));
        this.summary = summary;
    }

    /** "Số: 12/BC-UBND"; without a number the space is left for the clerk: "Số:      /BC-UBND". */
    public static String numberLine(String number, String symbol) {
        String n = number == null || number.isBlank() ? "\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0" : number.strip();
        return "Số: " + n + "/" + symbol;
    }

    /** "Hà Nội, ngày 07 tháng 12 năm 2026": a day below 10 and a month below 3 take a leading zero (ND 30, Phụ lục I). */
    public static String dateLine(String place, LocalDate date) {
        String day = date.getDayOfMonth() < 10 ? "0" + date.getDayOfMonth() : String.valueOf(date.getDayOfMonth());
        String month = date.getMonthValue() < 3 ? "0" + date.getMonthValue() : String.valueOf(date.getMonthValue());
        return place + ", ngày " + day + " tháng " + month + " năm " + date.getYear();
    }

    public OfficialDocument heading(String text) {
        body.add(new Heading(text));
        return this;
    }

    public OfficialDocument text(String text) {
        body.add(new Text(text));
        return this;
    }

    public OfficialDocument table(List<String> headers, List<List<String>> rows, float... widths) {
        if (widths.length != headers.size()) {
            throw new IllegalArgumentException("widths " + widths.length + " ≠ columns " + headers.size());
        }
        body.add(new Table(List.copyOf(headers), rows.stream().map(List::copyOf).toList(), widths.clone()));
        return this;
    }

    /** Nơi nhận: one recipient a line ("Như trên", "Lưu: VT"). */
    public OfficialDocument recipient(String r) {
        recipients.add(r);
        return this;
    }

    /** The signature block: quyền hạn ("TM. BAN CHỈ ĐẠO", may be empty), chức vụ ("TRƯỞNG BAN"), họ tên. */
    public OfficialDocument signature(String authority, String position, String signer) {
        this.authority = authority == null ? "" : authority.toUpperCase(Locale.forLanguageTag("vi"));
        this.position = position.toUpperCase(Locale.forLanguageTag("vi"));
        this.signer = signer == null ? "" : signer;
        return this;
    }

    public List<Block> body() {
        return List.copyOf(body);
    }

    public String numberLine() {
        return numberLine;
    }

    public String dateLine() {
        return dateLine;
    }

    // ---------------------------------------------------------------- DOCX

    private static final String FONT = "Times New Roman";

    /** Writes the document as DOCX (Office Open XML), editable in Word and LibreOffice. */
    public void writeDocx(OutputStream out) throws IOException {
        try (XWPFDocument doc = new XWPFDocument()) {
            CTSectPr sect = doc.getDocument().getBody().addNewSectPr();
            CTPageSz size = sect.addNewPgSz();
            size.setW(BigInteger.valueOf(11906));   // A4, twentieths of a point
            size.setH(BigInteger.valueOf(16838));
            CTPageMar mar = sect.addNewPgMar();
            mar.setTop(BigInteger.valueOf(mm(20)));
            mar.setBottom(BigInteger.valueOf(mm(20)));
            mar.setLeft(BigInteger.valueOf(mm(30)));
            mar.setRight(BigInteger.valueOf(mm(15)));
            // page numbers: top centre, from the second page (the first page has an empty header)
            doc.createHeader(org.apache.poi.wp.usermodel.HeaderFooterType.FIRST);
            XWPFParagraph number = centre(doc.createHeader(org.apache.poi.wp.usermodel.HeaderFooterType.DEFAULT).createParagraph());
            number.getCTP().addNewFldSimple().setInstr("PAGE");
            if (!sect.isSetTitlePg()) sect.addNewTitlePg();

            // the header: agency on the left, national name and motto on the right
            XWPFTable head = borderless(doc, 2, new int[] {mm(65), mm(100)});
            XWPFTableCell left = head.getRow(0).getCell(0);
            XWPFTableCell right = head.getRow(0).getCell(1);
            if (!parentAgency.isEmpty()) {
                run(centre(firstParagraph(left)), parentAgency, 12, false, false, false);
                run(centre(left.addParagraph()), agency, 12, true, false, false);
            } else {
                run(centre(firstParagraph(left)), agency, 12, true, false, false);
            }
            run(centre(left.addParagraph()), "\u00a0".repeat(14), 12, false, false, true);   // the short line under the agency
            run(centre(left.addParagraph()), numberLine, 13, false, false, false);
            run(centre(firstParagraph(right)), NATIONAL_NAME, 12, true, false, false);
            run(centre(right.addParagraph()), MOTTO, 13, true, false, true);    // underlined: a line as long as the motto
            run(centre(right.addParagraph()), "", 13, false, false, false);
            run(centre(right.addParagraph()), dateLine, 13, false, true, false);

            XWPFParagraph gap = doc.createParagraph();
            run(gap, "", 13, false, false, false);
            run(centre(doc.createParagraph()), kind, 14, true, false, false);
            run(centre(doc.createParagraph()), summary, 14, true, false, false);
            run(centre(doc.createParagraph()), "\u00a0".repeat(20), 14, false, false, true);

            for (Block b : body) {
                if (b instanceof Heading h) {
                        XWPFParagraph p = doc.createParagraph();
                        p.setSpacingBefore(120);
                        p.setIndentationFirstLine(mm(10));
                        run(p, h.text(), 14, true, false, false);
                    } else if (b instanceof Text t) {
                        XWPFParagraph p = doc.createParagraph();
                        p.setAlignment(ParagraphAlignment.BOTH);
                        p.setIndentationFirstLine(mm(10));
                        p.setSpacingAfter(80);
                        run(p, t.text(), 14, false, false, false);
                    } else if (b instanceof Table t) {
                        docxTable(doc, t);
                    }
            }

            // nơi nhận and the signature
            run(doc.createParagraph(), "", 13, false, false, false);
            XWPFTable foot = borderless(doc, 2, new int[] {mm(80), mm(85)});
            XWPFTableCell to = foot.getRow(0).getCell(0);
            XWPFTableCell sign = foot.getRow(0).getCell(1);
            run(firstParagraph(to), "Nơi nhận:", 12, true, true, false);
            for (String r : recipients) {
                run(to.addParagraph(), "- " + r, 11, false, false, false);
            }
            XWPFParagraph auth = centre(firstParagraph(sign));
            if (!authority.isEmpty()) {
                run(auth, authority, 13, true, false, false);
                auth = centre(sign.addParagraph());
            }
            run(auth, position, 13, true, false, false);
            run(centre(sign.addParagraph()), "(Ký, ghi rõ họ tên, đóng dấu)", 13, false, true, false);
            for (int i = 0; i < 3; i++) {
                run(centre(sign.addParagraph()), "", 13, false, false, false);
            }
            run(centre(sign.addParagraph()), signer, 13, true, false, false);
            doc.write(out);
        }
    }

    private static void docxTable(XWPFDocument doc, Table t) {
        XWPFTable table = doc.createTable(t.rows().size() + 1, t.headers().size());
        table.setWidth("100%");
        float total = 0;
        for (float w : t.widths()) total += w;
        for (int c = 0; c < t.headers().size(); c++) {
            XWPFTableCell cell = table.getRow(0).getCell(c);
            cell.setWidth(Math.round(t.widths()[c] * 100 / total) + "%");
            cell.setColor("E4E8EE");
            run(firstParagraph(cell), t.headers().get(c), 12, true, false, false);
        }
        table.getRow(0).setRepeatHeader(true);
        for (int r = 0; r < t.rows().size(); r++) {
            List<String> row = t.rows().get(r);
            for (int c = 0; c < t.headers().size(); c++) {
                run(firstParagraph(table.getRow(r + 1).getCell(c)), c < row.size() ? row.get(c) : "", 12, false, false, false);
            }
        }
        doc.createParagraph();
    }

    private static XWPFTable borderless(XWPFDocument doc, int cols, int[] widthsTwips) {
        XWPFTable t = doc.createTable(1, cols);
        t.setTableAlignment(TableRowAlign.CENTER);
        t.removeBorders();
        for (int c = 0; c < cols; c++) {
            t.getRow(0).getCell(c).setWidth(String.valueOf(widthsTwips[c]));
        }
        return t;
    }

    private static XWPFParagraph firstParagraph(XWPFTableCell cell) {
        return cell.getParagraphs().get(0);
    }

    private static XWPFParagraph centre(XWPFParagraph p) {
        p.setAlignment(ParagraphAlignment.CENTER);
        p.setSpacingAfter(0);
        return p;
    }

    private static void run(XWPFParagraph p, String text, int size, boolean bold, boolean italic, boolean underline) {
        XWPFRun r = p.createRun();
        r.setText(nfc(text));
        r.setFontFamily(FONT);
        r.setFontSize(size);
        r.setBold(bold);
        r.setItalic(italic);
        if (underline) r.setUnderline(UnderlinePatterns.SINGLE);
    }

    private static int mm(double mm) {
        return (int) Math.round(mm * 1440 / 25.4);
    }

    // ---------------------------------------------------------------- PDF

    /**
     * Writes the same document as PDF (A4, the same margins) in the platform's report layout ({@link ReportPdf}):
     * besides the decree's page number at the top from the second page, every page carries the footer
     * "Trang n / N" with the document's number line, as every PDF of the platform does.
     */
    public void writePdf(OutputStream out) throws IOException {
        float pt = 72f / 25.4f;
        try (ReportPdf pdf = ReportPdf.open(out, PageSize.A4, new float[] {30 * pt, 15 * pt, 20 * pt, 20 * pt},
                ReportText.of(false), kind + " — " + summary, numberLine, 14)) {
            BaseFont regular = pdf.fonts().regularBase();
            BaseFont bold = pdf.fonts().boldBase();
            Document doc = pdf.document();
            PdfWriter writer = pdf.writer();
            Font pageFont = new Font(regular, 11.5f);
            writer.setPageEvent(new com.lowagie.text.pdf.PdfPageEventHelper() {
                @Override
                public void onEndPage(PdfWriter w, Document d) {
                    if (w.getPageNumber() > 1) {   // top centre, from the second page
                        com.lowagie.text.pdf.ColumnText.showTextAligned(w.getDirectContent(), Element.ALIGN_CENTER,
                                new Phrase(String.valueOf(w.getPageNumber()), pageFont), (d.left() + d.right()) / 2, d.top() + 22, 0);
                    }
                }
            });
            Font f11 = new Font(regular, 9.5f);
            Font f12 = new Font(regular, 10.5f);
            Font f12b = new Font(bold, 10.5f);
            Font f13 = new Font(regular, 11.5f);
            Font f13b = new Font(bold, 11.5f);
            Font f13i = new Font(regular, 11.5f, Font.ITALIC);
            Font f13bu = new Font(bold, 11.5f, Font.UNDERLINE);
            Font f14 = new Font(regular, 12f);
            Font f14b = new Font(bold, 12f);
            Font f12bi = new Font(bold, 10.5f, Font.ITALIC);

            PdfPTable head = new PdfPTable(new float[] {65, 100});
            head.setWidthPercentage(100);
            PdfPCell left = plain();
            if (!parentAgency.isEmpty()) left.addElement(centred(parentAgency, f12));
            left.addElement(centred(agency, f12b));
            left.addElement(centred("\u00a0".repeat(14), new Font(regular, 10.5f, Font.UNDERLINE)));
            left.addElement(centred(numberLine, f13));
            PdfPCell right = plain();
            right.addElement(centred(NATIONAL_NAME, f12b));
            right.addElement(centred(MOTTO, f13bu));
            right.addElement(centred(" ", f13));
            right.addElement(centred(dateLine, f13i));
            head.addCell(left);
            head.addCell(right);
            doc.add(head);

            Paragraph title = centred(kind, f14b);
            title.setSpacingBefore(14);
            doc.add(title);
            doc.add(centred(summary, f14b));
            doc.add(centred("\u00a0".repeat(20), new Font(regular, 12f, Font.UNDERLINE)));

            for (Block b : body) {
                if (b instanceof Heading h) {
                        Paragraph p = new Paragraph(nfc(h.text()), f14b);
                        p.setSpacingBefore(8);
                        p.setFirstLineIndent(10 * pt);
                        doc.add(p);
                    } else if (b instanceof Text t) {
                        Paragraph p = new Paragraph(nfc(t.text()), f14);
                        p.setAlignment(Element.ALIGN_JUSTIFIED);
                        p.setFirstLineIndent(10 * pt);
                        p.setSpacingAfter(4);
                        p.setLeading(0, 1.3f);
                        doc.add(p);
                    } else if (b instanceof Table t) {
                        PdfPTable table = new PdfPTable(t.widths());
                        table.setWidthPercentage(100);
                        table.setSpacingBefore(4);
                        table.setSpacingAfter(6);
                        table.setHeaderRows(1);
                        PdfTables.headerRow(table, new Font(bold, 9.5f), t.headers().toArray(String[]::new));
                        for (List<String> row : t.rows()) {
                            for (int c = 0; c < t.headers().size(); c++) {
                                table.addCell(PdfTables.cell(c < row.size() ? row.get(c) : "", f11));
                            }
                        }
                        doc.add(table);
                    }
            }

            PdfPTable foot = new PdfPTable(new float[] {80, 85});
            foot.setWidthPercentage(100);
            foot.setSpacingBefore(14);
            foot.setKeepTogether(true);
            PdfPCell to = plain();
            to.addElement(new Paragraph("Nơi nhận:", f12bi));
            for (String r : recipients) to.addElement(new Paragraph(nfc("- " + r), f11));
            PdfPCell sign = plain();
            if (!authority.isEmpty()) sign.addElement(centred(authority, f13b));
            sign.addElement(centred(position, f13b));
            sign.addElement(centred("(Ký, ghi rõ họ tên, đóng dấu)", f13i));
            sign.addElement(new Paragraph(new Chunk("\n\n\n", f13)));
            sign.addElement(centred(signer, f13b));
            foot.addCell(to);
            foot.addCell(sign);
            doc.add(foot);
        } catch (DocumentException e) {
            throw new IOException(e);
        }
    }

    private static PdfPCell plain() {
        PdfPCell c = new PdfPCell(new Phrase(""));
        c.setBorder(PdfPCell.NO_BORDER);
        return c;
    }

    private static Paragraph centred(String text, Font font) {
        Paragraph p = new Paragraph(nfc(text), font);
        p.setAlignment(Element.ALIGN_CENTER);
        p.setLeading(0, 1.3f);
        return p;
    }

    private static String nfc(String s) {
        return s == null ? "" : Normalizer.normalize(s, Normalizer.Form.NFC);
    }
}
