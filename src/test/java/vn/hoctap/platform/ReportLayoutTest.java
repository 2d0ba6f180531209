package vn.hoctap.platform;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * One way to render reports (issue 17 item 4): every PDF of the platform is opened by {@link ReportPdf}, whose
 * footer numbers every page "Trang n / N"; the reports' words come from the message bundles, not from inline
 * {@code en ? "…" : "…"} strings.
 */
class ReportLayoutTest {

    @Test
    void everyPageOfAReportPdfSaysTrangNOfN() throws IOException {
        for (boolean english : new boolean[] {false, true}) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ReportPdf pdf = ReportPdf.open(out, PageSize.A5, new float[] {36, 36, 36, 46}, ReportText.of(english),
                    "Thử nghiệm", "Báo cáo thử · lập ngày 07/12/2026", 14)) {
                for (int i = 1; i <= 3; i++) {
                    pdf.add(new Paragraph("Trang nội dung số " + i, pdf.fonts().normal()));
                    pdf.document().newPage();
                }
            }
            // three pages of content, each ended by a page break: page i says "Trang i / 3"
            assertThat(PdfFooters.assertEveryPageNumbered(out.toByteArray(), english)).isEqualTo(3);
        }
    }

    @Test
    void officialDocumentsCarryTheFooterToo() throws IOException {
        OfficialDocument doc = new OfficialDocument("UBND THÀNH PHỐ HÀ NỘI", "Ban Chỉ đạo", "12", "BC-BCĐ", "Hà Nội",
                LocalDate.of(2026, 12, 7), "Báo cáo", "Kết quả thử nghiệm");
        for (int i = 0; i < 40; i++) {
            doc.text("Đoạn văn thứ " + i + ": xây dựng xã hội học tập, học tập suốt đời cho mọi người dân Thủ đô.");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.writePdf(out);
        assertThat(PdfFooters.assertEveryPageNumbered(out.toByteArray(), false)).isGreaterThanOrEqualTo(2);
    }

    @Test
    void onlyTheSharedLayoutOpensAPdf() {
        var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("vn.hoctap");
        noClasses().that().doNotHaveFullyQualifiedName(ReportPdf.class.getName())
                .should().callMethod(PdfWriter.class, "getInstance", com.lowagie.text.Document.class, java.io.OutputStream.class)
                .orShould().callConstructorWhere(com.tngtech.archunit.base.DescribedPredicate.describe("a constructor of Document",
                        (com.tngtech.archunit.core.domain.JavaConstructorCall c) -> c.getTargetOwner().isEquivalentTo(com.lowagie.text.Document.class)))
                .because("every PDF is opened by platform.ReportPdf, which numbers its pages 'Trang n / N'")
                .check(classes);
    }

    @Test
    void noInlineEnglishVietnameseStringPairsInProductionCode() throws IOException {
        Pattern pair = Pattern.compile("\\ben \\? \"");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher m = pair.matcher(lines.get(i));
                    if (m.find()) {
                        found.add(f + ":" + (i + 1) + ": " + lines.get(i).strip());
                    }
                }
            }
        }
        assertThat(found).as("report words belong in messages.properties / messages_en.properties").isEmpty();
    }

    @Test
    void reportWordsExistInBothLanguages() {
        for (String key : List.of("report.page-of", "report.national-name", "report.motto", "report.generated",
                "report.standards.title", "report.review.title", "report.review.status.AT_RISK")) {
            String vi = ReportText.of(Locale.forLanguageTag("vi")).get(key, "2025", "x");
            String en = ReportText.of(Locale.ENGLISH).get(key, "2025", "x");
            assertThat(vi).as(key).isNotBlank().isNotEqualTo(en);
        }
        assertThat(ReportText.of(false).get("report.page-of", 2, 5)).isEqualTo("Trang 2 / 5");
        assertThat(ReportText.of(true).get("report.page-of", 2, 5)).isEqualTo("Page 2 / 5");
        assertThat(ReportText.of(true).get("report.review.issuer", "HA NOI")).isEqualTo("PEOPLE'S COMMITTEE OF HA NOI");
        assertThat(ReportText.of(true).get("report.review.group.2")).isEqualTo("Citizens' competences");
    }
}
