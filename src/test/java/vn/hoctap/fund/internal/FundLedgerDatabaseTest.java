package vn.hoctap.fund.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.hoctap.fund.FundTestSupport.as;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.support.TransactionTemplate;

import vn.hoctap.IntegrationTest;
import vn.hoctap.accounts.Role;
import vn.hoctap.fund.FundTestSupport;
import vn.hoctap.fund.core.EntryDraft;
import vn.hoctap.fund.core.LedgerException;
import vn.hoctap.fund.core.Line;
import vn.hoctap.fund.core.Period;

/**
 * The ledger in PostgreSQL: what the database itself refuses (unbalanced entries at commit, changed or deleted rows,
 * entries in closed months, lines added to a posted entry), idempotent postings, closing, and the receipts,
 * maker-checker disbursements and public report built on them.
 */
class FundLedgerDatabaseTest extends IntegrationTest {

    static final AtomicLong SEQ = new AtomicLong(System.nanoTime() % 1_000_000);

    @Autowired Funds funds;
    @Autowired FundLedger ledger;
    @Autowired Receipts receipts;
    @Autowired Disbursements disbursements;
    @Autowired FundReports reports;
    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate tx;

    @AfterEach
    void clear() {
        FundTestSupport.clear();
    }

    Funds.Fund newFund(String unit) {
        as("ketoan-" + unit, Role.FUND_ACCOUNTANT, unit);
        return funds.create("t-" + SEQ.incrementAndGet(), "Quỹ thử " + SEQ.get(), unit, "COMMUNE_ASSOCIATION", 10_000_000);
    }

    static EntryDraft gift(LocalDate d, long amount) {
        return new EntryDraft(d, "Nhận đóng góp", List.of(Line.debit("112", amount), Line.credit("5111", amount)));
    }

    @Test
    void theDatabaseRefusesWhatTheLedgerForbids() {
        Funds.Fund f = newFund("00004");
        long e = ledger.post(f.code(), gift(LocalDate.of(2026, 1, 5), 500_000), "k-" + SEQ.incrementAndGet()).entryId();
        long bank = funds.accountId(f.id(), "112");
        long income = funds.accountId(f.id(), "5111");
        // an unbalanced entry, written past Java: refused at commit by the deferred trigger
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            long id = jdbc.queryForObject("""
                    insert into fund_entry (fund_id, entry_date, period, description, idempotency_key, request_hash, source_kind, posted_by)
                    values (?, '2026-01-06', 202601, 'lệch', ?, 'x', 'MANUAL', 'sql') returning id""", Long.class, f.id(), "raw-" + SEQ.incrementAndGet());
            jdbc.update("insert into fund_line (entry_id, fund_id, period, account_id, debit, credit) values (?, ?, 202601, ?, 100, 0)", id, f.id(), bank);
            jdbc.update("insert into fund_line (entry_id, fund_id, period, account_id, debit, credit) values (?, ?, 202601, ?, 0, 99)", id, f.id(), income);
        })).hasStackTraceContaining("FUND_UNBALANCED");
        // posted rows never change
        assertThatThrownBy(() -> jdbc.update("update fund_line set debit = debit + 1 where entry_id = ?", e)).hasStackTraceContaining("FUND_IMMUTABLE");
        assertThatThrownBy(() -> jdbc.update("delete from fund_line where entry_id = ?", e)).hasStackTraceContaining("FUND_IMMUTABLE");
        assertThatThrownBy(() -> jdbc.update("update fund_entry set description = 'sửa' where id = ?", e)).hasStackTraceContaining("FUND_IMMUTABLE");
        // a balanced pair of lines added later to a posted entry: refused too
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            jdbc.update("insert into fund_line (entry_id, fund_id, period, account_id, debit, credit) values (?, ?, 202601, ?, 7, 0)", e, f.id(), bank);
            jdbc.update("insert into fund_line (entry_id, fund_id, period, account_id, debit, credit) values (?, ?, 202601, ?, 0, 7)", e, f.id(), income);
        })).hasStackTraceContaining("FUND_IMMUTABLE");
        // a closed month takes nothing, not even through SQL
        ledger.closeThrough(f.code(), Period.of(2026, 1));
        assertThatThrownBy(() -> jdbc.queryForObject("""
                insert into fund_entry (fund_id, entry_date, period, description, idempotency_key, request_hash, source_kind, posted_by)
                values (?, '2025-12-31', 202512, 'muộn', ?, 'x', 'MANUAL', 'sql') returning id""", Long.class, f.id(), "raw-" + SEQ.incrementAndGet()))
                .hasStackTraceContaining("FUND_PERIOD_CLOSED");
        assertThatThrownBy(() -> ledger.post(f.code(), gift(LocalDate.of(2026, 1, 31), 1), "k-" + SEQ.incrementAndGet()))
                .isInstanceOf(LedgerException.class).extracting(x -> ((LedgerException) x).code()).isEqualTo("PERIOD_CLOSED");
        assertThatThrownBy(() -> jdbc.update("delete from fund_period where fund_id = ?", f.id())).hasStackTraceContaining("FUND_IMMUTABLE");
        assertThat(ledger.recomputedBalances(f)).containsEntry("112", 500_000L).containsEntry("5111", 500_000L);
    }

    @Test
    void postingsAreIdempotentAndReversalsCorrect() {
        Funds.Fund f = newFund("00008");
        String key = "k-" + SEQ.incrementAndGet();
        FundLedger.Posted first = ledger.post(f.code(), gift(LocalDate.of(2026, 2, 1), 200_000), key);
        FundLedger.Posted again = ledger.post(f.code(), gift(LocalDate.of(2026, 2, 1), 200_000), key);
        assertThat(again).isEqualTo(new FundLedger.Posted(first.entryId(), true));
        assertThatThrownBy(() -> ledger.post(f.code(), gift(LocalDate.of(2026, 2, 1), 200_001), key))
                .isInstanceOf(LedgerException.class).extracting(x -> ((LedgerException) x).code()).isEqualTo("IDEMPOTENCY_CONFLICT");
        String rk = "r-" + SEQ.incrementAndGet();
        FundLedger.Posted r = ledger.reverse(f.code(), first.entryId(), LocalDate.of(2026, 2, 2), rk);
        assertThat(ledger.reverse(f.code(), first.entryId(), LocalDate.of(2026, 2, 2), rk)).isEqualTo(new FundLedger.Posted(r.entryId(), true));
        assertThatThrownBy(() -> ledger.reverse(f.code(), first.entryId(), LocalDate.of(2026, 2, 2), "r-" + SEQ.incrementAndGet()))
                .isInstanceOf(LedgerException.class).extracting(x -> ((LedgerException) x).code()).isEqualTo("ALREADY_REVERSED");
        assertThat(ledger.recomputedBalances(f)).containsEntry("112", 0L).containsEntry("5111", 0L);
        assertThat(jdbc.queryForObject("select count(*) from fund_entry where fund_id = ?", Integer.class, f.id())).isEqualTo(2);
        // the auditor reads, never writes
        as("kiemtoan", Role.AUDITOR, "00008");
        assertThat(ledger.trialBalance(f, LocalDate.of(2026, 12, 31))).isNotEmpty();
        assertThatThrownBy(() -> ledger.post(f.code(), gift(LocalDate.of(2026, 2, 3), 1), "k-" + SEQ.incrementAndGet()))
                .isInstanceOf(AccessDeniedException.class);
        // another commune's accountant does not write this fund
        as("ketoan-khac", Role.FUND_ACCOUNTANT, "00004");
        assertThatThrownBy(() -> ledger.post(f.code(), gift(LocalDate.of(2026, 2, 3), 1), "k-" + SEQ.incrementAndGet()))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void receiptsDisbursementsAndThePublicReportEqualTheTrialBalance() {
        Funds.Fund f = newFund("00004");
        int y = 2026;
        // January: a named person 3,000,000 by bank; an organisation 10,000,000 cash; February: 100 USD at 25,300 (bank's
        // buying rate) = 2,530,000 from an overseas Vietnamese; March: books in kind worth 1,200,000 from an anonymous donor
        Receipts.Receipt a = receipts.record(f.code(), req(LocalDate.of(y, 1, 10), "PERSON", "Nguyễn Thị Hoa", true, "BANK", "VND", null, null, null,
                3_000_000L, null, null), "rc-" + SEQ.incrementAndGet());
        receipts.record(f.code(), req(LocalDate.of(y, 1, 20), "ORGANISATION", "Công ty Sách Hà Nội", false, "CASH", "VND", null, null, null,
                10_000_000L, null, null), "rc-" + SEQ.incrementAndGet());
        Receipts.Receipt usd = receipts.record(f.code(), req(LocalDate.of(y, 2, 3), "OVERSEAS", "Trần Minh", true, "BANK", "USD",
                new BigDecimal("100"), new BigDecimal("25300"), "Tỷ giá mua chuyển khoản Vietcombank 03/02", null, null, null), "rc-" + SEQ.incrementAndGet());
        receipts.record(f.code(), req(LocalDate.of(y, 3, 1), "ANONYMOUS", null, false, "IN_KIND", "VND", null, null, null,
                1_200_000L, "50 bộ sách giáo khoa lớp 6", "Giá bìa của nhà xuất bản"), "rc-" + SEQ.incrementAndGet());
        assertThat(usd.amountVnd()).isEqualTo(2_530_000L);
        assertThat(a.number()).matches("BN-" + f.code().toUpperCase() + "-2026-0000[1-4]");
        assertThat(receipts.verify(a.verificationCode())).get().extracting(Receipts.Receipt::publicDonor).isEqualTo("Nguyễn Thị Hoa");
        // a foreign gift without the rate's source is refused, located
        assertThatThrownBy(() -> receipts.record(f.code(), req(LocalDate.of(y, 2, 3), "OVERSEAS", "X", false, "BANK", "EUR",
                new BigDecimal("10"), new BigDecimal("27000"), " ", null, null, null), "rc-" + SEQ.incrementAndGet()))
                .isInstanceOf(vn.hoctap.platform.ValidationException.class).hasMessageContaining("rate_source");

        long programme = disbursements.createProgramme(f.code(), "Học bổng Vượt khó 2026", y, "SCHOLARSHIP", "Học sinh nghèo học khá", 5_000_000);
        Disbursements.Disbursement d = disbursements.prepare(f.code(), new Disbursements.Request("SCHOLARSHIP", programme, "PERSON", "P-00004-000123",
                2_000_000, "BANK", "12/QĐ-KH", LocalDate.of(y, 3, 5), "Chủ tịch Hội", null), "d-" + SEQ.incrementAndGet());
        assertThatThrownBy(() -> disbursements.prepare(f.code(), new Disbursements.Request("SCHOLARSHIP", programme, "PERSON", "P-00004-000124",
                3_000_001, "BANK", "13/QĐ-KH", LocalDate.of(y, 3, 5), "Chủ tịch Hội", null), "d-" + SEQ.incrementAndGet()))
                .isInstanceOf(vn.hoctap.platform.ValidationException.class).hasMessageContaining("over-budget");
        // the preparer is an accountant (no approval right); a chair who prepared cannot approve their own
        as("chutich-00004", Role.ASSOCIATION_CHAIR, "00004");
        Disbursements.Disbursement own = disbursements.prepare(f.code(), new Disbursements.Request("CENTRE", null, "ORGANISATION",
                "TTHTCĐ phường Ba Đình", 1_500_000, "CASH", "14/QĐ-KH", LocalDate.of(y, 3, 6), "Chủ tịch Hội", null), "d-" + SEQ.incrementAndGet());
        assertThatThrownBy(() -> disbursements.approve(own.id())).isInstanceOf(LedgerException.class)
                .extracting(x -> ((LedgerException) x).code()).isEqualTo("MAKER_IS_CHECKER");
        assertThat(disbursements.approve(d.id()).status()).isEqualTo("APPROVED");
        as("phochutich-00004", Role.ASSOCIATION_CHAIR, "00004");
        disbursements.approve(own.id());
        // above the limit (10,000,000): the commune chair's approval waits for the city's
        as("ketoan-00004", Role.FUND_ACCOUNTANT, "00004");
        Disbursements.Disbursement big = disbursements.prepare(f.code(), new Disbursements.Request("CEREMONY", null, "ORGANISATION",
                "UBND phường Ba Đình", 10_000_001, "CASH", "15/QĐ-KH", LocalDate.of(y, 3, 7), "Chủ tịch Hội", null), "d-" + SEQ.incrementAndGet());
        as("chutich-00004", Role.ASSOCIATION_CHAIR, "00004");
        assertThat(disbursements.approve(big.id()).status()).isEqualTo("AWAITING_SECOND");
        assertThatThrownBy(() -> disbursements.approve(big.id())).isInstanceOf(LedgerException.class);
        as("phochutich-00004", Role.ASSOCIATION_CHAIR, "00004");
        assertThatThrownBy(() -> disbursements.approve(big.id())).isInstanceOf(LedgerException.class)
                .extracting(x -> ((LedgerException) x).code()).isEqualTo("NEXT_LEVEL");
        as("chutich-thanhpho", Role.ASSOCIATION_CHAIR, "01");
        assertThat(disbursements.approve(big.id()).status()).isEqualTo("APPROVED");

        FundReports.Report r = reports.report(f, y);
        // by hand: income 3,000,000 + 10,000,000 + 2,530,000 + 1,200,000 = 16,730,000
        //          spending 2,000,000 + 1,500,000 + 10,000,001 = 13,500,001 (paid in the month of approval)
        assertThat(r.incomeTotal()).isEqualTo(16_730_000L);
        assertThat(r.spendingTotal()).isEqualTo(13_500_001L);
        assertThat(r.opening()).isZero();
        assertThat(r.closing()).isEqualTo(16_730_000L - 13_500_001L);
        assertThat(r.income().stream().filter(s -> s.code().equals("5111")).findFirst().orElseThrow().months()[0]).isEqualTo(3_000_000L);
        assertThat(r.income().stream().filter(s -> s.code().equals("5113")).findFirst().orElseThrow().months()[1]).isEqualTo(2_530_000L);
        assertThat(r.donors()).extracting(FundReports.NamedDonor::name).containsExactly("Nguyễn Thị Hoa", "Trần Minh");
        assertThat(r.spending().stream().filter(p -> p.code().equals("6111")).findFirst().orElseThrow().persons()).isEqualTo(1);
        // the same figures as the trial balance of the ledger
        List<FundLedger.TrialRow> trial = ledger.trialBalance(f, y * 100 + 1, y * 100 + 12);
        long tIncome = trial.stream().filter(t -> t.code().startsWith("511")).mapToLong(FundLedger.TrialRow::balance).sum();
        long tSpend = trial.stream().filter(t -> t.code().startsWith("611")).mapToLong(FundLedger.TrialRow::balance).sum();
        assertThat(r.incomeTotal()).isEqualTo(tIncome);
        assertThat(r.spendingTotal()).isEqualTo(tSpend);
        assertThat(trial.stream().mapToLong(FundLedger.TrialRow::debit).sum()).isEqualTo(trial.stream().mapToLong(FundLedger.TrialRow::credit).sum());
        // and after closing January, the frozen baseline gives the same report
        ledger.closeThrough(f.code(), Period.of(y, 1));
        FundReports.Report after = reports.report(f, y);
        assertThat(after.incomeTotal()).isEqualTo(r.incomeTotal());
        assertThat(after.closing()).isEqualTo(r.closing());
        assertThat(after.income().get(0).months()).isEqualTo(r.income().get(0).months());
    }

    static Receipts.Request req(LocalDate d, String kind, String name, boolean publish, String form, String currency, BigDecimal foreign,
                                BigDecimal rate, String rateSource, Long vnd, String inKind, String valuation) {
        return new Receipts.Request(d, kind, name, publish, null, form, currency, foreign, rate, rateSource, vnd, inKind, valuation, null, null, null, null);
    }
}
