package vn.hoctap.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

import vn.hoctap.RequiresEnvironment;
import vn.hoctap.RequiresEnvironment.Need;

/** The administrative document's DOCX opens in LibreOffice as a user's would: converted to PDF, the header is there. */
@RequiresEnvironment(Need.LIBREOFFICE)
class OfficialDocumentLibreOfficeTest {

    @Test
    void libreOfficeConvertsTheDocxToPdf(@TempDir Path dir) throws Exception {
        Path docx = dir.resolve("so-ket.docx");
        try (var out = Files.newOutputStream(docx)) {
            OfficialDocumentTest.sample().writeDocx(out);
        }
        Process p = new ProcessBuilder("libreoffice", "-env:UserInstallation=file://" + dir.resolve("profile").toAbsolutePath(),
                "--headless", "--convert-to", "pdf", "--outdir", dir.toString(), docx.toString())
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("LibreOffice finished").isTrue();
        assertThat(p.exitValue()).as(log).isZero();
        Path pdf = dir.resolve("so-ket.pdf");
        assertThat(pdf).exists();
        String text = new PdfTextExtractor(new PdfReader(Files.readAllBytes(pdf))).getTextFromPage(1);
        assertThat(text).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").contains("BÁO CÁO");
    }
}
