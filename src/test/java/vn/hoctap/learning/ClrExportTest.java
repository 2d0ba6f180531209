package vn.hoctap.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Base64;
import java.util.List;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.JsonWebSignature;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

import com.networknt.schema.Schema;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.hoctap.IntegrationTest;
import vn.hoctap.accounts.Role;

/**
 * The learning record as a CLR 2.0 ClrCredential signed like the titles' credentials: a citizen downloads it; the
 * signature is checked with jose4j (not the nimbus library that signs) against the key the platform publishes at
 * /.well-known/jwks.json under the JWT's kid; the JWT claims match the credential; a tampered payload fails; every
 * embedded AchievementCredential validates against the official OB 3.0 schema; the export is audited.
 * Commune 00292 (Bạch Mai): used only here.
 */
class ClrExportTest extends IntegrationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aSignedClrCredentialWrappingTheAchievements() throws Exception {
        TestUser officer = user(Role.COMMUNE_OFFICER, "00292");
        TestUser citizen = user(Role.CITIZEN, "00292");
        String person = "P-00292-CLR-" + System.nanoTime();
        mvc.perform(post("/api/learning/links").with(httpBasic(officer.username(), officer.password())).contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\": \"" + citizen.username() + "\", \"person_id\": \"" + person + "\", \"commune_code\": \"00292\"}"))
                .andExpect(status().isOk());
        jdbc.update("""
                insert into learning_entry (person_id, commune_code, title, kind, topic, provider, start_date, end_date, hours, status, created_by)
                values (?, '00292', 'Lớp tin học văn phòng', 'class', 'digital', 'TTHTCĐ phường Bạch Mai', '2026-03-02', '2026-04-20', 24, 'verified', 'test'),
                       (?, '00292', 'Chứng chỉ tiếng Anh A2', 'certificate', 'language', 'Trung tâm ngoại ngữ X', '2025-09-01', null, 0, 'self_declared', 'test')""",
                person, person);

        String jwt = mvc.perform(get("/learning/me.clr.jwt").with(httpBasic(citizen.username(), citizen.password())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String[] parts = jwt.split("\\.");
        assertThat(parts).hasSize(3);
        JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
        assertThat(header.get("typ").asString()).isEqualTo("JWT");
        String kid = header.get("kid").asString();
        assertThat(kid).startsWith("did:web:");

        // the signature, with the published key of that kid
        String jwks = mvc.perform(get("/.well-known/jwks.json")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        JsonWebKey key = new JsonWebKeySet(jwks).getJsonWebKeys().stream().filter(k -> kid.equals(k.getKeyId())).findFirst().orElseThrow();
        JsonWebSignature jws = new JsonWebSignature();
        jws.setCompactSerialization(jwt);
        jws.setKey(key.getKey());
        assertThat(jws.verifySignature()).isTrue();
        JsonNode clr = JSON.readTree(jws.getPayload());
        // a payload changed by one character no longer verifies
        String tamperedPayload = Base64.getUrlEncoder().withoutPadding().encodeToString(jws.getPayload().replace("Lớp tin học văn phòng",
                "Lớp tin học văn phòng nâng cao").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        JsonWebSignature tampered = new JsonWebSignature();
        tampered.setCompactSerialization(parts[0] + "." + tamperedPayload + "." + parts[2]);
        tampered.setKey(key.getKey());
        assertThat(tampered.verifySignature()).isFalse();

        // the ClrCredential: VC 2.0 + CLR 2.0 + OB 3.0 contexts, its type, issuer = iss, subject = sub
        assertThat(clr.get("@context").get(0).asString()).isEqualTo("https://www.w3.org/ns/credentials/v2");
        assertThat(clr.get("@context").get(1).asString()).isEqualTo(ClrExport.CLR_CONTEXT);
        assertThat(List.of(clr.get("type").get(0).asString(), clr.get("type").get(1).asString())).containsExactly("VerifiableCredential", "ClrCredential");
        assertThat(clr.get("iss").asString()).isEqualTo(clr.at("/issuer/id").asString());
        assertThat(clr.get("jti").asString()).isEqualTo(clr.get("id").asString());
        assertThat(clr.get("sub").asString()).isEqualTo("urn:hoctap:person:" + person);
        assertThat(clr.at("/credentialSubject/type/0").asString()).isEqualTo("ClrSubject");
        assertThat(clr.at("/credentialSubject/identifier/0/identityHash").asString()).isEqualTo(person);
        JsonNode vcs = clr.at("/credentialSubject/verifiableCredential");
        assertThat(vcs).hasSize(2);
        assertThat(clr.at("/credentialSubject/achievement")).hasSize(2);
        // newest first, as the record page
        assertThat(vcs.get(0).at("/credentialSubject/achievement/name").asString()).isEqualTo("Lớp tin học văn phòng");
        assertThat(vcs.get(0).at("/credentialSubject/achievement/creditsAvailable").asDouble()).isEqualTo(24.0);
        assertThat(vcs.get(1).at("/issuer/name").asString()).startsWith("Tự khai");
        Schema ob = OpenBadgesExportSchemaTest.schema();
        for (JsonNode vc : vcs) assertThat(ob.validate(vc)).as(vc.toString()).isEmpty();

        // audited; a citizen without a linked record gets nothing
        assertThat(jdbc.queryForObject("select count(*) from audit_event where entity_type = 'learning_clr' and actor = ?", Integer.class,
                citizen.username())).isEqualTo(1);
        TestUser unlinked = user(Role.CITIZEN, "00292");
        mvc.perform(get("/learning/me.clr.jwt").with(httpBasic(unlinked.username(), unlinked.password()))).andExpect(status().isNotFound());
    }
}
