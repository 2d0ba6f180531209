package vn.hoctap.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

/**
 * The administrative-document layout (Nghị định 30/2020/NĐ-CP): the header, number, date, title, recipients and
 * signature are where the decree puts them, in the DOCX and the PDF; the DOCX opens in LibreOffice.
 */
class OfficialDocumentTest {

    static OfficialDocument sample() {
        return new OfficialDocument("UBND thành phố Hà Nội", "Ban Chỉ đạo xây dựng xã hội học tập", "", "BC-BCĐ", "Hà Nội",
                LocalDate.of(2026, 2, 5), "Báo cáo", "Sơ kết năm 2025 thực hiện Nghị quyết 23-NQ/TU")
                .heading("I. KẾT QUẢ")
                .text("Năm 2025, các xã, phường đã triển khai đầy đủ kế hoạch.")
                .table(List.of("TT", "Chỉ tiêu", "Kết quả"), List.of(List.of("1", "Tỷ lệ người biết chữ", "99,60%")), 1, 5, 2)
                .recipient("Thường trực Thành ủy;").recipient("Lưu: VT.")
                .signature("TM. Ban Chỉ đạo", "Trưởng ban", "Nguyễn Văn B");
    }

    @Test
    void dateAndNumberLinesFollowTheDecree() {
        // a day below 10 and a month below 3 take a leading zero; others do not
        assertThat(OfficialDocument.dateLine("Hà Nội", LocalDate.of(2026, 2, 5))).isEqualTo("Hà Nội, ngày 05 tháng 02 năm 2026");
        assertThat(OfficialDocument.dateLine("Hà Nội", LocalDate.of(2026, 12, 7))).isEqualTo("Hà Nội, ngày 07 tháng 12 năm 2026");
        assertThat(OfficialDocument.dateLine("Hà Nội", LocalDate.of(2026, 3, 15))).isEqualTo("Hà Nội, ngày 15 tháng 3 năm 2026");
        assertThat(OfficialDocument.numberLine("12", "BC-UBND")).isEqualTo("Số: 12/BC-UBND");
        assertThat(OfficialDocument.numberLine("", "BC-UBND")).matches("Số: \\u00a0+/BC-UBND");
    }

    @Test
    void theDocxHasTheAdministrativeLayout() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        sample().writeDocx(out);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(out.toByteArray()))) {
            // A4 and the margins: top 20 mm, left 30 mm, right 15 mm (twentieths of a point: 1 mm = 56.69)
            var sect = doc.getDocument().getBody().getSectPr();
            assertThat(((java.math.BigInteger) sect.getPgSz().getW()).intValue()).isEqualTo(11906);
            assertThat(((java.math.BigInteger) sect.getPgMar().getLeft()).intValue()).isEqualTo(1701);
            assertThat(((java.math.BigInteger) sect.getPgMar().getRight()).intValue()).isEqualTo(850);
            XWPFTable header = doc.getTables().get(0);
            List<XWPFParagraph> left = header.getRow(0).getCell(0).getParagraphs();
            List<XWPFParagraph> right = header.getRow(0).getCell(1).getParagraphs();
            assertThat(left.get(0).getText()).isEqualTo("UBND THÀNH PHỐ HÀ NỘI");
            assertThat(left.get(1).getText()).isEqualTo("BAN CHỈ ĐẠO XÂY DỰNG XÃ HỘI HỌC TẬP");
            assertThat(left.get(1).getRuns().get(0).isBold()).isTrue();
            assertThat(left.get(3).getText()).startsWith("Số: ").endsWith("/BC-BCĐ");
            assertThat(right.get(0).getText()).isEqualTo("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
            XWPFRun motto = right.get(1).getRuns().get(0);
            assertThat(right.get(1).getText()).isEqualTo("Độc lập - Tự do - Hạnh phúc");
            assertThat(motto.isBold()).isTrue();
            assertThat(motto.getUnderline().name()).isEqualTo("SINGLE");
            XWPFParagraph date = right.get(3);
            assertThat(date.getText()).isEqualTo("Hà Nội, ngày 05 tháng 02 năm 2026");
            assertThat(date.getRuns().get(0).isItalic()).isTrue();
            assertThat(date.getAlignment()).isEqualTo(ParagraphAlignment.CENTER);
            // the kind and summary centred in bold
            XWPFParagraph kind = doc.getParagraphs().stream().filter(p -> p.getText().equals("BÁO CÁO")).findFirst().orElseThrow();
            assertThat(kind.getAlignment()).isEqualTo(ParagraphAlignment.CENTER);
            assertThat(kind.getRuns().get(0).isBold()).isTrue();
            assertThat(kind.getRuns().get(0).getFontFamily()).isEqualTo("Times New Roman");
            // the body table, then recipients (bottom left) and the signature (bottom right)
            assertThat(doc.getTables().get(1).getRow(1).getCell(2).getText()).isEqualTo("99,60%");
            XWPFTable foot = doc.getTables().get(2);
            List<XWPFParagraph> to = foot.getRow(0).getCell(0).getParagraphs();
            assertThat(to.get(0).getText()).isEqualTo("Nơi nhận:");
            assertThat(to.get(0).getRuns().get(0).isBold()).isTrue();
            assertThat(to.get(0).getRuns().get(0).isItalic()).isTrue();
            assertThat(to.get(1).getText()).isEqualTo("- Thường trực Thành ủy;");
            String sign = foot.getRow(0).getCell(1).getText();
            assertThat(sign).contains("TM. BAN CHỈ ĐẠO").contains("TRƯỞNG BAN").contains("Nguyễn Văn B");
        }
    }

    @Test
    void thePdfCarriesTheSameText() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        sample().writePdf(out);
        PdfReader reader = new PdfReader(out.toByteArray());
        String text = new PdfTextExtractor(reader).getTextFromPage(1);
        assertThat(text).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").contains("Độc lập - Tự do - Hạnh phúc")
                .contains("Hà Nội, ngày 05 tháng 02 năm 2026").contains("BÁO CÁO").contains("Nơi nhận:").contains("TRƯỞNG BAN");
    }

    static OfficialDocument longOne() {
        OfficialDocument d = sample();
        List<List<String>> rows = new java.util.ArrayList<>();
        for (int i = 1; i <= 120; i++) rows.add(List.of(String.valueOf(i), "Xã thử " + i, "50,00%"));
        return d.table(List.of("TT", "Xã, phường", "Kết quả"), rows, 1, 5, 2);
    }

    @Test
    void pagesAreNumberedAtTheTopFromTheSecond() throws Exception {
        ByteArrayOutputStream docx = new ByteArrayOutputStream();
        longOne().writeDocx(docx);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx.toByteArray()))) {
            var sect = doc.getDocument().getBody().getSectPr();
            assertThat(sect.isSetTitlePg()).isTrue();
            var policy = doc.getHeaderFooterPolicy();
            assertThat(policy.getFirstPageHeader().getText()).isBlank();
            assertThat(policy.getDefaultHeader().getParagraphs().get(0).getCTP().getFldSimpleArray(0).getInstr()).isEqualTo("PAGE");
            assertThat(policy.getDefaultHeader().getParagraphs().get(0).getAlignment()).isEqualTo(ParagraphAlignment.CENTER);
        }
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        longOne().writePdf(pdf);
        PdfReader reader = new PdfReader(pdf.toByteArray());
        assertThat(reader.getNumberOfPages()).isGreaterThanOrEqualTo(2);
        PdfTextExtractor text = new PdfTextExtractor(reader);
        assertThat(List.of(text.getTextFromPage(2).split("\\s*\\n\\s*"))).contains("2");
        assertThat(List.of(text.getTextFromPage(1).split("\\s*\\n\\s*"))).doesNotContain("1");
    }
}
