package vn.hoctap.platform;

import java.text.Normalizer;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * Appends rows and cells to an XLSX sheet, the way every spreadsheet report of the platform is written
 * (the standards export, the annual review): text in NFC, so that Vietnamese diacritics survive in any
 * reader; numbers as numbers; a header row; column widths in characters. A report extends it with its own
 * cells ({@code R} is the report's own subclass, so calls chain). Text cells are neutralised against formula
 * injection ({@link SpreadsheetCells}); numbers are written as numbers.
 */
public abstract class XlsxRows<R extends XlsxRows<R>> {

    private final Sheet sheet;
    private final CellStyle text;
    private final CellStyle header;
    private int next;
    private Row row;
    private int col;

    protected XlsxRows(Sheet sheet, CellStyle text, CellStyle header) {
        this.sheet = sheet;
        this.text = text;
        this.header = header;
    }

    @SuppressWarnings("unchecked")
    private R self() {
        return (R) this;
    }

    /** A thin-bordered, top-aligned cell style: the base of every table cell. */
    public static CellStyle bordered(Workbook wb) {
        CellStyle s = wb.createCellStyle();
        s.setBorderTop(BorderStyle.THIN);
        s.setBorderBottom(BorderStyle.THIN);
        s.setBorderLeft(BorderStyle.THIN);
        s.setBorderRight(BorderStyle.THIN);
        s.setVerticalAlignment(VerticalAlignment.TOP);
        return s;
    }

    public Sheet sheet() {
        return sheet;
    }

    /** The row being written. */
    public Row current() {
        return row;
    }

    /** Starts a new row. */
    public R row() {
        row = sheet.createRow(next++);
        col = 0;
        return self();
    }

    /** Leaves a row empty. */
    public R skip() {
        next++;
        return self();
    }

    /** Moves to a column of the current row. */
    public R at(int column) {
        col = column;
        return self();
    }

    /** The next cell of the current row, for a cell a report writes itself. */
    public Cell cell() {
        return row.createCell(col++);
    }

    public R text(String v, CellStyle s) {
        Cell c = cell();
        // never a formula: a text starting with = + - @ is prefixed with a quote (SpreadsheetCells, OWASP)
        c.setCellValue(v == null ? "" : SpreadsheetCells.neutralise(Normalizer.normalize(v, Normalizer.Form.NFC)));
        if (s != null) {
            c.setCellStyle(s);
        }
        return self();
    }

    public R text(String v) {
        return text(v, text);
    }

    public R num(long v, CellStyle s) {
        Cell c = cell();
        c.setCellValue(v);
        c.setCellStyle(s);
        return self();
    }

    /** A number with the given style, or an empty styled cell when null or not finite. */
    public R num(Double v, CellStyle s) {
        Cell c = cell();
        if (v != null && !v.isNaN() && !v.isInfinite()) {
            c.setCellValue(v);
        }
        c.setCellStyle(s);
        return self();
    }

    /** A new row of column headers. */
    public R headers(String... names) {
        row();
        for (String n : names) {
            text(n, header);
        }
        return self();
    }

    /** Column widths, in characters (at most 255). */
    public void widths(int... chars) {
        for (int i = 0; i < chars.length; i++) {
            sheet.setColumnWidth(i, Math.min(255, chars[i]) * 256);
        }
    }
}
