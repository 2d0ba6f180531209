package vn.hoctap.titles.web;

import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/** A QR code (ZXing) as an inline SVG: one path of unit squares, scaled by the browser. */
final class QrSvg {
    private QrSvg() {
    }

    static String of(String content, String title) {
        try {
            BitMatrix m = new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
            StringBuilder d = new StringBuilder();
            for (int y = 0; y < m.getHeight(); y++)
                for (int x = 0; x < m.getWidth(); x++)
                    if (m.get(x, y)) d.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
            String t = title.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
            return "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"" + t + "\" viewBox=\"0 0 " + m.getWidth() + " "
                    + m.getHeight() + "\" width=\"280\" height=\"280\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
                    + "<path fill=\"#000\" d=\"" + d + "\"/></svg>";
        } catch (WriterException e) {
            throw new IllegalStateException(e);
        }
    }
}
