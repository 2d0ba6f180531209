package vn.hoctap.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import vn.hoctap.IntegrationTest;

/** Issue 11: brute force against the form and HTTP Basic, lockout lifted by an administrator, Basic with a session. */
class LoginProtectionTest extends IntegrationTest {

    private static final AtomicInteger CLIENTS = new AtomicInteger();

    @Autowired
    JdbcTemplate jdbc;

    /** Each test its own client address, so that the per-client limit of one does not touch another. */
    private static RequestPostProcessor from(String address) {
        return r -> {
            r.setRemoteAddr(address);
            return r;
        };
    }

    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder form(String user, String password, String client) {
        return post("/login").param("username", user).param("password", password).with(csrf()).with(from(client));
    }

    private static String newClient() {
        return "10.77." + (CLIENTS.incrementAndGet() / 250) + "." + (CLIENTS.get() % 250 + 1);
    }

    @Test
    void theFormSlowsDownAfterThreeWrongPasswordsAndRecordsThemWithoutThePassword() throws Exception {
        TestUser u = user(Role.COMMUNE_OFFICER, "00004");
        String client = newClient();
        String wrong = "wrong-" + randomPassword();
        for (int i = 0; i < 3; i++) {
            mvc.perform(form(u.username(), wrong, client))
                    .andExpect(unauthenticated()).andExpect(redirectedUrl("/login?error"));
        }
        // the 4th attempt comes at once: refused before the password is checked, even the right one
        mvc.perform(form(u.username(), u.password(), client))
                .andExpect(unauthenticated())
                .andExpect(r -> assertThat(r.getResponse().getRedirectedUrl()).startsWith("/login?error=throttled&wait="));
        mvc.perform(get("/login").param("error", "throttled").param("wait", "1"))
                .andExpect(r -> assertThat(r.getResponse().getContentAsString()).contains("Vui lòng chờ 1 giây"));
        List<String> outcomes = jdbc.queryForList(
                "select outcome || '/' || client || '/' || channel from login_failure where username_tried = ? order by id",
                String.class, u.username());
        assertThat(outcomes).containsExactly("wrong/" + client + "/form", "wrong/" + client + "/form",
                "wrong/" + client + "/form", "refused/" + client + "/form");
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'login-failed' and entity_id = ?",
                Integer.class, u.username())).isEqualTo(3);
        // never the password, anywhere
        assertThat(jdbc.queryForObject("select count(*) from login_failure where username_tried like ? or client like ?",
                Integer.class, "%" + wrong + "%", "%" + wrong + "%")).isZero();
        assertThat(jdbc.queryForObject("select count(*) from audit_event where coalesce(after_state::text, '') like ? or summary like ?",
                Integer.class, "%" + wrong + "%", "%" + wrong + "%")).isZero();
    }

    @Test
    void httpBasicIsThrottledTooAndARememberedPasswordDoesNotBypassIt() throws Exception {
        TestUser u = user(Role.COMMUNE_OFFICER, "00004");
        String client = newClient();
        // the right password once: now remembered by RecentlyVerifiedPasswords
        mvc.perform(get("/api/units/00004").with(httpBasic(u.username(), u.password())).with(from(client)))
                .andExpect(status().isOk());
        for (int i = 0; i < 3; i++) {
            mvc.perform(get("/api/units/00004").with(httpBasic(u.username(), "nope-" + i)).with(from(client)))
                    .andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/api/units/00004").with(httpBasic(u.username(), u.password())).with(from(client)))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "1"));
        assertThat(jdbc.queryForList("select channel from login_failure where username_tried = ?", String.class, u.username()))
                .containsOnly("basic").hasSize(4);
    }

    @Test
    void theTenthFailureLocksTheAccountUntilAnAdministratorLiftsIt() throws Exception {
        TestUser u = user(Role.COMMUNE_OFFICER, "00004");
        String client = newClient();
        // nine earlier failures, the last ten minutes ago (its 64 s wait is over)
        jdbc.update("insert into login_account_state (username, failures, last_failure) values (?, 9, now() - interval '10 minutes')",
                u.username());
        mvc.perform(get("/api/units/00004").with(httpBasic(u.username(), "wrong")).with(from(client)))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/units/00004").with(httpBasic(u.username(), u.password())).with(from(client)))
                .andExpect(status().isTooManyRequests())
                .andExpect(r -> assertThat(r.getResponse().getContentAsString()).contains("account_locked"))
                .andExpect(r -> assertThat(Integer.parseInt(r.getResponse().getHeader("Retry-After"))).isBetween(890, 900));
        mvc.perform(form(u.username(), u.password(), newClient()))
                .andExpect(unauthenticated())
                .andExpect(r -> assertThat(r.getResponse().getRedirectedUrl()).startsWith("/login?error=locked"));
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'lock' and entity_id = ?",
                Integer.class, u.username())).isEqualTo(1);
        // the administrator sees it on the page and through the API, and lifts it
        mvc.perform(get("/admin/security").with(httpBasic("admin", ADMIN_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(r -> assertThat(r.getResponse().getContentAsString()).contains(u.username()));
        mvc.perform(get("/api/admin/lockouts").with(httpBasic("admin", ADMIN_PASSWORD)))
                .andExpect(r -> assertThat(r.getResponse().getContentAsString())
                        .contains("\"username\":\"" + u.username() + "\"").contains("\"locked\":true"));
        // a commune officer may not lift it
        mvc.perform(post("/api/admin/lockouts/" + u.username() + "/lift").with(httpBasic(u.username(), u.password())))
                .andExpect(status().isTooManyRequests());
        mvc.perform(post("/api/admin/lockouts/" + u.username() + "/lift").with(httpBasic("admin", ADMIN_PASSWORD)))
                .andExpect(status().isOk());
        mvc.perform(get("/api/units/00004").with(httpBasic(u.username(), u.password())).with(from(client)))
                .andExpect(status().isOk());
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'unlock' and entity_id = ? and actor = 'admin'",
                Integer.class, u.username())).isEqualTo(1);
    }

    @Test
    void oneClientTryingManyUsernamesIsSlowedDownToo() throws Exception {
        TestUser u = user(Role.CITIZEN, "00004");
        String client = newClient();
        for (int i = 0; i < 10; i++) {
            mvc.perform(get("/api/units/00004").with(httpBasic("nobody" + i + "-" + client, "guess")).with(from(client)))
                    .andExpect(status().isUnauthorized());
        }
        // the 11th, for a real account with its right password, from the same client: wait
        mvc.perform(get("/api/units/00004").with(httpBasic(u.username(), u.password())).with(from(client)))
                .andExpect(status().isTooManyRequests());
        // the same account from another client is fine
        mvc.perform(get("/api/units/00004").with(httpBasic(u.username(), u.password())).with(from(newClient())))
                .andExpect(status().isOk());
    }

    @Test
    void aWrongBasicHeaderWithAValidSessionDoesNotWrite() throws Exception {
        TestUser officer = user(Role.COMMUNE_OFFICER, "00004");
        String client = newClient();
        MockHttpSession session = (MockHttpSession) mvc.perform(form(officer.username(), officer.password(), client))
                .andExpect(authenticated()).andReturn().getRequest().getSession(false);
        String name = "Tổ dân phố Basic " + System.nanoTime();
        String wrong = "Basic " + Base64.getEncoder().encodeToString((officer.username() + ":wrong-password").getBytes(StandardCharsets.UTF_8));
        // before issue 11: the header switched CSRF off and the session authenticated the write (302, village created)
        mvc.perform(post("/units/00004/villages").session(session).header("Authorization", wrong).with(from(client))
                        .param("name", name).param("kind", "to_dan_pho"))
                .andExpect(status().isUnauthorized());
        assertThat(jdbc.queryForObject("select count(*) from village where name = ?", Integer.class, name)).isZero();
        // the session alone still needs its CSRF token
        mvc.perform(post("/units/00004/villages").session(session).with(from(client))
                        .param("name", name).param("kind", "to_dan_pho"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/units/00004/villages").session(session).with(csrf()).with(from(client))
                        .param("name", name).param("kind", "to_dan_pho"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("select count(*) from village where name = ?", Integer.class, name)).isEqualTo(1);
    }

    @Test
    void pagesSayWhereTheyMayBeReferredAndHstsOnlyOverHttps() throws Exception {
        mvc.perform(get("/login")).andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"))
                .andExpect(header().doesNotExist("Strict-Transport-Security"));
        mvc.perform(get("/login").secure(true))
                .andExpect(header().string("Strict-Transport-Security", "max-age=31536000 ; includeSubDomains"));
    }
}
