package vn.hoctap.titles;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
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
 * Issues "Công dân học tập" titles as Open Badges 3.0 {@code OpenBadgeCredential}s secured with the OB 3.0
 * JSON Web Token Proof Format (VC-JWT): a compact JWS whose header is exactly {alg, kid, typ:"JWT"} and whose
 * payload carries the credential in the {@code vc} claim plus {@code iss}=issuer.id, {@code jti}=id,
 * {@code sub}=credentialSubject.id, {@code nbf}=validFrom and {@code exp}=validUntil when set. See docs/titles.md.
 */
public final class CredentialIssuer {
    public static final List<String> CONTEXT = List.of("https://www.w3.org/ns/credentials/v2",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json");
    public static final String REVOCATION_LIST_TYPE = "1EdTechRevocationList";

    private final IssuerProfile issuer;
    private final IssuerKeys keys;
    private final String achievementBaseUrl;
    private final String revocationListUrl;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param achievementBaseUrl e.g. {@code https://hoctap.hanoi.gov.vn/titles/achievements}; the achievement id is
     *                           {@code <base>/cong-dan-hoc-tap/<year>}
     * @param revocationListUrl  where the issuer publishes its {@link RevocationList}
     */
    public CredentialIssuer(IssuerProfile issuer, IssuerKeys keys, String achievementBaseUrl, String revocationListUrl) {
        this.issuer = Objects.requireNonNull(issuer);
        this.keys = Objects.requireNonNull(keys);
        this.achievementBaseUrl = Objects.requireNonNull(achievementBaseUrl);
        this.revocationListUrl = Objects.requireNonNull(revocationListUrl);
    }

    public IssuedCredential issueCitizenTitle(CitizenTitleAward award) {
        String id = "urn:uuid:" + UUID.randomUUID();
        String subjectId = "urn:uuid:" + UUID.randomUUID(); // pseudonymous; links to no personal data
        byte[] saltBytes = new byte[16];
        random.nextBytes(saltBytes);
        String salt = HexFormat.of().formatHex(saltBytes);
        Instant validFrom = award.validFrom().truncatedTo(ChronoUnit.SECONDS);
        Instant validUntil = award.validUntil() == null ? null : award.validUntil().truncatedTo(ChronoUnit.SECONDS);
        String titleName = "Công dân học tập năm " + award.year();

        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("type", "IdentityObject");
        identity.put("identityHash", identityHash(normalise(award.identity(), award.identityType()), salt));
        identity.put("identityType", award.identityType());
        identity.put("hashed", true);
        identity.put("salt", salt);

        Map<String, Object> criteria = new LinkedHashMap<>();
        criteria.put("narrative", award.criteriaNarrative() != null ? award.criteriaNarrative()
                : "Đạt từ 80/100 điểm trở lên theo bộ tiêu chí Công dân học tập (QĐ 324/QĐ-KHVN), không chỉ số nào dưới 5 điểm.");
        Map<String, Object> achievement = new LinkedHashMap<>();
        achievement.put("id", achievementBaseUrl + "/cong-dan-hoc-tap/" + award.year());
        achievement.put("type", List.of("Achievement"));
        achievement.put("name", titleName);
        achievement.put("description", "Danh hiệu \"Công dân học tập\" năm " + award.year() + " (Learning Citizen title)");
        achievement.put("criteria", criteria);

        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("id", subjectId);
        subject.put("type", List.of("AchievementSubject"));
        subject.put("identifier", List.of(identity));
        subject.put("achievement", achievement);

        Map<String, Object> issuerJson = new LinkedHashMap<>();
        issuerJson.put("id", issuer.id());
        issuerJson.put("type", List.of("Profile"));
        issuerJson.put("name", issuer.name());
        if (issuer.url() != null) issuerJson.put("url", issuer.url());

        Map<String, Object> vc = new LinkedHashMap<>();
        vc.put("@context", CONTEXT);
        vc.put("id", id);
        vc.put("type", List.of("VerifiableCredential", "OpenBadgeCredential"));
        vc.put("issuer", issuerJson);
        vc.put("validFrom", DateTimeFormatter.ISO_INSTANT.format(validFrom));
        if (validUntil != null) vc.put("validUntil", DateTimeFormatter.ISO_INSTANT.format(validUntil));
        vc.put("name", titleName);
        vc.put("credentialSubject", subject);
        vc.put("credentialStatus", Map.of("id", revocationListUrl, "type", REVOCATION_LIST_TYPE));
        if (award.evaluationRef() != null) // the evaluation the title rests on, by reference only
            vc.put("evidence", List.of(Map.of("id", "urn:hoctap:evaluation:" + award.evaluationRef(), "type", List.of("Evidence"))));

        var claims = new JWTClaimsSet.Builder()
                .issuer(issuer.id())
                .jwtID(id)
                .subject(subjectId)
                .notBeforeTime(Date.from(validFrom));
        if (validUntil != null) claims.expirationTime(Date.from(validUntil));
        claims.claim("vc", vc);

        JWSAlgorithm alg = keys.algorithm() == SigningAlgorithm.RS256 ? JWSAlgorithm.RS256 : JWSAlgorithm.ES256;
        var header = new JWSHeader.Builder(alg).type(JOSEObjectType.JWT).keyID(keys.kid()).build();
        var jwt = new SignedJWT(header, claims.build());
        try {
            JWSSigner signer = keys.privateJwk() instanceof RSAKey rsa ? new RSASSASigner(rsa) : new ECDSASigner((ECKey) keys.privateJwk());
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("signing failed", e);
        }
        return new IssuedCredential(id, jwt.serialize(), vc);
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
        String digits = s.replaceAll("[^0-9]", "");
        if (s.startsWith("+")) return "+" + digits;
        if (digits.startsWith("84")) return "+" + digits;
        if (digits.startsWith("0")) return "+84" + digits.substring(1);
        return "+" + digits;
    }
}
