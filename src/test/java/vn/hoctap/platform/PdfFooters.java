package vn.hoctap.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

/** Checks the platform's report footer on every page of a generated PDF: "Trang n / N" (or "Page n / N"). */
public final class PdfFooters {
    private PdfFooters() {
    }

    /** Asserts that page i of N says "Trang i / N" ({@code english}: "Page i / N"); returns N. */
    public static int assertEveryPageNumbered(byte[] pdf, boolean english) throws IOException {
        PdfReader reader = new PdfReader(pdf);
        try {
            int n = reader.getNumberOfPages();
            PdfTextExtractor x = new PdfTextExtractor(reader);
            for (int i = 1; i <= n; i++) {
                String text = x.getTextFromPage(i).replaceAll("\\s+", " ");
                assertThat(text).as("page %d of %d", i, n).contains((english ? "Page " : "Trang ") + i + " / " + n);
                assertThat(text).as("page %d of %d", i, n).doesNotContain((english ? "Page " : "Trang ") + (i + 1) + " / ");
            }
            return n;
        } finally {
            reader.close();
        }
    }
}
