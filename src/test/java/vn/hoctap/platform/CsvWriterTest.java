package vn.hoctap.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.List;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** CSV exports by Apache Commons CSV: byte-order mark, Vietnamese headers, formula neutralisation, RFC 4180 quoting. */
class CsvWriterTest {

    @Test
    void writesTheMarkTheHeaderAndNeutralisedCells() throws Exception {
        StringWriter out = new StringWriter();
        CsvWriter w = CsvWriter.withByteOrderMark(out);
        w.header("Chỉ tiêu,Năm,Tên đơn vị,Giá trị,Ước tính");
        w.row("lab.trained", 2025, "=HYPERLINK(\"http://x\",\"bấm\")", new BigDecimal("-12.50"), false);
        w.row("a,b", -3, "Thôn 1; \"Đoài\"\nngõ 5", null, true);
        w.row("-12", 1, "@SUM(A1)", "+84 912", "\tx");
        w.flush();
        assertThat(out.toString()).isEqualTo("\uFEFF"
                + "Chỉ tiêu,Năm,Tên đơn vị,Giá trị,Ước tính\n"
                + "lab.trained,2025,\"'=HYPERLINK(\"\"http://x\"\",\"\"bấm\"\")\",-12.50,false\n"
                + "\"a,b\",-3,\"Thôn 1; \"\"Đoài\"\"\nngõ 5\",,true\n"
                + "-12,1,'@SUM(A1),'+84 912,'\tx\n");
        // and an RFC 4180 reader gets the cells back (neutralised)
        List<CSVRecord> records = CSVParser.parse(new StringReader(out.toString().substring(1)), CsvWriter.FORMAT).getRecords();
        assertThat(records).hasSize(4);
        assertThat(records.get(1).get(2)).isEqualTo("'=HYPERLINK(\"http://x\",\"bấm\")");
        assertThat(records.get(2).get(2)).isEqualTo("Thôn 1; \"Đoài\"\nngõ 5");
        assertThat(records.get(2).get(3)).isEmpty();
    }
}
