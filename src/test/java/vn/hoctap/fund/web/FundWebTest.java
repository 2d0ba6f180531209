package vn.hoctap.fund.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import com.jayway.jsonpath.JsonPath;

import vn.hoctap.IntegrationTest;
import vn.hoctap.accounts.Role;

/** The fund's API and pages through HTTP: idempotency keys, the access matrix's cells, the public report's files. */
class FundWebTest extends IntegrationTest {

    @Test
    void theApiPostsOnceRefusesWhatTheMatrixForbidsAndPublishes() throws Exception {
        TestUser accountant = user(Role.FUND_ACCOUNTANT, "00008");
        TestUser auditor = user(Role.AUDITOR, "01");
        TestUser citizen = user(Role.CITIZEN, "00008");
        String code = "web-" + System.nanoTime() % 1_000_000_000;
        vn.hoctap.fund.FundTestSupport.as(accountant.username(), Role.FUND_ACCOUNTANT, "00008");
        try {
            funds.create(code, "Quỹ thử web", "00008", "COMMUNE_ASSOCIATION", 20_000_000);
        } finally {
            vn.hoctap.fund.FundTestSupport.clear();
        }
        String body = "{\"date\":\"2026-04-02\",\"donor_kind\":\"ORGANISATION\",\"donor_name\":\"Công ty Thử\",\"publish_name\":true,"
                + "\"form\":\"BANK\",\"amount_vnd\":7000000}";
        String first = mvc.perform(post("/api/fund/" + code + "/receipts").with(httpBasic(accountant.username(), accountant.password()))
                        .header("Idempotency-Key", "web-k1-" + code).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        mvc.perform(post("/api/fund/" + code + "/receipts").with(httpBasic(accountant.username(), accountant.password()))
                        .header("Idempotency-Key", "web-k1-" + code).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk()).andExpect(jsonPath("$.number").value((String) JsonPath.read(first, "$.number")));
        // an unbalanced manual entry: 409 with the rule, in Vietnamese
        mvc.perform(post("/api/fund/" + code + "/entries").with(httpBasic(accountant.username(), accountant.password()))
                        .header("Idempotency-Key", "web-k2-" + code).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"date\":\"2026-04-03\",\"description\":\"lệch\",\"lines\":[{\"account\":\"112\",\"debit\":10},{\"account\":\"5111\",\"credit\":9}]}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.rule").value("ENTRY_UNBALANCED"))
                .andExpect(jsonPath("$.message").value("Bút toán không cân: tổng Nợ phải bằng tổng Có."));
        // the auditor reads everything and writes nothing; a citizen does not read the fund's books
        mvc.perform(get("/api/fund/" + code + "/trial-balance").param("date", "2026-12-31").with(httpBasic(auditor.username(), auditor.password())))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total_debit").value(7_000_000)).andExpect(jsonPath("$.total_credit").value(7_000_000));
        mvc.perform(post("/api/fund/" + code + "/receipts").with(httpBasic(auditor.username(), auditor.password()))
                .header("Idempotency-Key", "web-k3-" + code).contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isForbidden());
        mvc.perform(get("/api/fund/" + code + "/trial-balance").with(httpBasic(citizen.username(), citizen.password())))
                .andExpect(status().isForbidden());
        mvc.perform(get("/fund").with(httpBasic(citizen.username(), citizen.password()))).andExpect(status().is3xxRedirection());
        // the public report, without signing in: page, JSON, XLSX and PDF with the same income
        mvc.perform(get("/public/fund/" + code).param("year", "2026")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("7.000.000 đ")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Công ty Thử")));
        mvc.perform(get("/api/public/fund/" + code + "/report").param("year", "2026")).andExpect(status().isOk())
                .andExpect(jsonPath("$.income_total").value(7_000_000));
        byte[] xlsx = mvc.perform(get("/public/fund/" + code + "/report.xlsx").param("year", "2026")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(wb.getSheetAt(0).getRow(3).getCell(1).getNumericCellValue()).isEqualTo(7_000_000d);
        }
        byte[] pdf = mvc.perform(get("/public/fund/" + code + "/report.pdf").param("year", "2026")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        long receiptId = ((Number) JsonPath.read(first, "$.id")).longValue();
        byte[] receiptPdf = mvc.perform(get("/fund/receipts/" + receiptId + "/pdf").with(httpBasic(accountant.username(), accountant.password())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(receiptPdf, 0, 5)).isEqualTo("%PDF-");
        mvc.perform(get("/public/fund/receipts/" + JsonPath.read(first, "$.verification_code"))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Biên nhận hợp lệ")));
        // a bank statement with a located error posts nothing
        mvc.perform(post("/api/fund/" + code + "/bank-statements").with(httpBasic(accountant.username(), accountant.password()))
                        .contentType("text/csv").content("ngay,so_tien,noi_dung,ma_giao_dich\n05/04/2026,300000,ung ho,FTA1\n06/04/2026,-99000,chi 1/QĐ,FTA2\n"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.problems[0].line").value(3))
                .andExpect(jsonPath("$.problems[0].column").value("so_tien"));
        mvc.perform(get("/api/fund/" + code + "/trial-balance").param("date", "2026-12-31").with(httpBasic(auditor.username(), auditor.password())))
                .andExpect(jsonPath("$.total_debit").value(7_000_000));
    }

    @org.springframework.beans.factory.annotation.Autowired
    vn.hoctap.fund.internal.Funds funds;
}
