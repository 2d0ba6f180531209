package vn.hoctap.titles;



import vn.hoctap.titles.core.IndependentCredentialVerifier;
import vn.hoctap.titles.core.TitlesTestSupport;
import vn.hoctap.titles.core.CriteriaSetLoader;
import vn.hoctap.titles.core.IssuerKeyRing;
import vn.hoctap.titles.core.IssuerKeys;
import vn.hoctap.titles.core.SigningAlgorithm;
import vn.hoctap.titles.core.SubjectType;
import vn.hoctap.titles.core.TitleKind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.hoctap.titles.core.TitlesTestSupport.as;

import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.keys.EllipticCurves;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MvcResult;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.hoctap.IntegrationTest;
import vn.hoctap.accounts.Role;
import vn.hoctap.titles.core.CampaignWorkflow.Step;
import vn.hoctap.titles.core.IndependentCredentialVerifier.Outcome;
import vn.hoctap.titles.internal.Campaigns;
import vn.hoctap.titles.internal.IssuerKeyStore;

/**
 * Issue 16 end to end: a resident's published title offered to a wallet by a QR code on their private page, received by
 * a wallet simulator written from OpenID4VCI 1.0 (final) alone — metadata discovery, token request with the
 * pre-authorized code, nonce, key proof JWT, credential request — then checked by the independent verifier (jose4j)
 * through the platform's own public documents (did:web, status list, revocation list), and revoked.
 */
class TitlesWalletTest extends IntegrationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Campaigns campaigns;
    @Autowired
    IssuerKeyStore keys;

    /** GET as a third party on the web: the platform answers for its own public URL (http or https), nothing else. */
    String fetch(String url) {
        try {
            URI u = URI.create(url);
            URI base = URI.create(keys.publicUrl());
            if (!base.getHost().equals(u.getHost()) || base.getPort() != u.getPort()) return null;
            MvcResult r = mvc.perform(get(u.getRawPath())).andReturn();
            return r.getResponse().getStatus() == 200 ? r.getResponse().getContentAsString(StandardCharsets.UTF_8) : null;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    JsonNode json(String s) { return JSON.readTree(s); }

    static Schema schema() throws Exception {
        try (InputStream in = TitlesWalletTest.class.getResourceAsStream("/titles/conformance/ob_v3p0_achievementcredential_schema.json")) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2019_09).getSchema(in, InputFormat.JSON);
        }
    }

    static String payloadJson(String jwt) {
        return new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
    }

    @Test
    void aResidentReceivesTheirTitleInAWalletAndAVerifierFollowsItsStatus() throws Exception {
        int year = vn.hoctap.platform.HanoiTime.today().getYear();
        String commune = jdbc.queryForObject("""
                select min(code) from unit_version where level = 'commune' and valid_until is null
                and code not in ('00004', '00008', '00025', '00070', '00118')""", String.class);
        try (var a = as(Role.COMMUNE_OFFICER, commune)) {
            campaigns.createCampaign(year, TitleKind.CONG_DAN, commune, null, TitlesTestSupport.open());
        }
        MvcResult reg = mvc.perform(post("/public/titles/register").with(csrf()).param("name", "Trần Thị Bình")
                .param("contact", "0912 345 678").param("commune", commune).param("setId", "cdht-residents"))
                .andExpect(status().is3xxRedirection()).andReturn();
        String selfUrl = reg.getResponse().getRedirectedUrl();
        long id = jdbc.queryForObject("select max(id) from titles_evaluation", Long.class);
        var assess = post(selfUrl).with(csrf()).param("version", "0");
        for (String ind : List.of("1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "2.3", "3.1", "3.2", "3.3")) assess.param("p_" + ind, "9");
        mvc.perform(assess).andExpect(status().is3xxRedirection());
        // before publication there is nothing to offer
        assertThat(mvc.perform(get(selfUrl)).andReturn().getResponse().getContentAsString()).doesNotContain("wallet-offer-form");
        mvc.perform(post(selfUrl + "/wallet-offer").with(csrf())).andExpect(status().isNotFound());
        try (var a = as(Role.ASSOCIATION_MEMBER, commune)) {
            campaigns.step(id, Step.REVIEW, null);
        }
        try (var a = as(Role.COMMUNE_OFFICER, commune)) {
            campaigns.step(id, Step.DECIDE, null);
            campaigns.step(id, Step.PUBLISH, null);
        }

        // ---- the resident's own page: a QR code with the credential offer
        assertThat(mvc.perform(get(selfUrl)).andReturn().getResponse().getContentAsString()).contains("wallet-offer-form");
        String page = mvc.perform(post(selfUrl + "/wallet-offer").with(csrf())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("<svg").contains("Nhận chứng nhận số vào ví");
        Matcher m = Pattern.compile("href=\"(openid-credential-offer://\\?credential_offer_uri=[^\"]+)\"").matcher(page);
        assertThat(m.find()).isTrue();
        String link = m.group(1).replace("&amp;", "&");

        // ---- the wallet (OpenID4VCI 1.0): the offer by reference (§4.1.3)
        String offerUri = URLDecoder.decode(link.substring(link.indexOf("credential_offer_uri=") + "credential_offer_uri=".length()), StandardCharsets.UTF_8);
        MvcResult offerResponse = mvc.perform(get(URI.create(offerUri).getRawPath())).andExpect(status().isOk()).andReturn();
        assertThat(offerResponse.getResponse().getContentType()).startsWith("application/json");
        JsonNode offer = json(offerResponse.getResponse().getContentAsString());
        String issuer = offer.get("credential_issuer").asString();
        String configurationId = offer.get("credential_configuration_ids").get(0).asString();
        JsonNode grant = offer.get("grants").get("urn:ietf:params:oauth:grant-type:pre-authorized_code");
        String code = grant.get("pre-authorized_code").asString();
        assertThat(grant.has("tx_code")).isFalse();
        assertThat(configurationId).isEqualTo("cong-dan-hoc-tap");
        // metadata discovery (§12.2.2: /.well-known/openid-credential-issuer inserted after the host)
        JsonNode meta = json(fetch(issuer + "/.well-known/openid-credential-issuer"));
        assertThat(meta.get("credential_issuer").asString()).isEqualTo(issuer);
        JsonNode config = meta.get("credential_configurations_supported").get(configurationId);
        assertThat(config.get("format").asString()).isEqualTo("jwt_vc_json");
        assertThat(config.get("proof_types_supported").get("jwt").get("proof_signing_alg_values_supported").toString()).contains("ES256");
        JsonNode as = json(fetch(issuer + "/.well-known/oauth-authorization-server"));
        assertThat(as.get("pre-authorized_grant_anonymous_access_supported").asBoolean()).isTrue();
        String tokenEndpoint = as.get("token_endpoint").asString();
        String nonceEndpoint = meta.get("nonce_endpoint").asString();
        String credentialEndpoint = meta.get("credential_endpoint").asString();

        // token request (§6.1), form-encoded, no client authentication, no cookie, no CSRF token
        String tokenBody = mvc.perform(post(URI.create(tokenEndpoint).getRawPath()).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("grant_type", "urn:ietf:params:oauth:grant-type:pre-authorized_code").param("pre-authorized_code", code))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        JsonNode token = json(tokenBody);
        assertThat(token.get("token_type").asString()).isEqualTo("Bearer");
        String accessToken = token.get("access_token").asString();
        // the code is single use
        assertThat(json(mvc.perform(post(URI.create(tokenEndpoint).getRawPath()).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("grant_type", "urn:ietf:params:oauth:grant-type:pre-authorized_code").param("pre-authorized_code", code))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString()).get("error").asString()).isEqualTo("invalid_grant");
        // the offer is gone once redeemed
        mvc.perform(get(URI.create(offerUri).getRawPath())).andExpect(status().isNotFound());

        // the wallet's own key (P-256) and its key proof (Appendix F.1) over a fresh c_nonce (§7)
        EllipticCurveJsonWebKey walletKey = EcJwkGenerator.generateJwk(EllipticCurves.P256);
        String nonce = json(mvc.perform(post(URI.create(nonceEndpoint).getRawPath())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).get("c_nonce").asString();
        String wrongAudience = proof(walletKey, "https://elsewhere.example", nonce);
        JsonNode refused = credentialRequest(credentialEndpoint, accessToken, configurationId, wrongAudience, 400);
        assertThat(refused.get("error").asString()).isEqualTo("invalid_proof");
        JsonNode staleNonce = credentialRequest(credentialEndpoint, accessToken, configurationId, proof(walletKey, issuer, "not-a-nonce"), 400);
        assertThat(staleNonce.get("error").asString()).isEqualTo("invalid_nonce");
        credentialRequest(credentialEndpoint, "not-a-token", configurationId, proof(walletKey, issuer, nonce), 401);

        JsonNode response = credentialRequest(credentialEndpoint, accessToken, configurationId, proof(walletKey, issuer, nonce), 200);
        String credential = response.get("credentials").get(0).get("credential").asString();
        // the token is spent
        credentialRequest(credentialEndpoint, accessToken, configurationId, proof(walletKey, issuer, nonce), 401);

        // ---- the received credential: official schema, bound to the wallet's key, verified by a third party
        assertThat(schema().validate(payloadJson(credential), InputFormat.JSON)).isEmpty();
        JsonNode vc = json(payloadJson(credential));
        String subject = vc.get("credentialSubject").get("id").asString();
        assertThat(subject).startsWith("did:jwk:");
        JsonNode boundKey = json(new String(Base64.getUrlDecoder().decode(subject.substring("did:jwk:".length())), StandardCharsets.UTF_8));
        assertThat(boundKey.get("x").asString()).isEqualTo(walletKey.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY).get("x"));
        assertThat(vc.get("credentialSubject").get("identifier").get(0).get("identityType").asString()).isEqualTo("ext:phone");
        assertThat(payloadJson(credential)).doesNotContain("Trần").doesNotContain("0912").doesNotContain("+84912345678");
        IndependentCredentialVerifier verifier = new IndependentCredentialVerifier(this::fetch, Instant.now().plusSeconds(5));
        assertThat(verifier.verify(credential).outcome()).isEqualTo(Outcome.VALID);
        // the downloadable credential of the same title too, and it is served as OB 3.0 says (text/plain)
        TestUser officer = user(Role.COMMUNE_OFFICER, commune);
        MvcResult download = mvc.perform(get("/titles/evaluations/" + id + "/credential.jwt").with(httpBasic(officer.username(), officer.password())))
                .andExpect(status().isOk()).andReturn();
        assertThat(download.getResponse().getContentType()).startsWith("text/plain");
        String main = download.getResponse().getContentAsString();
        assertThat(verifier.verify(main).outcome()).isEqualTo(Outcome.VALID);

        // ---- the issuer resolves: did:web document, issuer Profile, Achievement — public, no login redirect
        JsonNode did = json(mvc.perform(get("/.well-known/did.json")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        String kid = json(new String(Base64.getUrlDecoder().decode(credential.split("\\.")[0]), StandardCharsets.UTF_8)).get("kid").asString();
        assertThat(did.get("id").asString()).isEqualTo(keys.did());
        assertThat(did.get("assertionMethod").toString()).contains(kid);
        assertThat(did.toString()).doesNotContain("\"d\"");
        JsonNode profile = json(mvc.perform(get("/public/titles/issuer")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(profile.get("id").asString()).isEqualTo(vc.get("issuer").get("id").asString());
        String achievementId = vc.get("credentialSubject").get("achievement").get("id").asString();
        JsonNode achievement = json(fetch(achievementId));
        assertThat(achievement.get("name").asString()).isEqualTo("Công dân học tập năm " + year);
        mvc.perform(get("/public/titles/achievements/khong-co/" + year)).andExpect(status().isNotFound());

        // ---- an official's offer: the commune's officer yes, another commune's officer no
        assertThat(mvc.perform(post("/titles/evaluations/" + id + "/wallet-offer").with(csrf()).with(httpBasic(officer.username(), officer.password())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).contains("openid-credential-offer://");
        TestUser stranger = user(Role.COMMUNE_OFFICER, "00008");
        mvc.perform(post("/titles/evaluations/" + id + "/wallet-offer").with(csrf()).with(httpBasic(stranger.username(), stranger.password())))
                .andExpect(status().isForbidden());

        // ---- revoked: the status list says so for both credentials; the 1EdTech list names them; the page gives no reason
        try (var a = as(Role.CITY_ADMIN, "01")) {
            campaigns.step(id, Step.REVOKE, "Lý do nội bộ không công bố");
        }
        MvcResult statusList = mvc.perform(get("/api/public/titles/status/1")).andExpect(status().isOk()).andReturn();
        assertThat(statusList.getResponse().getContentType()).startsWith("application/jwt");
        assertThat(verifier.verify(credential).outcome()).isEqualTo(Outcome.REVOKED);
        assertThat(verifier.verify(main).outcome()).isEqualTo(Outcome.REVOKED);
        JsonNode list = json(mvc.perform(get("/api/public/titles/revocations")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(list.get("revokedCredential").toString()).contains(vc.get("id").asString()).doesNotContain("Lý do");
        // no new offer for a revoked title
        mvc.perform(post(selfUrl + "/wallet-offer").with(csrf())).andExpect(status().isNotFound());
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'titles.wallet.issue' and entity_id = ?",
                Integer.class, String.valueOf(id))).isEqualTo(1);
    }

    /** Families and communes get credentials too, valid under the official schema; a commune is named, a family is not. */
    @Test
    void familiesAndCommunesHaveConformantCredentials() throws Exception {
        int year = 2041;
        String commune = "00070";
        long fam;
        long xa;
        try (var a = as(Role.COMMUNE_OFFICER, commune)) {
            Campaigns.Campaign c = campaigns.createCampaign(year, TitleKind.GIA_DINH, commune, null, TitlesTestSupport.open());
            fam = campaigns.register(c.id(), new Campaigns.NewDossier(SubjectType.FAMILY, "Gia đình ông Phạm Văn Cường", commune, null, null, null)).id();
            Map<String, Integer> p = new java.util.HashMap<>();
            for (String ind : List.of("1.2", "1.3", "2.1", "2.2", "2.3", "3.1", "3.2", "4.1", "4.2")) p.put(ind, 10);
            campaigns.selfAssess(fam, p, 0);
            campaigns.step(fam, Step.REVIEW, null);
            campaigns.step(fam, Step.DECIDE, null);
            campaigns.step(fam, Step.PUBLISH, null);
        }
        try (var a = as(Role.CITY_OFFICER, "01")) {
            Campaigns.Campaign c = campaigns.createCampaign(year, TitleKind.CONG_DONG_XA, "01", null, TitlesTestSupport.open());
            xa = campaigns.register(c.id(), new Campaigns.NewDossier(SubjectType.COMMUNE, "Phường Thử Nghiệm", commune, null, null, null)).id();
            Map<String, Integer> p = new java.util.HashMap<>();
            CriteriaSetLoader.loadBuiltIn().stream().filter(s -> s.id().equals("tt25-commune")).findFirst().orElseThrow()
                    .indicators().forEach((k, ind) -> p.put(k, ind.maxPoints()));
            campaigns.selfAssess(xa, p, 0);
            campaigns.step(xa, Step.REVIEW, null);
            campaigns.step(xa, Step.DECIDE, null);
            campaigns.step(xa, Step.PUBLISH, null);
        }
        Schema schema = schema();
        IndependentCredentialVerifier verifier = new IndependentCredentialVerifier(this::fetch, Instant.now().plusSeconds(5));
        String famJwt = jdbc.queryForObject("select credential_jwt from titles_evaluation where id = ?", String.class, fam);
        String xaJwt = jdbc.queryForObject("select credential_jwt from titles_evaluation where id = ?", String.class, xa);
        for (String jwt : List.of(famJwt, xaJwt)) {
            assertThat(schema.validate(payloadJson(jwt), InputFormat.JSON)).isEmpty();
            assertThat(verifier.verify(jwt).outcome()).isEqualTo(Outcome.VALID);
        }
        assertThat(payloadJson(famJwt)).contains("Gia đình học tập năm 2041").doesNotContain("Phạm").doesNotContain("Cường");
        assertThat(payloadJson(xaJwt)).contains("Cộng đồng học tập cấp xã năm 2041").contains("Phường Thử Nghiệm");
        // every credential has its own stable place in the status list
        List<Integer> indexes = jdbc.queryForList("select status_index from titles_credential where evaluation_id in (?, ?) order by evaluation_id",
                Integer.class, fam, xa);
        assertThat(indexes).hasSize(2).doesNotHaveDuplicates();
        assertThat(json(payloadJson(famJwt)).get("credentialStatus").get("statusListIndex").asString()).isEqualTo(String.valueOf(indexes.get(0)));

        // key rotation by the city administrator: the family's credential, signed by the old key, still verifies
        TestUser officer = user(Role.CITY_OFFICER, "01");
        mvc.perform(post("/api/admin/titles/issuer-key/rotate").with(httpBasic(officer.username(), officer.password()))).andExpect(status().isForbidden());
        TestUser admin = user(Role.CITY_ADMIN, "01");
        String oldKid = json(new String(Base64.getUrlDecoder().decode(famJwt.split("\\.")[0]), StandardCharsets.UTF_8)).get("kid").asString();
        String newKid = json(mvc.perform(post("/api/admin/titles/issuer-key/rotate").with(httpBasic(admin.username(), admin.password())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).get("kid").asString();
        assertThat(newKid).isNotEqualTo(oldKid).startsWith(keys.did() + "#");
        String didDoc = fetch(IssuerKeyRing.didWebDocumentUrl(keys.did()));
        assertThat(didDoc).contains(oldKid).contains(newKid);
        assertThat(verifier.verify(famJwt).outcome()).isEqualTo(Outcome.VALID);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'titles.issuer-key.rotate' and entity_id = ?",
                Integer.class, newKid)).isEqualTo(1);
    }

    /** Over https the issuer id is the public Profile; the did:web is the host; a legacy key is rotated, still published. */
    @Test
    void anHttpsDeploymentIdentifiesItsIssuerByItsProfileAndRotatesALegacyKey() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("hoctap-keys");
        java.nio.file.Files.createDirectories(dir.resolve("titles"));
        IssuerKeys legacy = IssuerKeys.generate(SigningAlgorithm.RS256, "https://hoctap.example.vn/.well-known/jwks.json#rs256-2026-1");
        legacy.writePrivateJwk(dir.resolve("titles/issuer-key.jwk"));
        IssuerKeyStore store = new IssuerKeyStore(dir.toString(), "https://hoctap.example.vn/");
        assertThat(store.issuerId()).isEqualTo("https://hoctap.example.vn/public/titles/issuer");
        assertThat(store.did()).isEqualTo("did:web:hoctap.example.vn");
        assertThat(store.trustedIssuerIds()).contains("https://hoctap.example.vn/issuers/hanoi", "did:web:hoctap.example.vn");
        // first use: the legacy key (kid into the JWKS) is retired, a did:web key signs
        assertThat(store.keys().kid()).startsWith("did:web:hoctap.example.vn#rs256-");
        assertThat(store.ring().publicJwksJson()).contains("https://hoctap.example.vn/.well-known/jwks.json#rs256-2026-1");
        assertThat(store.keys().kid()).isNotEqualTo("did:web:hoctap.example.vn#rs256-2026-1"); // that fragment was the legacy key's
        // the DID document lists both keys under distinct ids: the legacy one as retired
        Map<String, Object> doc = store.ring().didDocument(store.did(), List.of());
        List<?> methods = (List<?>) doc.get("verificationMethod");
        assertThat(methods.stream().map(vm -> ((Map<?, ?>) vm).get("id")).distinct().count()).isEqualTo(2);
        assertThat(doc.get("assertionMethod").toString()).contains("did:web:hoctap.example.vn#retired-rs256-2026-1");
        String second = store.rotate();
        assertThat(second).isNotEqualTo(store.ring().retired().get(1).getKeyID());
        assertThat(store.ring().retired()).hasSize(2);
        // a restart reads the same ring
        IssuerKeyStore again = new IssuerKeyStore(dir.toString(), "https://hoctap.example.vn");
        assertThat(again.ring().publicJwksJson()).isEqualTo(store.ring().publicJwksJson());
        assertThat(java.nio.file.Files.readString(dir.resolve("titles/retired-keys.jwks"))).doesNotContain("\"d\"");
    }

    JsonNode credentialRequest(String endpoint, String accessToken, String configurationId, String proof, int expected) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("credential_configuration_id", configurationId);
        body.put("proofs", Map.of("jwt", List.of(proof)));
        MvcResult r = mvc.perform(post(URI.create(endpoint).getRawPath()).contentType(MediaType.APPLICATION_JSON)
                .header("Authorization", "Bearer " + accessToken).content(JSON.writeValueAsString(body))).andReturn();
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(expected);
        return json(r.getResponse().getContentAsString());
    }

    /** A jwt key proof (OpenID4VCI Appendix F.1): typ openid4vci-proof+jwt, the public key in jwk, aud/iat/nonce. */
    static String proof(EllipticCurveJsonWebKey key, String audience, String nonce) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setHeader("typ", "openid4vci-proof+jwt");
        jws.setAlgorithmHeaderValue("ES256");
        jws.setJwkHeader(key);
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("aud", audience);
        claims.put("iat", Instant.now().getEpochSecond());
        claims.put("nonce", nonce);
        jws.setPayload(JSON.writeValueAsString(claims));
        jws.setKey(key.getPrivateKey());
        return jws.getCompactSerialization();
    }
}
