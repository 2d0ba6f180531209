package vn.hoctap.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import vn.hoctap.UploadSamples;

/** The real type of an upload from its bytes; office containers opened to tell Word from Excel from a plain ZIP. */
class FileTypesTest {

    static final List<String> DOCUMENTS = List.of("application/pdf", "image/jpeg", "image/png", FileTypes.DOCX, FileTypes.DOC,
            FileTypes.XLSX, FileTypes.ODT, "text/plain");

    static String key(Runnable r) {
        try {
            r.run();
        } catch (ValidationException e) {
            return e.errors().get("f");
        }
        return null;
    }

    @Test
    void realFilesAreAcceptedAsWhatTheyAre() throws IOException {
        assertThat(FileTypes.require("f", UploadSamples.pdf(), "application/pdf", "bien-ban.pdf", DOCUMENTS, "no")).isEqualTo("application/pdf");
        assertThat(FileTypes.require("f", UploadSamples.image("png"), "image/png", "anh.png", DOCUMENTS, "no")).isEqualTo("image/png");
        assertThat(FileTypes.require("f", UploadSamples.image("jpg"), "image/jpg", "anh.JPG", DOCUMENTS, "no")).isEqualTo("image/jpeg");
        assertThat(FileTypes.require("f", UploadSamples.docx(), FileTypes.DOCX, "quyet-dinh.docx", DOCUMENTS, "no")).isEqualTo(FileTypes.DOCX);
        assertThat(FileTypes.require("f", xlsx(), FileTypes.XLSX, "bang.xlsx", DOCUMENTS, "no")).isEqualTo(FileTypes.XLSX);
        assertThat(FileTypes.require("f", oleWithWordStream(), FileTypes.DOC, "cu.doc", DOCUMENTS, "no")).isEqualTo(FileTypes.DOC);
        assertThat(FileTypes.require("f", "Biên bản họp ngày 5/12".getBytes(StandardCharsets.UTF_8), "text/plain", "ghi-chu.txt",
                DOCUMENTS, "no")).isEqualTo("text/plain");
        // a browser that says nothing (octet-stream): the extension is the declaration
        assertThat(FileTypes.require("f", UploadSamples.pdf(), "application/octet-stream", "bien-ban.pdf", DOCUMENTS, "no"))
                .isEqualTo("application/pdf");
    }

    @Test
    void htmlDeclaredAsPdfOrImageIsRefused() {
        assertThat(key(() -> FileTypes.require("f", UploadSamples.HTML, "application/pdf", "x.pdf", DOCUMENTS, "no"))).isEqualTo("no");
        assertThat(key(() -> FileTypes.require("f", UploadSamples.HTML, "image/png", "x.png", DOCUMENTS, "no"))).isEqualTo("no");
        assertThat(FileTypes.detect(UploadSamples.HTML)).isEqualTo("text/html");
    }

    @Test
    void aContainerIsAnOfficeTypeOnlyWhenItsContentSaysSoAndTheDeclarationAgrees() throws IOException {
        // a plain ZIP declared as Word: Tika sees a ZIP, the package has no Word main part
        byte[] zip = plainZip();
        assertThat(key(() -> FileTypes.require("f", zip, FileTypes.DOCX, "x.docx", DOCUMENTS, "no"))).isEqualTo("no");
        // an Excel 97 workbook declared as a Word 97 document: an OLE2 file without a WordDocument stream
        byte[] xls = xls();
        assertThat(key(() -> FileTypes.require("f", xls, FileTypes.DOC, "x.doc", DOCUMENTS, "no"))).isEqualTo("no");
        // a real Word file declared as Excel, or named .pdf
        byte[] docx = UploadSamples.docx();
        assertThat(key(() -> FileTypes.require("f", docx, FileTypes.XLSX, "x.xlsx", DOCUMENTS, "no"))).isEqualTo("file.error.type-mismatch");
        assertThat(key(() -> FileTypes.require("f", docx, FileTypes.DOCX, "x.pdf", DOCUMENTS, "no"))).isEqualTo("file.error.type-mismatch");
        // a PDF declared as a PDF but named .docx, and one with no declaration at all
        assertThat(key(() -> FileTypes.require("f", UploadSamples.pdf(), "application/pdf", "x.docx", DOCUMENTS, "no")))
                .isEqualTo("file.error.type-mismatch");
        assertThat(key(() -> FileTypes.require("f", UploadSamples.pdf(), null, null, DOCUMENTS, "no"))).isEqualTo("file.error.type-mismatch");
    }

    static byte[] xlsx() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.createSheet("Chỉ tiêu").createRow(0).createCell(0).setCellValue(1);
            wb.write(out);
            return out.toByteArray();
        }
    }

    static byte[] xls() throws IOException {
        try (HSSFWorkbook wb = new HSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.createSheet("a").createRow(0).createCell(0).setCellValue(1);
            wb.write(out);
            return out.toByteArray();
        }
    }

    /** An OLE2 file with a WordDocument stream (what makes a .doc a Word document; HWPF is not a dependency). */
    static byte[] oleWithWordStream() throws IOException {
        try (POIFSFileSystem fs = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            fs.createDocument(new java.io.ByteArrayInputStream(new byte[600]), "WordDocument");
            fs.writeFilesystem(out);
            return out.toByteArray();
        }
    }

    static byte[] plainZip() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("index.html"));
            zip.write(UploadSamples.HTML);
            zip.closeEntry();
        }
        return out.toByteArray();
    }
}
