package vn.hoctap.fund.internal;

import vn.hoctap.platform.ReportText;
import vn.hoctap.platform.ReportPdf;
import java.io.ByteArrayOutputStream;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import com.lowagie.text.PageSize;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;

import vn.hoctap.fund.core.StandardChart;

/**
 * Biên nhận (PDF, A5 landscape): the fund, the receipt's number and date, the donor (the name only when they agreed;
 * "Nhà hảo tâm không nêu tên" otherwise), the amount (and the foreign amount with its rate and source, or the gift in
 * kind with its valuation), and a QR code of the public verification page {@code /public/fund/receipts/{code}}.
 */
@Service
public class ReceiptDocuments {

    private final String publicUrl;

    ReceiptDocuments(@Value("${hoctap.public-url}") String publicUrl) {
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    public String verificationUrl(Receipts.Receipt r) {
        return publicUrl + "/public/fund/receipts/" + r.verificationCode();
    }

    public byte[] pdf(Funds.Fund f, Receipts.Receipt r) {
        String url = verificationUrl(r);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        com.lowagie.text.Rectangle page = PageSize.A5.rotate();
        try (ReportPdf pdf = ReportPdf.open(out, page, new float[] {36, 36, 36, 36}, ReportText.of(false),
                "Biên nhận " + r.number(), "", 15)) {
            BaseFont reg = pdf.fonts().regularBase();
            BaseFont bold = pdf.fonts().boldBase();
            PdfContentByte cb = pdf.writer().getDirectContent();
            float width = page.getWidth();
            float height = page.getHeight();
            left(cb, bold, 12, 36, height - 48, f.name().toUpperCase(java.util.Locale.forLanguageTag("vi")));
            center(cb, bold, 18, width / 2, height - 90, "BIÊN NHẬN ĐÓNG GÓP");
            center(cb, reg, 11, width / 2, height - 108, "Số " + r.number() + " · ngày " + r.date().format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
            float y = height - 145;
            String donor = r.donorKind().equals("ANONYMOUS") || r.publicDonor() == null ? "Nhà hảo tâm không nêu tên" : r.publicDonor();
            left(cb, reg, 11, 36, y, "Nhận của: " + donor);
            y -= 20;
            String amount = FundReports.vnd(r.amountVnd()) + " đồng";
            if (!"VND".equals(r.currency())) {
                amount += " (" + r.foreignAmount().toPlainString() + " " + r.currency() + " × tỷ giá " + r.rate().stripTrailingZeros().toPlainString()
                        + ", nguồn tỷ giá: " + r.rateSource() + ")";
            }
            left(cb, reg, 11, 36, y, "Số tiền / giá trị: " + amount);
            y -= 20;
            String form = switch (r.form()) {
                case "CASH" -> "Tiền mặt";
                case "BANK" -> "Chuyển khoản" + (r.bankRef() == null ? "" : " (mã giao dịch " + r.bankRef() + ")");
                default -> "Hiện vật: " + r.inKindDescription() + " — định giá: " + r.valuationBasis();
            };
            left(cb, reg, 11, 36, y, "Hình thức: " + form);
            y -= 20;
            left(cb, reg, 11, 36, y, "Ghi vào: " + StandardChart.account(StandardChart.incomeFor(r.donorKind())).orElseThrow().nameVi());
            left(cb, reg, 9, 36, 60, "Mã xác minh: " + r.verificationCode());
            left(cb, reg, 8, 36, 46, "Kiểm tra tại " + url);
            vn.hoctap.platform.PdfQrCode.draw(cb, url, width - 36 - 110, 36, 110);
        } catch (Exception e) {
            throw new IllegalStateException("receipt PDF failed", e);
        }
        return out.toByteArray();
    }

    private static void left(PdfContentByte cb, BaseFont font, float size, float x, float y, String s) {
        cb.beginText();
        cb.setFontAndSize(font, size);
        cb.showTextAligned(PdfContentByte.ALIGN_LEFT, java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFC), x, y, 0);
        cb.endText();
    }

    private static void center(PdfContentByte cb, BaseFont font, float size, float x, float y, String s) {
        cb.beginText();
        cb.setFontAndSize(font, size);
        cb.showTextAligned(PdfContentByte.ALIGN_CENTER, java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFC), x, y, 0);
        cb.endText();
    }

}
