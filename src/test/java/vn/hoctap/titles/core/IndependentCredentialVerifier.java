package vn.hoctap.titles.core;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.json.JsonUtil;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;

/**
 * A verifier written from the specifications alone, with jose4j (not the nimbus-jose-jwt that signs) and no class of
 * the platform: what a third party following them would do.
 * <ol>
 *   <li>OB 3.0 §8.2.6 "Verify a Credential": decode the JOSE header; dereference {@code kid} — a DID URL of a did:web
 *       DID, read from {@code https://<host>/.well-known/did.json} (did:web §3.2) and looked up in
 *       {@code verificationMethod} by id, listed under {@code assertionMethod}, its {@code publicKeyJwk}; verify the
 *       signature (RFC 7515 §5.2); the payload is the credential, or its {@code vc} claim (VCDM 1.1 note); check
 *       iss/sub/nbf/jti/exp against issuer.id, credentialSubject.id, validFrom, id, validUntil.</li>
 *   <li>Status: a {@code BitstringStatusListEntry} (Bitstring Status List v1.0 §3.2 validate algorithm: fetch the
 *       status list credential, verify it the same way, check its statusPurpose, multibase-decode and GUNZIP the
 *       encodedList, at least 131,072 entries, read bit {@code statusListIndex}, left-most first); a
 *       {@code 1EdTechRevocationList} (VCRL 1.0: GET the list at credentialStatus.id; revoked when the credential id is
 *       in {@code revokedCredential} with {@code revoked} true or absent).</li>
 * </ol>
 */
public final class IndependentCredentialVerifier {

    public enum Outcome { VALID, MALFORMED, UNKNOWN_KEY, SIGNATURE_INVALID, CLAIMS_MISMATCH, NOT_YET_VALID, EXPIRED, REVOKED, STATUS_UNAVAILABLE }

    public record Result(Outcome outcome, Map<String, Object> credential) {}

    /** GET of a URL: the body, or null when it cannot be fetched. */
    private final Function<String, String> web;
    private final Instant now;

    public IndependentCredentialVerifier(Function<String, String> web, Instant now) {
        this.web = web;
        this.now = now;
    }

    public Result verify(String compactJws) {
        Signed s = verifySignature(compactJws);
        if (s.failure != null) return new Result(s.failure, null);
        Map<String, Object> payload = s.payload;
        @SuppressWarnings("unchecked")
        Map<String, Object> vc = payload.get("@context") == null && payload.get("vc") instanceof Map<?, ?> m ? (Map<String, Object>) m : payload;
        if (!(vc.get("type") instanceof List<?> types) || !types.contains("VerifiableCredential")) return new Result(Outcome.MALFORMED, vc);
        String issuerId = vc.get("issuer") instanceof Map<?, ?> im ? (String) im.get("id") : (String) vc.get("issuer");
        String subjectId = vc.get("credentialSubject") instanceof Map<?, ?> sm ? (String) sm.get("id") : null;
        if (!eq(payload.get("iss"), issuerId) || !eq(payload.get("jti"), vc.get("id")) || !eq(payload.get("sub"), subjectId))
            return new Result(Outcome.CLAIMS_MISMATCH, vc);
        if (!(payload.get("nbf") instanceof Number nbf) || !(vc.get("validFrom") instanceof String from)
                || nbf.longValue() != Instant.parse(from).getEpochSecond())
            return new Result(Outcome.CLAIMS_MISMATCH, vc);
        if (now.isBefore(Instant.parse(from))) return new Result(Outcome.NOT_YET_VALID, vc);
        if (payload.get("exp") instanceof Number exp) {
            if (!(vc.get("validUntil") instanceof String until) || exp.longValue() != Instant.parse(until).getEpochSecond())
                return new Result(Outcome.CLAIMS_MISMATCH, vc);
            if (!now.isBefore(Instant.ofEpochSecond(exp.longValue()))) return new Result(Outcome.EXPIRED, vc);
        }
        Outcome status = status(vc);
        return new Result(status, vc);
    }

    private static boolean eq(Object a, Object b) { return a != null && a.equals(b); }

    private record Signed(Outcome failure, Map<String, Object> payload) {}

    private Signed verifySignature(String compactJws) {
        try {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setCompactSerialization(compactJws);
            jws.setAlgorithmConstraints(new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, "RS256", "ES256"));
            String typ = jws.getHeader("typ");
            if (typ != null && !typ.equals("JWT")) return new Signed(Outcome.MALFORMED, null);
            String kid = jws.getKeyIdHeaderValue();
            Map<String, Object> jwk = kid == null ? null : dereference(kid);
            if (jwk == null) return new Signed(Outcome.UNKNOWN_KEY, null);
            jws.setKey(PublicJsonWebKey.Factory.newPublicJwk(jwk).getPublicKey());
            if (!jws.verifySignature()) return new Signed(Outcome.SIGNATURE_INVALID, null);
            return new Signed(null, JsonUtil.parseJson(jws.getPayload()));
        } catch (JoseException | RuntimeException e) {
            return new Signed(Outcome.MALFORMED, null);
        }
    }

    /** A DID URL of a did:web → the publicKeyJwk of its verification method (null when it does not resolve). */
    @SuppressWarnings("unchecked")
    Map<String, Object> dereference(String kid) throws JoseException {
        if (!kid.startsWith("did:web:") || !kid.contains("#")) return null;
        String did = kid.substring(0, kid.indexOf('#'));
        String[] segments = did.substring("did:web:".length()).split(":");
        String url = "https://" + segments[0].replace("%3A", ":")
                + (segments.length == 1 ? "/.well-known" : "/" + String.join("/", List.of(segments).subList(1, segments.length))) + "/did.json";
        String body = web.apply(url);
        if (body == null) return null;
        Map<String, Object> doc = JsonUtil.parseJson(body);
        if (!did.equals(doc.get("id"))) return null;
        if (!(doc.get("assertionMethod") instanceof List<?> am) || !am.contains(kid)) return null;
        for (Object o : (List<Object>) doc.getOrDefault("verificationMethod", List.of())) {
            Map<String, Object> vm = (Map<String, Object>) o;
            if (kid.equals(vm.get("id")) && vm.get("publicKeyJwk") instanceof Map<?, ?> k) {
                if (k.containsKey("d")) return null;
                return (Map<String, Object>) k;
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private Outcome status(Map<String, Object> vc) {
        Object cs = vc.get("credentialStatus");
        List<Object> entries = cs == null ? List.of() : cs instanceof List<?> l ? (List<Object>) l : List.of(cs);
        for (Object e : entries) {
            Map<String, Object> entry = (Map<String, Object>) e;
            if ("BitstringStatusListEntry".equals(entry.get("type")) && "revocation".equals(entry.get("statusPurpose"))) {
                String listJwt = web.apply((String) entry.get("statusListCredential"));
                if (listJwt == null) return Outcome.STATUS_UNAVAILABLE;
                Signed s = verifySignature(listJwt);
                if (s.failure != null) return Outcome.STATUS_UNAVAILABLE;
                Map<String, Object> subject = (Map<String, Object>) s.payload.get("credentialSubject");
                if (!(s.payload.get("type") instanceof List<?> t) || !t.contains("BitstringStatusListCredential")
                        || !"revocation".equals(subject.get("statusPurpose")))
                    return Outcome.STATUS_UNAVAILABLE;
                byte[] bits = gunzip(Base64.getUrlDecoder().decode(((String) subject.get("encodedList")).substring(1)));
                if (bits.length * 8 < 131_072) return Outcome.STATUS_UNAVAILABLE;
                int index = Integer.parseInt((String) entry.get("statusListIndex"));
                if (((bits[index / 8] >> (7 - index % 8)) & 1) == 1) return Outcome.REVOKED;
            } else if ("1EdTechRevocationList".equals(entry.get("type"))) {
                String list = web.apply((String) entry.get("id"));
                if (list == null) return Outcome.STATUS_UNAVAILABLE;
                try {
                    Map<String, Object> doc = JsonUtil.parseJson(list);
                    for (Object r : (List<Object>) doc.getOrDefault("revokedCredential", List.of())) {
                        Map<String, Object> rc = (Map<String, Object>) r;
                        if (vc.get("id").equals(rc.get("id")) && !Boolean.FALSE.equals(rc.get("revoked"))) return Outcome.REVOKED;
                    }
                } catch (JoseException ex) {
                    return Outcome.STATUS_UNAVAILABLE;
                }
            }
        }
        return Outcome.VALID;
    }

    public static byte[] gunzip(byte[] b) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(b))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
