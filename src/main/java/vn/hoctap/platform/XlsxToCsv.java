package vn.hoctap.platform;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * Turns the first sheet of an XLSX import (same columns as the CSV exchange format: the register, reported values;
 * the templates of {@link ImportTemplate} are such workbooks) into CSV, so that both go through one reader and one set
 * of checks. Row n of the sheet becomes line n of the CSV,
 * so errors name the spreadsheet row. Dates typed as Excel dates become YYYY-MM-DD; whole numbers lose
 * Excel's ".0"; empty rows stay empty lines (skipped by the reader).
 */
public final class XlsxToCsv {

    private XlsxToCsv() {
    }

    public static long convert(InputStream xlsx, Path csv) throws IOException {
        long rows = 0;
        try (Workbook wb = WorkbookFactory.create(xlsx);
             BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            if (wb.getNumberOfSheets() == 0) {
                return 0;
            }
            Sheet sheet = wb.getSheetAt(0);
            int width = sheet.getRow(sheet.getFirstRowNum()) == null ? 0 : sheet.getRow(sheet.getFirstRowNum()).getLastCellNum();
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                StringBuilder line = new StringBuilder();
                boolean any = false;
                for (int c = 0; c < width; c++) {
                    if (c > 0) {
                        line.append(',');
                    }
                    String v = row == null ? "" : text(row.getCell(c));
                    any |= !v.isEmpty();
                    line.append(quote(v));
                }
                out.write(any ? line.toString() : "");
                out.write('\n');
                rows++;
            }
        }
        return rows;
    }

    /** The first sheet as CSV text (for imports read whole, e.g. reported values). */
    public static String toCsv(InputStream xlsx) throws IOException {
        Path tmp = Files.createTempFile("hoctap-xlsx-", ".csv");
        try {
            convert(xlsx, tmp);
            return Files.readString(tmp, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> cell.getStringCellValue().strip();
            case BOOLEAN -> cell.getBooleanCellValue() ? "true" : "false";
            case NUMERIC -> {
                if (DateUtil.isCellDateFormatted(cell)) {
                    LocalDate d = cell.getLocalDateTimeCellValue().toLocalDate();
                    yield d.format(DateTimeFormatter.ISO_LOCAL_DATE);
                }
                double v = cell.getNumericCellValue();
                yield v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
            }
            default -> "";
        };
    }

    private static String quote(String s) {
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
