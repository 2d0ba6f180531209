package vn.hoctap.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;

import vn.hoctap.IntegrationTest;

/** The JSON API is documented with OpenAPI, readable without signing in. */
class ApiDocsTest extends IntegrationTest {

    @Test
    void theOpenApiDocumentListsTheApi() throws Exception {
        String json = mvc.perform(get("/api/openapi")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(json).contains("\"openapi\"").contains("/api/units/{code}").contains("/api/indicators/values")
                .contains("/api/standards");
        mvc.perform(get("/api/docs")).andExpect(status().is3xxRedirection());
    }
}
