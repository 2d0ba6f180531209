package vn.hoctap.titles.internal;

import vn.hoctap.platform.OfficialDocument;
import vn.hoctap.platform.ReportText;
import vn.hoctap.platform.ReportPdf;
import java.io.ByteArrayOutputStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import com.lowagie.text.PageSize;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;

import vn.hoctap.platform.HanoiTime;
import vn.hoctap.titles.core.BitstringStatusList;
import vn.hoctap.titles.core.CredentialIssuer;
import vn.hoctap.titles.core.CriteriaSet;
import vn.hoctap.titles.core.CriteriaVerification;
import vn.hoctap.titles.core.CredentialVerifier;
import vn.hoctap.titles.core.IssuedCredential;
import vn.hoctap.titles.core.RevocationList;
import vn.hoctap.titles.core.StatusEntry;
import vn.hoctap.titles.core.SubjectType;
import vn.hoctap.titles.core.TitleAward;
import vn.hoctap.titles.core.TitleKind;
import vn.hoctap.titles.core.TitleStatus;
import vn.hoctap.titles.core.VerificationResult;

/**
 * Giấy chứng nhận danh hiệu học tập: at publication every title gets an unguessable verification code (160 random
 * bits, base32) for the public page /public/verify/{code} and the QR code of its PDF, and an Open Badges 3.0
 * credential (VC-JWT, docs/titles.md §3) with its stable index in the Bitstring Status List; a wallet can receive
 * further credentials of the same title bound to its key (OpenID4VCI, {@link WalletIssuance}). A revoked title's
 * credentials are set in the status list and listed on the 1EdTech revocation list, and its page says "revoked" and
 * since when, never why.
 *
 * <p>What a certificate discloses (decision, issue 16): the PDF and the public page carry the same facts — the title
 * and year, the holder's name as registered, the commune, the publication date, the status (and the revocation
 * date), the verification code, and (issue 15) the criteria set with its verification summary — whether it is
 * "tiêu chí tạm thời của HọcTập". Not the score, the criteria points, the contact or the reason of a revocation:
 * the page is reached only with the 160-bit code printed on the certificate, so whoever sees it already holds the
 * paper, and the full name is what lets them check that paper. The credential itself carries no name of a person or
 * a family (only a salted hash of the contact, or the public name of an organisation, a village or a commune).
 */
@Service
public class Certificates {

    /** What the public verification page shows, the same facts as the PDF. */
    public record Verification(String code, String title, String holder, String communeName, int year, TitleStatus status,
                               Instant revokedAt, Instant publishedAt, boolean hasCredential, VerificationResult credentialCheck,
                               CriteriaSet criteriaSet, CriteriaVerification criteriaVerification) {
        public boolean valid() {
            return status == TitleStatus.PUBLISHED && (credentialCheck == null || credentialCheck.valid());
        }
    }

    private static final String BASE32 = "ABCDEFGHJKMNPQRSTVWXYZ0123456789"; // no I, L, O, U: easy to read and type
    /** How long a verifier may cache the status list (Bitstring Status List §2.2 ttl, milliseconds). */
    static final long STATUS_TTL_MILLIS = 300_000;

    private final JdbcTemplate jdbc;
    private final IssuerKeyStore keys;
    private final vn.hoctap.units.UnitDirectory units;
    private final SecureRandom random = new SecureRandom();

    private final vn.hoctap.audit.AuditLog audit;
    private final CriteriaSets sets;

    Certificates(JdbcTemplate jdbc, IssuerKeyStore keys, vn.hoctap.units.UnitDirectory units, vn.hoctap.audit.AuditLog audit,
                 CriteriaSets sets) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.units = units;
        this.audit = audit;
        this.sets = sets;
    }

    String newCode() {
        StringBuilder b = new StringBuilder(32);
        for (int i = 0; i < 32; i++) b.append(BASE32.charAt(random.nextInt(32))); // 32 × 5 = 160 bits
        return b.toString();
    }

    CredentialIssuer issuer() {
        return new CredentialIssuer(keys.profile(), keys.keys(), keys.achievementBaseUrl());
    }

    /** At publication: the verification code and the title's credential. */
    void issue(Campaigns.Dossier d, Campaigns.Campaign c, String contact) {
        String code = newCode();
        IssuedCredential ic = issueCredential(d, c.year(), contact, null);
        jdbc.update("update titles_evaluation set verification_code = ?, credential_id = ?, credential_jwt = ?, published_at = now() where id = ?",
                code, ic.id(), ic.jwt(), d.id());
    }

    /**
     * A new credential of a published title (its own id and status index), bound to {@code holderDid} when given (the
     * wallet's key, OpenID4VCI) and otherwise to a pseudonymous urn:uuid.
     */
    IssuedCredential issueCredential(Campaigns.Dossier d, int year, String contact, String holderDid) {
        List<TitleAward.Identity> ids = new ArrayList<>();
        if (d.subjectType() == SubjectType.CITIZEN && contact != null && d.contactType() != null) {
            ids.add(TitleAward.Identity.contact(d.contactType(), contact));
        } else if (d.subjectType().isOrganisation() || d.subjectType() == SubjectType.COMMUNE || d.subjectType() == SubjectType.COMMUNITY) {
            ids.add(TitleAward.Identity.publicName(d.subjectName())); // public bodies are named; persons and families never
        }
        int index = jdbc.queryForObject("select nextval('titles_status_index_seq')", Integer.class);
        StatusEntry status = new StatusEntry(keys.statusListUrl(index / BitstringStatusList.SIZE + 1), index % BitstringStatusList.SIZE);
        // the narrative is the scored set's own: which set and version, its pass rule, how much is provisional (issue 15)
        String narrative = CriteriaVerification.narrativeVi(sets.get(d.criteriaSetId()).set());
        IssuedCredential ic = issuer().issue(new TitleAward(d.subjectType().kind(), year, holderDid, ids,
                d.criteriaSetId() + "#" + d.id(), Instant.now(), null, narrative), status);
        jdbc.update("insert into titles_credential (id, evaluation_id, status_index, form, holder, jwt) values (?, ?, ?, 'ob3', ?, ?)",
                ic.id(), d.id(), index, holderDid, ic.jwt());
        return ic;
    }

    /** Key rotation by the city administrator: a new signing key; the old one stays published (audited). */
    @org.springframework.transaction.annotation.Transactional
    public String rotateKey() {
        String before = keys.keys().kid();
        String after = keys.rotate();
        audit.record("titles.issuer-key.rotate", "titles_issuer_key", after, "01", Map.of("kid", before), Map.of("kid", after),
                "Đổi khóa ký chứng nhận số (khóa cũ vẫn được công bố)");
        return after;
    }

    public String jwks() {
        return keys.ring().publicJwksJson();
    }

    /** The did:web document at /.well-known/did.json: every key, the issuer Profile as an alias. */
    public Map<String, Object> didDocument() {
        return keys.ring().didDocument(keys.did(), keys.https() ? List.of(keys.issuerId()) : List.of());
    }

    /** The public issuer Profile served at the issuer id (OB 3.0 Profile, with the OB and VC contexts). */
    public Map<String, Object> issuerProfileDocument() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("@context", CredentialIssuer.CONTEXT);
        p.putAll(issuer().issuerProfile());
        p.put("description", "Cơ quan cấp danh hiệu học tập và chứng nhận số Open Badges 3.0 của thành phố Hà Nội (Nghị quyết 23-NQ/TU). "
                + "Khóa ký: " + keys.did() + " (/.well-known/did.json).");
        p.put("otherIdentifier", List.of(Map.of("type", "IdentifierEntry", "identifier", keys.did(), "identifierType", "identifier")));
        return p;
    }

    /** The public OB 3.0 Achievement of a title and year (null when the slug is not a title). */
    public Map<String, Object> achievementDocument(String slug, int year) {
        TitleKind kind = CredentialIssuer.kindOfSlug(slug);
        if (kind == null || year < 2000 || year > 2100) return null;
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("@context", CredentialIssuer.CONTEXT);
        a.putAll(issuer().achievement(kind, year));
        return a;
    }

    /** The revoked credentials: every credential of a revoked title, new and old. */
    public RevocationList revocations() {
        Set<String> ids = new TreeSet<>(jdbc.queryForList("""
                select c.id from titles_credential c join titles_evaluation e on e.id = c.evaluation_id where e.status = 'REVOKED'""", String.class));
        return new RevocationList(keys.revocationListUrl(), keys.issuerId(), ids);
    }

    /** The 1EdTech Revocation List Status Method 1.0 document. */
    public Map<String, Object> revocationDocument() {
        return revocations().document();
    }

    /** The signed BitstringStatusListCredential of list {@code n} (1-based), or null beyond the lists in use. */
    public String statusListCredential(int n) {
        if (n < 1) return null;
        long lo = (long) (n - 1) * BitstringStatusList.SIZE;
        Long max = jdbc.queryForObject("select max(status_index) from titles_credential", Long.class);
        if (n > 1 && (max == null || max < lo)) return null;
        BitstringStatusList list = new BitstringStatusList();
        jdbc.queryForList("""
                select c.status_index from titles_credential c join titles_evaluation e on e.id = c.evaluation_id
                where e.status = 'REVOKED' and c.status_index >= ? and c.status_index < ?""", Long.class, lo, lo + BitstringStatusList.SIZE)
                .forEach(i -> list.set((int) (i - lo)));
        return issuer().signStatusList(keys.statusListUrl(n), list, Instant.now(), STATUS_TTL_MILLIS);
    }

    /** Verifies a VC-JWT against the published keys and the revocation list, as an independent verifier would. */
    public VerificationResult verifyCredential(String jwt) {
        return new CredentialVerifier(keys.trustedIssuerIds(), Clock.systemUTC()).verify(jwt == null ? "" : jwt.strip(), jwks(), revocations());
    }

    /** The public verification of a certificate code (empty when the code is not one of ours). */
    public Optional<Verification> verify(String code) {
        if (code == null || !code.matches("[A-Z0-9]{32}")) return Optional.empty();
        return jdbc.query("""
                select e.*, c.year, c.kind,
                       (select max(h.at) from titles_history h where h.evaluation_id = e.id and h.to_status = 'REVOKED') revoked_at
                from titles_evaluation e join titles_campaign c on c.id = e.campaign_id
                where e.verification_code = ?""", (rs, n) -> {
            SubjectType type = SubjectType.valueOf(rs.getString("subject_type"));
            String jwt = rs.getString("credential_jwt");
            String commune = rs.getString("commune_code");
            String communeName = units.version(commune, HanoiTime.today()).map(u -> u.name()).orElse(commune);
            TitleStatus status = TitleStatus.valueOf(rs.getString("status"));
            CriteriaSet set = sets.get(rs.getLong("criteria_set_id")).set();
            return new Verification(code, type.kind().nameVi() + " năm " + rs.getInt("year"), rs.getString("subject_name"),
                    communeName, rs.getInt("year"), status,
                    status == TitleStatus.REVOKED && rs.getTimestamp("revoked_at") != null ? rs.getTimestamp("revoked_at").toInstant() : null,
                    rs.getTimestamp("published_at") == null ? null : rs.getTimestamp("published_at").toInstant(),
                    jwt != null, jwt == null ? null : verifyCredential(jwt), set, CriteriaVerification.of(set));
        }, code).stream().findFirst();
    }

    public Optional<String> credentialJwt(long dossierId) {
        return jdbc.query("select credential_jwt from titles_evaluation where id = ? and status = 'PUBLISHED'", (rs, n) -> rs.getString(1), dossierId)
                .stream().filter(s -> s != null).findFirst();
    }

    /** The certificate as PDF: the facts of the public page (title, holder, commune, year, publication date, code) and a QR code of its URL. */
    public byte[] pdf(Campaigns.Dossier d, Campaigns.Campaign c) {
        String url = keys.publicUrl() + "/public/verify/" + d.verificationCode();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ReportPdf pdf = ReportPdf.open(out, PageSize.A4.rotate(), new float[] {48, 48, 48, 48}, ReportText.of(false),
                "Giấy chứng nhận " + d.subjectType().kind().nameVi() + " năm " + c.year(), "", 15)) {
            BaseFont regular = pdf.fonts().regularBase();
            BaseFont bold = pdf.fonts().boldBase();
            PdfContentByte cb = pdf.writer().getDirectContent();
            float width = PageSize.A4.rotate().getWidth();
            float height = PageSize.A4.rotate().getHeight();
            cb.setLineWidth(3f);
            cb.setRGBColorStroke(0x1f, 0x4e, 0x79);
            cb.rectangle(24, 24, width - 48, height - 48);
            cb.stroke();
            String commune = units.version(d.communeCode(), HanoiTime.today()).map(u -> u.name()).orElse(d.communeCode());
            text(cb, bold, 14, width / 2, height - 80, OfficialDocument.NATIONAL_NAME);
            text(cb, regular, 12, width / 2, height - 98, "Độc lập – Tự do – Hạnh phúc");
            text(cb, bold, 30, width / 2, height - 170, "GIẤY CHỨNG NHẬN");
            text(cb, regular, 15, width / 2, height - 205, "Danh hiệu");
            text(cb, bold, 24, width / 2, height - 240, "\u201C" + d.subjectType().kind().nameVi().toUpperCase(java.util.Locale.forLanguageTag("vi")) + "\u201D");
            text(cb, regular, 15, width / 2, height - 275, "năm " + c.year());
            text(cb, bold, 20, width / 2, height - 320, d.subjectName());
            text(cb, regular, 13, width / 2, height - 345, commune + ", thành phố Hà Nội");
            // the criteria set and how much of it rests on a source, once (the same words as the pages and the credential)
            CriteriaSet set = sets.get(d.criteriaSetId()).set();
            text(cb, regular, 10, width / 2, height - 372, "Bộ tiêu chí: " + set.title() + " (phiên bản " + set.version() + ")");
            text(cb, regular, 10, width / 2, height - 387, CriteriaVerification.of(set).summaryVi());
            String date = d.publishedAt() == null ? "" : DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(HanoiTime.ZONE).format(d.publishedAt());
            // the verification lines sit left of the QR code (bottom right)
            float left = (width - 200) / 2;
            text(cb, regular, 11, left, 110, "Công bố ngày " + date + " · Mã xác minh: " + d.verificationCode());
            text(cb, regular, 9, left, 92, "Kiểm tra tại " + url);
            vn.hoctap.platform.PdfQrCode.draw(cb, url, width - 48 - 24 - 130, 56, 130);
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

}
