package vn.hoctap.platform;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.text.Normalizer;
import java.util.Locale;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfStamper;
import com.lowagie.text.pdf.PdfWriter;

/**
 * The one way HọcTập writes a PDF (issue 17): the page and margins, the embedded fonts (Be Vietnam Pro, see
 * {@link PdfFonts}), the document's metadata (title, creator, language) and on every page a footer with the
 * report's line on the left and "Trang n / N" ("Page n / N") on the right, stamped when the document closes.
 * Official documents add the national header ({@link #nationalHeader}: Quốc hiệu and Tiêu ngữ, Nghị định
 * 30/2020/NĐ-CP Phụ lục I [S]); {@link OfficialDocument} lays out the whole administrative document on top of this.
 * Tables: {@link PdfTables}. Every producer of a PDF opens it here (checked by {@code ReportLayoutTest}).
 */
public final class ReportPdf implements AutoCloseable {

    public static final Color MUTED = new Color(0x55, 0x5E, 0x68);

    /** The fonts of one document: a title, section headings, the body and small print. */
    public record Fonts(BaseFont regularBase, BaseFont boldBase, Font title, Font heading, Font normal, Font bold,
                        Font small, Font smallBold, Font muted) {

        /** Title {@code titleSize} pt, headings 11 pt, body 8.5 pt, small print 7.5 pt. */
        public static Fonts of(float titleSize) throws IOException {
            BaseFont r = PdfFonts.baseFont(false);
            BaseFont b = PdfFonts.baseFont(true);
            return new Fonts(r, b, new Font(b, titleSize), new Font(b, 11), new Font(r, 8.5f), new Font(b, 8.5f),
                    new Font(r, 7.5f), new Font(b, 7.5f), new Font(r, 7.5f, Font.NORMAL, MUTED));
        }

        public Font regular(float size) {
            return new Font(regularBase, size);
        }

        public Font bold(float size) {
            return new Font(boldBase, size);
        }
    }

    private final Document document;
    private final PdfWriter writer;
    private final Fonts fonts;
    private final ReportText text;
    private final ByteArrayOutputStream pass = new ByteArrayOutputStream();
    private final OutputStream out;
    private final Rectangle page;
    private final float[] margins;
    private final String footer;

    private ReportPdf(OutputStream out, Rectangle page, float[] margins, ReportText text, String footer, Fonts fonts) {
        this.out = out;
        this.page = page;
        this.margins = margins.clone();
        this.text = text;
        this.footer = nfc(footer);
        this.fonts = fonts;
        this.document = new Document(page, margins[0], margins[1], margins[2], margins[3]);
        this.writer = PdfWriter.getInstance(document, pass);
    }

    /**
     * Opens a PDF that {@link #close} writes to {@code out} (flushed, not closed).
     *
     * @param margins left, right, top, bottom in points
     * @param footer the footer's left text (may be empty)
     */
    public static ReportPdf open(OutputStream out, Rectangle page, float[] margins, ReportText text, String title,
                                 String footer, float titleSize) throws IOException {
        ReportPdf pdf = new ReportPdf(out, page, margins, text, footer == null ? "" : footer, Fonts.of(titleSize));
        pdf.document.addTitle(nfc(title));
        pdf.document.addCreator("HọcTập");
        pdf.document.setDocumentLanguage(text.language());
        pdf.document.open();
        return pdf;
    }

    public Document document() {
        return document;
    }

    public PdfWriter writer() {
        return writer;
    }

    public Fonts fonts() {
        return fonts;
    }

    public ReportText text() {
        return text;
    }

    /** Adds an element, a {@link DocumentException} becoming an {@link IOException}. */
    public ReportPdf add(Element e) throws IOException {
        try {
            document.add(e);
        } catch (DocumentException ex) {
            throw new IOException("PDF: " + ex.getMessage(), ex);
        }
        return this;
    }

    /**
     * The header of an administrative document (Nghị định 30/2020/NĐ-CP, Phụ lục I [S]): the issuing body on the
     * left, the national name (Quốc hiệu) and the motto (Tiêu ngữ, underlined) on the right, each centred in its half.
     */
    public void nationalHeader(String issuingBody) throws IOException {
        PdfPTable h = new PdfPTable(new float[] {1f, 1.3f});
        h.setWidthPercentage(100);
        PdfPCell left = new PdfPCell(new Phrase(nfc(issuingBody), fonts.bold()));
        left.setBorder(0);
        left.setHorizontalAlignment(Element.ALIGN_CENTER);
        Phrase nation = new Phrase();
        nation.add(new Chunk(nfc(text.get("report.national-name")), fonts.bold()));
        nation.add(Chunk.NEWLINE);
        Chunk motto = new Chunk(nfc(text.get("report.motto")), fonts.bold());
        motto.setUnderline(0.6f, -2f);
        nation.add(motto);
        PdfPCell right = new PdfPCell(nation);
        right.setBorder(0);
        right.setHorizontalAlignment(Element.ALIGN_CENTER);
        h.addCell(left);
        h.addCell(right);
        h.setSpacingAfter(10);
        add(h);
    }

    /**
     * Closes the document and writes it to the stream with the footer on every page: the report's line on the
     * left, "Trang n / N" on the right, in the bottom margin (stamped once the page count N is known).
     */
    @Override
    public void close() throws IOException {
        if (!document.isOpen()) {
            return;
        }
        document.close();
        PdfReader reader = new PdfReader(pass.toByteArray());
        try {
            PdfStamper stamper = new PdfStamper(reader, out);
            stamper.getWriter().setCloseStream(false);
            int n = reader.getNumberOfPages();
            float left = margins[0];
            float right = page.getWidth() - margins[1];
            float y = Math.max(margins[3] / 2 - 3, margins[3] - 20);
            for (int i = 1; i <= n; i++) {
                PdfContentByte c = stamper.getOverContent(i);
                if (!footer.isEmpty()) {
                    ColumnText.showTextAligned(c, Element.ALIGN_LEFT, new Phrase(footer, fonts.small()), left, y, 0);
                }
                ColumnText.showTextAligned(c, Element.ALIGN_RIGHT,
                        new Phrase(pageOf(text, i, n), fonts.small()), right, y, 0);
            }
            stamper.close();
        } catch (DocumentException e) {
            throw new IOException("PDF: " + e.getMessage(), e);
        } finally {
            reader.close();
        }
        out.flush();
    }

    /** "Trang 2 / 5" or "Page 2 / 5". */
    public static String pageOf(ReportText text, int page, int pages) {
        return text.get("report.page-of", page, pages);
    }

    /** Upper case in the report's language. */
    public String upper(String s) {
        return s == null ? "" : s.toUpperCase(text.english() ? Locale.ENGLISH : Locale.forLanguageTag("vi"));
    }

    public static String nfc(String s) {
        return s == null ? "" : Normalizer.normalize(s, Normalizer.Form.NFC);
    }
}
