package vn.hoctap.platform;

import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.lowagie.text.pdf.PdfContentByte;

/**
 * Mã QR trên giấy tờ PDF (giấy chứng nhận danh hiệu, biên nhận quỹ khuyến học): drawn as vector squares by ZXing's
 * encoder, error correction M, so it prints sharp at any size and needs no image library.
 */
public final class PdfQrCode {

    private PdfQrCode() {
    }

    /** Draws the QR code of {@code content} as a {@code size}×{@code size} square whose lower-left corner is (x, y). */
    public static void draw(PdfContentByte cb, String content, float x, float y, float size) {
        BitMatrix m;
        try {
            m = new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode a QR code of " + content.length() + " characters", e);
        }
        float cell = size / m.getWidth();
        cb.setRGBColorFill(0, 0, 0);
        for (int r = 0; r < m.getHeight(); r++) {
            for (int col = 0; col < m.getWidth(); col++) {
                if (m.get(col, r)) {
                    cb.rectangle(x + col * cell, y + size - (r + 1) * cell, cell, cell);
                }
            }
        }
        cb.fill();
    }
}
