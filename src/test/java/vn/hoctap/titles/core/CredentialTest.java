package vn.hoctap.titles.core;


import vn.hoctap.titles.core.CredentialIssuer;
import vn.hoctap.titles.core.CredentialVerifier;
import vn.hoctap.titles.core.IssuedCredential;
import vn.hoctap.titles.core.IssuerKeys;
import vn.hoctap.titles.core.IssuerProfile;
import vn.hoctap.titles.core.RevocationList;
import vn.hoctap.titles.core.SigningAlgorithm;
import vn.hoctap.titles.core.StatusEntry;
import vn.hoctap.titles.core.TitleAward;
import vn.hoctap.titles.core.TitleKind;
import vn.hoctap.titles.core.VerificationFailure;
import vn.hoctap.titles.core.VerificationResult;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class CredentialTest {

    static final String ISSUER_ID = "https://hoctap.hanoi.gov.vn/issuers/ba-dinh";
    static final IssuerProfile ISSUER = new IssuerProfile(ISSUER_ID,
            "Hội Khuyến học phường Ba Đình / UBND phường Ba Đình", "https://hoctap.hanoi.gov.vn");
    static final String STATUS_URL = "https://hoctap.hanoi.gov.vn/credentials/revocations/ba-dinh";
    static final Instant ISSUED = Instant.parse("2026-12-15T03:00:00Z");
    static final Instant NOW = Instant.parse("2027-01-10T00:00:00Z");
    static final JsonMapper JSON = JsonMapper.builder().build();

    static final StatusEntry STATUS = new StatusEntry("https://hoctap.hanoi.gov.vn/api/public/titles/status/1", 7);

    static TitleAward award(Instant validUntil) {
        return new TitleAward(TitleKind.CONG_DAN, 2026, null, List.of(TitleAward.Identity.email("  Nguyen.Van.A@Example.vn ")),
                "cdht-residents@1#42", ISSUED, validUntil);
    }

    static Fixture fixture(SigningAlgorithm alg) {
        IssuerKeys keys = IssuerKeys.generate(alg, "https://hoctap.hanoi.gov.vn/.well-known/jwks.json#" + alg + "-2026-1");
        var issuer = new CredentialIssuer(ISSUER, keys, "https://hoctap.hanoi.gov.vn/titles/achievements");
        return new Fixture(keys, issuer, issuer.issue(award(null), STATUS));
    }

    record Fixture(IssuerKeys keys, CredentialIssuer issuer, IssuedCredential credential) {}

    static CredentialVerifier verifier(Instant now) { return new CredentialVerifier(ISSUER_ID, Clock.fixed(now, ZoneOffset.UTC)); }

    static VerificationResult verify(String jwt, String jwks) { return verifier(NOW).verify(jwt, jwks, RevocationList.empty(STATUS_URL)); }

    @ParameterizedTest
    @EnumSource(SigningAlgorithm.class)
    void issuedCredentialVerifiesAndHasTheOpenBadgesShape(SigningAlgorithm alg) throws Exception {
        Fixture f = fixture(alg);
        VerificationResult r = verify(f.credential().jwt(), f.keys().publicJwksJson());
        assertThat(r.failures()).isEmpty();
        assertThat(r.valid()).isTrue();

        String[] parts = f.credential().jwt().split("\\.");
        JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
        assertThat(header.propertyNames()).containsExactlyInAnyOrder("alg", "kid", "typ");
        assertThat(header.get("alg").asString()).isEqualTo(alg.name());
        assertThat(header.get("typ").asString()).isEqualTo("JWT");
        JsonNode payload = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        // OB 3.0 §8.2.4: the payload IS the credential (VCDM 2.0), no "vc" claim
        assertThat(payload.has("vc")).isFalse();
        JsonNode vc = payload;
        assertThat(payload.get("iss").asString()).isEqualTo(ISSUER_ID).isEqualTo(vc.get("issuer").get("id").asString());
        assertThat(payload.get("jti").asString()).startsWith("urn:uuid:").isEqualTo(vc.get("id").asString()).isEqualTo(f.credential().id());
        assertThat(payload.get("sub").asString()).isEqualTo(vc.get("credentialSubject").get("id").asString());
        assertThat(payload.get("nbf").asLong()).isEqualTo(ISSUED.getEpochSecond());
        assertThat(vc.get("validFrom").asString()).isEqualTo("2026-12-15T03:00:00Z");
        assertThat(payload.has("exp")).isFalse();
        assertThat(vc.get("type").toString()).isEqualTo("[\"VerifiableCredential\",\"OpenBadgeCredential\"]");
        assertThat(vc.get("@context").get(1).asString()).isEqualTo("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json");
        JsonNode achievement = vc.get("credentialSubject").get("achievement");
        assertThat(achievement.get("name").asString()).isEqualTo("Công dân học tập năm 2026");
        assertThat(achievement.get("type").get(0).asString()).isEqualTo("Achievement");
        assertThat(achievement.get("criteria").get("narrative").asString()).contains("80/100");
        assertThat(vc.get("credentialStatus").get("type").asString()).isEqualTo("BitstringStatusListEntry");
        assertThat(vc.get("credentialStatus").get("statusListIndex").asString()).isEqualTo("7");
        assertThat(vc.get("credentialStatus").get("statusPurpose").asString()).isEqualTo("revocation");
        assertThat(vc.get("credentialStatus").get("statusListCredential").asString()).isEqualTo("https://hoctap.hanoi.gov.vn/api/public/titles/status/1");

        // no personal data in clear: only the salted hash of the normalised e-mail
        JsonNode id = vc.get("credentialSubject").get("identifier").get(0);
        assertThat(id.get("hashed").asBoolean()).isTrue();
        assertThat(id.get("identityType").asString()).isEqualTo("emailAddress");
        assertThat(id.get("identityHash").asString())
                .isEqualTo(CredentialIssuer.identityHash("nguyen.van.a@example.vn", id.get("salt").asString()));
        String decoded = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).toLowerCase();
        assertThat(decoded).doesNotContain("nguyen").doesNotContain("example.vn");
        // the published key set is public only
        assertThat(JSON.readTree(f.keys().publicJwksJson()).get("keys").get(0).has("d")).isFalse();
    }

    @ParameterizedTest
    @EnumSource(SigningAlgorithm.class)
    void changingAnySingleCharacterIsRefused(SigningAlgorithm alg) {
        Fixture f = fixture(alg);
        String jwt = f.credential().jwt();
        String jwks = f.keys().publicJwksJson();
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        int tested = 0;
        for (int i = 0; i < jwt.length(); i++) {
            char c = jwt.charAt(i);
            // a neighbour in the alphabet (low bits change) and a far character (high bits change); '.' → a letter
            List<Character> replacements = c == '.' ? List.of('A')
                    : List.of(alphabet.charAt((alphabet.indexOf(c) + 1) % 64), alphabet.charAt((alphabet.indexOf(c) + 32) % 64));
            for (char r : replacements) {
                String tampered = jwt.substring(0, i) + r + jwt.substring(i + 1);
                VerificationResult res = verify(tampered, jwks);
                assertThat(res.valid()).as("position %d (%s→%s)", i, c, r).isFalse();
                tested++;
            }
        }
        assertThat(tested).isGreaterThan(2 * 500);
        // a signature-part change is a signature failure, not a claims failure
        int sigStart = jwt.lastIndexOf('.') + 1;
        String flipped = jwt.substring(0, sigStart + 3) + (jwt.charAt(sigStart + 3) == 'A' ? 'B' : 'A') + jwt.substring(sigStart + 4);
        assertThat(verify(flipped, jwks).failures()).containsExactly(VerificationFailure.SIGNATURE_INVALID);
    }

    @ParameterizedTest
    @EnumSource(SigningAlgorithm.class)
    void anotherKeyWithTheSameKidIsRefused(SigningAlgorithm alg) {
        Fixture f = fixture(alg);
        IssuerKeys other = IssuerKeys.generate(alg, f.keys().kid());
        assertThat(verify(f.credential().jwt(), other.publicJwksJson()).failures()).containsExactly(VerificationFailure.SIGNATURE_INVALID);
        IssuerKeys otherKid = IssuerKeys.generate(alg, "https://elsewhere.example/keys#1");
        assertThat(verify(f.credential().jwt(), otherKid.publicJwksJson()).failures()).containsExactly(VerificationFailure.UNKNOWN_KEY);
    }

    @ParameterizedTest
    @EnumSource(SigningAlgorithm.class)
    void revokedTitleFails(SigningAlgorithm alg) {
        Fixture f = fixture(alg);
        RevocationList list = RevocationList.empty(STATUS_URL).revoke("urn:uuid:someone-else");
        assertThat(verifier(NOW).verify(f.credential().jwt(), f.keys().publicJwksJson(), list).valid()).isTrue();
        VerificationResult r = verifier(NOW).verify(f.credential().jwt(), f.keys().publicJwksJson(), list.revoke(f.credential().id()));
        assertThat(r.failures()).containsExactly(VerificationFailure.REVOKED);
        assertThat(r.failures().get(0).messageVi()).isEqualTo("Danh hiệu đã bị thu hồi");
    }

    @ParameterizedTest
    @EnumSource(SigningAlgorithm.class)
    void validityWindowAndIssuer(SigningAlgorithm alg) {
        Fixture f = fixture(alg);
        String jwks = f.keys().publicJwksJson();
        var none = RevocationList.empty(STATUS_URL);
        assertThat(verifier(ISSUED.minusSeconds(1)).verify(f.credential().jwt(), jwks, none).failures())
                .containsExactly(VerificationFailure.NOT_YET_VALID);
        assertThat(verifier(ISSUED).verify(f.credential().jwt(), jwks, none).valid()).isTrue();

        IssuedCredential expiring = f.issuer().issue(award(Instant.parse("2027-12-31T17:00:00Z")), STATUS);
        assertThat(verifier(NOW).verify(expiring.jwt(), jwks, none).valid()).isTrue();
        assertThat(verifier(Instant.parse("2027-12-31T17:00:00Z")).verify(expiring.jwt(), jwks, none).failures())
                .containsExactly(VerificationFailure.EXPIRED);

        var otherCity = new CredentialVerifier("https://hoctap.hcm.gov.vn/issuers/q1", Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(otherCity.verify(f.credential().jwt(), jwks, none).failures()).containsExactly(VerificationFailure.WRONG_ISSUER);
    }

    @ParameterizedTest
    @EnumSource(SigningAlgorithm.class)
    void garbageIsMalformed(SigningAlgorithm alg) {
        Fixture f = fixture(alg);
        String jwks = f.keys().publicJwksJson();
        for (String bad : new String[] {"", "abc", "a.b", "a.b.c.d", f.credential().jwt() + ".", f.credential().jwt().replace('.', '!'),
                "eyJhbGciOiJub25lIn0.e30."}) {
            assertThat(verify(bad, jwks).failures()).as(bad).containsExactly(VerificationFailure.MALFORMED);
        }
        assertThat(verify(f.credential().jwt(), "{not json").failures()).containsExactly(VerificationFailure.UNKNOWN_KEY);
    }

    /** Offline round trip: the private JWK through a file, the verifier given nothing but the token and the JWKS string. */
    @ParameterizedTest
    @EnumSource(SigningAlgorithm.class)
    void offlineRoundTripThroughTheJwksString(SigningAlgorithm alg, @TempDir Path dir) throws Exception {
        IssuerKeys keys = IssuerKeys.generate(alg, "https://hoctap.hanoi.gov.vn/.well-known/jwks.json#k1");
        Path privateFile = dir.resolve("issuer-private.jwk.json");
        keys.writePrivateJwk(privateFile);
        String published = keys.publicJwksJson();

        IssuerKeys reloaded = IssuerKeys.readPrivateJwk(privateFile);
        assertThat(reloaded.kid()).isEqualTo(keys.kid());
        assertThat(reloaded.algorithm()).isEqualTo(alg);
        assertThat(Files.readString(privateFile)).contains("\"d\"");
        String jwt = new CredentialIssuer(ISSUER, reloaded, "https://hoctap.hanoi.gov.vn/titles/achievements")
                .issue(award(null), STATUS).jwt();

        String jwksCopy = new String(published.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        assertThat(verify(jwt, jwksCopy).valid()).isTrue();
        assertThat(IndependentVerifier.verify(jwt, jwksCopy)).isTrue();
    }

    /** A second implementation (Jackson + java.security only, no Nimbus) accepts the token and refuses a tampered one. */
    @ParameterizedTest
    @EnumSource(SigningAlgorithm.class)
    void anIndependentVerifierAcceptsTheCredential(SigningAlgorithm alg) throws Exception {
        Fixture f = fixture(alg);
        String jwt = f.credential().jwt();
        String jwks = f.keys().publicJwksJson();
        assertThat(IndependentVerifier.verify(jwt, jwks)).isTrue();

        String[] p = jwt.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(p[1]), StandardCharsets.UTF_8);
        String forged = payload.replace("Công dân học tập năm 2026", "Công dân học tập năm 2027");
        assertThat(forged).isNotEqualTo(payload);
        String forgedJwt = p[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(forged.getBytes(StandardCharsets.UTF_8)) + "." + p[2];
        assertThat(IndependentVerifier.verify(forgedJwt, jwks)).isFalse();
        assertThat(verify(forgedJwt, jwks).failures()).containsExactly(VerificationFailure.SIGNATURE_INVALID);
    }

    /** RFC 7515/7518 by hand: base64url, JWK → java.security key, RS256 = SHA256withRSA, ES256 = SHA256withECDSA over DER(R, S). */
    static final class IndependentVerifier {
        static boolean verify(String jwt, String jwksJson) throws Exception {
            String[] parts = jwt.split("\\.");
            if (parts.length != 3) return false;
            Base64.Decoder b64 = Base64.getUrlDecoder();
            JsonNode header = JSON.readTree(b64.decode(parts[0]));
            JsonNode jwk = null;
            for (JsonNode k : JSON.readTree(jwksJson).get("keys")) if (k.get("kid").asString().equals(header.get("kid").asString())) jwk = k;
            if (jwk == null) return false;
            byte[] signingInput = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
            byte[] sig = b64.decode(parts[2]);
            String alg = header.get("alg").asString();
            PublicKey key;
            Signature s;
            if (alg.equals("RS256") && jwk.get("kty").asString().equals("RSA")) {
                key = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(uint(jwk, "n"), uint(jwk, "e")));
                s = Signature.getInstance("SHA256withRSA");
            } else if (alg.equals("ES256") && jwk.get("kty").asString().equals("EC") && jwk.get("crv").asString().equals("P-256")) {
                AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
                params.init(new ECGenParameterSpec("secp256r1"));
                key = KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(uint(jwk, "x"), uint(jwk, "y")),
                        params.getParameterSpec(ECParameterSpec.class)));
                if (sig.length != 64) return false;
                sig = joseToDer(sig);
                s = Signature.getInstance("SHA256withECDSA");
            } else {
                return false;
            }
            s.initVerify(key);
            s.update(signingInput);
            if (!s.verify(sig)) return false;
            JsonNode payload = JSON.readTree(b64.decode(parts[1]));
            JsonNode vc = payload.has("vc") && !payload.has("@context") ? payload.get("vc") : payload;
            return payload.get("iss").asString().equals(vc.get("issuer").get("id").asString())
                    && payload.get("jti").asString().equals(vc.get("id").asString())
                    && payload.get("sub").asString().equals(vc.get("credentialSubject").get("id").asString())
                    && Instant.ofEpochSecond(payload.get("nbf").asLong()).equals(Instant.parse(vc.get("validFrom").asString()));
        }

        static BigInteger uint(JsonNode jwk, String field) {
            return new BigInteger(1, Base64.getUrlDecoder().decode(jwk.get(field).asString()));
        }

        /** JOSE R||S (32 + 32 bytes) → ASN.1 DER SEQUENCE { INTEGER r, INTEGER s }. */
        static byte[] joseToDer(byte[] rs) {
            byte[] r = derInteger(Arrays.copyOfRange(rs, 0, 32));
            byte[] s = derInteger(Arrays.copyOfRange(rs, 32, 64));
            byte[] out = new byte[2 + r.length + s.length];
            out[0] = 0x30;
            out[1] = (byte) (r.length + s.length); // < 128 for P-256
            System.arraycopy(r, 0, out, 2, r.length);
            System.arraycopy(s, 0, out, 2 + r.length, s.length);
            return out;
        }

        static byte[] derInteger(byte[] unsigned) {
            int i = 0;
            while (i < unsigned.length - 1 && unsigned[i] == 0) i++;
            byte[] v = Arrays.copyOfRange(unsigned, i, unsigned.length);
            if ((v[0] & 0x80) != 0) {
                byte[] padded = new byte[v.length + 1];
                System.arraycopy(v, 0, padded, 1, v.length);
                v = padded;
            }
            byte[] out = new byte[2 + v.length];
            out[0] = 0x02;
            out[1] = (byte) v.length;
            System.arraycopy(v, 0, out, 2, v.length);
            return out;
        }
    }

}
