package vn.hoctap.platform;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * The cell styles of every spreadsheet report of the platform (issue 17: one way to render reports): a 13 pt bold
 * title, bold labels, shaded centred column headers, thin-bordered table cells for text, wrapped text, integers,
 * two decimals, general numbers and money in whole đồng, and dates as dd/mm/yyyy. Written with {@link XlsxRows};
 * a report that needs more (status colours) extends this class.
 */
public class XlsxStyles {
    public final CellStyle title;
    public final CellStyle bold;
    public final CellStyle boldLeft;
    public final CellStyle header;
    public final CellStyle text;
    public final CellStyle wrap;
    public final CellStyle integer;
    public final CellStyle decimal;
    public final CellStyle general;
    public final CellStyle money;
    public final CellStyle date;
    protected final Font boldFont;

    public XlsxStyles(Workbook wb) {
        boldFont = wb.createFont();
        boldFont.setBold(true);
        Font tf = wb.createFont();
        tf.setBold(true);
        tf.setFontHeightInPoints((short) 13);
        title = wb.createCellStyle();
        title.setFont(tf);
        bold = wb.createCellStyle();
        bold.setFont(boldFont);
        boldLeft = wb.createCellStyle();
        boldLeft.setFont(boldFont);
        boldLeft.setAlignment(HorizontalAlignment.LEFT);
        header = XlsxRows.bordered(wb);
        header.setFont(boldFont);
        header.setWrapText(true);
        header.setAlignment(HorizontalAlignment.CENTER);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        text = XlsxRows.bordered(wb);
        wrap = XlsxRows.bordered(wb);
        wrap.setWrapText(true);
        integer = numbers(wb, "0");
        decimal = numbers(wb, "0.00");
        general = numbers(wb, "General");
        money = numbers(wb, "#,##0");
        date = wb.createCellStyle();
        date.setDataFormat(wb.createDataFormat().getFormat("dd/mm/yyyy"));
        date.setAlignment(HorizontalAlignment.LEFT);
    }

    /** A bordered table cell with the number format {@code format}. */
    public static CellStyle numbers(Workbook wb, String format) {
        CellStyle s = XlsxRows.bordered(wb);
        s.setDataFormat(wb.createDataFormat().getFormat(format));
        return s;
    }

    /** A bordered table cell filled with {@code colour} (an {@link IndexedColors} index). */
    public static CellStyle filled(Workbook wb, short colour) {
        CellStyle s = XlsxRows.bordered(wb);
        s.setFillForegroundColor(colour);
        s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        return s;
    }
}
