package vn.hoctap.titles;



import vn.hoctap.titles.core.TitlesTestSupport;
import vn.hoctap.titles.core.CredentialVerifier;
import vn.hoctap.titles.core.RevocationList;
import vn.hoctap.titles.core.SubjectType;
import vn.hoctap.titles.core.TitleKind;
import vn.hoctap.titles.core.VerificationFailure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.hoctap.titles.core.TitlesTestSupport.as;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MvcResult;

import com.jayway.jsonpath.JsonPath;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

import vn.hoctap.IntegrationTest;
import vn.hoctap.accounts.Role;
import vn.hoctap.titles.core.CampaignWorkflow.Step;
import vn.hoctap.titles.internal.Campaigns;
import vn.hoctap.titles.internal.Certificates;
import vn.hoctap.titles.internal.IssuerKeyStore;

/**
 * A resident's public self-assessment up to a published "Công dân học tập" title: its effect on
 * model.learning_citizens, the certificate's verification page and PDF, the VC-JWT verified against the
 * published JWKS (and refused when tampered), and revocation.
 */
class TitlesCertificateTest extends IntegrationTest {

    static final String COMMUNE = "00025";
    static final String NATIONAL_ID = "001090012345";

    @Autowired
    Campaigns campaigns;
    @Autowired
    Certificates certificates;
    @Autowired
    IssuerKeyStore keys;
    @Autowired
    JdbcTemplate jdbc;

    Map<String, Object> cityValue(TestUser u, int year, String indicator, String unit) throws Exception {
        String json = mvc.perform(get("/api/indicators/values").param("year", String.valueOf(year)).param("indicator", indicator)
                .with(httpBasic(u.username(), u.password()))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<Map<String, Object>> rows = JsonPath.read(json, "$[?(@.unit_code == '" + unit + "')]");
        return rows.isEmpty() ? null : rows.get(0);
    }

    Campaigns.Dossier dossier(long id) throws Exception {
        try (var a = as(Role.CITY_OFFICER, "01")) {
            return campaigns.dossier(id);
        }
    }

    @Test
    void aResidentsTitleFromSelfAssessmentToVerificationAndRevocation() throws Exception {
        int year = vn.hoctap.platform.HanoiTime.today().getYear();
        // the register the denominator comes from: 4 residents aged 15+ and one child in the commune (latest year ≤ campaign year)
        importRegister("person_id,household_id,commune_code,birth_date,sex\n"
                + "TC1,TH1," + COMMUNE + ",1980,M\nTC2,TH1," + COMMUNE + ",1982,F\nTC3,TH2," + COMMUNE + ",1950,M\n"
                + "TC4,TH2," + COMMUNE + ",2000,F\nTC5,TH2," + COMMUNE + "," + (year - 5) + ",F\n", year);
        try (var a = as(Role.COMMUNE_OFFICER, COMMUNE)) {
            campaigns.createCampaign(year, TitleKind.CONG_DAN, COMMUNE, null, TitlesTestSupport.open());
        }
        // the public page, no account
        assertThat(mvc.perform(get("/public/titles")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("Tự đánh giá").contains("Công dân học tập — người dân trong xã (bộ 2) — Tiêu chí tạm thời của HọcTập");
        // a bad contact is refused and nothing is stored
        long before = jdbc.queryForObject("select count(*) from titles_evaluation", Long.class);
        mvc.perform(post("/public/titles/register").with(csrf()).param("name", "Nguyễn Văn An").param("contact", "abc")
                .param("commune", COMMUNE).param("setId", "cdht-residents")).andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("select count(*) from titles_evaluation", Long.class)).isEqualTo(before);
        MvcResult reg = mvc.perform(post("/public/titles/register").with(csrf()).param("name", "Nguyễn Văn An")
                .param("contact", "An.Nguyen@Example.vn ").param("commune", COMMUNE).param("setId", "cdht-residents")
                .param("nationalId", NATIONAL_ID)).andExpect(status().is3xxRedirection()).andReturn();
        String selfUrl = reg.getResponse().getRedirectedUrl();
        assertThat(selfUrl).startsWith("/public/titles/self/");
        long id = jdbc.queryForObject("select max(id) from titles_evaluation", Long.class);
        // the national ID number is never stored in clear: only a keyed hash
        Map<String, Object> row = jdbc.queryForMap("select * from titles_evaluation where id = ?", id);
        assertThat(row.values().stream().map(String::valueOf)).noneMatch(v -> v.contains(NATIONAL_ID));
        assertThat((String) row.get("national_id_hmac")).hasSize(64).isEqualTo(keys.hmac(NATIONAL_ID));
        assertThat(row.get("contact")).isEqualTo("an.nguyen@example.vn");

        assertThat(mvc.perform(get(selfUrl)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("Tiêu chí tạm thời của HọcTập: 0/10 chỉ số có nguồn; mức đạt có nguồn.").contains("name=\"p_1.1\"");
        var post = post(selfUrl).with(csrf()).param("version", "0");
        for (String ind : List.of("1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "2.3", "3.1", "3.2", "3.3")) {
            post.param("p_" + ind, "9");
        }
        mvc.perform(post).andExpect(status().is3xxRedirection());
        assertThat(campaigns.scores(id)).hasSize(10);
        // a wrong link opens nothing
        mvc.perform(get("/public/titles/self/0123456789abcdef")).andExpect(status().isNotFound());

        TestUser officer = user(Role.COMMUNE_OFFICER, COMMUNE);
        TestUser city = user(Role.CITY_OFFICER, "01");
        try (var a = as(Role.ASSOCIATION_MEMBER, COMMUNE)) {
            campaigns.step(id, Step.REVIEW, null);
        }
        try (var a = as(Role.COMMUNE_OFFICER, COMMUNE)) {
            campaigns.step(id, Step.DECIDE, null);
        }
        // recognised but not yet published: nothing counted yet (no value, or 0 when another test's published title of
        // the year has already stored the commune's value)
        Map<String, Object> notYet = cityValue(city, year, "model.learning_citizens", COMMUNE);
        assertThat(notYet == null ? 0.0 : ((Number) notYet.get("numerator")).doubleValue()).isEqualTo(0.0);
        try (var a = as(Role.COMMUNE_OFFICER, COMMUNE)) {
            campaigns.step(id, Step.PUBLISH, null);
        }
        // effect: 1 published title over 4 residents aged 15+ in the commune
        Map<String, Object> v = cityValue(city, year, "model.learning_citizens", COMMUNE);
        assertThat(((Number) v.get("numerator")).doubleValue()).isEqualTo(1.0);
        assertThat(((Number) v.get("denominator")).doubleValue()).isEqualTo(4.0);
        assertThat(((Number) v.get("value")).doubleValue()).isEqualTo(25.0);
        assertThat(v.get("source")).isEqualTo("titles");

        String code = dossier(id).verificationCode();
        String page = mvc.perform(get("/public/verify/" + code)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        // the page and the PDF carry the same facts: the holder's name as registered, no contact, no score (issue 16)
        assertThat(page).contains("Hợp lệ").contains("Công dân học tập năm " + year).contains("Nguyễn Văn An")
                .doesNotContain("example.vn").doesNotContain("90/100");
        // issue 15: the criteria set and its verification, said once, the same words as the PDF and the credential
        assertThat(page).contains("id=\"v-criteria\"").contains("(phiên bản 2)")
                .contains("Tiêu chí tạm thời của HọcTập: 0/10 chỉ số có nguồn; mức đạt có nguồn.");
        // one character changed in the code: not found
        String altered = code.substring(0, 10) + (code.charAt(10) == 'A' ? 'B' : 'A') + code.substring(11);
        assertThat(mvc.perform(get("/public/verify/" + altered)).andExpect(status().isNotFound()).andReturn().getResponse()
                .getContentAsString()).contains("Không tìm thấy giấy chứng nhận").doesNotContain("Hợp lệ");
        mvc.perform(get("/public/verify/../../x")).andExpect(status().is4xxClientError());

        // the PDF: diacritics and the verification code
        byte[] pdf = mvc.perform(get("/titles/evaluations/" + id + "/certificate.pdf").with(httpBasic(officer.username(), officer.password())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        String text = new PdfTextExtractor(new PdfReader(pdf)).getTextFromPage(1);
        assertThat(text).contains("GIẤY CHỨNG NHẬN").contains("Nguyễn Văn An").contains(code)
                .doesNotContain("Tổng điểm").doesNotContain("90/100").doesNotContain("example.vn");
        assertThat(text).contains("Bộ tiêu chí: Công dân học tập").contains("(phiên bản 2)")
                .contains("Tiêu chí tạm thời của HọcTập: 0/10 chỉ số có nguồn; mức đạt có nguồn.");
        // another commune's officer cannot fetch it
        TestUser other = user(Role.COMMUNE_OFFICER, "00008");
        mvc.perform(get("/titles/evaluations/" + id + "/certificate.pdf").with(httpBasic(other.username(), other.password())))
                .andExpect(status().isForbidden());

        // the VC-JWT: verified offline against the published JWKS; a one-character change fails
        String jwt = mvc.perform(get("/titles/evaluations/" + id + "/credential.jwt").with(httpBasic(officer.username(), officer.password())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String jwks = mvc.perform(get("/.well-known/jwks.json")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(jwks).contains("\"kty\"").doesNotContain("\"d\"");
        CredentialVerifier verifier = new CredentialVerifier(keys.trustedIssuerIds(), Clock.systemUTC());
        assertThat(verifier.verify(jwt, jwks, RevocationList.empty("x")).valid()).isTrue();
        // its narrative is the scored set's, not "theo bộ tiêu chí Công dân học tập (QĐ 324/QĐ-KHVN)" (issue 15)
        String payload = new String(java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(payload).contains("phiên bản 2 (tổng điểm từ 80/100, không chỉ số nào dưới 5 điểm). Tiêu chí tạm thời của HọcTập: 0/10 chỉ số có nguồn")
                .doesNotContain("theo bộ tiêu chí Công dân học tập (QĐ 324/QĐ-KHVN)");
        int mid = jwt.indexOf('.') + 20;
        String tampered = jwt.substring(0, mid) + (jwt.charAt(mid) == 'a' ? 'b' : 'a') + jwt.substring(mid + 1);
        assertThat(verifier.verify(tampered, jwks, RevocationList.empty("x")).valid()).isFalse();
        assertThat(mvc.perform(post("/public/verify/credential").with(csrf()).param("jwt", jwt)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains("Chứng nhận số hợp lệ");
        assertThat(mvc.perform(post("/public/verify/credential").with(csrf()).param("jwt", tampered)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains("Chứng nhận số không hợp lệ");

        // revocation by the city administrator, with a reason: the page says revoked, the credential is on the list
        try (var a = as(Role.CITY_ADMIN, "01")) {
            campaigns.step(id, Step.REVOKE, "Hồ sơ khai không đúng");
        }
        page = mvc.perform(get("/public/verify/" + code)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        // revoked, and since when; never why (the reason stays in the dossier)
        assertThat(page).contains("Đã bị thu hồi").doesNotContain(">Hợp lệ<").doesNotContain("Hồ sơ khai không đúng")
                .contains("Ngày thu hồi").contains(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy").format(vn.hoctap.platform.HanoiTime.today()));
        String list = mvc.perform(get("/api/public/titles/revocations")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String credentialId = dossier(id).credentialId();
        assertThat((List<String>) JsonPath.read(list, "$.revokedCredential[*].id")).contains(credentialId);
        assertThat(list).doesNotContain("Hồ sơ khai không đúng");
        assertThat(verifier.verify(jwt, jwks, certificates.revocations()).has(VerificationFailure.REVOKED)).isTrue();
        assertThat(mvc.perform(post("/public/verify/credential").with(csrf()).param("jwt", jwt)).andReturn().getResponse()
                .getContentAsString()).contains("Chứng nhận số không hợp lệ");
        assertThat(((Number) cityValue(city, year, "model.learning_citizens", COMMUNE).get("numerator")).doubleValue()).isZero();
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'titles.evaluation.revoke' and entity_id = ?",
                Integer.class, String.valueOf(id))).isEqualTo(1);
    }

    @Test
    void theIssuerKeyPersistsOwnerOnly() throws Exception {
        String jwks = certificates.jwks();
        Path file = Path.of("target/test-data/titles/issuer-key.jwk");
        assertThat(file).exists();
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        // a restart reads the same key: a second store on the same directory publishes the same JWKS
        IssuerKeyStore again = new IssuerKeyStore("target/test-data", keys.publicUrl());
        assertThat(again.ring().publicJwksJson()).isEqualTo(jwks);
        assertThat(again.hmac("x")).isEqualTo(keys.hmac("x"));
    }

    @Test
    void familiesAndCommunesFeedTheirIndicators() throws Exception {
        int year = 2039;
        String commune = "00070";
        long fam;
        try (var a = as(Role.COMMUNE_OFFICER, commune)) {
            Campaigns.Campaign c = campaigns.createCampaign(year, TitleKind.GIA_DINH, commune, null, TitlesTestSupport.open());
            fam = campaigns.register(c.id(), new Campaigns.NewDossier(SubjectType.FAMILY, "Gia đình bà Lê Thị Hoa", commune, null, null, null)).id();
            Map<String, Integer> p = new java.util.HashMap<>();
            for (String ind : List.of("1.2", "1.3", "2.1", "2.2", "2.3", "3.1", "3.2", "4.1", "4.2")) p.put(ind, 10);
            campaigns.selfAssess(fam, p, 0);
            campaigns.step(fam, Step.REVIEW, null);
            campaigns.step(fam, Step.DECIDE, null);
            campaigns.step(fam, Step.PUBLISH, null);
        }
        long xa;
        try (var a = as(Role.CITY_OFFICER, "01")) {
            Campaigns.Campaign c = campaigns.createCampaign(year, TitleKind.CONG_DONG_XA, "01", null, TitlesTestSupport.open());
            xa = campaigns.register(c.id(), new Campaigns.NewDossier(SubjectType.COMMUNE, "Phường test", commune, null, null, null)).id();
            Map<String, Integer> p = new java.util.HashMap<>();
            vn.hoctap.titles.core.CriteriaSetLoader.loadBuiltIn().stream().filter(s -> s.id().equals("tt25-commune")).findFirst().orElseThrow()
                    .indicators().forEach((k, ind) -> p.put(k, ind.maxPoints()));
            campaigns.selfAssess(xa, p, 0);
            campaigns.step(xa, Step.REVIEW, null);
            campaigns.step(xa, Step.DECIDE, null);
            campaigns.step(xa, Step.PUBLISH, null);
        }
        TestUser city = user(Role.CITY_OFFICER, "01");
        // one family published over the registered families (no register for the commune before 2039 in this test? the
        // denominator is at least the one registered family), so the commune's value is positive and at most 100
        Map<String, Object> fv = cityValue(city, year, "model.learning_families", commune);
        assertThat(((Number) fv.get("numerator")).doubleValue()).isEqualTo(1.0);
        assertThat(((Number) fv.get("denominator")).doubleValue()).isGreaterThanOrEqualTo(1.0);
        // one commune of the 126 recognised
        Map<String, Object> dv = cityValue(city, year, "model.learning_districts", "01");
        assertThat(((Number) dv.get("numerator")).doubleValue()).isEqualTo(1.0);
        assertThat(((Number) dv.get("denominator")).doubleValue()).isEqualTo(126.0);
        assertThat(Set.of(fam, xa)).hasSize(2);
    }
}
