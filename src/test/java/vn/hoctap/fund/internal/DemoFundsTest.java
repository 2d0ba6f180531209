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
    @Autowired Association association;

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
            assertThat(jdbc.queryForList("select status from fund_disbursement where fund_id = ? and purpose = 'SCHOLARSHIP' and restricted_programme_id is null", String.class, f.id()))
                    .containsOnly("APPROVED", "PREPARED").filteredOn("APPROVED"::equals).hasSize(5);
            assertThat(jdbc.queryForObject("select count(*) from fund_disbursement where fund_id = ? and approved_by = prepared_by",
                    Integer.class, f.id())).isZero();
            // the report equals the ledger
            long income = ledger.trialBalance(f, year * 100 + 1, year * 100 + 12).stream().filter(t -> t.code().startsWith("511"))
                    .mapToLong(FundLedger.TrialRow::balance).sum();
            assertThat(r.incomeTotal()).isEqualTo(income);
            assertThat(r.closing()).isEqualTo(r.opening() + r.incomeTotal() - r.spendingTotal());
        }
        // the city's named scholarship: 40,000,000 + 15,000,000 earmarked, 10,000,000 paid = 45,000,000 in its restricted account
        FundReports.Report city = reports.report(funds.get("thanh-pho"), year);
        assertThat(city.restricted()).singleElement().satisfies(x -> {
            assertThat(x.received()).isEqualTo(55_000_000L);
            assertThat(x.paid()).isEqualTo(10_000_000L);
            assertThat(x.closing()).isEqualTo(45_000_000L);
        });
        mvc.perform(get("/public/fund/thanh-pho")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Quỹ hạn chế cho Học bổng mang tên nhà giáo Nguyễn Thị Lan")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("45.000.000")));
        // the association of Ba Đình: 4 branches, 48 + 35 + 62 + 27 = 172 members, dues 8,600,000
        FundTestSupport.as("kiemtoan-demo", vn.hoctap.accounts.Role.AUDITOR, "01");
        try {
            Association.YearFigures fig = association.figures("00004", year);
            assertThat(fig.branches()).isEqualTo(4);
            assertThat(fig.members()).isEqualTo(172L);
            assertThat(fig.duesVnd()).isEqualTo(8_600_000L);
        } finally {
            FundTestSupport.clear();
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
