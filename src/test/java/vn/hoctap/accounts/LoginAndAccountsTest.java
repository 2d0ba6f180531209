package vn.hoctap.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;

import vn.hoctap.IntegrationTest;
import vn.hoctap.platform.ValidationException;

class LoginAndAccountsTest extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theFirstAdministratorComesFromConfigurationWithAHashedPassword() throws Exception {
        mvc.perform(formLogin().user("admin").password(ADMIN_PASSWORD)).andExpect(authenticated().withRoles("CITY_ADMIN"));
        String hash = jdbc.queryForObject("select password_hash from app_user where username = 'admin'", String.class);
        assertThat(hash).startsWith("$2a$12$").doesNotContain(ADMIN_PASSWORD);
    }

    @Test
    void wrongPasswordIsRefused() throws Exception {
        mvc.perform(formLogin().user("admin").password(ADMIN_PASSWORD + "x")).andExpect(unauthenticated());
    }

    @Test
    void loginPageIsVietnameseByDefaultAndEnglishOnRequest() throws Exception {
        mvc.perform(get("/login")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Đăng nhập")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("lang=\"vi\"")));
        mvc.perform(get("/login?lang=en")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Sign in")));
    }

    @Test
    void formsWithoutCsrfTokenAreRefused() throws Exception {
        TestUser officer = user(Role.COMMUNE_OFFICER, "00004");
        mvc.perform(post("/units/00004/villages").with(SecurityMockMvcRequestPostProcessors.user(
                        accounts.findByUsername(officer.username()).orElseThrow()))
                .param("name", "Tổ dân phố CSRF").param("kind", "to_dan_pho"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/units/00004/villages").with(SecurityMockMvcRequestPostProcessors.user(
                        accounts.findByUsername(officer.username()).orElseThrow())).with(csrf())
                .param("name", "Tổ dân phố CSRF").param("kind", "to_dan_pho"))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void accountValidationNamesTheFieldAndWritesNothing() {
        long before = accounts.count();
        assertThatThrownBy(() -> accounts.create(new Accounts.NewAccount("x", "", Role.CITIZEN, Set.of("99999"), "short")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .containsKeys("username", "displayName", "password", "scopes"));
        assertThat(accounts.count()).isEqualTo(before);
    }

    @Test
    void adminCreatesAnAccountThroughTheForm() throws Exception {
        String name = "canbo" + System.nanoTime();
        mvc.perform(post("/admin/accounts").with(httpBasic("admin", ADMIN_PASSWORD)).with(csrf())
                        .param("username", name).param("displayName", "Cán bộ phường Ngọc Hà")
                        .param("role", "COMMUNE_OFFICER").param("scopes", "00008").param("password", randomPassword()))
                .andExpect(status().is3xxRedirection());
        assertThat(accounts.findByUsername(name)).get().satisfies(p -> {
            assertThat(p.user().role()).isEqualTo(Role.COMMUNE_OFFICER);
            assertThat(p.user().scopes()).containsExactly("00008");
        });
    }

    @Test
    void disabledAccountsCannotSignIn() throws Exception {
        TestUser u = user(Role.CITIZEN, "00004");
        long id = accounts.findByUsername(u.username()).orElseThrow().user().id();
        accounts.setEnabled(id, false);
        mvc.perform(formLogin().user(u.username()).password(u.password())).andExpect(unauthenticated());
    }

    @Test
    void anAccountDisabledAfterAnApiCallIsRefusedAtOnce() throws Exception {
        // the password check is remembered for a few minutes (RecentlyVerifiedPasswords); the account is not
        TestUser u = user(Role.CITIZEN, "00004");
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/units/00004")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic(u.username(), u.password())))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk());
        long id = accounts.findByUsername(u.username()).orElseThrow().user().id();
        accounts.setEnabled(id, false);
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/units/00004")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic(u.username(), u.password())))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isUnauthorized());
    }
}
