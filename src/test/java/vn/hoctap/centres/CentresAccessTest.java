package vn.hoctap.centres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import com.jayway.jsonpath.JsonPath;

import vn.hoctap.IntegrationTest;
import vn.hoctap.accounts.Role;

/** A centre officer sees and writes their own centre only; citizens and other communes are refused. Commune 00229 only here. */
class CentresAccessTest extends IntegrationTest {

    long centre(TestUser commune, String name) throws Exception {
        String body = mvc.perform(post("/api/reporting/organisations").with(httpBasic(commune.username(), commune.password()))
                .contentType(MediaType.APPLICATION_JSON).content("{\"commune_code\": \"00229\", \"name\": \"" + name + " " + System.nanoTime()
                        + "\", \"kind\": \"clc\"}")).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    @Test
    void aCentreOfficerSeesOnlyTheirCentre() throws Exception {
        TestUser commune = user(Role.COMMUNE_OFFICER, "00229");
        TestUser other = user(Role.COMMUNE_OFFICER, "00004");
        TestUser officerA = user(Role.CENTRE_OFFICER, "00229");
        TestUser citizen = user(Role.CITIZEN, "00229");
        long a = centre(commune, "TTHTCĐ thử A");
        long b = centre(commune, "TTHTCĐ thử B");
        // only the commune (not another commune, not the officer themself) assigns the officer
        mvc.perform(post("/api/centres/" + a + "/officers").with(httpBasic(other.username(), other.password()))
                .contentType(MediaType.APPLICATION_JSON).content("{\"username\": \"" + officerA.username() + "\"}")).andExpect(status().isForbidden());
        mvc.perform(post("/api/centres/" + a + "/officers").with(httpBasic(officerA.username(), officerA.password()))
                .contentType(MediaType.APPLICATION_JSON).content("{\"username\": \"" + officerA.username() + "\"}")).andExpect(status().isForbidden());
        mvc.perform(post("/api/centres/" + a + "/officers").with(httpBasic(commune.username(), commune.password()))
                .contentType(MediaType.APPLICATION_JSON).content("{\"username\": \"" + officerA.username() + "\"}")).andExpect(status().isOk());

        String list = mvc.perform(get("/api/centres").with(httpBasic(officerA.username(), officerA.password())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<java.util.List<Integer>>read(list, "$[*].id")).containsExactly((int) a);
        mvc.perform(get("/api/centres/" + a + "/report").param("year", "2026").with(httpBasic(officerA.username(), officerA.password())))
                .andExpect(status().isOk());
        mvc.perform(get("/api/centres/" + b + "/report").param("year", "2026").with(httpBasic(officerA.username(), officerA.password())))
                .andExpect(status().isForbidden());
        mvc.perform(get("/centres/" + b).with(httpBasic(officerA.username(), officerA.password()))).andExpect(status().isForbidden());
        mvc.perform(post("/centres/" + b + "/courses").with(httpBasic(officerA.username(), officerA.password()))
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .param("title", "Lớp lạ").param("kind", "health").param("start", "2026-01-05")).andExpect(status().isForbidden());
        // the commune sees both; another commune and a citizen see neither
        String all = mvc.perform(get("/api/centres").with(httpBasic(commune.username(), commune.password())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<java.util.List<Integer>>read(all, "$[*].id")).contains((int) a, (int) b);
        mvc.perform(get("/api/centres/" + a + "/report").param("year", "2026").with(httpBasic(other.username(), other.password())))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/centres").with(httpBasic(citizen.username(), citizen.password()))).andExpect(status().isForbidden());
    }
}
