package vn.hoctap.fund.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.hoctap.IntegrationTest;
import vn.hoctap.fund.FundTestSupport;
import vn.hoctap.platform.HanoiTime;

/**
 * The demo installation's funds (what `bin/hoctap serve` loads on first start): the city, Ba Đình and Ngọc Hà, a year
 * of donations, a scholarship round approved by a second person, the first half-year closed; the public page shows
 * them and the receipts verify.
 */
class DemoFundsTest extends IntegrationTest {

    @Autowired DemoFunds demo;
    @Autowired Funds funds;
    @Autowired FundLedger ledger;
    @Autowired FundReports reports;
    @Autowired Receipts receipts;
    @Autowired JdbcTemplate jdbc;

    @Test
    void theDemoFundsArePublishedAndTheirReceiptsVerify() throws Exception {
        if (funds.find("ba-dinh").isEmpty()) {
            try {
                demo.create(HanoiTime.today());
            } finally {
                FundTestSupport.clear();
            }
        }
        int year = HanoiTime.today().getYear();
        for (String code : List.of("thanh-pho", "ba-dinh", "ngoc-ha")) {
            Funds.Fund f = funds.get(code);
            FundReports.Report r = reports.report(f, year);
            assertThat(r.receipts()).as(code).isGreaterThan(HanoiTime.today().getMonthValue() * 4);
            if (HanoiTime.today().getMonthValue() > 6) {
                assertThat(ledger.closedThrough(f.id()).yyyymm()).isEqualTo(year * 100 + 6);
            }
            // five awards approved by the chair (not their preparer), one waiting
            assertThat(jdbc.queryForList("select status from fund_disbursement where fund_id = ? and purpose = 'SCHOLARSHIP'", String.class, f.id()))
                    .containsOnly("APPROVED", "PREPARED").filteredOn("APPROVED"::equals).hasSize(5);
            assertThat(jdbc.queryForObject("select count(*) from fund_disbursement where fund_id = ? and approved_by = prepared_by",
                    Integer.class, f.id())).isZero();
            // the report equals the ledger
            long income = ledger.trialBalance(f, year * 100 + 1, year * 100 + 12).stream().filter(t -> t.code().startsWith("511"))
                    .mapToLong(FundLedger.TrialRow::balance).sum();
            assertThat(r.incomeTotal()).isEqualTo(income);
            assertThat(r.closing()).isEqualTo(r.opening() + r.incomeTotal() - r.spendingTotal());
        }
        mvc.perform(get("/public/fund/ba-dinh")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Quỹ Khuyến học phường Ba Đình")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Kiều bào Nguyễn Hữu Tâm (Paris)")));
        String code = jdbc.queryForObject("select verification_code from fund_receipt r join fund f on f.id = r.fund_id where f.code = 'ngoc-ha' limit 1",
                String.class);
        assertThat(receipts.verify(code)).get().extracting(Receipts.Receipt::reversed).isEqualTo(false);
        mvc.perform(get("/public/fund/receipts/" + code)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Biên nhận hợp lệ")));
    }
}
