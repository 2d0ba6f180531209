package vn.hoctap.fund.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.hoctap.fund.FundTestSupport.as;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.hoctap.IntegrationTest;
import vn.hoctap.accounts.Role;
import vn.hoctap.fund.FundTestSupport;
import vn.hoctap.fund.core.EntryDraft;
import vn.hoctap.fund.core.LedgerException;
import vn.hoctap.fund.core.Line;
import vn.hoctap.platform.HanoiTime;
import vn.hoctap.platform.ValidationException;

/**
 * Quỹ hạn chế cho học bổng mang tên …: gifts earmarked for a named scholarship land in its restricted account, its
 * awards are paid from it, anything else is refused, and the public report shows each programme's restricted balance.
 * Every figure below is worked by hand.
 */
class RestrictedFundTest extends IntegrationTest {

    static final AtomicLong SEQ = new AtomicLong(System.nanoTime() % 1_000_000);

    @Autowired Funds funds;
    @Autowired FundLedger ledger;
    @Autowired Receipts receipts;
    @Autowired Disbursements disbursements;
    @Autowired FundReports reports;

    @AfterEach
    void clear() {
        FundTestSupport.clear();
    }

    static Receipts.Request gift(LocalDate d, String kind, String name, String form, long vnd, Long programme) {
        return new Receipts.Request(d, kind, name, true, null, form, "VND", null, null, null, vnd, null, null, programme, null, null, null);
    }

    static Disbursements.Request award(String purpose, Long programme, long vnd, String decision, Long restricted) {
        return new Disbursements.Request(purpose, programme, purpose.equals("SCHOLARSHIP") ? "PERSON" : "ORGANISATION",
                purpose.equals("SCHOLARSHIP") ? "P-00004-000" + SEQ.incrementAndGet() % 1000 : "UBND phường Ba Đình", vnd, "BANK",
                decision, HanoiTime.today(), "Chủ tịch Hội", null, restricted);
    }

    static String field(Throwable t) {
        return ((ValidationException) t).errors().toString();
    }

    @Test
    void aNamedScholarshipIsPaidFromItsOwnRestrictedAccountAndFromNothingElse() throws Exception {
        int y = HanoiTime.today().getYear();
        as("ketoan-00004", Role.FUND_ACCOUNTANT, "00004");
        Funds.Fund f = funds.create("r-" + SEQ.incrementAndGet(), "Quỹ thử quỹ hạn chế", "00004", "COMMUNE_ASSOCIATION", 10_000_000);
        long named = disbursements.createProgramme(f.code(), "Học bổng mang tên Lê Văn Thiêm", y, "SCHOLARSHIP",
                "Học sinh giỏi toán", 50_000_000, true);
        long plain = disbursements.createProgramme(f.code(), "Học bổng Vượt khó", y, "SCHOLARSHIP", "Học sinh nghèo học khá", 5_000_000);

        // earmarked gifts 30,000,000 + 12,500,000 = 42,500,000 to the named scholarship; 10,000,000 not earmarked
        receipts.record(f.code(), gift(LocalDate.of(y, 2, 10), "PERSON", "Lê Thị Mai", "BANK", 30_000_000, named), "rg-" + SEQ.incrementAndGet());
        receipts.record(f.code(), gift(LocalDate.of(y, 3, 15), "ORGANISATION", "Công ty Sao Mai", "CASH", 12_500_000, named), "rg-" + SEQ.incrementAndGet());
        receipts.record(f.code(), gift(LocalDate.of(y, 2, 11), "PERSON", "Trần Văn Bình", "BANK", 10_000_000, null), "rg-" + SEQ.incrementAndGet());
        assertThat(programme(f, named).restrictedBalanceVnd()).isEqualTo(42_500_000L);
        assertThat(programme(f, plain).restricted()).isFalse();

        // an award of the named scholarship: paid from its restricted account without naming it (42,500,000 − 5,000,000)
        Disbursements.Disbursement a = disbursements.prepare(f.code(), award("SCHOLARSHIP", named, 5_000_000, "21/QĐ-KH", null), "rd-" + SEQ.incrementAndGet());
        assertThat(a.restrictedProgrammeId()).isEqualTo(named);
        as("chutich-00004", Role.ASSOCIATION_CHAIR, "00004");
        disbursements.approve(a.id());
        assertThat(programme(f, named).restrictedBalanceVnd()).isEqualTo(37_500_000L);

        // refused: the restricted money for another purpose, for another programme, by a manual entry, beyond its balance
        as("ketoan-00004", Role.FUND_ACCOUNTANT, "00004");
        assertThatThrownBy(() -> disbursements.prepare(f.code(), award("CEREMONY", named, 1_000_000, "22/QĐ-KH", named), "rd-" + SEQ.incrementAndGet()))
                .isInstanceOf(ValidationException.class).satisfies(t -> assertThat(field(t)).contains("restricted_programme_id=fund.error.restricted-purpose"));
        assertThatThrownBy(() -> disbursements.prepare(f.code(), award("SCHOLARSHIP", plain, 1_000_000, "23/QĐ-KH", named), "rd-" + SEQ.incrementAndGet()))
                .isInstanceOf(ValidationException.class).satisfies(t -> assertThat(field(t)).contains("fund.error.restricted-purpose"));
        assertThatThrownBy(() -> disbursements.prepare(f.code(), award("SCHOLARSHIP", plain, 1_000_000, "24/QĐ-KH", plain), "rd-" + SEQ.incrementAndGet()))
                .isInstanceOf(ValidationException.class).satisfies(t -> assertThat(field(t)).contains("fund.error.restricted-account"));
        assertThatThrownBy(() -> ledger.post(f.code(), new EntryDraft(HanoiTime.today(), "Chuyển quỹ",
                List.of(Line.debit("4212." + named, 1_000_000), Line.credit("4211", 1_000_000))), "rm-" + SEQ.incrementAndGet()))
                .isInstanceOf(LedgerException.class).extracting(x -> ((LedgerException) x).code()).isEqualTo("RESTRICTED_ACCOUNT");
        // 40,000,000 is within the budget left (50,000,000 − 5,000,000) but above the 37,500,000 the account holds
        assertThatThrownBy(() -> disbursements.prepare(f.code(), award("SCHOLARSHIP", named, 40_000_000, "25/QĐ-KH", null), "rd-" + SEQ.incrementAndGet()))
                .isInstanceOf(ValidationException.class).satisfies(t -> assertThat(field(t)).contains("amount_vnd=fund.error.restricted-balance"));
        // 30,000,000 awaiting approval leaves 7,500,000: a further 8,000,000 is refused, 7,500,000 would fit
        Disbursements.Disbursement b = disbursements.prepare(f.code(), award("SCHOLARSHIP", named, 30_000_000, "26/QĐ-KH", null), "rd-" + SEQ.incrementAndGet());
        assertThatThrownBy(() -> disbursements.prepare(f.code(), award("SCHOLARSHIP", named, 8_000_000, "27/QĐ-KH", null), "rd-" + SEQ.incrementAndGet()))
                .isInstanceOf(ValidationException.class).satisfies(t -> assertThat(field(t)).contains("fund.error.restricted-balance"));
        // an ordinary programme's award is paid from the fund's own means as before
        Disbursements.Disbursement c = disbursements.prepare(f.code(), award("SCHOLARSHIP", plain, 2_000_000, "28/QĐ-KH", null), "rd-" + SEQ.incrementAndGet());
        assertThat(c.restrictedProgrammeId()).isNull();
        as("chutich-00004", Role.ASSOCIATION_CHAIR, "00004");
        disbursements.approve(c.id());
        assertThat(disbursements.approve(b.id()).status()).isEqualTo("AWAITING_SECOND");   // above the 10,000,000 limit
        as("chutich-thanhpho", Role.ASSOCIATION_CHAIR, "01");
        assertThat(disbursements.approve(b.id()).status()).isEqualTo("APPROVED");

        // by hand: restricted 42,500,000 − 5,000,000 − 30,000,000 = 7,500,000
        //          income 30,000,000 + 12,500,000 + 10,000,000 = 52,500,000; spending 5,000,000 + 30,000,000 + 2,000,000 = 37,000,000
        //          net assets at the end 52,500,000 − 37,000,000 = 15,500,000; 4211 carries −7,500,000 (reclassified)
        FundReports.Report r = reports.report(f, y);
        assertThat(r.restricted()).singleElement().satisfies(x -> {
            assertThat(x.name()).isEqualTo("Quỹ hạn chế cho Học bổng mang tên Lê Văn Thiêm");
            assertThat(x.account()).isEqualTo("4212." + named);
            assertThat(x.opening()).isZero();
            assertThat(x.received()).isEqualTo(42_500_000L);
            assertThat(x.paid()).isEqualTo(35_000_000L);
            assertThat(x.closing()).isEqualTo(7_500_000L);
        });
        assertThat(r.incomeTotal()).isEqualTo(52_500_000L);
        assertThat(r.spendingTotal()).isEqualTo(37_000_000L);
        assertThat(r.closing()).isEqualTo(15_500_000L);
        List<FundLedger.TrialRow> trial = ledger.trialBalance(f, HanoiTime.today());
        Map<String, Long> balance = new java.util.HashMap<>();
        for (FundLedger.TrialRow t : trial) balance.put(t.code(), t.balance());
        assertThat(balance).containsEntry("4212." + named, 7_500_000L).containsEntry("4211", -7_500_000L);
        assertThat(trial.stream().mapToLong(FundLedger.TrialRow::debit).sum()).isEqualTo(trial.stream().mapToLong(FundLedger.TrialRow::credit).sum());
        // the same row in the XLSX
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(reports.xlsx(r, k -> k)))) {
            var row = wb.getSheet("fund.report.restricted-account").getRow(1);
            assertThat(row.getCell(0).getStringCellValue()).isEqualTo("Quỹ hạn chế cho Học bổng mang tên Lê Văn Thiêm");
            assertThat(row.getCell(2).getNumericCellValue()).isEqualTo(42_500_000d);
            assertThat(row.getCell(4).getNumericCellValue()).isEqualTo(7_500_000d);
        }
    }

    Disbursements.Programme programme(Funds.Fund f, long id) {
        return disbursements.programmes(f).stream().filter(p -> p.id() == id).findFirst().orElseThrow();
    }
}
