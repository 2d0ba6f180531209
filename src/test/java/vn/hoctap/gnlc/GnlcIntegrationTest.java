package vn.hoctap.gnlc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.jayway.jsonpath.JsonPath;

import vn.hoctap.IntegrationTest;
import vn.hoctap.accounts.Role;

/**
 * The GNLC module end to end through its routes: who may add evidence where, a questionnaire from upload to an
 * approved, public and exported answer, a refused questionnaire file, and the gap view's judgement.
 */
class GnlcIntegrationTest extends IntegrationTest {

    @Autowired
    vn.hoctap.indicators.IndicatorValues indicatorValues;

    /**
     * The indicator of area 3.1, model.learning_city, has no value of its own any more: V70 removed the row V4 seeded
     * (GNLC membership is not the national "Thành phố học tập" title, issue 14). These tests need a city value mapped to
     * 3.1, so they store one for 2025 and remove it afterwards.
     */
    @org.junit.jupiter.api.BeforeEach
    void learningCityValue() {
        indicatorValues.store("model.learning_city", 2025, java.util.Map.of("01", new double[] {1, 0}), "test fixture");
    }

    @org.junit.jupiter.api.AfterEach
    void noLearningCityValue() {
        jdbc.update("delete from indicator_value where indicator_id = 'model.learning_city'");
        indicatorValues.invalidate(2025);
    }

    @Autowired
    JdbcTemplate jdbc;

    static RequestPostProcessor as(TestUser u) {
        return httpBasic(u.username(), u.password());
    }

    org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder evidence(String target, String unit, String title) {
        return evidence(target, unit, title, "DOCUMENT");
    }

    org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder evidence(String target, String unit, String title,
                                                                                               String kind) {
        return multipart("/gnlc/evidence").param("area", target.substring(0, 3)).param("target", target).param("kind", kind)
                .param("titleVi", title).param("titleEn", title + " (en)").param("dateFrom", vn.hoctap.platform.HanoiTime.today().toString())
                .param("owner", "UBND").param("language", "vi").param("unit", unit).with(csrf());
    }

    int rows(String title) {
        return jdbc.queryForObject("select count(*) from gnlc_evidence where title_vi = ?", Integer.class, title);
    }

    String uniqueTitle() {
        return "Bằng chứng thử " + UUID.randomUUID();
    }

    @Test
    void aCommuneOfficerAddsEvidenceOfTheirOwnCommuneOnlyAndWritesNoCityAnswer() throws Exception {
        TestUser officer = user(Role.COMMUNE_OFFICER, "00004");
        String mine = uniqueTitle();
        mvc.perform(evidence("2.2", "00004", mine).with(as(officer))).andExpect(status().is3xxRedirection());
        assertThat(rows(mine)).isEqualTo(1);
        assertThat(mvc.perform(get("/gnlc/areas/2.2").with(as(officer))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).contains(mine);

        // an HTML page is refused (its real type is judged from the bytes), even declared as a PDF; nothing is stored
        String html = uniqueTitle();
        var refusedHtml = mvc.perform(evidence("2.2", "00004", html).file(new MockMultipartFile("file", "x.pdf", "application/pdf",
                "<html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8))).with(as(officer)))
                .andExpect(status().is3xxRedirection()).andReturn();
        assertThat(refusedHtml.getFlashMap().get("errors")).asString().containsAnyOf("Chỉ nhận tệp PDF", "Only PDF");
        assertThat(rows(html)).isZero();
        // a real PDF is stored with the type read from its bytes and sent back as a download
        String withFile = uniqueTitle();
        mvc.perform(evidence("2.2", "00004", withFile).file(new MockMultipartFile("file", "bao-cao.pdf", "application/pdf",
                vn.hoctap.UploadSamples.pdf())).with(as(officer))).andExpect(status().is3xxRedirection());
        String withDocx = uniqueTitle();
        mvc.perform(evidence("2.2", "00004", withDocx).file(new MockMultipartFile("file", "bao-cao.docx",
                vn.hoctap.platform.FileTypes.DOCX, vn.hoctap.UploadSamples.docx())).with(as(officer))).andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("select file_type from gnlc_evidence where title_vi = ?", String.class, withDocx))
                .isEqualTo(vn.hoctap.platform.FileTypes.DOCX);
        String withPng = uniqueTitle();
        mvc.perform(evidence("2.2", "00004", withPng, "PHOTO").file(new MockMultipartFile("file", "anh.png", "image/png",
                vn.hoctap.UploadSamples.image("png"))).with(as(officer))).andExpect(status().is3xxRedirection());
        assertThat(rows(withPng)).isEqualTo(1);
        long id = jdbc.queryForObject("select id from gnlc_evidence where title_vi = ?", Long.class, withFile);
        var download = mvc.perform(get("/gnlc/evidence/" + id + "/file").with(as(officer))).andExpect(status().isOk()).andReturn().getResponse();
        assertThat(download.getContentType()).isEqualTo("application/pdf");
        assertThat(download.getHeader("Content-Disposition")).startsWith("attachment");
        TestUser stranger = user(Role.COMMUNE_OFFICER, "00008");
        mvc.perform(get("/gnlc/evidence/" + id + "/file").with(as(stranger))).andExpect(status().isNotFound());

        // the other commune may not delete it; its own officer may, and the deletion is audited
        mvc.perform(post("/gnlc/evidence/" + id + "/delete").param("area", "2.2").with(csrf()).with(as(stranger))).andExpect(status().isNotFound());
        TestUser associationOfBaDinh = user(Role.ASSOCIATION_MEMBER, "00004");
        mvc.perform(post("/gnlc/evidence/" + id + "/delete").param("area", "2.2").with(csrf()).with(as(associationOfBaDinh)))
                .andExpect(status().isForbidden());
        assertThat(rows(withFile)).isEqualTo(1);
        mvc.perform(post("/gnlc/evidence/" + id + "/delete").param("area", "2.2").with(csrf()).with(as(officer))).andExpect(status().is3xxRedirection());
        assertThat(rows(withFile)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'gnlc.evidence.delete' and entity_id = ?",
                Integer.class, String.valueOf(id))).isEqualTo(1);

        String other = uniqueTitle();
        mvc.perform(evidence("2.2", "00008", other).with(as(officer))).andExpect(status().isForbidden());
        mvc.perform(evidence("2.2", "01", other).with(as(officer))).andExpect(status().isForbidden());
        assertThat(rows(other)).isZero();

        // another commune's evidence is not shown to them
        TestUser ngocHa = user(Role.COMMUNE_OFFICER, "00008");
        assertThat(mvc.perform(get("/gnlc/areas/2.2").with(as(ngocHa))).andReturn().getResponse().getContentAsString()).doesNotContain(mine);

        mvc.perform(post("/gnlc/questionnaires/sample-biennial-2021/1").param("textVi", "x").param("textEn", "x").with(csrf()).with(as(officer)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/gnlc/features").param("area", "1.1").param("wordingVi", "x").param("wordingEn", "x").param("source", "s")
                .with(csrf()).with(as(officer))).andExpect(status().isForbidden());
        TestUser citizen = user(Role.CITIZEN, "00004");
        mvc.perform(get("/gnlc").with(as(citizen))).andExpect(status().isForbidden());
    }

    @Test
    void aQuestionnaireFromUploadToAnApprovedPublicAndExportedAnswer() throws Exception {
        TestUser admin = user(Role.CITY_ADMIN, "01");
        TestUser officer = user(Role.CITY_OFFICER, "01");
        TestUser association = user(Role.ASSOCIATION_MEMBER, "00004");
        String feature = addFeature(admin, "1.3");
        String code = "test-" + UUID.randomUUID().toString().substring(0, 8);
        String file = "questionnaire|" + code + "|1|BIENNIAL|no|Báo cáo thử|Test report|UIL\n"
                + "question|1|400|3.1|Chính sách nào?|Which policies?\n"
                + "question|2||" + feature + "|Phát triển bền vững?|Sustainable development?\n";
        mvc.perform(multipart("/gnlc/questionnaires").file(new MockMultipartFile("file", code + ".txt", "text/plain",
                file.getBytes(StandardCharsets.UTF_8))).with(csrf()).with(as(officer))).andExpect(status().is3xxRedirection());

        // only the administrator adds features; a photo must be an image (refused with its reason, nothing stored)
        mvc.perform(post("/gnlc/features").param("area", "1.3").param("wordingVi", "x").param("wordingEn", "x").param("source", "s")
                .with(csrf()).with(as(officer))).andExpect(status().isForbidden());
        String photo = uniqueTitle();
        var refused = mvc.perform(evidence(feature, "01", photo, "PHOTO").file(new MockMultipartFile("file", "a.txt",
                "text/plain", "không phải ảnh".getBytes(StandardCharsets.UTF_8))).with(as(officer))).andExpect(status().is3xxRedirection()).andReturn();
        assertThat(refused.getFlashMap().get("errors")).asString().containsAnyOf("Ảnh phải là tệp hình ảnh.", "A photo must be an image file.");
        assertThat(rows(photo)).isZero();

        String title = uniqueTitle();
        mvc.perform(evidence(feature, "01", title).with(as(officer))).andExpect(status().is3xxRedirection());
        mvc.perform(post("/gnlc/questionnaires/" + code + "/2/draft").with(csrf()).with(as(officer))).andExpect(status().is3xxRedirection());
        mvc.perform(post("/gnlc/questionnaires/" + code + "/1/draft").with(csrf()).with(as(officer))).andExpect(status().is3xxRedirection());
        Map<String, Object> a2 = answer(code, 2);
        assertThat((String) a2.get("text_vi")).contains("- " + title + " (" + vn.hoctap.platform.HanoiTime.today()
                .format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")) + ", UBND).");
        assertThat((String) a2.get("text_en")).contains(title + " (en)");
        assertThat(a2.get("status")).isEqualTo("DRAFT");
        // the statistic of 3.1: Hà Nội's registration as a learning city (a recorded value of 2025: met)
        assertThat((String) answer(code, 1).get("text_vi")).contains("Đăng ký danh hiệu \"Thành phố học tập\": đạt (năm 2025)");
        assertThat((String) answer(code, 1).get("text_en")).contains("Register for the \"Learning City\" title: met (2025)");

        mvc.perform(post("/gnlc/questionnaires/" + code + "/2/approve").with(csrf()).with(as(association))).andExpect(status().isForbidden());
        mvc.perform(post("/gnlc/questionnaires/" + code + "/2/approve").with(csrf()).with(as(officer))).andExpect(status().is3xxRedirection());
        assertThat(answer(code, 2).get("status")).isEqualTo("APPROVED");
        assertThat(answer(code, 2).get("approved_by")).isEqualTo(officer.username());

        String publicPage = mvc.perform(get("/public/gnlc").param("lang", "en")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(publicPage).contains("Sustainable development?").contains(title + " (en)").doesNotContain("Which policies?");
        String publicJson = mvc.perform(get("/api/public/gnlc/report")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<String> en = JsonPath.read(publicJson, "$.reports[?(@.code == '" + code + "')].answers[*].answer_en");
        assertThat(en).hasSize(1);
        assertThat(en.get(0)).contains(title);

        byte[] docx = mvc.perform(get("/gnlc/questionnaires/" + code + "/report.docx").with(as(officer))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (XWPFDocument d = new XWPFDocument(new ByteArrayInputStream(docx)); XWPFWordExtractor x = new XWPFWordExtractor(d)) {
            String text = x.getText();
            assertThat(text).contains("Hà Nội — Test report").contains("1. Which policies? (at most 400 words)")
                    .contains("2. Sustainable development?").contains(title + " (en)").contains("DRAFT, not yet approved")
                    .contains("Approved by the city on").doesNotContain("SAMPLE");
        }
        byte[] pdf = mvc.perform(get("/gnlc/questionnaires/" + code + "/report.pdf").with(as(officer))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        mvc.perform(get("/gnlc/questionnaires/" + code + "/report.docx").with(as(association))).andExpect(status().isForbidden());

        // an edit returns the approved answer to draft, and the public no longer sees it
        mvc.perform(post("/gnlc/questionnaires/" + code + "/2").param("textVi", "Sửa").param("textEn", "Edited").with(csrf()).with(as(officer)))
                .andExpect(status().is3xxRedirection());
        assertThat(answer(code, 2).get("status")).isEqualTo("DRAFT");
        assertThat(answer(code, 2).get("approved_by")).isNull();
        assertThat(mvc.perform(get("/public/gnlc")).andReturn().getResponse().getContentAsString()).doesNotContain(title);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where entity_type = 'gnlc_answer' and entity_id = ?",
                Integer.class, code + "#2")).isEqualTo(3); // draft, approve, save
    }

    @Test
    void aBadQuestionnaireFileIsRefusedWithItsLineAndNothingIsStored() throws Exception {
        TestUser officer = user(Role.CITY_OFFICER, "01");
        String code = "bad-" + UUID.randomUUID().toString().substring(0, 8);
        String file = "questionnaire|" + code + "|1|BIENNIAL|no|Báo cáo|Report|UIL\nquestion|1||3.1|A|A\nquestion|2||9.9|B|B\n";
        var result = mvc.perform(multipart("/gnlc/questionnaires").file(new MockMultipartFile("file", "uil.txt", "text/plain",
                file.getBytes(StandardCharsets.UTF_8))).with(csrf()).with(as(officer))).andExpect(status().is3xxRedirection()).andReturn();
        @SuppressWarnings("unchecked")
        List<String> errors = (List<String>) result.getFlashMap().get("errors");
        assertThat(errors).singleElement().asString().contains("uil.txt").containsAnyOf("dòng 3", "line 3").contains("targets").contains("9.9");
        assertThat(jdbc.queryForObject("select count(*) from gnlc_questionnaire where code = ?", Integer.class, code)).isZero();
    }

    @Test
    void theGapViewJudgesEachAreaAndFeature() throws Exception {
        TestUser admin = user(Role.CITY_ADMIN, "01");
        String feature = addFeature(admin, "1.2");
        String json = mvc.perform(get("/api/gnlc/gap").with(as(admin))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat((List<?>) JsonPath.read(json, "$.areas")).hasSize(12);
        assertThat((String) JsonPath.read(json, "$.report_due")).isEqualTo("2027-12-04");
        assertThat((List<String>) JsonPath.read(json, "$.areas[*].targets[?(@.code == '" + feature + "')].strength")).containsExactly("NONE");
        // 3.1 has the city's registration as a learning city among its indicators
        assertThat((List<Integer>) JsonPath.read(json, "$.areas[?(@.area == '3.1')].targets[0].indicators")).allMatch(n -> n >= 1);

        mvc.perform(evidence(feature, "01", uniqueTitle()).with(as(admin))).andExpect(status().is3xxRedirection());
        json = mvc.perform(get("/api/gnlc/gap").with(as(admin))).andReturn().getResponse().getContentAsString();
        assertThat((List<String>) JsonPath.read(json, "$.areas[*].targets[?(@.code == '" + feature + "')].strength")).containsExactly("WEAK");
        assertThat((List<List<String>>) JsonPath.read(json, "$.areas[*].targets[?(@.code == '" + feature + "')].missing"))
                .singleElement().asList().containsExactly("NO_INDICATOR");
        assertThat(mvc.perform(get("/gnlc").with(as(admin))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("data-feature=\"" + feature + "\"");
    }

    String addFeature(TestUser admin, String area) throws Exception {
        String wording = "Đặc điểm thử " + UUID.randomUUID();
        mvc.perform(post("/gnlc/features").param("area", area).param("wordingVi", wording).param("wordingEn", "Test feature")
                .param("source", "Quyết định thử").with(csrf()).with(as(admin))).andExpect(status().is3xxRedirection());
        return jdbc.queryForObject("select code from gnlc_feature where wording_vi = ?", String.class, wording);
    }

    Map<String, Object> answer(String code, int n) {
        return jdbc.queryForMap("select * from gnlc_answer where questionnaire_code = ? and number = ?", code, n);
    }
}
