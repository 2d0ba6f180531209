package vn.hoctap.titles.core;


import vn.hoctap.titles.core.BitstringStatusList;
import vn.hoctap.titles.core.CredentialIssuer;
import vn.hoctap.titles.core.CredentialVerifier;
import vn.hoctap.titles.core.CriteriaSet;
import vn.hoctap.titles.core.CriteriaSetLoader;
import vn.hoctap.titles.core.CriteriaVerification;
import vn.hoctap.titles.core.IssuedCredential;
import vn.hoctap.titles.core.IssuerKeyRing;
import vn.hoctap.titles.core.IssuerKeys;
import vn.hoctap.titles.core.IssuerProfile;
import vn.hoctap.titles.core.RevocationList;
import vn.hoctap.titles.core.SigningAlgorithm;
import vn.hoctap.titles.core.StatusEntry;
import vn.hoctap.titles.core.TitleAward;
import vn.hoctap.titles.core.TitleKind;
import vn.hoctap.titles.core.VerificationFailure;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.hoctap.titles.core.IndependentCredentialVerifier.Outcome;

/**
 * Conformance of the issued credentials, checked with tools that did not make them: the official OB 3.0
 * AchievementCredential JSON Schema (test resource, see its SOURCE.md) through networknt json-schema-validator, and
 * signatures, keys and status through {@link IndependentCredentialVerifier} (jose4j), resolving the issuer as a third
 * party would: did:web document, status list credential, 1EdTech revocation list, all served from {@link #web}.
 */
class CredentialConformanceTest {

    static final String URL = "https://hoctap.hanoi.gov.vn";
    static final String DID = "did:web:hoctap.hanoi.gov.vn";
    static final String ISSUER_ID = URL + "/public/titles/issuer";
    static final String STATUS_LIST = URL + "/api/public/titles/status/1";
    static final String REVOCATIONS = URL + "/api/public/titles/revocations";
    static final Instant ISSUED = Instant.parse("2026-12-15T03:00:00Z");
    static final Instant NOW = Instant.parse("2027-01-10T00:00:00Z");
    static final JsonMapper JSON = JsonMapper.builder().build();

    static Schema schema;

    IssuerKeys key = IssuerKeys.generate(SigningAlgorithm.RS256, DID + "#rs256-2026-1");
    IssuerKeyRing ring = new IssuerKeyRing(key, List.of());
    CredentialIssuer issuer = new CredentialIssuer(new IssuerProfile(ISSUER_ID, "Ban Chỉ đạo xây dựng xã hội học tập thành phố Hà Nội", URL),
            key, URL + "/public/titles/achievements");
    /** What the "web" answers a GET with (the platform's published documents). */
    Map<String, String> web = new HashMap<>();
    IndependentCredentialVerifier independent = new IndependentCredentialVerifier(web::get, NOW);

    @BeforeAll
    static void loadTheOfficialSchema() throws Exception {
        try (InputStream in = CredentialConformanceTest.class.getResourceAsStream("/titles/conformance/ob_v3p0_achievementcredential_schema.json")) {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2019_09).getSchema(in, InputFormat.JSON);
        }
    }

    void publish(BitstringStatusList list, Set<String> revokedIds) {
        web.put("https://hoctap.hanoi.gov.vn/.well-known/did.json", JSON.writeValueAsString(ring.didDocument(DID, List.of(ISSUER_ID))));
        web.put(STATUS_LIST, issuer.signStatusList(STATUS_LIST, list, ISSUED, 300_000));
        web.put(REVOCATIONS, JSON.writeValueAsString(new RevocationList(REVOCATIONS, ISSUER_ID, revokedIds).document()));
    }

    static List<Error> schemaErrors(Object credential) {
        return schema.validate(JSON.writeValueAsString(credential), InputFormat.JSON);
    }

    static TitleAward award(TitleKind kind, List<TitleAward.Identity> ids) {
        return new TitleAward(kind, 2026, null, ids, "set@1#1", ISSUED, null);
    }

    static Map<String, Object> payload(String jwt) {
        return JSON.readValue(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), LinkedHashMap.class);
    }

    @ParameterizedTest
    @EnumSource(TitleKind.class)
    void everyTitleValidatesAgainstTheOfficialSchemaAndVerifiesIndependently(TitleKind kind) {
        List<TitleAward.Identity> ids = switch (kind) {
            case CONG_DAN -> List.of(TitleAward.Identity.phone("0912 345 678"));
            case DON_VI, CONG_DONG, CONG_DONG_XA -> List.of(TitleAward.Identity.publicName("Trường THCS Ba Đình"));
            default -> List.of();
        };
        IssuedCredential ic = issuer.issue(award(kind, ids), new StatusEntry(STATUS_LIST, 3));
        publish(new BitstringStatusList(), Set.of());

        assertThat(schemaErrors(ic.credential())).as(kind.name()).isEmpty();
        // the JWT payload is the credential itself (plus iss, jti, nbf, sub): it validates too
        assertThat(schemaErrors(payload(ic.jwt()))).isEmpty();
        var r = independent.verify(ic.jwt());
        assertThat(r.outcome()).isEqualTo(Outcome.VALID);
        assertThat(((Map<?, ?>) ((Map<?, ?>) r.credential().get("credentialSubject")).get("achievement")).get("name"))
                .isEqualTo(kind.nameVi() + " năm 2026");
        assertThat(new CredentialVerifier(ISSUER_ID, Clock.fixed(NOW, ZoneOffset.UTC)).verify(ic.jwt(), ring.publicJwksJson(),
                RevocationList.empty(REVOCATIONS)).valid()).isTrue();
    }

    /**
     * Issue 15: each credential's narrative is its criteria set's own (set, version, pass rule, how much is "tiêu chí tạm
     * thời của HọcTập"), never "theo bộ tiêu chí Công dân học tập (QĐ 324/QĐ-KHVN)"; the credentials stay valid under the
     * official schema and verify independently, for every built-in set that new dossiers use.
     */
    @Test
    void setNarrativesKeepEveryCredentialValidAndNeverClaimQd324Scoring() {
        java.util.Map<String, CriteriaSet> latest = new java.util.LinkedHashMap<>();
        for (CriteriaSet s : CriteriaSetLoader.loadBuiltIn()) latest.merge(s.id(), s, (x, y) -> x.version() >= y.version() ? x : y);
        latest.remove("tt44-commune");   // superseded by TT 25/2023: no new dossier uses it
        assertThat(latest).hasSize(11);
        int index = 10;
        for (CriteriaSet set : latest.values()) {
            String narrative = CriteriaVerification.narrativeVi(set);
            IssuedCredential ic = issuer.issue(new TitleAward(set.kind(), 2026, null, List.of(TitleAward.Identity.publicName("Trường THCS Ba Đình")),
                    set.key() + "#1", ISSUED, null, narrative), new StatusEntry(STATUS_LIST, index++));
            publish(new BitstringStatusList(), Set.of());
            assertThat(schemaErrors(ic.credential())).as(set.key()).isEmpty();
            assertThat(independent.verify(ic.jwt()).outcome()).isEqualTo(Outcome.VALID);
            @SuppressWarnings("unchecked")
            Map<String, Object> achievement = (Map<String, Object>) ((Map<?, ?>) payload(ic.jwt()).get("credentialSubject")).get("achievement");
            String said = (String) ((Map<?, ?>) achievement.get("criteria")).get("narrative");
            assertThat(said).isEqualTo(narrative).contains(set.title()).doesNotContain("theo bộ tiêu chí Công dân học tập (QĐ 324/QĐ-KHVN)");
            // every built-in set has parts without a source, and its credential says so
            assertThat(said).containsIgnoringCase("tiêu chí tạm thời của HọcTập");
        }
        // the general narrative of each title (its public Achievement) says it too
        for (TitleKind k : TitleKind.values()) {
            assertThat((String) ((Map<?, ?>) issuer.achievement(k, 2026).get("criteria")).get("narrative")).as(k.name())
                    .contains("tiêu chí tạm thời của HọcTập").doesNotContain("Thông tư 44/2014");
        }
    }

    @Test
    void theSchemaCheckIsNotVacuous() {
        IssuedCredential ic = issuer.issue(award(TitleKind.CONG_DAN, List.of(TitleAward.Identity.email("a@b.vn"))), new StatusEntry(STATUS_LIST, 1));
        Map<String, Object> c = JSON.readValue(JSON.writeValueAsString(ic.credential()), LinkedHashMap.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> identity = ((List<Map<String, Object>>) ((Map<String, Object>) c.get("credentialSubject")).get("identifier")).get(0);
        identity.put("identityType", "phone"); // what the platform issued before issue 16
        assertThat(schemaErrors(c)).isNotEmpty();
        identity.put("identityType", "ext:phone");
        assertThat(schemaErrors(c)).isEmpty();
        c.remove("validFrom"); // required by the schema
        assertThat(schemaErrors(c)).isNotEmpty();
    }

    @Test
    void theJoseHeaderIsExactlyAlgKidTypJwt() {
        IssuedCredential ic = issuer.issue(award(TitleKind.GIA_DINH, List.of()), new StatusEntry(STATUS_LIST, 2));
        JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(ic.jwt().split("\\.")[0]));
        assertThat(header.propertyNames()).containsExactlyInAnyOrder("alg", "kid", "typ");
        assertThat(header.get("typ").asString()).isEqualTo("JWT");
        assertThat(header.get("kid").asString()).isEqualTo("did:web:hoctap.hanoi.gov.vn#rs256-2026-1");
        Map<String, Object> p = payload(ic.jwt());
        assertThat(p).doesNotContainKey("vc").containsKeys("@context", "iss", "jti", "nbf", "sub").doesNotContainKey("exp");
        assertThat(p.get("iss")).isEqualTo(ISSUER_ID);
        assertThat(((Number) p.get("nbf")).longValue()).isEqualTo(ISSUED.getEpochSecond());
    }

    @Test
    void aTamperedTokenIsRefused() {
        IssuedCredential ic = issuer.issue(award(TitleKind.CONG_DAN, List.of(TitleAward.Identity.email("a@b.vn"))), new StatusEntry(STATUS_LIST, 4));
        publish(new BitstringStatusList(), Set.of());
        String[] p = ic.jwt().split("\\.");
        String body = new String(Base64.getUrlDecoder().decode(p[1]), StandardCharsets.UTF_8).replace("năm 2026", "năm 2027");
        String tampered = p[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(body.getBytes(StandardCharsets.UTF_8)) + "." + p[2];
        assertThat(independent.verify(ic.jwt()).outcome()).isEqualTo(Outcome.VALID);
        assertThat(independent.verify(tampered).outcome()).isEqualTo(Outcome.SIGNATURE_INVALID);
    }

    @Test
    void anUnknownKeyIsRefused() {
        publish(new BitstringStatusList(), Set.of());
        // a key the DID document does not list
        IssuerKeys stranger = IssuerKeys.generate(SigningAlgorithm.RS256, DID + "#rs256-2026-9");
        String jwt = new CredentialIssuer(new IssuerProfile(ISSUER_ID, "x", URL), stranger, URL + "/public/titles/achievements")
                .issue(award(TitleKind.CONG_DAN, List.of()), new StatusEntry(STATUS_LIST, 5)).jwt();
        assertThat(independent.verify(jwt).outcome()).isEqualTo(Outcome.UNKNOWN_KEY);
        // another key under the published kid: the signature does not verify
        IssuerKeys impostor = IssuerKeys.generate(SigningAlgorithm.RS256, key.kid());
        String forged = new CredentialIssuer(new IssuerProfile(ISSUER_ID, "x", URL), impostor, URL + "/public/titles/achievements")
                .issue(award(TitleKind.CONG_DAN, List.of()), new StatusEntry(STATUS_LIST, 5)).jwt();
        assertThat(independent.verify(forged).outcome()).isEqualTo(Outcome.SIGNATURE_INVALID);
        // a kid that is no DID URL at all
        IssuerKeys httpKid = IssuerKeys.generate(SigningAlgorithm.RS256, URL + "/.well-known/jwks.json#k");
        String other = new CredentialIssuer(new IssuerProfile(ISSUER_ID, "x", URL), httpKid, URL + "/public/titles/achievements")
                .issue(award(TitleKind.CONG_DAN, List.of()), new StatusEntry(STATUS_LIST, 5)).jwt();
        assertThat(independent.verify(other).outcome()).isEqualTo(Outcome.UNKNOWN_KEY);
    }

    @Test
    void aRevokedCredentialIsReportedRevokedThroughTheBitstringStatusList() {
        IssuedCredential kept = issuer.issue(award(TitleKind.CONG_DAN, List.of()), new StatusEntry(STATUS_LIST, 130_000));
        IssuedCredential revoked = issuer.issue(award(TitleKind.CONG_DAN, List.of()), new StatusEntry(STATUS_LIST, 130_001));
        publish(new BitstringStatusList().set(130_001), Set.of(revoked.id()));
        assertThat(independent.verify(kept.jwt()).outcome()).isEqualTo(Outcome.VALID);
        assertThat(independent.verify(revoked.jwt()).outcome()).isEqualTo(Outcome.REVOKED);
        // a status list signed by someone else does not count: the status cannot be established
        IssuerKeys stranger = IssuerKeys.generate(SigningAlgorithm.RS256, DID + "#rs256-2026-9");
        web.put(STATUS_LIST, new CredentialIssuer(new IssuerProfile(ISSUER_ID, "x", URL), stranger, "x").signStatusList(STATUS_LIST,
                new BitstringStatusList(), ISSUED, 1));
        assertThat(independent.verify(revoked.jwt()).outcome()).isEqualTo(Outcome.STATUS_UNAVAILABLE);
    }

    /** Bitstring Status List §3.1: index 0 is the left-most bit; worked out by hand on the raw, un-gzipped bytes. */
    @Test
    void theBitstringIsLeftMostBitFirstGzippedAndMultibaseEncoded() {
        String encoded = new BitstringStatusList().set(0).set(9).set(131_071).encode();
        assertThat(encoded).startsWith("u").doesNotContain("=").doesNotContain("+").doesNotContain("/");
        byte[] raw = IndependentCredentialVerifier.gunzip(Base64.getUrlDecoder().decode(encoded.substring(1)));
        assertThat(raw).hasSize(16_384);
        assertThat(raw[0]).isEqualTo((byte) 0x80);   // bit 0 = the most significant bit of byte 0
        assertThat(raw[1]).isEqualTo((byte) 0x40);   // bit 9 = second bit of byte 1
        assertThat(raw[16_383]).isEqualTo((byte) 0x01); // bit 131071 = the last bit
        assertThat(raw[2]).isZero();
        BitstringStatusList back = BitstringStatusList.decode(encoded);
        assertThat(back.get(9)).isTrue();
        assertThat(back.get(8)).isFalse();
    }

    /**
     * A credential in the form issued before issue 16 — the credential in the {@code vc} claim, status a
     * 1EdTechRevocationList — still verifies, and a verifier following the 1EdTech list reports it revoked once listed.
     */
    @Test
    void anOldFormCredentialStillVerifiesAndIsRevokedThroughThe1EdTechList() throws Exception {
        String id = "urn:uuid:5fbbd498-162c-46b8-8ba8-465cae34c2b1";
        Map<String, Object> vc = new LinkedHashMap<>();
        vc.put("@context", CredentialIssuer.CONTEXT);
        vc.put("id", id);
        vc.put("type", List.of("VerifiableCredential", "OpenBadgeCredential"));
        vc.put("issuer", Map.of("id", DID, "type", List.of("Profile"), "name", "x"));
        vc.put("validFrom", "2026-12-15T03:00:00Z");
        vc.put("credentialSubject", Map.of("id", "urn:uuid:1", "type", List.of("AchievementSubject"),
                "achievement", issuer.achievement(TitleKind.CONG_DAN, 2026)));
        vc.put("credentialStatus", Map.of("id", REVOCATIONS, "type", "1EdTechRevocationList"));
        var claims = new JWTClaimsSet.Builder().issuer(DID).jwtID(id).subject("urn:uuid:1").notBeforeTime(Date.from(ISSUED)).claim("vc", vc).build();
        SignedJWT old = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(key.kid()).build(), claims);
        old.sign(new RSASSASigner((RSAKey) key.privateJwk()));
        String jwt = old.serialize();

        publish(new BitstringStatusList(), Set.of());
        assertThat(independent.verify(jwt).outcome()).isEqualTo(Outcome.VALID);
        var platform = new CredentialVerifier(Set.of(ISSUER_ID, DID), Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(platform.verify(jwt, ring.publicJwksJson(), RevocationList.empty(REVOCATIONS)).valid()).isTrue();

        publish(new BitstringStatusList(), Set.of(id));
        assertThat(JSON.readTree(web.get(REVOCATIONS)).get("revokedCredential").get(0).get("id").asString()).isEqualTo(id);
        assertThat(JSON.readTree(web.get(REVOCATIONS)).has("revoked_credentials")).isFalse();
        assertThat(independent.verify(jwt).outcome()).isEqualTo(Outcome.REVOKED);
        assertThat(platform.verify(jwt, ring.publicJwksJson(), new RevocationList(REVOCATIONS, ISSUER_ID, Set.of(id))).has(VerificationFailure.REVOKED)).isTrue();
    }

    /** After a rotation the retired key stays in the DID document: what it signed still verifies; new tokens use the new key. */
    @Test
    void aRotatedKeyKeepsItsCredentialsVerifiable() {
        IssuedCredential before = issuer.issue(award(TitleKind.DON_VI, List.of(TitleAward.Identity.publicName("UBND phường Ba Đình"))),
                new StatusEntry(STATUS_LIST, 8));
        IssuerKeys next = IssuerKeys.generate(SigningAlgorithm.RS256, DID + "#rs256-2027-1");
        ring = new IssuerKeyRing(next, List.of(key.publicJwk()));
        issuer = new CredentialIssuer(new IssuerProfile(ISSUER_ID, "x", URL), next, URL + "/public/titles/achievements");
        IssuedCredential after = issuer.issue(award(TitleKind.DON_VI, List.of()), new StatusEntry(STATUS_LIST, 9));
        publish(new BitstringStatusList(), Set.of());
        assertThat(independent.verify(before.jwt()).outcome()).isEqualTo(Outcome.VALID);
        assertThat(independent.verify(after.jwt()).outcome()).isEqualTo(Outcome.VALID);
        JsonNode did = JSON.readTree(web.get("https://hoctap.hanoi.gov.vn/.well-known/did.json"));
        assertThat(did.get("verificationMethod")).hasSize(2);
        assertThat(did.get("verificationMethod").get(1).get("id").asString()).isEqualTo(DID + "#rs256-2026-1"); // the retired key keeps its id
        // a key kept from another host keeps no id a current key could take
        JsonNode moved = JSON.readTree(JSON.writeValueAsString(new IssuerKeyRing(next, List.of(IssuerKeys.generate(SigningAlgorithm.RS256,
                "did:web:old.example#rs256-2027-1").publicJwk())).didDocument(DID, List.of())));
        assertThat(moved.get("verificationMethod").get(1).get("id").asString()).isEqualTo(DID + "#retired-rs256-2027-1");
        assertThat(did.get("verificationMethod").get(0).get("publicKeyJwk").has("d")).isFalse();
        // the retired key signs nothing new: the ring's current key is the new one
        assertThat(ring.current().kid()).isEqualTo(DID + "#rs256-2027-1");
    }

    @Test
    void didWebNamesAndLocations() {
        assertThat(IssuerKeyRing.didWeb("https://hoctap.hanoi.gov.vn")).isEqualTo("did:web:hoctap.hanoi.gov.vn");
        assertThat(IssuerKeyRing.didWeb("http://localhost:8090")).isEqualTo("did:web:localhost%3A8090");
        assertThat(IssuerKeyRing.didWeb("https://example.vn/hoctap/")).isEqualTo("did:web:example.vn:hoctap");
        assertThat(IssuerKeyRing.didWebDocumentUrl("did:web:localhost%3A8090")).isEqualTo("https://localhost:8090/.well-known/did.json");
        assertThat(IssuerKeyRing.didWebDocumentUrl("did:web:example.vn:hoctap")).isEqualTo("https://example.vn/hoctap/did.json");
    }
}
