package vn.hoctap.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import com.jayway.jsonpath.JsonPath;

import vn.hoctap.IntegrationTest;
import vn.hoctap.accounts.Role;

class AuditTrailTest extends IntegrationTest {

    @Test
    void everyWriteRecordsWhoWhenAndBeforeAfter() throws Exception {
        TestUser officer = user(Role.COMMUNE_OFFICER, "00004");
        String name = "Tổ dân phố Audit " + System.nanoTime();
        String created = mvc.perform(post("/api/units/00004/villages").with(httpBasic(officer.username(), officer.password()))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"" + name + "\", \"kind\": \"to_dan_pho\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(created, "$.id")).longValue();
        mvc.perform(put("/api/villages/" + id).with(httpBasic(officer.username(), officer.password()))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"" + name + " mới\", \"kind\": \"to_dan_pho\", \"version\": 0}"))
                .andExpect(status().isOk());

        String events = mvc.perform(get("/api/admin/audit").param("entityType", "village").param("entityId", String.valueOf(id))
                        .with(httpBasic("admin", ADMIN_PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<Map<String, Object>> list = JsonPath.read(events, "$");
        assertThat(list).hasSize(2);
        Map<String, Object> update = list.get(0);
        assertThat(update.get("action")).isEqualTo("update");
        assertThat(update.get("actor")).isEqualTo(officer.username());
        assertThat(update.get("unit_code")).isEqualTo("00004");
        assertThat((String) update.get("before")).contains("\"" + name + "\"");
        assertThat((String) update.get("after")).contains(name + " mới");
        assertThat(list.get(1).get("action")).isEqualTo("create");
        assertThat(list.get(1).get("before")).isNull();

        // filter by actor on the admin page
        mvc.perform(get("/admin/audit").param("actor", officer.username()).with(httpBasic("admin", ADMIN_PASSWORD)))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString(name + " mới")));
    }

    @Test
    void aRefusedOrInvalidWriteLeavesNoTrace() throws Exception {
        TestUser officer = user(Role.COMMUNE_OFFICER, "00004");
        String before = mvc.perform(get("/api/admin/audit").param("actor", officer.username()).with(httpBasic("admin", ADMIN_PASSWORD)))
                .andReturn().getResponse().getContentAsString();
        mvc.perform(post("/api/units/00004/villages").with(httpBasic(officer.username(), officer.password()))
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"  \", \"kind\": \"to_dan_pho\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Hãy nhập tên thôn")));
        mvc.perform(post("/api/units/00008/villages").with(httpBasic(officer.username(), officer.password()))
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"Tổ 1\", \"kind\": \"to_dan_pho\"}"))
                .andExpect(status().isForbidden());
        String after = mvc.perform(get("/api/admin/audit").param("actor", officer.username()).with(httpBasic("admin", ADMIN_PASSWORD)))
                .andReturn().getResponse().getContentAsString();
        assertThat(after).isEqualTo(before).isEqualTo("[]");
    }
}
