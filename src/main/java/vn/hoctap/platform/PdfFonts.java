package vn.hoctap.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.lowagie.text.pdf.BaseFont;

/**
 * The fonts of HọcTập's PDF documents: Be Vietnam Pro (SIL OFL 1.1, src/main/resources/fonts), embedded
 * with Identity-H encoding so that every Vietnamese letter (ả ẩ ẫ ặ ậ ữ ự ỹ Đ …) prints correctly in
 * any reader. The TTF bytes are read once.
 */
public final class PdfFonts {

    private static final String REGULAR = "fonts/BeVietnamPro_400Regular.ttf";
    private static final String BOLD = "fonts/BeVietnamPro_700Bold.ttf";
    private static volatile byte[] regularBytes;
    private static volatile byte[] boldBytes;

    private PdfFonts() {
    }

    /** A new embedded base font (regular or bold) for one document. */
    public static BaseFont baseFont(boolean bold) throws IOException {
        byte[] b = bold ? boldBytes : regularBytes;
        if (b == null) {
            b = resource(bold ? BOLD : REGULAR);
            if (bold) {
                boldBytes = b;
            } else {
                regularBytes = b;
            }
        }
        return BaseFont.createFont(bold ? "BeVietnamPro-Bold.ttf" : "BeVietnamPro-Regular.ttf", BaseFont.IDENTITY_H,
                BaseFont.EMBEDDED, false, b, null);
    }

    private static byte[] resource(String name) {
        try (InputStream in = PdfFonts.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("font not on the classpath: " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
