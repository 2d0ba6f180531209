package vn.hoctap.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import vn.hoctap.IntegrationTest;
import vn.hoctap.platform.HanoiTime;

/**
 * "Dữ liệu của tôi" and correction requests (Luật 91/2025/QH15, Art. 4(1)(c)): a person sees what is held about them
 * and asks for a correction; the officer of their commune sees it with its deadlines and answers; the officer of
 * another commune neither sees nor answers it; the record of processing is for administrators.
 */
class PersonalDataTest extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    static RequestPostProcessor as(TestUser u) {
        return httpBasic(u.username(), u.password());
    }

    @Test
    void aPersonAsksForACorrectionAndTheirCommuneAnswers() throws Exception {
        TestUser citizen = user(Role.CITIZEN, "00004");
        TestUser officer = user(Role.COMMUNE_OFFICER, "00004");
        TestUser elsewhere = user(Role.COMMUNE_OFFICER, "00008");
        String page = mvc.perform(get("/me/data").with(as(citizen))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        // the account's facts, the register's honest answer, the form
        assertThat(page).contains(citizen.username()).contains("Công dân").contains("không lưu họ tên").contains("id=\"ask-form\"")
                .contains("chưa xác minh");
        String text = "Tên hiển thị của tôi sai: Nguyễn Văn Ân, không phải An " + System.nanoTime();
        mvc.perform(post("/me/data/requests").param("section", "account").param("text", text).with(as(citizen)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        Map<String, Object> row = jdbc.queryForMap("select * from personal_data_request where request_text = ?", text);
        LocalDate sent = ((java.sql.Timestamp) row.get("created_at")).toInstant().atZone(HanoiTime.ZONE).toLocalDate();
        assertThat(((java.sql.Date) row.get("answer_by")).toLocalDate()).isEqualTo(sent.plusDays(15));
        assertThat(row.get("unit_code")).isEqualTo("00004");
        long id = ((Number) row.get("id")).longValue();
        // a request about a part that does not exist, or empty, changes nothing
        mvc.perform(post("/me/data/requests").param("section", "bank").param("text", "x").with(as(citizen)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/me/data/requests").param("section", "account").param("text", " ").with(as(citizen)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("select count(*) from personal_data_request where username = ?", Integer.class, citizen.username()))
                .isEqualTo(1);
        // the commune's officer sees it; another commune's does not, and cannot answer it
        assertThat(mvc.perform(get("/privacy/requests").with(as(officer))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).contains(text);
        assertThat(mvc.perform(get("/privacy/requests").with(as(elsewhere))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).doesNotContain(text);
        mvc.perform(post("/privacy/requests/" + id).param("status", "CORRECTED").param("answer", "Đã sửa").with(as(elsewhere)).with(csrf()))
                .andExpect(status().isForbidden());
        // the citizen cannot answer their own, nor read others'
        mvc.perform(get("/privacy/requests").with(as(citizen))).andExpect(status().isForbidden());
        mvc.perform(post("/privacy/requests/" + id).param("status", "CORRECTED").param("answer", "tự sửa").with(as(citizen)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/privacy/requests/" + id).param("status", "CORRECTED").param("answer", "Đã sửa tên hiển thị.").with(as(officer)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("select status from personal_data_request where id = ?", String.class, id)).isEqualTo("CORRECTED");
        assertThat(mvc.perform(get("/me/data").with(as(citizen))).andReturn().getResponse().getContentAsString())
                .contains("Đã sửa tên hiển thị.").contains("Đã chỉnh sửa");
        // audited without the request's words
        assertThat(jdbc.queryForList("select action from audit_event where entity_type = 'personal_data_request' and entity_id = ? order by id",
                String.class, String.valueOf(id))).containsExactly("privacy.request.create", "privacy.request.answer");
        assertThat(jdbc.queryForObject("select count(*) from audit_event where entity_type = 'personal_data_request' and "
                + "(coalesce(after_state::text, '') like ? or coalesce(summary, '') like ?)", Integer.class, "%" + text + "%", "%" + text + "%")).isZero();
    }

    @Test
    void theRecordOfProcessingIsForAdministratorsAndNamesWhoMaySeeFromTheMatrix() throws Exception {
        String page = mvc.perform(get("/admin/privacy").with(httpBasic("admin", ADMIN_PASSWORD))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        for (String id : ProcessingActivities.ids()) {
            assertThat(page).contains("id=\"activity-" + id + "\"");
        }
        // the register's readers, read from the matrix: officers yes, citizens no
        String register = page.substring(page.indexOf("id=\"activity-register\""), page.indexOf("id=\"activity-titles\""));
        assertThat(register).contains("Cán bộ xã/phường").doesNotContain("Công dân");
        mvc.perform(get("/admin/privacy").with(as(user(Role.COMMUNE_OFFICER, "00004")))).andExpect(status().isForbidden());
    }

    @Test
    void acknowledgementCountsWorkingDays() {
        // Friday 4/12/2026 → Monday 7, Tuesday 8: two working days
        assertThat(DataSubjectRequestDeadlines.acknowledgeBy(LocalDate.of(2026, 12, 4))).isEqualTo(LocalDate.of(2026, 12, 8));
        // Monday → Wednesday
        assertThat(DataSubjectRequestDeadlines.acknowledgeBy(LocalDate.of(2026, 12, 7))).isEqualTo(LocalDate.of(2026, 12, 9));
        // Saturday → Monday, Tuesday
        assertThat(DataSubjectRequestDeadlines.acknowledgeBy(LocalDate.of(2026, 12, 5))).isEqualTo(LocalDate.of(2026, 12, 8));
        assertThat(DataSubjectRequestDeadlines.answerBy(LocalDate.of(2026, 12, 20))).isEqualTo(LocalDate.of(2027, 1, 4));
    }
}
