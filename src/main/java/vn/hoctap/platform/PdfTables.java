package vn.hoctap.platform;

import java.awt.Color;
import java.text.Normalizer;

import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;

/** The tables of HọcTập's PDF reports (OpenPDF): one look for every report. Text is put in Unicode NFC. */
public final class PdfTables {

    public static final Color HEADER_BG = new Color(0xE4, 0xE8, 0xEE);
    public static final Color BORDER = new Color(0x9A, 0xA3, 0xAE);

    private PdfTables() {
    }

    /**
     * A full-width table whose first row is its heading (so a heading never ends a page without its table, and is
     * repeated with the column headers when a long table continues on the next page).
     *
     * @param keepTogether move the whole table to the next page rather than split it (short tables)
     */
    public static PdfPTable table(float[] widths, String heading, Font headingFont, boolean keepTogether) {
        PdfPTable t = new PdfPTable(widths);
        t.setWidthPercentage(100);
        t.setSpacingBefore(10);
        t.setHeaderRows(2);
        t.setKeepTogether(keepTogether);
        PdfPCell h = new PdfPCell(new Phrase(nfc(heading), headingFont));
        h.setColspan(widths.length);
        h.setBorder(PdfPCell.NO_BORDER);
        h.setPadding(0);
        h.setPaddingBottom(6);
        t.addCell(h);
        return t;
    }

    /** The column headers: shaded cells in {@code font}. */
    public static void headerRow(PdfPTable t, Font font, String... names) {
        for (String n : names) {
            PdfPCell c = new PdfPCell(new Phrase(nfc(n), font));
            c.setBackgroundColor(HEADER_BG);
            pad(c);
            t.addCell(c);
        }
    }

    public static PdfPCell cell(String text, Font font) {
        PdfPCell c = new PdfPCell(new Phrase(nfc(text), font));
        pad(c);
        return c;
    }

    /** A right-aligned cell, for numbers. */
    public static PdfPCell num(String text, Font font) {
        PdfPCell c = cell(text, font);
        c.setHorizontalAlignment(Element.ALIGN_RIGHT);
        return c;
    }

    /** Padding, line spacing (room for stacked Vietnamese diacritics) and thin borders. */
    public static void pad(PdfPCell c) {
        c.setLeading(0f, 1.3f);
        c.setPadding(3);
        c.setPaddingBottom(5);
        c.setBorderColor(BORDER);
        c.setBorderWidth(0.5f);
    }

    private static String nfc(String s) {
        return s == null ? "" : Normalizer.normalize(s, Normalizer.Form.NFC);
    }
}
