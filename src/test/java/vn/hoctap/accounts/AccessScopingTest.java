package vn.hoctap.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.jayway.jsonpath.JsonPath;

import vn.hoctap.IntegrationTest;

/**
 * A commune officer reads and writes only their commune and what hangs below it: these tests try to
 * reach another commune's data by page URL, by API and by guessing ids.
 */
class AccessScopingTest extends IntegrationTest {

    TestUser baDinh;     // commune officer of Phường Ba Đình (00004)
    TestUser ngocHa;     // commune officer of Phường Ngọc Hà (00008)
    TestUser cityOfficer;

    @BeforeEach
    void users() {
        baDinh = user(Role.COMMUNE_OFFICER, "00004");
        ngocHa = user(Role.COMMUNE_OFFICER, "00008");
        cityOfficer = user(Role.CITY_OFFICER, "01");
    }

    static RequestPostProcessor as(TestUser u) {
        return httpBasic(u.username(), u.password());
    }

    long addVillage(TestUser u, String commune, String name) throws Exception {
        String body = mvc.perform(post("/api/units/" + commune + "/villages").with(as(u))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"" + name + "\", \"kind\": \"to_dan_pho\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    @Test
    void ownCommuneIsReadableAndWritable() throws Exception {
        mvc.perform(get("/api/units/00004").with(as(baDinh))).andExpect(status().isOk())
                .andExpect(jsonPath("$.unit.name").value("Phường Ba Đình"));
        mvc.perform(get("/units/00004").with(as(baDinh))).andExpect(status().isOk());
        long id = addVillage(baDinh, "00004", "Tổ dân phố số 1 thử " + System.nanoTime());
        mvc.perform(get("/api/villages/" + id).with(as(baDinh))).andExpect(status().isOk());
    }

    @Test
    void anotherCommuneIsRefusedByPageAndApi() throws Exception {
        mvc.perform(get("/units/00008").with(as(baDinh))).andExpect(status().isForbidden());
        mvc.perform(get("/units/00008?date=2024-06-01").with(as(baDinh))).andExpect(status().isForbidden());
        mvc.perform(get("/api/units/00008").with(as(baDinh))).andExpect(status().isForbidden());
        mvc.perform(get("/api/units/00008/villages").with(as(baDinh))).andExpect(status().isForbidden());
        mvc.perform(get("/api/units/00008/descendants").with(as(baDinh))).andExpect(status().isForbidden());
        mvc.perform(get("/api/units/00008/predecessors").with(as(baDinh))).andExpect(status().isForbidden());
        mvc.perform(get("/api/units/01").with(as(baDinh))).andExpect(status().isForbidden());
        // writes
        mvc.perform(post("/api/units/00008/villages").with(as(baDinh)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"Tổ dân phố lạ\", \"kind\": \"to_dan_pho\"}")).andExpect(status().isForbidden());
        mvc.perform(post("/units/00008/villages").with(as(baDinh)).with(csrf())
                .param("name", "Tổ dân phố lạ").param("kind", "to_dan_pho")).andExpect(status().isForbidden());
    }

    @Test
    void guessingAnotherCommunesVillageIdsIsRefused() throws Exception {
        long theirs = addVillage(ngocHa, "00008", "Tổ dân phố Ngọc Hà " + System.nanoTime());
        mvc.perform(get("/api/villages/" + theirs).with(as(baDinh))).andExpect(status().isForbidden());
        mvc.perform(put("/api/villages/" + theirs).with(as(baDinh)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"Đổi tên\", \"kind\": \"thon\", \"version\": 0}")).andExpect(status().isForbidden());
        mvc.perform(post("/villages/" + theirs).with(as(baDinh)).with(csrf())
                .param("name", "Đổi tên").param("kind", "thon").param("version", "0")).andExpect(status().isForbidden());
        // and the village is unchanged
        mvc.perform(get("/api/villages/" + theirs).with(as(ngocHa))).andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value(org.hamcrest.Matchers.startsWith("Tổ dân phố Ngọc Hà")));
        // sweep the ids around it: whatever exists outside Ba Đình is refused, never shown
        for (long id = Math.max(1, theirs - 20); id <= theirs + 5; id++) {
            int code = mvc.perform(get("/api/villages/" + id).with(as(baDinh))).andReturn().getResponse().getStatus();
            assertThat(code).as("village id " + id).isIn(200, 403, 404);
            if (code == 200) {
                String body = mvc.perform(get("/api/villages/" + id).with(as(baDinh))).andReturn().getResponse().getContentAsString();
                assertThat((String) JsonPath.read(body, "$.commune_code")).isEqualTo("00004");
            }
        }
    }

    @Test
    void listsShowOnlyTheUsersUnits() throws Exception {
        String body = mvc.perform(get("/api/units?date=2025-07-01").with(as(baDinh)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        java.util.List<String> codes = JsonPath.read(body, "$[*].code");
        assertThat(codes).containsExactly("00004");
        // the former communes Ba Đình was formed from are readable (its history), others are not
        String before = mvc.perform(get("/api/units?date=2024-06-01").with(as(baDinh)))
                .andReturn().getResponse().getContentAsString();
        java.util.List<String> old = JsonPath.read(before, "$[*].code");
        assertThat(old).contains("00004", "00013").doesNotContain("00008", "001", "01");
        String city = mvc.perform(get("/api/units?date=2025-07-01").with(as(cityOfficer)))
                .andReturn().getResponse().getContentAsString();
        assertThat((java.util.List<?>) JsonPath.read(city, "$")).hasSize(127);
    }

    @Test
    void aReusedCodeIsCheckedWithTheUnitItNamedOnTheDate() throws Exception {
        // 00025 was Phường Ngọc Khánh (partly merged into Ngọc Hà) until 30/6/2025 and is Phường Giảng Võ since
        mvc.perform(get("/api/units/00025?date=2024-06-01").with(as(ngocHa))).andExpect(status().isOk())
                .andExpect(jsonPath("$.unit.name").value("Phường Ngọc Khánh"));
        mvc.perform(get("/api/units/00025").with(as(ngocHa))).andExpect(status().isForbidden());
        mvc.perform(get("/api/units/00025?date=2025-07-01").with(as(ngocHa))).andExpect(status().isForbidden());
        // a former commune whose code is not reused stays readable without a date (Vĩnh Phúc, fully into Ngọc Hà)
        mvc.perform(get("/api/units/00006?date=2024-06-01").with(as(ngocHa))).andExpect(status().isOk());
        mvc.perform(get("/api/units/00006?date=2024-06-01").with(as(baDinh))).andExpect(status().isForbidden());
    }

    @Test
    void cityOfficerReadsAndWritesEveryCommune() throws Exception {
        mvc.perform(get("/api/units/00008").with(as(cityOfficer))).andExpect(status().isOk());
        addVillage(cityOfficer, "00008", "Tổ dân phố thành phố " + System.nanoTime());
    }

    @Test
    void citizenAndOrganisationUsersCannotWriteUnitData() throws Exception {
        TestUser citizen = user(Role.CITIZEN, "00004");
        mvc.perform(get("/api/units/00004").with(as(citizen))).andExpect(status().isOk());
        mvc.perform(post("/api/units/00004/villages").with(as(citizen)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"Tổ 99\", \"kind\": \"to_dan_pho\"}")).andExpect(status().isForbidden());
    }

    @Test
    void adminPagesAreForAdministratorsOnly() throws Exception {
        mvc.perform(get("/admin/audit").with(as(baDinh))).andExpect(status().isForbidden());
        mvc.perform(get("/api/admin/audit").with(as(cityOfficer))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/accounts").with(as(cityOfficer))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/accounts").with(httpBasic("admin", ADMIN_PASSWORD))).andExpect(status().isOk());
    }

    @Test
    void anonymousUsersAreSentToLoginOrRefused() throws Exception {
        mvc.perform(get("/units")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/api/units")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/villages/1")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/units").with(httpBasic(baDinh.username(), "wrong-password"))).andExpect(status().isUnauthorized());
    }
}
