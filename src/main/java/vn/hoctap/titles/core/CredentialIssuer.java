package vn.hoctap.titles.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Issues learning titles as Open Badges 3.0 {@code OpenBadgeCredential}s (OB 3.0 Final, document version 1.2,
 * 23/12/2024, on the W3C VC Data Model 2.0) secured with the OB 3.0 "JSON Web Token Proof Format" (§8.2):
 * <ul>
 *   <li>JOSE header (§8.2.3) exactly {@code {alg, kid, typ:"JWT"}} — "Additional JOSE Headers are NOT allowed"; the
 *       VC-JOSE-COSE {@code typ: vc+jwt} is deliberately not used;</li>
 *   <li>JWT payload (§8.2.4) "the JSON object of the OpenBadgeCredential" itself, plus {@code iss} = issuer.id,
 *       {@code jti} = id, {@code nbf} = validFrom, {@code sub} = credentialSubject.id and {@code exp} = validUntil
 *       when it has one — no {@code vc} claim (that is the VCDM 1.1 form, which OB 3.0 only reads for compatibility);</li>
 *   <li>{@code credentialSchema} the official 1EdTech JSON Schema ({@code 1EdTechJsonSchemaValidator2019}), and
 *       {@code credentialStatus} a W3C Bitstring Status List v1.0 {@code BitstringStatusListEntry}.</li>
 * </ul>
 * The status list itself is a credential secured the same way ({@link #signStatusList}). See docs/titles.md §3.
 */
public final class CredentialIssuer {
    public static final List<String> CONTEXT = List.of("https://www.w3.org/ns/credentials/v2",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json");
    public static final String REVOCATION_LIST_TYPE = "1EdTechRevocationList";
    public static final String SCHEMA_URL = "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json";
    public static final String SCHEMA_TYPE = "1EdTechJsonSchemaValidator2019";

    private final IssuerProfile issuer;
    private final IssuerKeys keys;
    private final String achievementBaseUrl;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param achievementBaseUrl e.g. {@code https://hoctap.hanoi.gov.vn/public/titles/achievements}; an achievement id is
     *                           {@code <base>/<title slug>/<year>} ({@link #achievementId})
     */
    public CredentialIssuer(IssuerProfile issuer, IssuerKeys keys, String achievementBaseUrl) {
        this.issuer = Objects.requireNonNull(issuer);
        this.keys = Objects.requireNonNull(keys);
        this.achievementBaseUrl = Objects.requireNonNull(achievementBaseUrl);
    }

    /** The URL slug of a title: cong-dan-hoc-tap, gia-dinh-hoc-tap, … */
    public static String slug(TitleKind kind) {
        return switch (kind) {
            case CONG_DAN -> "cong-dan-hoc-tap";
            case GIA_DINH -> "gia-dinh-hoc-tap";
            case DONG_HO -> "dong-ho-hoc-tap";
            case CONG_DONG -> "cong-dong-hoc-tap";
            case DON_VI -> "don-vi-hoc-tap";
            case CONG_DONG_XA -> "cong-dong-hoc-tap-cap-xa";
        };
    }

    public static TitleKind kindOfSlug(String slug) {
        for (TitleKind k : TitleKind.values()) if (slug(k).equals(slug)) return k;
        return null;
    }

    public String achievementId(TitleKind kind, int year) { return achievementBaseUrl + "/" + slug(kind) + "/" + year; }

    /** The OB 3.0 {@code Achievement} of a title and year (also served, public, at its id), with the title's general narrative. */
    public Map<String, Object> achievement(TitleKind kind, int year) {
        return achievement(kind, year, null);
    }

    /**
     * The Achievement with the narrative of the criteria set the title was scored with (issue 15): the credential says
     * which set and version, its pass rule and how much of it is "tiêu chí tạm thời của HọcTập"; {@code null} gives
     * the general narrative of {@link #criteria(TitleKind)}.
     */
    public Map<String, Object> achievement(TitleKind kind, int year, String criteriaNarrative) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("id", achievementId(kind, year));
        a.put("type", List.of("Achievement"));
        a.put("achievementType", "Award");
        a.put("name", kind.nameVi() + " năm " + year);
        a.put("description", "Danh hiệu \"" + kind.nameVi() + "\" năm " + year + " (" + kind.nameEn() + " title), công nhận theo Nghị quyết 23-NQ/TU của Thành ủy Hà Nội về xây dựng xã hội học tập.");
        a.put("criteria", Map.of("narrative", criteriaNarrative == null || criteriaNarrative.isBlank() ? criteria(kind) : criteriaNarrative));
        a.put("inLanguage", "vi");
        return a;
    }

    /**
     * The general narrative of a title (the public Achievement at its id; each credential carries its set's own). Issue
     * 15: no official 2021–2030 list of indicators and points was found for any title, so every narrative says the
     * scoring is "tiêu chí tạm thời của HọcTập" and names a legal text only for what it really gives (docs/titles.md §1).
     */
    static String criteria(TitleKind kind) {
        return switch (kind) {
            case CONG_DAN -> "Chấm theo tiêu chí tạm thời của HọcTập (danh mục chỉ số và điểm của QĐ 324/QĐ-KHVN chưa tìm thấy); "
                    + "mức đạt từ 80/100 điểm, không chỉ số nào dưới 5 điểm theo báo cáo về QĐ 324/QĐ-KHVN (nguồn thứ cấp).";
            case GIA_DINH -> "Chấm theo tiêu chí tạm thời của HọcTập (bộ tiêu chí 2021–2030 của Hội Khuyến học Việt Nam chưa tìm thấy; "
                    + "tiêu chí 1 theo QĐ 448/QĐ-KHVN giai đoạn 2016–2020), được UBND cấp xã công nhận.";
            case DONG_HO -> "Chấm theo tiêu chí tạm thời của HọcTập (bộ tiêu chí của Hội Khuyến học Việt Nam chưa tìm thấy), được UBND cấp xã công nhận.";
            case CONG_DONG -> "Chấm theo tiêu chí tạm thời của HọcTập (bộ tiêu chí Cộng đồng học tập cấp thôn, tổ dân phố của Hội Khuyến học Việt Nam chưa tìm thấy), "
                    + "được UBND cấp xã công nhận.";
            case DON_VI -> "Đơn vị thuộc xã quản lý: chấm theo tiêu chí tạm thời của HọcTập, được UBND cấp xã công nhận; đơn vị cấp thành phố: "
                    + "tiêu chí 3 mức độ 1 theo Thông tư 24/2023/TT-BGDĐT, phần còn lại là tiêu chí tạm thời của HọcTập, được thành phố công nhận.";
            case CONG_DONG_XA -> "Mức độ 1: tiêu chí 1 và 2 theo Thông tư 25/2023/TT-BGDĐT, các tiêu chí khác là tiêu chí tạm thời của HọcTập; "
                    + "được thành phố công nhận.";
        };
    }

    /** The issuer as embedded in credentials: an OB 3.0 {@code Profile}. */
    public Map<String, Object> issuerProfile() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", issuer.id());
        p.put("type", List.of("Profile"));
        p.put("name", issuer.name());
        if (issuer.url() != null) p.put("url", issuer.url());
        return p;
    }

    public IssuedCredential issue(TitleAward award, StatusEntry status) {
        String id = "urn:uuid:" + UUID.randomUUID();
        String subjectId = award.subjectId() != null ? award.subjectId() : "urn:uuid:" + UUID.randomUUID();
        Instant validFrom = award.validFrom().truncatedTo(ChronoUnit.SECONDS);
        Instant validUntil = award.validUntil() == null ? null : award.validUntil().truncatedTo(ChronoUnit.SECONDS);

        List<Map<String, Object>> identifiers = new ArrayList<>();
        for (TitleAward.Identity i : award.identities()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("type", "IdentityObject");
            if (i.hashed()) {
                byte[] saltBytes = new byte[16];
                random.nextBytes(saltBytes);
                String salt = HexFormat.of().formatHex(saltBytes);
                o.put("identityHash", identityHash(normalise(i.value(), i.identityType()), salt));
                o.put("identityType", i.identityType());
                o.put("hashed", true);
                o.put("salt", salt);
            } else {
                o.put("identityHash", i.value());
                o.put("identityType", i.identityType());
                o.put("hashed", false);
            }
            identifiers.add(o);
        }
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("id", subjectId);
        subject.put("type", List.of("AchievementSubject"));
        if (!identifiers.isEmpty()) subject.put("identifier", identifiers);
        subject.put("achievement", achievement(award.kind(), award.year(), award.criteriaNarrative()));

        Map<String, Object> vc = new LinkedHashMap<>();
        vc.put("@context", CONTEXT);
        vc.put("id", id);
        vc.put("type", List.of("VerifiableCredential", "OpenBadgeCredential"));
        vc.put("issuer", issuerProfile());
        vc.put("validFrom", DateTimeFormatter.ISO_INSTANT.format(validFrom));
        if (validUntil != null) vc.put("validUntil", DateTimeFormatter.ISO_INSTANT.format(validUntil));
        vc.put("name", award.kind().nameVi() + " năm " + award.year());
        vc.put("credentialSubject", subject);
        vc.put("credentialSchema", List.of(Map.of("id", SCHEMA_URL, "type", SCHEMA_TYPE)));
        vc.put("credentialStatus", statusEntry(status));
        if (award.evaluationRef() != null) // the evaluation the title rests on, by reference only
            vc.put("evidence", List.of(Map.of("id", "urn:hoctap:evaluation:" + award.evaluationRef(), "type", List.of("Evidence"))));
        return new IssuedCredential(id, sign(vc), vc);
    }

    static Map<String, Object> statusEntry(StatusEntry s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.statusListCredential() + "#" + s.index());
        m.put("type", "BitstringStatusListEntry");
        m.put("statusPurpose", "revocation");
        m.put("statusListIndex", Integer.toString(s.index()));
        m.put("statusListCredential", s.statusListCredential());
        return m;
    }

    /**
     * The {@code BitstringStatusListCredential} (Bitstring Status List v1.0 §2.2) at {@code url}: purpose revocation,
     * the encoded list, {@code ttl} in milliseconds; signed like the titles (payload = the credential).
     */
    public String signStatusList(String url, BitstringStatusList list, Instant validFrom, long ttlMillis) {
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("id", url + "#list");
        subject.put("type", "BitstringStatusList");
        subject.put("statusPurpose", "revocation");
        subject.put("encodedList", list.encode());
        subject.put("ttl", ttlMillis);
        Map<String, Object> vc = new LinkedHashMap<>();
        vc.put("@context", List.of("https://www.w3.org/ns/credentials/v2"));
        vc.put("id", url);
        vc.put("type", List.of("VerifiableCredential", "BitstringStatusListCredential"));
        vc.put("issuer", issuer.id());
        vc.put("validFrom", DateTimeFormatter.ISO_INSTANT.format(validFrom.truncatedTo(ChronoUnit.SECONDS)));
        vc.put("credentialSubject", subject);
        return sign(vc);
    }

    /**
     * Signs another credential of the platform the same way (used for the learning record's CLR 2.0 ClrCredential):
     * payload = the credential plus iss, jti, nbf, sub and exp derived from it; header alg, kid, typ JWT.
     */
    public String signCredential(Map<String, Object> vc) {
        return sign(vc);
    }

    /** The compact JWS of a credential: the payload is the credential plus the registered claims derived from it. */
    String sign(Map<String, Object> vc) {
        var claims = new JWTClaimsSet.Builder();
        vc.forEach(claims::claim);
        Object iss = vc.get("issuer") instanceof Map<?, ?> m ? m.get("id") : vc.get("issuer");
        claims.issuer((String) iss).jwtID((String) vc.get("id"));
        if (vc.get("credentialSubject") instanceof Map<?, ?> s && s.get("id") instanceof String sub) claims.subject(sub);
        claims.notBeforeTime(Date.from(Instant.parse((String) vc.get("validFrom"))));
        if (vc.get("validUntil") instanceof String until) claims.expirationTime(Date.from(Instant.parse(until)));
        JWSAlgorithm alg = keys.algorithm() == SigningAlgorithm.RS256 ? JWSAlgorithm.RS256 : JWSAlgorithm.ES256;
        var header = new JWSHeader.Builder(alg).type(JOSEObjectType.JWT).keyID(keys.kid()).build();
        var jwt = new SignedJWT(header, claims.build());
        try {
            JWSSigner signer = keys.privateJwk() instanceof RSAKey rsa ? new RSASSASigner(rsa) : new ECDSASigner((ECKey) keys.privateJwk());
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("signing failed", e);
        }
        return jwt.serialize();
    }

    /** OB 3.0 identityHash: {@code "sha256$" + hex(SHA-256(identity + salt))}. */
    public static String identityHash(String normalisedIdentity, String salt) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest((normalisedIdentity + salt).getBytes(StandardCharsets.UTF_8));
            return "sha256$" + HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** E-mail: trimmed, lower-case. Phone: digits only, a leading 0 becomes +84 (Vietnam). */
    public static String normalise(String identity, String identityType) {
        String s = identity.strip();
        if (identityType.equals("emailAddress")) return s.toLowerCase(Locale.ROOT);
        if (identityType.equals("name")) return s;
        String digits = s.replaceAll("[^0-9]", "");
        if (s.startsWith("+")) return "+" + digits;
        if (digits.startsWith("84")) return "+" + digits;
        if (digits.startsWith("0")) return "+84" + digits.substring(1);
        return "+" + digits;
    }
}
