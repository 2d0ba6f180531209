package vn.hoctap.titles.internal;

import java.io.ByteArrayOutputStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.lowagie.text.Document;
import com.lowagie.text.PageSize;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfWriter;

import vn.hoctap.platform.HanoiTime;
import vn.hoctap.platform.PdfFonts;
import vn.hoctap.titles.CitizenTitleAward;
import vn.hoctap.titles.CredentialIssuer;
import vn.hoctap.titles.CredentialVerifier;
import vn.hoctap.titles.IssuedCredential;
import vn.hoctap.titles.RevocationList;
import vn.hoctap.titles.SubjectType;
import vn.hoctap.titles.TitleStatus;
import vn.hoctap.titles.VerificationResult;

/**
 * Giấy chứng nhận danh hiệu học tập: at publication every title gets an unguessable verification code (160 random
 * bits, base32) for the public page /public/verify/{code} and the QR code of its PDF; a "Công dân học tập" whose
 * holder gave a phone or e-mail also gets an Open Badges 3.0 credential signed as a VC-JWT with the platform's
 * key. A revoked title's credential id is on the published revocation list, and its page says "revoked".
 */
@Service
public class Certificates {

    /** What the public verification page shows: minimal personal data. */
    public record Verification(String code, String title, String holder, String communeName, int year, TitleStatus status,
                               String reason, Instant publishedAt, boolean hasCredential, VerificationResult credentialCheck) {
        public boolean valid() {
            return status == TitleStatus.PUBLISHED && (credentialCheck == null || credentialCheck.valid());
        }
    }

    private static final String BASE32 = "ABCDEFGHJKMNPQRSTVWXYZ0123456789"; // no I, L, O, U: easy to read and type

    private final JdbcTemplate jdbc;
    private final IssuerKeyStore keys;
    private final vn.hoctap.units.UnitDirectory units;
    private final SecureRandom random = new SecureRandom();

    Certificates(JdbcTemplate jdbc, IssuerKeyStore keys, vn.hoctap.units.UnitDirectory units) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.units = units;
    }

    String newCode() {
        StringBuilder b = new StringBuilder(32);
        for (int i = 0; i < 32; i++) b.append(BASE32.charAt(random.nextInt(32))); // 32 × 5 = 160 bits
        return b.toString();
    }

    /** At publication: the verification code, and for a citizen with a contact the signed credential. */
    void issue(Campaigns.Dossier d, Campaigns.Campaign c, String contact) {
        String code = newCode();
        String credentialId = null;
        String jwt = null;
        if (d.subjectType() == SubjectType.CITIZEN && contact != null && d.contactType() != null) {
            CredentialIssuer issuer = new CredentialIssuer(keys.profile(), keys.keys(), keys.publicUrl() + "/titles/achievements",
                    keys.revocationListUrl());
            IssuedCredential ic = issuer.issueCitizenTitle(new CitizenTitleAward(c.year(), contact, d.contactType(),
                    "cdht@" + d.criteriaSetId() + "#" + d.id(),
                    "Đạt từ 80/100 điểm trở lên theo bộ tiêu chí Công dân học tập (QĐ 324/QĐ-KHVN), không chỉ số nào dưới 5 điểm.",
                    Instant.now(), null));
            credentialId = ic.id();
            jwt = ic.jwt();
        }
        jdbc.update("update titles_evaluation set verification_code = ?, credential_id = ?, credential_jwt = ?, published_at = now() where id = ?",
                code, credentialId, jwt, d.id());
    }

    public String jwks() {
        return keys.keys().publicJwksJson();
    }

    /** The revoked credentials (1EdTech revocation list). */
    public RevocationList revocations() {
        Set<String> ids = new TreeSet<>(jdbc.queryForList(
                "select credential_id from titles_evaluation where status = 'REVOKED' and credential_id is not null", String.class));
        return new RevocationList(keys.revocationListUrl(), ids);
    }

    public Map<String, Object> revocationDocument() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("id", keys.revocationListUrl());
        doc.put("type", CredentialIssuer.REVOCATION_LIST_TYPE);
        doc.put("issuer", keys.issuerId());
        doc.put("revoked_credentials", List.copyOf(revocations().revokedCredentialIds()));
        return doc;
    }

    /** Verifies a VC-JWT against the published key and the revocation list, as an independent verifier would. */
    public VerificationResult verifyCredential(String jwt) {
        return new CredentialVerifier(keys.issuerId(), Clock.systemUTC()).verify(jwt == null ? "" : jwt.strip(), jwks(), revocations());
    }

    /** The public verification of a certificate code (empty when the code is not one of ours). */
    public Optional<Verification> verify(String code) {
        if (code == null || !code.matches("[A-Z0-9]{32}")) return Optional.empty();
        return jdbc.query("""
                select e.*, c.year, c.kind from titles_evaluation e join titles_campaign c on c.id = e.campaign_id
                where e.verification_code = ?""", (rs, n) -> {
            SubjectType type = SubjectType.valueOf(rs.getString("subject_type"));
            String jwt = rs.getString("credential_jwt");
            String commune = rs.getString("commune_code");
            String communeName = units.version(commune, HanoiTime.today()).map(u -> u.name()).orElse(commune);
            return new Verification(code, type.kind().nameVi() + " năm " + rs.getInt("year"), holder(type, rs.getString("subject_name")),
                    communeName, rs.getInt("year"), TitleStatus.valueOf(rs.getString("status")), rs.getString("reason"),
                    rs.getTimestamp("published_at") == null ? null : rs.getTimestamp("published_at").toInstant(),
                    jwt != null, jwt == null ? null : verifyCredential(jwt));
        }, code).stream().findFirst();
    }

    public Optional<String> credentialJwt(long dossierId) {
        return jdbc.query("select credential_jwt from titles_evaluation where id = ? and status = 'PUBLISHED'", (rs, n) -> rs.getString(1), dossierId)
                .stream().filter(s -> s != null).findFirst();
    }

    /**
     * Minimal personal data: for a resident or a family the family name and the initials of the other names
     * ("Nguyễn V. A."); organisations, villages and communes by their name.
     */
    static String holder(SubjectType type, String name) {
        if (type != SubjectType.CITIZEN && type != SubjectType.FAMILY) return name;
        String[] words = name.strip().split("\\s+");
        StringBuilder b = new StringBuilder();
        int start = 0;
        if (type == SubjectType.FAMILY && words.length > 1 && words[0].equalsIgnoreCase("gia") && words[1].equalsIgnoreCase("đình")) {
            b.append(words[0]).append(' ').append(words[1]).append(' ');
            start = 2;
            if (words.length > 3 && (words[2].equalsIgnoreCase("ông") || words[2].equalsIgnoreCase("bà"))) {
                b.append(words[2]).append(' ');
                start = 3;
            }
        }
        for (int i = start; i < words.length; i++) {
            if (i == start) b.append(words[i]);
            else b.append(' ').append(words[i].codePoints().limit(1).collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)).append('.');
        }
        return b.toString();
    }

    /** The certificate as PDF: title, holder, commune, year, verification code and a QR code of the verification URL. */
    public byte[] pdf(Campaigns.Dossier d, Campaigns.Campaign c) {
        String url = keys.publicUrl() + "/public/verify/" + d.verificationCode();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4.rotate(), 48, 48, 48, 48);
        try {
            PdfWriter w = PdfWriter.getInstance(doc, out);
            doc.addTitle("Giấy chứng nhận " + d.subjectType().kind().nameVi() + " năm " + c.year());
            doc.open();
            BaseFont regular = PdfFonts.baseFont(false);
            BaseFont bold = PdfFonts.baseFont(true);
            PdfContentByte cb = w.getDirectContent();
            float width = PageSize.A4.rotate().getWidth();
            float height = PageSize.A4.rotate().getHeight();
            cb.setLineWidth(3f);
            cb.setRGBColorStroke(0x1f, 0x4e, 0x79);
            cb.rectangle(24, 24, width - 48, height - 48);
            cb.stroke();
            String commune = units.version(d.communeCode(), HanoiTime.today()).map(u -> u.name()).orElse(d.communeCode());
            text(cb, bold, 14, width / 2, height - 80, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
            text(cb, regular, 12, width / 2, height - 98, "Độc lập – Tự do – Hạnh phúc");
            text(cb, bold, 30, width / 2, height - 170, "GIẤY CHỨNG NHẬN");
            text(cb, regular, 15, width / 2, height - 205, "Danh hiệu");
            text(cb, bold, 24, width / 2, height - 240, "\u201C" + d.subjectType().kind().nameVi().toUpperCase(java.util.Locale.forLanguageTag("vi")) + "\u201D");
            text(cb, regular, 15, width / 2, height - 275, "năm " + c.year());
            text(cb, bold, 20, width / 2, height - 320, d.subjectName());
            text(cb, regular, 13, width / 2, height - 345, commune + ", thành phố Hà Nội");
            if (d.total() != null) {
                text(cb, regular, 11, width / 2, height - 370, "Tổng điểm " + d.total() + "/" + d.maxTotal());
            }
            String date = d.publishedAt() == null ? "" : DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(HanoiTime.ZONE).format(d.publishedAt());
            // the verification lines sit left of the QR code (bottom right)
            float left = (width - 200) / 2;
            text(cb, regular, 11, left, 110, "Công bố ngày " + date + " · Mã xác minh: " + d.verificationCode());
            text(cb, regular, 9, left, 92, "Kiểm tra tại " + url);
            qr(cb, url, width - 48 - 24 - 130, 56, 130);
            doc.close();
        } catch (Exception e) {
            throw new IllegalStateException("certificate PDF failed", e);
        }
        return out.toByteArray();
    }

    private static void text(PdfContentByte cb, BaseFont font, float size, float x, float y, String s) {
        cb.beginText();
        cb.setRGBColorFill(0x1a, 0x1a, 0x1a);
        cb.setFontAndSize(font, size);
        cb.showTextAligned(PdfContentByte.ALIGN_CENTER, s, x, y, 0);
        cb.endText();
    }

    /** The QR code drawn as vector squares (no image library). */
    static void qr(PdfContentByte cb, String content, float x, float y, float size) throws Exception {
        BitMatrix m = new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 0, 0,
                Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
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
