package vn.hoctap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import vn.hoctap.accounts.AccountPrincipal;
import vn.hoctap.accounts.CurrentUser;
import vn.hoctap.accounts.Role;
import vn.hoctap.cycle.Plans;
import vn.hoctap.platform.FileTypes;

/**
 * Every upload of a user's file is judged by its bytes (issue 11 item 7): HTML declared as a PDF or an image is refused
 * with the field and the reason, and nothing is stored; a real PDF, PNG or Word file is accepted. Cycle plan documents
 * and decision files (and inspection evidence, which goes through the same {@code Documents.store}), self-declared
 * learning evidence. (GNLC evidence: {@code GnlcIntegrationTest}; title evidence: {@code TitlesWorkflowTest}.)
 */
class UploadContentTypesTest extends IntegrationTest {

    @Autowired Plans plans;
    @Autowired JdbcTemplate jdbc;

    static RequestPostProcessor as(TestUser u) {
        return httpBasic(u.username(), u.password());
    }

    static MockMultipartFile file(String field, String name, String type, byte[] bytes) {
        return new MockMultipartFile(field, name, type, bytes);
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> errors(MvcResult r) {
        Object e = r.getFlashMap().get("errors");
        return e == null ? Map.of() : (Map<String, String>) e;
    }

    long planOfTheCity() {
        CurrentUser u = new CurrentUser(98_123, "uploads.city", "uploads.city", Role.CITY_OFFICER, Set.of("01"));
        AccountPrincipal p = new AccountPrincipal(u, "", true);
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(p, null, p.getAuthorities()));
        try {
            return plans.create(Plans.Level.CITY, "01", null, 2025, 2026, "Kế hoạch tải tệp " + UUID.randomUUID(), null);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    int documents(String ownerKind, long ownerId) {
        return jdbc.queryForObject("select count(*) from cycle_document where owner_kind = ? and owner_id = ?", Integer.class, ownerKind, ownerId);
    }

    @Test
    void aPlanDocumentIsJudgedByItsBytes() throws Exception {
        long plan = planOfTheCity();
        TestUser officer = user(Role.CITY_OFFICER, "01");
        for (var fake : new MockMultipartFile[] {file("file", "ke-hoach.pdf", "application/pdf", UploadSamples.HTML),
                file("file", "anh.png", "image/png", UploadSamples.HTML)}) {
            MvcResult r = mvc.perform(multipart("/cycle/plans/" + plan + "/documents").file(fake).with(as(officer)).with(csrf()))
                    .andExpect(status().is3xxRedirection()).andReturn();
            assertThat(errors(r)).containsEntry("file", "cycle.error.file-type");
        }
        // a real PDF renamed .docx is refused too: the extension must say what the bytes are
        MvcResult renamed = mvc.perform(multipart("/cycle/plans/" + plan + "/documents")
                .file(file("file", "ke-hoach.docx", FileTypes.DOCX, UploadSamples.pdf())).with(as(officer)).with(csrf())).andReturn();
        assertThat(errors(renamed)).containsEntry("file", "file.error.type-mismatch");
        assertThat(documents("plan", plan)).isZero();

        mvc.perform(multipart("/cycle/plans/" + plan + "/documents").file(file("file", "ke-hoach.pdf", "application/pdf", UploadSamples.pdf()))
                .with(as(officer)).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(multipart("/cycle/plans/" + plan + "/documents").file(file("file", "anh.png", "image/png", UploadSamples.image("png")))
                .with(as(officer)).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(multipart("/cycle/plans/" + plan + "/documents").file(file("file", "quyet-dinh.docx", FileTypes.DOCX, UploadSamples.docx()))
                .with(as(officer)).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForList("select content_type from cycle_document where owner_kind = 'plan' and owner_id = ? order by id",
                String.class, plan)).containsExactly("application/pdf", "image/png", FileTypes.DOCX);
    }

    @Test
    void aDecisionWithAFakeFileIsNotRecordedAtAll() throws Exception {
        TestUser officer = user(Role.COMMUNE_OFFICER, "00004");
        String fake = ThreadLocalRandom.current().nextInt(100_000, 999_999) + "/QĐ-UBND";
        MvcResult r = mvc.perform(decision(fake).file(file("file", "qd.pdf", "application/pdf", UploadSamples.HTML)).with(as(officer)))
                .andExpect(status().is3xxRedirection()).andReturn();
        assertThat(errors(r)).containsEntry("file", "cycle.error.file-type");
        assertThat(jdbc.queryForObject("select count(*) from cycle_decision where number = ?", Integer.class, fake)).isZero();

        String real = ThreadLocalRandom.current().nextInt(100_000, 999_999) + "/QĐ-UBND";
        MvcResult ok = mvc.perform(decision(real).file(file("file", "qd.docx", FileTypes.DOCX, UploadSamples.docx())).with(as(officer)))
                .andExpect(status().is3xxRedirection()).andReturn();
        assertThat(errors(ok)).isEmpty();
        long id = jdbc.queryForObject("select id from cycle_decision where number = ?", Long.class, real);
        assertThat(documents("decision", id)).isEqualTo(1);
    }

    org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder decision(String number) {
        return (org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder) multipart("/cycle/decisions")
                .param("kind", "LEARNING_COMMUNITY").param("unit", "00004").param("subject", "Cộng đồng học tập cấp xã")
                .param("year", "2025").param("number", number).param("issuedOn", "2025-06-01").param("issuer", "UBND phường Ba Đình")
                .with(csrf());
    }

    @Test
    void selfDeclaredLearningEvidenceIsJudgedByItsBytes() throws Exception {
        TestUser officer = user(Role.COMMUNE_OFFICER, "00004");
        TestUser citizen = user(Role.CITIZEN, "00004");
        mvc.perform(post("/api/learning/links").with(as(officer)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"" + citizen.username() + "\",\"person_id\":\"P-UP-" + UUID.randomUUID() + "\",\"commune_code\":\"00004\"}"))
                .andExpect(status().isOk());
        String title = "Khóa học tải tệp " + UUID.randomUUID();
        for (var fake : new MockMultipartFile[] {file("evidence", "chung-chi.pdf", "application/pdf", UploadSamples.HTML),
                file("evidence", "chung-chi.png", "image/png", UploadSamples.HTML)}) {
            MvcResult r = mvc.perform(declare(title).file(fake).with(as(citizen))).andExpect(status().is3xxRedirection()).andReturn();
            assertThat(errors(r)).containsEntry("evidence", "learning.error.evidence-type");
        }
        // a PNG declared as a PDF: a real type, not the one claimed
        MvcResult mismatch = mvc.perform(declare(title).file(file("evidence", "chung-chi.pdf", "application/pdf", UploadSamples.image("png")))
                .with(as(citizen))).andReturn();
        assertThat(errors(mismatch)).containsEntry("evidence", "file.error.type-mismatch");
        assertThat(entries(title)).isZero();

        mvc.perform(declare(title).file(file("evidence", "chung-chi.pdf", "application/pdf", UploadSamples.pdf())).with(as(citizen)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(declare(title).file(file("evidence", "chung-chi.png", "image/png", UploadSamples.image("png"))).with(as(citizen)))
                .andExpect(status().is3xxRedirection());
        assertThat(entries(title)).isEqualTo(2);
    }

    int entries(String title) {
        return jdbc.queryForObject("select count(*) from learning_entry where title = ?", Integer.class, title);
    }

    org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder declare(String title) {
        return (org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder) multipart("/learning/me/entries")
                .param("title", title).param("kind", "course").param("topic", "digital").param("provider", "Trung tâm học tập cộng đồng")
                .param("start", "2025-03-01").param("hours", "2").with(csrf());
    }
}
