package vn.hoctap.titles.internal;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;

import vn.hoctap.audit.AuditLog;
import vn.hoctap.titles.core.CredentialIssuer;
import vn.hoctap.titles.core.IssuedCredential;
import vn.hoctap.titles.core.TitleKind;
import vn.hoctap.titles.core.TitleStatus;

/**
 * Cấp chứng nhận số vào ví: the OpenID for Verifiable Credential Issuance 1.0 (final, 16/9/2025) pre-authorized code
 * flow. A signed-in reader of a published title, or the resident on their private page, creates a Credential Offer
 * (§4.1, by reference, shown as a QR code); the wallet reads the issuer metadata (§12.2), exchanges the pre-authorized
 * code at the token endpoint (§6, anonymous access), takes a {@code c_nonce} from the nonce endpoint (§7) and sends a
 * credential request (§8.2) with a {@code jwt} key proof (Appendix F.1: typ {@code openid4vci-proof+jwt}, aud = the
 * credential issuer, iat, nonce); it receives a new OB 3.0 credential ({@code jwt_vc_json}, §8.3) whose subject is
 * the wallet key's DID ({@code did:jwk}). Codes are single use and live 10 minutes; only their SHA-256 is stored.
 * No transaction code: the offer is shown only to the holder (private link) or to an official who hands it over.
 */
@Service
public class WalletIssuance {

    public static final String PRE_AUTH_GRANT = "urn:ietf:params:oauth:grant-type:pre-authorized_code";
    public static final String PROOF_TYP = "openid4vci-proof+jwt";
    static final Duration OFFER_LIFETIME = Duration.ofMinutes(10);
    static final Duration TOKEN_LIFETIME = Duration.ofMinutes(10);
    static final Duration NONCE_LIFETIME = Duration.ofMinutes(5);
    static final Duration PROOF_AGE = Duration.ofMinutes(5);
    static final Set<JWSAlgorithm> PROOF_ALGS = Set.of(JWSAlgorithm.ES256, JWSAlgorithm.RS256);
    /** The nonce endpoint is public: at most this many live nonces, so that it cannot be used to fill the table. */
    static final int MAX_LIVE_NONCES = 10_000;

    /** An OAuth / OID4VCI error: {@code error} code and HTTP status. */
    public static final class ProtocolError extends RuntimeException {
        private final String error;
        private final int status;

        ProtocolError(String error, int status, String description) {
            super(description);
            this.error = error;
            this.status = status;
        }

        public String error() { return error; }

        public int status() { return status; }

        public Map<String, Object> body() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("error", error);
            if (getMessage() != null) m.put("error_description", getMessage());
            return m;
        }
    }

    /** A created offer: the {@code openid-credential-offer://} link (for the QR code) and its expiry. */
    public record Offer(String link, String offerUri, Instant expiresAt) {}

    private final JdbcTemplate jdbc;
    private final Campaigns campaigns;
    private final Certificates certificates;
    private final IssuerKeyStore keys;
    private final AuditLog audit;
    private final SecureRandom random = new SecureRandom();

    WalletIssuance(JdbcTemplate jdbc, Campaigns campaigns, Certificates certificates, IssuerKeyStore keys, AuditLog audit) {
        this.jdbc = jdbc;
        this.campaigns = campaigns;
        this.certificates = certificates;
        this.keys = keys;
        this.audit = audit;
    }

    /** The Credential Issuer Identifier (§12.2.1): the platform's public URL. */
    public String credentialIssuer() {
        return keys.publicUrl();
    }

    public static String configurationId(TitleKind kind) {
        return CredentialIssuer.slug(kind);
    }

    /** An offer for a title the signed-in user may read (the read check is {@link Campaigns#dossier}). */
    @Transactional
    public Offer offerFor(long dossierId) {
        return offer(campaigns.dossier(dossierId));
    }

    /** An offer for the resident holding the private link of their self-assessment. */
    @Transactional
    public Offer offerForResident(String publicToken) {
        return offer(campaigns.byPublicToken(publicToken));
    }

    private Offer offer(Campaigns.Dossier d) {
        if (d.status() != TitleStatus.PUBLISHED) throw new vn.hoctap.platform.NotFoundException("titles.error.no-certificate");
        String ref = randomToken();
        Instant expires = Instant.now().plus(OFFER_LIFETIME);
        jdbc.update("""
                insert into titles_wallet_offer (evaluation_id, offer_ref_sha256, code_sha256, created_by, expires_at)
                values (?, ?, ?, ?, ?)""", d.id(), CriteriaSets.sha256(ref), CriteriaSets.sha256(preAuthorizedCode(ref)),
                actor(), java.sql.Timestamp.from(expires));
        audit.record("titles.wallet.offer", "titles_evaluation", String.valueOf(d.id()), d.communeCode(), null,
                Map.of("expires_at", expires.toString()), "Đề nghị cấp chứng nhận số vào ví");
        String offerUri = keys.publicUrl() + "/api/public/oid4vci/offers/" + ref;
        String link = "openid-credential-offer://?credential_offer_uri=" + java.net.URLEncoder.encode(offerUri, StandardCharsets.UTF_8);
        return new Offer(link, offerUri, expires);
    }

    private static String actor() {
        var auth = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        return auth == null || !auth.isAuthenticated() || "anonymousUser".equals(auth.getName()) ? "cư dân (liên kết riêng)" : auth.getName();
    }

    /** The pre-authorized code of an offer, derived (HMAC) from its reference so that neither is stored in clear. */
    private String preAuthorizedCode(String ref) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.HexFormat.of().parseHex(keys.hmac("oid4vci-code:" + ref)));
    }

    /** The Credential Offer object (§4.1.1) behind a {@code credential_offer_uri}; null when unknown or expired. */
    public Map<String, Object> offerObject(String ref) {
        if (ref == null || !ref.matches("[A-Za-z0-9_-]{43}")) return null;
        List<Map<String, Object>> rows = jdbc.queryForList("""
                select o.evaluation_id, c.kind from titles_wallet_offer o join titles_evaluation e on e.id = o.evaluation_id
                join titles_campaign c on c.id = e.campaign_id
                where o.offer_ref_sha256 = ? and o.expires_at > now() and o.token_sha256 is null""", CriteriaSets.sha256(ref));
        if (rows.isEmpty()) return null;
        TitleKind kind = TitleKind.valueOf((String) rows.get(0).get("kind"));
        Map<String, Object> offer = new LinkedHashMap<>();
        offer.put("credential_issuer", credentialIssuer());
        offer.put("credential_configuration_ids", List.of(configurationId(kind)));
        offer.put("grants", Map.of(PRE_AUTH_GRANT, Map.of("pre-authorized_code", preAuthorizedCode(ref))));
        return offer;
    }

    /** Credential Issuer Metadata (§12.2.4): one jwt_vc_json configuration per title. */
    public Map<String, Object> issuerMetadata() {
        String base = keys.publicUrl() + "/api/public/oid4vci";
        Map<String, Object> configs = new LinkedHashMap<>();
        for (TitleKind k : TitleKind.values()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("format", "jwt_vc_json");
            c.put("credential_definition", Map.of("type", List.of("VerifiableCredential", "OpenBadgeCredential")));
            c.put("cryptographic_binding_methods_supported", List.of("did:jwk", "jwk"));
            c.put("credential_signing_alg_values_supported", List.of("RS256"));
            c.put("proof_types_supported", Map.of("jwt", Map.of("proof_signing_alg_values_supported", List.of("ES256", "RS256"))));
            c.put("credential_metadata", Map.of("display", List.of(
                    Map.of("name", k.nameVi(), "locale", "vi", "description", "Danh hiệu " + k.nameVi() + " (Open Badges 3.0)", "background_color", "#1f4e79", "text_color", "#FFFFFF"),
                    Map.of("name", k.nameEn(), "locale", "en", "description", k.nameEn() + " title (Open Badges 3.0)", "background_color", "#1f4e79", "text_color", "#FFFFFF"))));
            configs.put(configurationId(k), c);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("credential_issuer", credentialIssuer());
        m.put("credential_endpoint", base + "/credential");
        m.put("nonce_endpoint", base + "/nonce");
        m.put("display", List.of(Map.of("name", IssuerKeyStore.ISSUER_NAME, "locale", "vi"),
                Map.of("name", "Hà Nội Learning Society Steering Committee", "locale", "en")));
        m.put("credential_configurations_supported", configs);
        return m;
    }

    /** OAuth 2.0 Authorization Server Metadata (RFC 8414) of the same host, with the OID4VCI §12.3 parameter. */
    public Map<String, Object> authorizationServerMetadata() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("issuer", credentialIssuer());
        m.put("token_endpoint", keys.publicUrl() + "/api/public/oid4vci/token");
        m.put("grant_types_supported", List.of(PRE_AUTH_GRANT));
        m.put("pre-authorized_grant_anonymous_access_supported", true);
        m.put("response_types_supported", List.of());
        return m;
    }

    /** Token Request (§6.1) with the pre-authorized code; the code is spent here. */
    @Transactional
    public Map<String, Object> token(String grantType, String code, String txCode) {
        if (!PRE_AUTH_GRANT.equals(grantType)) throw new ProtocolError("unsupported_grant_type", 400, "only the pre-authorized code grant");
        if (txCode != null) throw new ProtocolError("invalid_request", 400, "no transaction code is expected");
        if (code == null || code.isBlank()) throw new ProtocolError("invalid_request", 400, "pre-authorized_code missing");
        String token = randomToken();
        Instant exp = Instant.now().plus(TOKEN_LIFETIME);
        int n = jdbc.update("""
                update titles_wallet_offer set token_sha256 = ?, token_expires_at = ?
                where code_sha256 = ? and token_sha256 is null and expires_at > now()""",
                CriteriaSets.sha256(token), java.sql.Timestamp.from(exp), CriteriaSets.sha256(code));
        if (n != 1) throw new ProtocolError("invalid_grant", 400, "unknown, used or expired pre-authorized code");
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("access_token", token);
        r.put("token_type", "Bearer");
        r.put("expires_in", TOKEN_LIFETIME.toSeconds());
        return r;
    }

    /** Nonce Request (§7.1): a fresh, unpredictable c_nonce, stored for 5 minutes and usable once. */
    @Transactional
    public Map<String, Object> nonce() {
        String nonce = randomToken();
        jdbc.update("delete from titles_wallet_nonce where expires_at < now() or used");
        Integer live = jdbc.queryForObject("select count(*) from titles_wallet_nonce", Integer.class);
        if (live != null && live >= MAX_LIVE_NONCES) throw new ProtocolError("temporarily_unavailable", 503, "too many outstanding nonces");
        jdbc.update("insert into titles_wallet_nonce (nonce, expires_at) values (?, ?)", nonce, java.sql.Timestamp.from(Instant.now().plus(NONCE_LIFETIME)));
        return Map.of("c_nonce", nonce);
    }

    /** Credential Request (§8.2) with a bearer access token and one jwt key proof; the token is spent here. */
    @Transactional
    public Map<String, Object> credential(String authorization, Map<String, Object> request) {
        if (authorization == null || !authorization.startsWith("Bearer ")) throw new ProtocolError("invalid_token", 401, "a bearer access token is required");
        String token = authorization.substring("Bearer ".length()).strip();
        List<Map<String, Object>> rows = jdbc.queryForList("""
                select o.id, o.evaluation_id, c.kind, c.year from titles_wallet_offer o join titles_evaluation e on e.id = o.evaluation_id
                join titles_campaign c on c.id = e.campaign_id
                where o.token_sha256 = ? and o.token_expires_at > now() and o.credential_id is null for update of o""", CriteriaSets.sha256(token));
        if (rows.isEmpty()) throw new ProtocolError("invalid_token", 401, "unknown, used or expired access token");
        Map<String, Object> row = rows.get(0);
        TitleKind kind = TitleKind.valueOf((String) row.get("kind"));
        if (request == null || !configurationId(kind).equals(request.get("credential_configuration_id")))
            throw new ProtocolError("unknown_credential_configuration", 400, "the offer was for " + configurationId(kind));
        if (!(request.get("proofs") instanceof Map<?, ?> proofs) || !(proofs.get("jwt") instanceof List<?> jwts) || jwts.size() != 1
                || !(jwts.get(0) instanceof String proofJwt))
            throw new ProtocolError("invalid_proof", 400, "proofs.jwt must hold exactly one key proof");
        String holderDid = checkProof(proofJwt);
        Campaigns.Dossier d = campaigns.find(((Number) row.get("evaluation_id")).longValue());
        if (d.status() != TitleStatus.PUBLISHED) throw new ProtocolError("credential_request_denied", 400, "the title is no longer published");
        IssuedCredential ic = certificates.issueCredential(d, ((Number) row.get("year")).intValue(), campaigns.contact(d.id()), holderDid);
        jdbc.update("update titles_wallet_offer set credential_id = ? where id = ?", ic.id(), ((Number) row.get("id")).longValue());
        audit.record("titles.wallet.issue", "titles_evaluation", String.valueOf(d.id()), d.communeCode(), null,
                Map.of("credential", ic.id()), "Cấp chứng nhận số vào ví");
        return Map.of("credentials", List.of(Map.of("credential", ic.jwt())));
    }

    /** Checks a jwt key proof (Appendix F.1) and returns the DID the credential is bound to. */
    String checkProof(String proofJwt) {
        SignedJWT proof;
        try {
            proof = SignedJWT.parse(proofJwt);
        } catch (ParseException e) {
            throw new ProtocolError("invalid_proof", 400, "not a JWT");
        }
        var h = proof.getHeader();
        if (!new JOSEObjectType(PROOF_TYP).equals(h.getType())) throw new ProtocolError("invalid_proof", 400, "typ must be " + PROOF_TYP);
        if (!PROOF_ALGS.contains(h.getAlgorithm())) throw new ProtocolError("invalid_proof", 400, "alg not supported");
        JWK key;
        String did;
        if (h.getJWK() != null && h.getKeyID() == null) {
            key = h.getJWK();
            did = "did:jwk:" + Base64.getUrlEncoder().withoutPadding().encodeToString(key.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8));
        } else if (h.getKeyID() != null && h.getJWK() == null && h.getKeyID().startsWith("did:jwk:")) {
            did = h.getKeyID().contains("#") ? h.getKeyID().substring(0, h.getKeyID().indexOf('#')) : h.getKeyID();
            try {
                key = JWK.parse(new String(Base64.getUrlDecoder().decode(did.substring("did:jwk:".length())), StandardCharsets.UTF_8));
            } catch (ParseException | IllegalArgumentException e) {
                throw new ProtocolError("invalid_proof", 400, "kid is not a did:jwk");
            }
        } else {
            throw new ProtocolError("invalid_proof", 400, "the key must be given as jwk or as a did:jwk kid");
        }
        if (key.isPrivate()) throw new ProtocolError("invalid_proof", 400, "the proof carries a private key");
        try {
            JWSVerifier v;
            if (key instanceof ECKey ec && JWSAlgorithm.ES256.equals(h.getAlgorithm())) v = new ECDSAVerifier(ec);
            else if (key instanceof RSAKey rsa && JWSAlgorithm.RS256.equals(h.getAlgorithm())) v = new RSASSAVerifier(rsa);
            else throw new ProtocolError("invalid_proof", 400, "key and alg do not match");
            if (!proof.verify(v)) throw new ProtocolError("invalid_proof", 400, "the proof's signature does not verify");
            var claims = proof.getJWTClaimsSet();
            if (claims.getAudience() == null || !claims.getAudience().equals(List.of(credentialIssuer())))
                throw new ProtocolError("invalid_proof", 400, "aud must be " + credentialIssuer());
            if (claims.getIssueTime() == null || claims.getIssueTime().toInstant().isBefore(Instant.now().minus(PROOF_AGE))
                    || claims.getIssueTime().toInstant().isAfter(Instant.now().plusSeconds(60)))
                throw new ProtocolError("invalid_proof", 400, "iat missing or not recent");
            String nonce = claims.getStringClaim("nonce");
            if (nonce == null || jdbc.update("update titles_wallet_nonce set used = true where nonce = ? and not used and expires_at > now()", nonce) != 1)
                throw new ProtocolError("invalid_nonce", 400, "use a fresh c_nonce from the nonce endpoint");
        } catch (JOSEException | ParseException e) {
            throw new ProtocolError("invalid_proof", 400, e.getMessage());
        }
        return did;
    }

    private String randomToken() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b); // 43 characters
    }
}
