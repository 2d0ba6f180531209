package vn.hoctap.platform;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Mẫu nhập liệu (issue 19): the Excel template of an import, so that officials fill in a file instead of typing codes.
 * The first sheet has the exchange format's header row (the file imports as it is: {@link XlsxToCsv} reads the first
 * sheet), every column formatted as text (codes with leading zeros and dates stay as typed) and, on every coded column,
 * a drop-down list of the allowed codes that refuses anything else. The lists live on a hidden sheet (no 255-character
 * limit, so a list of organisations fits); a second sheet explains each column and each code in words. Every text
 * written is neutralised against formula injection ({@link SpreadsheetCells}).
 */
public final class ImportTemplate {

    private ImportTemplate() {
    }

    /** An allowed value: the code the file carries and its label in words. */
    public record Choice(String code, String label) {
    }

    /** A column of the format: its name in the header, what it means, and its allowed values (empty: free). */
    public record Column(String name, String meaning, List<Choice> choices) {
        public Column {
            choices = List.copyOf(choices);
        }

        public static Column free(String name, String meaning) {
            return new Column(name, meaning, List.of());
        }
    }

    /** The words of the template, in the user's language. */
    public record Texts(String helpSheet, String columnHeading, String meaningHeading, String valuesHeading,
                        String errorTitle, String errorText) {
    }

    /** The words in the user's language ({@code import.template.*} in messages.properties). */
    public static Texts texts(org.springframework.context.MessageSource messages, java.util.Locale locale) {
        java.util.function.Function<String, String> m = k -> messages.getMessage("import.template." + k, null, k, locale);
        return new Texts(m.apply("help-sheet"), m.apply("column"), m.apply("meaning"), m.apply("values"), m.apply("error-title"),
                m.apply("error"));
    }

    /** Rows of the data sheet that carry the drop-down lists (the header is row 1). */
    public static final int ROWS = 100_000;

    static final String LISTS = "lists";

    /** Writes the workbook: data sheet {@code dataSheet}, the help sheet, the hidden lists. */
    public static void write(String dataSheet, List<Column> columns, Texts texts, OutputStream out) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet(dataSheet);
            Sheet help = wb.createSheet(texts.helpSheet());
            Sheet lists = wb.createSheet(LISTS);
            var bold = wb.createFont();
            bold.setBold(true);
            CellStyle head = wb.createCellStyle();
            head.setFont(bold);
            CellStyle text = wb.createCellStyle();
            text.setDataFormat(wb.createDataFormat().getFormat("@"));
            Row header = sheet.createRow(0);
            var helper = sheet.getDataValidationHelper();
            int listColumn = 0;
            for (int i = 0; i < columns.size(); i++) {
                Column col = columns.get(i);
                var cell = header.createCell(i);
                cell.setCellValue(col.name());
                cell.setCellStyle(head);
                sheet.setDefaultColumnStyle(i, text);
                sheet.setColumnWidth(i, Math.max(14, Math.min(40, col.name().length() + 4)) * 256);
                if (col.choices().isEmpty()) continue;
                for (int r = 0; r < col.choices().size(); r++) {
                    Row row = lists.getRow(r) == null ? lists.createRow(r) : lists.getRow(r);
                    row.createCell(listColumn).setCellValue(col.choices().get(r).code());
                }
                String letter = org.apache.poi.ss.util.CellReference.convertNumToColString(listColumn);
                String range = LISTS + "!$" + letter + "$1:$" + letter + "$" + col.choices().size();
                DataValidation v = helper.createValidation(helper.createFormulaListConstraint(range),
                        new CellRangeAddressList(1, ROWS, i, i));
                v.setShowErrorBox(true);
                v.setSuppressDropDownArrow(true);   // XSSF: true shows the arrow
                v.createErrorBox(texts.errorTitle(), texts.errorText());
                sheet.addValidationData(v);
                listColumn++;
            }
            sheet.createFreezePane(0, 1);
            wb.setSheetHidden(wb.getSheetIndex(lists), true);

            Row h = help.createRow(0);
            String[] titles = {texts.columnHeading(), texts.meaningHeading(), texts.valuesHeading()};
            for (int i = 0; i < titles.length; i++) {
                h.createCell(i).setCellValue(titles[i]);
                h.getCell(i).setCellStyle(head);
            }
            int r = 1;
            for (Column col : columns) {
                Row row = help.createRow(r++);
                row.createCell(0).setCellValue(col.name());
                row.createCell(1).setCellValue(SpreadsheetCells.neutralise(col.meaning()));
                if (!col.choices().isEmpty()) {
                    StringBuilder sb = new StringBuilder();
                    for (Choice c : col.choices()) {
                        if (sb.length() > 0) sb.append("; ");
                        sb.append(c.code()).append(" = ").append(c.label());
                    }
                    // a cell holds at most 32,767 characters: a very long list is cut (the drop-down has them all)
                    String all = sb.toString();
                    row.createCell(2).setCellValue(SpreadsheetCells.neutralise(all.length() > 32_000 ? all.substring(0, 32_000) + " …" : all));
                }
            }
            help.setColumnWidth(0, 28 * 256);
            help.setColumnWidth(1, 50 * 256);
            help.setColumnWidth(2, 120 * 256);
            wb.write(out);
        }
    }
}
