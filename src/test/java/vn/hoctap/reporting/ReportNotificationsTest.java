package vn.hoctap.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.hoctap.accounts.Role;

/**
 * Notifications when a dossier moves (issue 19): an organisation user learns in the application that the commune
 * accepted or returned their report — a count in the header, the list page, marked read — but not of their own
 * submission; the user moving it gets none. The e-mail address for notifications is optional and validated. Commune
 * 00283 (Phường Vĩnh Tuy) and period 2026 are used only here.
 */
class ReportNotificationsTest extends ReportingSupport {

    @Autowired
    JdbcTemplate jdbc;

    String page(TestUser u) throws Exception {
        return mvc.perform(get("/me/notifications").with(as(u))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void theOrganisationUserIsNotifiedWhenTheirReportMoves() throws Exception {
        TestUser officer = user(Role.COMMUNE_OFFICER, "00283");
        TestUser member = user(Role.ORGANISATION_USER, "00283");
        long org = organisation(officer, "00283", "agency", "UBND thử thông báo");
        link(officer, org, member);

        long report = saved(member, org, "agency_digital", 2026, agency(40, 2, 1, 30, 5), true);
        // their own submission is no news to them
        assertThat(page(member)).contains("Chưa có thông báo nào.").doesNotContain("id=\"nav-unread\"");

        // returned with a message: the member learns it, with the message
        step(officer, report, "reject", "{\"message\": \"Số cán bộ chưa khớp với sổ danh mục\"}").andExpect(status().isOk());
        String p = page(member);
        assertThat(p).contains("Báo cáo “Đào tạo kỹ năng số của cơ quan” năm 2026 bị trả lại để sửa. Lời nhắn: Số cán bộ chưa khớp với sổ danh mục")
                .contains("id=\"nav-unread\"><span>1</span><span class=\"visually-hidden\"> chưa đọc</span>")
                .contains("href=\"/reporting/form/" + org + "/agency_digital/2026\"");
        // the officer who returned it has nothing
        assertThat(page(officer)).contains("Chưa có thông báo nào.");

        // corrected and submitted again (no news to the member), then accepted: a second, unread notification
        saved(member, org, "agency_digital", 2026, agency(41, 2, 1, 30, 5), true);
        step(officer, report, "accept", null).andExpect(status().isOk());
        p = page(member);
        assertThat(p).contains("Báo cáo “Đào tạo kỹ năng số của cơ quan” năm 2026: Xã, phường đã tiếp nhận.")
                .contains("id=\"nav-unread\"><span>2</span><span class=\"visually-hidden\"> chưa đọc</span>");
        // newest first
        assertThat(p.indexOf("Xã, phường đã tiếp nhận")).isLessThan(p.indexOf("bị trả lại"));

        // in English, the same notifications in English
        String en = mvc.perform(get("/me/notifications").param("lang", "en").with(as(member))).andReturn().getResponse().getContentAsString();
        assertThat(en).contains("was returned for correction").contains("Accepted by the commune", "<span>2</span><span class=\"visually-hidden\"> unread</span>");

        mvc.perform(post("/me/notifications/read").with(as(member))).andExpect(status().is3xxRedirection());
        assertThat(page(member)).doesNotContain("id=\"nav-unread\"").contains("bị trả lại");
        assertThat(jdbc.queryForObject("select count(*) from notification n join app_user u on u.id = n.user_id "
                + "where u.username = ? and n.read_at is null", Integer.class, member.username())).isZero();
    }

    @Test
    void theEmailAddressForNotificationsIsOptionalAndChecked() throws Exception {
        TestUser citizen = user(Role.CITIZEN, "00283");
        mvc.perform(post("/me/notifications/email").param("email", "không phải địa chỉ").with(as(citizen)))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("select count(*) from notification_email e join app_user u on u.id = e.user_id where u.username = ?",
                Integer.class, citizen.username())).isZero();
        mvc.perform(post("/me/notifications/email").param("email", "an.nguyen@vidu.vn").with(as(citizen)))
                .andExpect(status().is3xxRedirection());
        assertThat(page(citizen)).contains("value=\"an.nguyen@vidu.vn\"");
        // the audit trail says an address was saved, never which
        String audit = jdbc.queryForObject("select coalesce(after_state::text, '') from audit_event where action = 'notifications.email.set' "
                + "and actor = ? order by id desc limit 1", String.class, citizen.username());
        assertThat(audit).doesNotContain("vidu.vn");
        mvc.perform(post("/me/notifications/email").param("email", "").with(as(citizen))).andExpect(status().is3xxRedirection());
        assertThat(page(citizen)).doesNotContain("vidu.vn");
    }
}
