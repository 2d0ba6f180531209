package vn.hoctap.titles.core;

import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Verifies an OB 3.0 VC-JWT OFFLINE, against a published JWKS JSON string (every key, current and retired) and a
 * revocation list: strict compact form (each part canonical base64url, so no two strings verify as the same token),
 * header {alg RS256|ES256, kid, typ absent or "JWT"}, signature with the JWKS key named by kid, then the OB 3.0
 * §8.2.6 claim checks (iss = issuer.id = a trusted issuer, jti = id, sub = credentialSubject.id, nbf = validFrom and
 * not in the future, exp = validUntil and not passed), then revocation. The credential is the JWT payload (OB 3.0 on
 * VCDM 2.0); a payload with a {@code vc} claim (the VCDM 1.1 form this platform issued before issue 16) is read from
 * that claim, as OB 3.0 §8.2.6's note says.
 */
public final class CredentialVerifier {
    private final Set<String> trustedIssuerIds;
    private final Clock clock;

    /** @param trustedIssuerId the issuer id the platform accepts (null: accept whatever iss the signed token names) */
    public CredentialVerifier(String trustedIssuerId, Clock clock) {
        this(trustedIssuerId == null ? null : Set.of(trustedIssuerId), clock);
    }

    /** @param trustedIssuerIds the issuer ids the platform accepts, its former ones included (null: any) */
    public CredentialVerifier(Set<String> trustedIssuerIds, Clock clock) {
        this.trustedIssuerIds = trustedIssuerIds == null ? null : Set.copyOf(trustedIssuerIds);
        this.clock = Objects.requireNonNull(clock);
    }

    public VerificationResult verify(String jwt, String jwksJson, RevocationList revocations) {
        List<VerificationFailure> failures = new ArrayList<>();
        List<String> details = new ArrayList<>();
        if (jwt == null) return fail(VerificationFailure.MALFORMED, "no token");
        String token = jwt.strip();
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) return fail(VerificationFailure.MALFORMED, "a compact JWS has 3 parts, found " + parts.length);
        for (String p : parts) {
            if (p.isEmpty() || !p.matches("[A-Za-z0-9_-]+") || !Base64URL.encode(new Base64URL(p).decode()).toString().equals(p))
                return fail(VerificationFailure.MALFORMED, "a part is not canonical base64url");
        }
        SignedJWT signed;
        JWTClaimsSet claims;
        try {
            signed = SignedJWT.parse(token);
            claims = signed.getJWTClaimsSet();
        } catch (ParseException e) {
            return fail(VerificationFailure.MALFORMED, e.getMessage());
        }
        var header = signed.getHeader();
        JWSAlgorithm alg = header.getAlgorithm();
        if (!JWSAlgorithm.RS256.equals(alg) && !JWSAlgorithm.ES256.equals(alg))
            return fail(VerificationFailure.MALFORMED, "algorithm " + alg + " not accepted (RS256, ES256)");
        if (header.getType() != null && !JOSEObjectType.JWT.equals(header.getType()))
            return fail(VerificationFailure.MALFORMED, "typ must be JWT");
        if (header.getCriticalParams() != null && !header.getCriticalParams().isEmpty())
            return fail(VerificationFailure.MALFORMED, "crit header not supported");
        if (header.getKeyID() == null) return fail(VerificationFailure.UNKNOWN_KEY, "no kid in the header");

        JWK key;
        try {
            key = JWKSet.parse(jwksJson).getKeyByKeyId(header.getKeyID());
        } catch (ParseException e) {
            return fail(VerificationFailure.UNKNOWN_KEY, "the published key set is not a JWKS: " + e.getMessage());
        }
        if (key == null) return fail(VerificationFailure.UNKNOWN_KEY, "kid " + header.getKeyID() + " not in the key set");
        if (key.isPrivate()) return fail(VerificationFailure.UNKNOWN_KEY, "the published key set contains a private key");
        try {
            JWSVerifier verifier;
            if (JWSAlgorithm.RS256.equals(alg) && key instanceof RSAKey rsa) verifier = new RSASSAVerifier(rsa);
            else if (JWSAlgorithm.ES256.equals(alg) && key instanceof ECKey ec) verifier = new ECDSAVerifier(ec);
            else return fail(VerificationFailure.SIGNATURE_INVALID, "key type " + key.getKeyType() + " does not match " + alg);
            if (!signed.verify(verifier)) return fail(VerificationFailure.SIGNATURE_INVALID, "signature does not verify");
        } catch (JOSEException e) {
            return fail(VerificationFailure.SIGNATURE_INVALID, e.getMessage());
        }

        // Signed content from here on: the OB 3.0 claim checks.
        Map<String, Object> vc;
        Map<String, Object> payload = claims.toJSONObject();
        if (payload.get("@context") == null && payload.get("vc") instanceof Map<?, ?>) {
            try {
                vc = claims.getJSONObjectClaim("vc"); // the VCDM 1.1 form (issued before issue 16)
            } catch (ParseException e) {
                vc = null;
            }
        } else {
            vc = new java.util.LinkedHashMap<>(payload);
            for (String registered : List.of("iss", "jti", "sub", "nbf", "exp", "iat", "aud")) vc.remove(registered);
        }
        if (vc == null || vc.get("@context") == null) return fail(VerificationFailure.MALFORMED, "the payload is not a credential");
        Object types = vc.get("type");
        if (!(types instanceof List<?> tl) || !tl.contains("VerifiableCredential") || !tl.contains("OpenBadgeCredential"))
            failures.add(note(details, VerificationFailure.MALFORMED, "vc.type must contain VerifiableCredential and OpenBadgeCredential"));

        String vcIssuer = vc.get("issuer") instanceof Map<?, ?> im ? str(im.get("id")) : str(vc.get("issuer"));
        if (claims.getIssuer() == null || !claims.getIssuer().equals(vcIssuer))
            failures.add(note(details, VerificationFailure.CLAIMS_MISMATCH, "iss " + claims.getIssuer() + " ≠ vc.issuer.id " + vcIssuer));
        if (trustedIssuerIds != null && !trustedIssuerIds.contains(claims.getIssuer()))
            failures.add(note(details, VerificationFailure.WRONG_ISSUER, "issuer " + claims.getIssuer() + ", expected one of " + trustedIssuerIds));
        if (claims.getJWTID() == null || !claims.getJWTID().equals(vc.get("id")))
            failures.add(note(details, VerificationFailure.CLAIMS_MISMATCH, "jti ≠ vc.id"));
        String subjectId = vc.get("credentialSubject") instanceof Map<?, ?> sm ? str(sm.get("id")) : null;
        if (claims.getSubject() == null || !claims.getSubject().equals(subjectId))
            failures.add(note(details, VerificationFailure.CLAIMS_MISMATCH, "sub ≠ vc.credentialSubject.id"));

        Instant now = clock.instant();
        Date nbf = claims.getNotBeforeTime();
        Instant validFrom = instant(vc.get("validFrom"));
        if (nbf == null || validFrom == null || !nbf.toInstant().equals(validFrom))
            failures.add(note(details, VerificationFailure.CLAIMS_MISMATCH, "nbf ≠ vc.validFrom"));
        else if (now.isBefore(validFrom))
            failures.add(note(details, VerificationFailure.NOT_YET_VALID, "valid from " + validFrom));
        Date exp = claims.getExpirationTime();
        Instant validUntil = instant(vc.get("validUntil"));
        if ((exp == null) != (vc.get("validUntil") == null) || (exp != null && !exp.toInstant().equals(validUntil)))
            failures.add(note(details, VerificationFailure.CLAIMS_MISMATCH, "exp ≠ vc.validUntil"));
        else if (exp != null && !now.isBefore(exp.toInstant()))
            failures.add(note(details, VerificationFailure.EXPIRED, "expired at " + exp.toInstant()));

        if (revocations != null && revocations.isRevoked(claims.getJWTID()))
            failures.add(note(details, VerificationFailure.REVOKED, "credential " + claims.getJWTID() + " is revoked (" + revocations.id() + ")"));
        return new VerificationResult(failures, details, vc);
    }

    private static VerificationResult fail(VerificationFailure f, String detail) {
        return new VerificationResult(List.of(f), List.of(f.messageEn() + ": " + detail), null);
    }

    private static VerificationFailure note(List<String> details, VerificationFailure f, String detail) {
        details.add(f.messageEn() + ": " + detail);
        return f;
    }

    private static String str(Object o) { return o instanceof String s ? s : null; }

    private static Instant instant(Object o) {
        if (!(o instanceof String s)) return null;
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
