package vn.hoctap.reporting;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.jayway.jsonpath.JsonPath;

import vn.hoctap.IntegrationTest;

/** Helpers of the reporting tests, all through the JSON API as a client would call it (no annotations: the shared context). */
abstract class ReportingSupport extends IntegrationTest {

    static RequestPostProcessor as(TestUser u) {
        return httpBasic(u.username(), u.password());
    }

    /** Registers an organisation as an officer; returns its id. Names are unique per call. */
    long organisation(TestUser officer, String commune, String kind, String name) throws Exception {
        String body = mvc.perform(post("/api/reporting/organisations").with(as(officer)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"commune_code\": \"" + commune + "\", \"name\": \"" + name + " " + System.nanoTime()
                                + "\", \"kind\": \"" + kind + "\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    String code(TestUser reader, long organisation) throws Exception {
        String body = mvc.perform(get("/api/reporting/organisations").with(as(reader))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return JsonPath.<java.util.List<String>>read(body, "$[?(@.id == " + organisation + ")].code").get(0);
    }

    void link(TestUser officer, long organisation, TestUser user) throws Exception {
        mvc.perform(post("/api/reporting/organisations/" + organisation + "/members").with(as(officer))
                .contentType(MediaType.APPLICATION_JSON).content("{\"username\": \"" + user.username() + "\"}"))
                .andExpect(status().isOk());
    }

    static String json(Map<String, String> values, boolean submit) {
        StringBuilder sb = new StringBuilder("{\"submit\": " + submit + ", \"values\": {");
        String sep = "";
        for (var e : values.entrySet()) {
            sb.append(sep).append('"').append(e.getKey()).append("\": \"").append(e.getValue()).append('"');
            sep = ", ";
        }
        return sb.append("}}").toString();
    }

    ResultActions save(TestUser user, long organisation, String dataSet, int period, Map<String, String> values, boolean submit)
            throws Exception {
        return mvc.perform(put("/api/reporting/organisations/" + organisation + "/reports/" + dataSet + "/" + period).with(as(user))
                .contentType(MediaType.APPLICATION_JSON).content(json(values, submit)));
    }

    /** Saves (and optionally submits) and returns the report id. */
    long saved(TestUser user, long organisation, String dataSet, int period, Map<String, String> values, boolean submit) throws Exception {
        String body = save(user, organisation, dataSet, period, values, submit).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    ResultActions step(TestUser user, long report, String step, String body) throws Exception {
        return mvc.perform(post("/api/reporting/reports/" + report + "/" + step).with(as(user))
                .contentType(MediaType.APPLICATION_JSON).content(body == null ? "{}" : body));
    }

    String report(TestUser user, long organisation, String dataSet, int period) throws Exception {
        return mvc.perform(get("/api/reporting/organisations/" + organisation + "/reports/" + dataSet + "/" + period).with(as(user)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    static Map<String, String> agency(int staff, int itStaff, int itTrained, int basic, int data) {
        return Map.of("staff", "" + staff, "it_security_staff", "" + itStaff, "it_security_trained", "" + itTrained,
                "trained_digital_basic", "" + basic, "trained_data_skills", "" + data);
    }

    static Map<String, String> school(int isPublic, int digital, int standard, int teachers, int teachersDigital) {
        return Map.of("school_public", "" + isPublic, "digital_teaching", "" + digital, "national_standard", "" + standard,
                "teachers", "" + teachers, "teachers_digital", "" + teachersDigital);
    }
}
